import type { ProjectionEvent } from '@foresight/projections';
import { RecordDoc, RecordsEvent, recordsProjection } from './records.projection';
import { rejectionsProjection, RejectionsEvent } from '../../sync/projections/rejections.projection';

const key = { tenantId: 't', source: 'crm', entity: 'account' as const, externalId: 'crm-42' };
let revision = 0;
const event = <E extends RecordsEvent | RejectionsEvent>(type: E['type'], data: E['data'], minute: number) =>
  ({
    id: `e${revision}`,
    type,
    data,
    stream: 'record-r1',
    revision: revision++,
    tenantId: 't',
    occurredAt: new Date(`2025-06-16T09:${String(minute).padStart(2, '0')}:00Z`),
  }) as ProjectionEvent as E;

const fold = (events: RecordsEvent[]) =>
  events.reduce<RecordDoc | null>((doc, e) => recordsProjection.evolve(doc, e), null);

describe('records projection', () => {
  const created = event<RecordsEvent>(
    'SourceCreated',
    { recordId: 'r1', key, accountId: 'r1', contentHash: 'h1', payload: { name: 'Acme' }, receivedAt: 'x' },
    1,
  );
  const updated = event<RecordsEvent>(
    'SourceUpdated',
    {
      recordId: 'r1',
      key: { ...key, source: 'hubspot' },
      accountId: 'r1',
      contentHash: 'h2',
      previousHash: 'h1',
      changedFields: ['name'],
      payload: { name: 'Acme Inc' },
      receivedAt: 'x',
    },
    2,
  );

  it('keeps the current data, the last change and who sent it', () => {
    expect(fold([created, updated])).toMatchObject({
      status: 'active',
      source: 'hubspot',
      data: { name: 'Acme Inc' },
      lastChange: 'updated',
      changedFields: ['name'],
      versions: 2,
      createdAt: '2025-06-16T09:01:00.000Z',
      updatedAt: '2025-06-16T09:02:00.000Z',
    });
  });

  it('an account carries the features of its usage stream; a removal keeps the last data', () => {
    const features = event<RecordsEvent>(
      'AccountFeaturesComputed',
      {
        accountId: 'r1',
        accountExternalId: 'crm-42',
        features: { samples: 3 } as never,
        featuresHash: 'f',
        computedAt: 'c',
      },
      3,
    );
    const removed = event<RecordsEvent>(
      'SourceRemoved',
      {
        recordId: 'r1',
        key,
        accountId: 'r1',
        reason: 'deleted in CRM',
        removedAt: '2025-06-16T09:04:00.000Z',
      },
      4,
    );
    expect(fold([created, features, removed])).toMatchObject({
      status: 'removed',
      reason: 'deleted in CRM',
      removedAt: '2025-06-16T09:04:00.000Z',
      data: { name: 'Acme' },
      features: { samples: 3 },
      featuresComputedAt: 'c',
    });
    // Features for an account the read model has not seen create no orphan document.
    expect(fold([features])).toBeNull();
  });
});

describe('rejections projection', () => {
  it('keeps the first rejection of an input that is rejected again (a redelivered chunk)', () => {
    const first = event<RejectionsEvent>(
      'RecordRejected',
      {
        syncId: 's1',
        rejectionId: 'rej-1',
        source: 'crm',
        entity: 'account',
        via: 'kafka',
        index: 7,
        externalId: 'crm-9',
        errors: [{ field: 'name', errors: ['name must be a string'] }],
        raw: '{}',
        rejectedAt: '2025-06-16T09:00:00.000Z',
      },
      1,
    );
    const again = event<RejectionsEvent>('RecordRejected', { ...first.data, syncId: 's2' }, 2);
    const doc = rejectionsProjection.evolve(rejectionsProjection.evolve(null, first), again);
    expect(doc).toMatchObject({ syncId: 's1', rejectionId: 'rej-1' });
  });
});
