import {
  AccountFeaturesChangedPayload,
  AccountSignalChangedPayload,
  USAGE_METRICS,
} from '@foresight/contracts';
import { defineProjection, ProjectionEvent } from '@foresight/projections';

/**
 * What an account's usage and feedback say lately, as the next best actions rank on it. Fed from
 * ingestion.account-features.v1 and voc.account-signals.v1; a separate document from the record
 * snapshot so that each is written by exactly one consumer (FerretDB needs one writer per document).
 */
export interface AccountSignalsDoc {
  accountId: string;
  usage: { activeUsers: number; actionsTrend: number; weakestArea: string | null; asOf: string } | null;
  voc: { rollingSentiment: number; latestNps: number | null; negativeCount: number; at: string } | null;
}

export type AccountSignalEvent =
  | ProjectionEvent<'AccountFeaturesChanged', AccountFeaturesChangedPayload>
  | ProjectionEvent<'AccountSignalChanged', AccountSignalChangedPayload>;

/** The product area with the fewest actions in the window; none when nothing was used at all. */
function weakestArea(features: AccountFeaturesChangedPayload['features']): string | null {
  if (features.totalActions <= 0) return null;
  let weakest: string | null = null;
  let least = Infinity;
  for (const metric of USAGE_METRICS) {
    const sum = features.actions[metric]?.sum ?? 0;
    if (sum < least) [weakest, least] = [metric, sum];
  }
  return weakest;
}

export const accountSignalsProjection = defineProjection<AccountSignalsDoc, AccountSignalEvent>({
  name: 'report-engine-account-signals',
  version: 1,
  collectionBase: 're_account_signals',
  handles: ['AccountFeaturesChanged', 'AccountSignalChanged'],
  id: (e) => e.data.accountId,
  evolve: (current, e) => {
    const doc = current ?? { accountId: e.data.accountId, usage: null, voc: null };
    if (e.type === 'AccountFeaturesChanged') {
      const f = e.data.features;
      return {
        ...doc,
        usage: {
          activeUsers: f.activeUsers,
          actionsTrend: f.actionsTrend,
          weakestArea: weakestArea(f),
          asOf: f.asOf,
        },
      };
    }
    const { rollingSentiment, latestNps, negativeCount, at } = e.data;
    return { ...doc, voc: { rollingSentiment, latestNps: latestNps ?? null, negativeCount, at } };
  },
});
