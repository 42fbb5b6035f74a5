import { assertNever, Decider, DomainError } from '@foresight/domain';
import { changedFields, contentHash } from './content-hash';
import { RecordCommand } from './record.commands';
import { RecordEvent } from './record.events';
import { recordIdFor } from './record-key';
import { initialRecord, SourceRecord } from './record.state';

/*
 * The seed's warehouse-sync lifecycle: Source_Created, Source_Updated, Source_Removed,
 * Source_Unresolvable. A re-sent record with the same content is a no-op, so syncs can resend
 * everything without waking every downstream consumer. Removal and unresolvability may arrive
 * for a record never seen (the seed's [*] → Source_Removed), and are recorded all the same.
 */
export function decide(command: RecordCommand, state: SourceRecord): RecordEvent[] {
  const { key, at } = command.data;
  const recordId = recordIdFor(key);

  switch (command.type) {
    case 'ReceiveRecord': {
      const { payload } = command.data;
      const hash = contentHash(payload);
      const current = state.status === 'ACTIVE' || state.status === 'UNRESOLVABLE' ? state : null;
      if (!current?.contentHash || !current.payload)
        return [
          { type: 'SourceCreated', data: { recordId, key, contentHash: hash, payload, receivedAt: at } },
        ];
      if (current.contentHash === hash) return [];
      // An unresolvable record that changes may resolve now; it becomes active again.
      return [
        {
          type: 'SourceUpdated',
          data: {
            recordId,
            key,
            contentHash: hash,
            previousHash: current.contentHash,
            changedFields: changedFields(current.payload, payload),
            payload,
            receivedAt: at,
          },
        },
      ];
    }

    case 'RemoveRecord':
      if (state.status === 'REMOVED') return [];
      return [
        {
          type: 'SourceRemoved',
          data: { recordId, key, reason: command.data.reason ?? null, removedAt: at },
        },
      ];

    case 'MarkUnresolvable':
      if (state.status === 'UNRESOLVABLE') return [];
      if (state.status === 'REMOVED')
        throw new DomainError(
          'RECORD.INVALID_TRANSITION',
          `Record ${recordId} was removed: it cannot become unresolvable`,
          'conflict',
          { recordId, status: state.status, command: command.type },
        );
      return [
        { type: 'SourceUnresolvable', data: { recordId, key, reason: command.data.reason, detectedAt: at } },
      ];

    default:
      return assertNever(command, 'record command');
  }
}

export function evolve(state: SourceRecord, event: RecordEvent): SourceRecord {
  const { recordId, key } = event.data;
  switch (event.type) {
    case 'SourceCreated':
    case 'SourceUpdated':
      return {
        status: 'ACTIVE',
        recordId,
        key,
        contentHash: event.data.contentHash,
        payload: event.data.payload,
      };
    case 'SourceRemoved':
      return { status: 'REMOVED', recordId, key };
    case 'SourceUnresolvable':
      return {
        status: 'UNRESOLVABLE',
        recordId,
        key,
        contentHash: state.status === 'ACTIVE' ? state.contentHash : null,
        payload: state.status === 'ACTIVE' ? state.payload : null,
        reason: event.data.reason,
      };
    default:
      return assertNever(event, 'record event');
  }
}

export const recordDecider: Decider<SourceRecord, RecordCommand, RecordEvent> = {
  initialState: initialRecord,
  decide,
  evolve,
};
