import {
  FeedbackReceived,
  FeedbackReceivedPayload,
  OutcomeObserved,
  OutcomeObservedPayload,
  RecordRemoved,
  RecordRemovedPayload,
  RecordUnresolvable,
  RecordUnresolvablePayload,
  RecordUpserted,
  RecordUpsertedPayload,
} from '@foresight/contracts';
import type { RecordedEvent } from '@foresight/eventstore';
import type { Route } from '@foresight/messaging';
import type { RecordEvent } from '../domain/record.events';

const refOf = (e: RecordEvent) => ({
  recordId: e.data.recordId,
  entity: e.data.key.entity,
  source: e.data.key.source,
  externalId: e.data.key.externalId,
  accountId: e.data.accountId,
});

/**
 * A record stream's events as other services see them, on `ingestion.records.v1` keyed by the
 * account id (so everything about one account stays in order), plus FeedbackReceived for feedback.
 */
export function recordRoute(stored: RecordedEvent): Route | undefined {
  const e = stored as unknown as RecordEvent;
  switch (e.type) {
    case 'SourceCreated':
    case 'SourceUpdated': {
      const payload: RecordUpsertedPayload = {
        ...refOf(e),
        at: e.data.receivedAt,
        change: e.type === 'SourceCreated' ? 'created' : 'updated',
        changedFields: e.type === 'SourceUpdated' ? e.data.changedFields : [],
        data: { ...e.data.payload },
      };
      return { topic: RecordUpserted.topic, type: RecordUpserted.type, key: e.data.accountId, payload };
    }
    case 'SourceRemoved': {
      const payload: RecordRemovedPayload = { ...refOf(e), at: e.data.removedAt, reason: e.data.reason };
      return { topic: RecordRemoved.topic, type: RecordRemoved.type, key: e.data.accountId, payload };
    }
    case 'SourceUnresolvable': {
      const payload: RecordUnresolvablePayload = {
        ...refOf(e),
        at: e.data.detectedAt,
        reason: e.data.reason,
      };
      return {
        topic: RecordUnresolvable.topic,
        type: RecordUnresolvable.type,
        key: e.data.accountId,
        payload,
      };
    }
    case 'FeedbackCaptured': {
      const f = e.data.feedback;
      const payload: FeedbackReceivedPayload = {
        feedbackId: e.data.recordId,
        accountId: e.data.accountId,
        channel: f['channel'] as FeedbackReceivedPayload['channel'],
        score: typeof f['score'] === 'number' ? f['score'] : null,
        text: typeof f['text'] === 'string' ? f['text'] : '',
        at: f['at'] as string,
      };
      return { topic: FeedbackReceived.topic, type: FeedbackReceived.type, key: e.data.accountId, payload };
    }
    case 'OutcomeObserved': {
      const subjectType = e.data.key.entity;
      if (subjectType !== 'account' && subjectType !== 'contract' && subjectType !== 'subscription')
        return undefined;
      const payload: OutcomeObservedPayload = {
        factId: e.data.factId,
        accountId: e.data.accountId,
        fact: e.data.fact,
        subjectType,
        subjectId: e.data.recordId,
        amountBefore: e.data.amountBefore,
        amountAfter: e.data.amountAfter,
        effectiveAt: e.data.effectiveAt,
        at: e.data.observedAt,
      };
      return { topic: OutcomeObserved.topic, type: OutcomeObserved.type, key: e.data.accountId, payload };
    }
    default:
      return undefined;
  }
}
