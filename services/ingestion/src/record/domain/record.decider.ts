import { assertNever, Decider } from '@foresight/domain';
import { v5 as uuidv5 } from 'uuid';
import { changedFields, contentHash } from './content-hash';
import { RecordCommand } from './record.commands';
import { recordError } from './record.errors';
import { RecordEvent } from './record.events';
import { accountIdFor, RecordKey, recordIdFor } from './record-key';
import { initialRecord, SourceRecord } from './record.state';
import { outcomeFactsOf } from './outcome-facts';

type Payload = Readonly<Record<string, unknown>>;

/** Fixed forever: fact ids derive from it, so a replay republishes the same ids. */
const FACT_NAMESPACE = 'e7a4c1d2-3b5f-4a69-8c0e-1d2f3a4b5c6d';

/** The outcome facts of a change from `before` to `after` (null: absent), as events. */
function outcomes(
  key: RecordKey,
  recordId: string,
  accountId: string,
  changeId: string,
  before: Payload | null,
  after: Payload | null,
  at: string,
): RecordEvent[] {
  return outcomeFactsOf(key.entity, before, after, at).map((f) => ({
    type: 'OutcomeObserved',
    data: {
      recordId,
      key,
      accountId,
      factId: uuidv5(`${changeId}|${f.fact}`, FACT_NAMESPACE),
      fact: f.fact,
      amountBefore: f.amountBefore,
      amountAfter: f.amountAfter,
      effectiveAt: f.effectiveAt,
      observedAt: at,
    },
  }));
}

/** An account is its own account; other records name theirs, or inherit it from what was received before. */
function accountOf(key: RecordKey, payload: Payload | null, state: SourceRecord): string | null {
  if (key.entity === 'account') return recordIdFor(key);
  const external = payload?.['accountExternalId'];
  if (typeof external === 'string' && external) return accountIdFor(key.tenantId, external);
  return state.status === 'EMPTY' ? null : state.accountId;
}

/*
 * The seed's warehouse-sync lifecycle: Source_Created, Source_Updated, Source_Removed,
 * Source_Unresolvable. A re-sent record with the same content is a no-op, so syncs can resend
 * everything without waking every downstream consumer. Removal and unresolvability may arrive
 * for an account never seen (the seed's [*] → Source_Removed), and are recorded all the same; for
 * other records the account they belong to is then unknown, so they are refused.
 */
export function decide(command: RecordCommand, state: SourceRecord): RecordEvent[] {
  const { key, at } = command.data;
  const recordId = recordIdFor(key);
  const refuseUnknown = () =>
    recordError('RECORD.UNKNOWN', `${key.entity} ${key.externalId} not found`, 'not_found', {
      recordId,
      entity: key.entity,
      externalId: key.externalId,
    });

  switch (command.type) {
    case 'ReceiveRecord': {
      const { payload, changeId } = command.data;
      const accountId = accountOf(key, payload, state);
      if (!accountId)
        throw recordError(
          'RECORD.NO_ACCOUNT',
          `${key.entity} ${key.externalId} names no account (accountExternalId)`,
          'invalid',
          { recordId },
        );
      const hash = contentHash(payload);
      const current = state.status === 'ACTIVE' || state.status === 'UNRESOLVABLE' ? state : null;
      const feedback = (): RecordEvent[] =>
        key.entity === 'feedback'
          ? [
              {
                type: 'FeedbackCaptured',
                data: { recordId, key, accountId, feedback: payload, receivedAt: at },
              },
            ]
          : [];
      if (!current?.contentHash || !current.payload)
        return [
          {
            type: 'SourceCreated',
            data: { recordId, key, accountId, contentHash: hash, payload, receivedAt: at },
          },
          ...feedback(),
          ...outcomes(key, recordId, accountId, changeId, null, payload, at),
        ];
      if (current.contentHash === hash) return [];
      // An unresolvable record that changes may resolve now; it becomes active again.
      return [
        {
          type: 'SourceUpdated',
          data: {
            recordId,
            key,
            accountId,
            contentHash: hash,
            previousHash: current.contentHash,
            changedFields: changedFields(current.payload, payload),
            payload,
            receivedAt: at,
          },
        },
        ...feedback(),
        ...outcomes(key, recordId, accountId, changeId, current.payload, payload, at),
      ];
    }

    case 'RemoveRecord': {
      const { onlyIfKnown, resolveSource } = command.data;
      if (state.status === 'REMOVED') return [];
      if (state.status === 'EMPTY' && onlyIfKnown) throw refuseUnknown();
      const holder = state.status === 'EMPTY' ? null : state.key.source;
      // An addressed removal never removes another source's record under its own name.
      if (holder && onlyIfKnown && !resolveSource && holder !== key.source)
        throw recordError(
          'RECORD.SOURCE_MISMATCH',
          `${key.entity} ${key.externalId} is held by source ${holder}, not ${key.source}`,
          'conflict',
          { recordId, field: 'source', heldBy: holder },
        );
      const removedKey = holder && resolveSource ? { ...key, source: holder } : key;
      const accountId = accountOf(key, null, state);
      if (!accountId) throw refuseUnknown();
      const before = state.status === 'ACTIVE' || state.status === 'UNRESOLVABLE' ? state.payload : null;
      return [
        {
          type: 'SourceRemoved',
          data: {
            recordId,
            key: removedKey,
            accountId,
            reason: command.data.reason ?? null,
            removedAt: at,
          },
        },
        ...outcomes(removedKey, recordId, accountId, command.data.changeId, before, null, at),
      ];
    }
    case 'MarkUnresolvable': {
      if (state.status === 'UNRESOLVABLE') return [];
      if (state.status === 'REMOVED')
        throw recordError(
          'RECORD.INVALID_TRANSITION',
          `Record ${recordId} was removed: it cannot become unresolvable`,
          'conflict',
          { recordId, status: state.status, command: command.type },
        );
      const accountId = accountOf(key, null, state);
      if (!accountId) throw refuseUnknown();
      return [
        {
          type: 'SourceUnresolvable',
          data: { recordId, key, accountId, reason: command.data.reason, detectedAt: at },
        },
      ];
    }

    default:
      return assertNever(command, 'record command');
  }
}

export function evolve(state: SourceRecord, event: RecordEvent): SourceRecord {
  const { recordId, key, accountId } = event.data;
  switch (event.type) {
    case 'SourceCreated':
    case 'SourceUpdated':
      return {
        status: 'ACTIVE',
        recordId,
        key,
        accountId,
        contentHash: event.data.contentHash,
        payload: event.data.payload,
      };
    case 'SourceRemoved':
      return { status: 'REMOVED', recordId, key, accountId };
    case 'SourceUnresolvable':
      return {
        status: 'UNRESOLVABLE',
        recordId,
        key,
        accountId,
        contentHash: state.status === 'ACTIVE' ? state.contentHash : null,
        payload: state.status === 'ACTIVE' ? state.payload : null,
        reason: event.data.reason,
      };
    case 'FeedbackCaptured':
    case 'OutcomeObserved':
      return state;
    default:
      return assertNever(event, 'record event');
  }
}

export const recordDecider: Decider<SourceRecord, RecordCommand, RecordEvent> = {
  initialState: initialRecord,
  decide,
  evolve,
};
