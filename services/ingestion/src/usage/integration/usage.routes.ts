import { AccountFeaturesChanged, AccountFeaturesChangedPayload } from '@foresight/contracts';
import type { RecordedEvent } from '@foresight/eventstore';
import type { Route } from '@foresight/messaging';
import type { UsageEvent } from '../domain/usage.events';

/** Features leave the service (ml-scoring rescores on them); usage periods stay inside. */
export function usageRoute(stored: RecordedEvent): Route | undefined {
  const e = stored as unknown as UsageEvent;
  if (e.type !== 'AccountFeaturesComputed') return undefined;
  const payload = {
    accountId: e.data.accountId,
    features: e.data.features,
  } as AccountFeaturesChangedPayload;
  return {
    topic: AccountFeaturesChanged.topic,
    type: AccountFeaturesChanged.type,
    key: e.data.accountId,
    payload,
  };
}
