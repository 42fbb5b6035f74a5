import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { CompleteSync } from './sync.commands';
import { syncDecider } from './sync.decider';
import { SyncEvent } from './sync.events';

const spec = DeciderSpecification.for(syncDecider);
const base = {
  syncId: 'sync-1',
  source: 'crm',
  entity: 'account' as const,
  via: 'api' as const,
  actor: 'key:abcd1234',
  startedAt: '2025-06-16T09:00:00.000Z',
  finishedAt: '2025-06-16T09:00:00.250Z',
};
const rejection = {
  rejectionId: 'r-1',
  index: 1,
  externalId: 'crm-2',
  errors: [
    { field: 'lifecycle', errors: ['lifecycle must be one of the following values: customer, prospect'] },
  ],
  raw: '{"externalId":"crm-2","lifecycle":"lead"}',
};
const complete = (accepted: number, unchanged: number, rejections = [rejection]): CompleteSync => ({
  type: 'CompleteSync',
  data: { ...base, received: accepted + unchanged + rejections.length, accepted, unchanged, rejections },
});
const summary = (accepted: number, unchanged: number, rejected: number, status: string): SyncEvent =>
  ({
    type: 'SyncCompleted',
    data: {
      ...base,
      received: accepted + unchanged + rejected,
      accepted,
      unchanged,
      rejected,
      status,
      durationMs: 250,
    },
  }) as SyncEvent;

describe('open sync', () => {
  it('records each rejection, then the summary with counts, duration and status', () => {
    spec
      .given([])
      .when(complete(2, 1))
      .then([
        {
          type: 'RecordRejected',
          data: {
            syncId: 'sync-1',
            source: 'crm',
            entity: 'account',
            via: 'api',
            ...rejection,
            rejectedAt: base.finishedAt,
          },
        },
        summary(2, 1, 1, 'partial'),
      ]);
  });

  it('is succeeded without rejections and failed when nothing got through', () => {
    spec
      .given([])
      .when(complete(3, 0, []))
      .then(summary(3, 0, 0, 'succeeded'));
    spec
      .given([])
      .when(complete(0, 0))
      .then([expect.objectContaining({ type: 'RecordRejected' }) as SyncEvent, summary(0, 0, 1, 'failed')]);
  });
});

describe('completed sync', () => {
  it('completing it again (a redelivered chunk) changes nothing', () => {
    spec
      .given([summary(2, 1, 1, 'partial')])
      .when(complete(2, 1))
      .thenNothingHappened();
  });
});

describe('uploaded file (a long sync)', () => {
  const started: SyncEvent = {
    type: 'SyncStarted',
    data: { ...base, via: 'upload', fileName: 'accounts.csv', bytes: 1200, startedAt: base.startedAt },
  };
  const progress = {
    syncId: 'sync-1',
    source: 'crm',
    rowsRead: 500,
    bytesRead: 600,
    accepted: 490,
    unchanged: 0,
    rejected: 10,
    batchSyncId: 'batch-1',
    at: base.finishedAt,
  };

  it('starts once, reports progress while running, then completes', () => {
    spec
      .given([])
      .when({ type: 'StartSync', data: started.data as Extract<SyncEvent, { type: 'SyncStarted' }>['data'] })
      .then(started);
    spec
      .given([started])
      .when({ type: 'StartSync', data: started.data as Extract<SyncEvent, { type: 'SyncStarted' }>['data'] })
      .thenNothingHappened();
    spec
      .given([started])
      .when({ type: 'RecordSyncProgress', data: progress })
      .then({ type: 'SyncProgressed', data: progress });
    spec
      .given([started, { type: 'SyncProgressed', data: progress }])
      .when(complete(2, 1))
      .then([expect.objectContaining({ type: 'RecordRejected' }) as SyncEvent, summary(2, 1, 1, 'partial')]);
  });

  it('refuses progress for a sync that is not running', () => {
    spec
      .given([])
      .when({ type: 'RecordSyncProgress', data: progress })
      .thenThrows(DomainError, (e) => e.code === 'SYNC.NOT_RUNNING');
  });
});
