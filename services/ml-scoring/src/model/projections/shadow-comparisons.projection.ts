import { defineProjection, ProjectionEvent } from '@foresight/projections';
import type { ShadowScored } from '../../score/domain/account-score.events';

/** A shadow model's latest score of one account beside the served model's, on the same inputs. */
export interface ShadowComparisonDoc {
  modelId: string;
  accountId: string;
  outcome: string;
  probability: number;
  prediction: 0 | 1;
  served: ShadowScored['data']['served'];
  scoredAt: string;
}

type E = ProjectionEvent<ShadowScored['type'], ShadowScored['data']>;

export const shadowComparisonsProjection = defineProjection<ShadowComparisonDoc, E>({
  name: 'ml-shadow-comparisons',
  version: 1,
  collectionBase: 'ml_shadow_comparisons',
  handles: ['ShadowScored'],
  id: (e) => `${e.tenantId}:${e.data.modelId}:${e.data.accountId}`,
  evolve: (_doc, e) => ({
    modelId: e.data.modelId,
    accountId: e.data.accountId,
    outcome: e.data.outcome,
    probability: e.data.probability,
    prediction: e.data.prediction,
    served: e.data.served,
    scoredAt: e.data.scoredAt,
  }),
  indexes: [{ fields: { tenantId: 1, modelId: 1 }, why: "a shadow model's comparisons" }],
});
