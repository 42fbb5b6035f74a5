import { assertNever, Decider, DomainError } from '@foresight/domain';
import { CompleteSync, SyncCommand } from './sync.commands';
import { SyncEvent, SyncStatus } from './sync.events';
import { initialSync, Sync } from './sync.state';

export function statusOf(counts: { accepted: number; unchanged: number; rejected: number }): SyncStatus {
  if (counts.rejected === 0) return 'succeeded';
  return counts.accepted + counts.unchanged === 0 ? 'failed' : 'partial';
}

/**
 * A sync is written once: its rejections, then its summary. A redelivered upstream chunk completes
 * the same sync again, which is a no-op, so it neither doubles the history nor the pipeline errors.
 * An uploaded file is a long sync: started, then progress after each batch, then completed.
 */
export function decide(command: SyncCommand, state: Sync): SyncEvent[] {
  if (state.status === 'COMPLETED') return [];
  switch (command.type) {
    case 'StartSync':
      // Starting twice (a retried request) is the same start.
      return state.status === 'OPEN' ? [{ type: 'SyncStarted', data: { ...command.data } }] : [];
    case 'RecordSyncProgress':
      if (state.status !== 'RUNNING')
        throw new DomainError('SYNC.NOT_RUNNING', `sync ${command.data.syncId} is not running`, 'conflict');
      return [{ type: 'SyncProgressed', data: { ...command.data } }];
    case 'CompleteSync':
      return complete(command);
    default:
      return assertNever(command, 'sync command');
  }
}

function complete(command: CompleteSync): SyncEvent[] {
  const {
    syncId,
    source,
    entity,
    via,
    actor,
    received,
    accepted,
    unchanged,
    rejections,
    startedAt,
    finishedAt,
  } = command.data;
  const rejected = rejections.length;
  return [
    ...rejections.map((r): SyncEvent => ({
      type: 'RecordRejected',
      data: { syncId, source, entity, via, ...r, rejectedAt: finishedAt },
    })),
    {
      type: 'SyncCompleted',
      data: {
        syncId,
        source,
        entity,
        via,
        actor,
        received,
        accepted,
        unchanged,
        rejected,
        status: statusOf({ accepted, unchanged, rejected }),
        startedAt,
        finishedAt,
        durationMs: Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt)),
        ...(command.data.fileName === undefined ? {} : { fileName: command.data.fileName }),
      },
    },
  ];
}

export function evolve(state: Sync, event: SyncEvent): Sync {
  switch (event.type) {
    case 'RecordRejected':
    case 'SyncProgressed':
      return state;
    case 'SyncStarted':
      return { status: 'RUNNING' };
    case 'SyncCompleted':
      return { status: 'COMPLETED' };
    default:
      return assertNever(event, 'sync event');
  }
}

export const syncDecider: Decider<Sync, SyncCommand, SyncEvent> = {
  initialState: initialSync,
  decide,
  evolve,
};
