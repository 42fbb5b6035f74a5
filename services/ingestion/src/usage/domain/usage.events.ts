import type { AccountFeatures, UsageMetric } from '@foresight/contracts';
import { Event } from '@foresight/domain';

type Counts = Readonly<Record<UsageMetric, number>>;

/** One period of an account's usage, new or corrected (a re-sent period with other counts replaces it). */
export type UsageRecorded = Event<
  'UsageRecorded',
  {
    accountId: string;
    accountExternalId: string;
    source: string;
    /** Start of the period, normalised to ISO-8601 UTC: the period's identity on the stream. */
    period: string;
    actions: Counts;
    users: Counts;
    contentHash: string;
    /** The hash of the counts this replaces; null for a period seen for the first time. */
    previousHash: string | null;
    recordedAt: string;
  }
>;

/** The account's aggregate moved (new usage, or new firmographics on its account record). */
export type AccountFeaturesComputed = Event<
  'AccountFeaturesComputed',
  {
    accountId: string;
    accountExternalId: string;
    features: AccountFeatures;
    featuresHash: string;
    computedAt: string;
  }
>;

export type UsageEvent = UsageRecorded | AccountFeaturesComputed;

export const USAGE_EVENT_TYPES = [
  'UsageRecorded',
  'AccountFeaturesComputed',
] as const satisfies readonly UsageEvent['type'][];
