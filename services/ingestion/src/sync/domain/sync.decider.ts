import { assertNever, Decider } from '@foresight/domain';
import { SyncCommand } from './sync.commands';
import { SyncEvent, SyncStatus } from './sync.events';
import { initialSync, Sync } from './sync.state';

export function statusOf(counts: { accepted: number; unchanged: number; rejected: number }): SyncStatus {
  if (counts.rejected === 0) return 'succeeded';
  return counts.accepted + counts.unchanged === 0 ? 'failed' : 'partial';
}

/**
 * A sync is written once: its rejections, then its summary. A redelivered upstream chunk completes
 * the same sync again, which is a no-op, so it neither doubles the history nor the pipeline errors.
 */
export function decide(command: SyncCommand, state: Sync): SyncEvent[] {
  if (state.status === 'COMPLETED') return [];
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
      },
    },
  ];
}

export function evolve(state: Sync, event: SyncEvent): Sync {
  switch (event.type) {
    case 'RecordRejected':
      return state;
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
