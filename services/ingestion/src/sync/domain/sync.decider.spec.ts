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
