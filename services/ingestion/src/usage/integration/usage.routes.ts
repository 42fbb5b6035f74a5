import {
  AccountFeaturesChanged,
  AccountFeaturesChangedPayload,
  UsageRecorded,
  UsageRecordedPayload,
} from '@foresight/contracts';
import type { RecordedEvent } from '@foresight/eventstore';
import type { Route } from '@foresight/messaging';
import type { UsageEvent } from '../domain/usage.events';

/**
 * Features leave the service (ml-scoring rescores on them), and so does every recorded period with
 * its own time (point-in-time training sets rebuild features as of any cut-off). One stored period
 * is one message: the relay publishes one message per event.
 */
export function usageRoute(stored: RecordedEvent): Route | undefined {
  const e = stored as unknown as UsageEvent;
  switch (e.type) {
    case 'AccountFeaturesComputed': {
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
    case 'UsageRecorded': {
      const payload: UsageRecordedPayload = {
        accountId: e.data.accountId,
        accountExternalId: e.data.accountExternalId,
        source: e.data.source,
        rows: [{ at: e.data.period, actions: { ...e.data.actions }, users: { ...e.data.users } }],
        at: e.data.recordedAt,
      };
      return { topic: UsageRecorded.topic, type: UsageRecorded.type, key: e.data.accountId, payload };
    }
    default:
      return undefined;
  }
}
