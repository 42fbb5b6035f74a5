import { DomainError } from '@foresight/domain';
import { IngestRecords, IngestRecordsInput } from './ingest-records.command';

const input: IngestRecordsInput = {
  tenantId: '5f0c1c2e-8a4b-4f7d-9e21-3b6a0d9c7e14',
  source: 'crm',
  entity: 'account',
  via: 'kafka',
  syncId: 'sync-1',
  actor: 'upstream',
  receivedAt: new Date('2025-06-16T09:00:00Z'),
  records: [
    { op: 'upsert', value: { externalId: 'a-1', name: 'A', lifecycle: 'customer' }, index: 0, origin: 'o#0' },
    { op: 'upsert', value: { externalId: 'a-2', name: '', lifecycle: 'customer' }, index: 1, origin: 'o#1' },
  ],
};

describe('IngestRecords', () => {
  it('judges every record on creation, whichever way the batch came', () => {
    const command = IngestRecords.create(input);
    expect(command.items.map((item) => item.verdict.ok)).toEqual([true, false]);
  });

  it('refuses a batch that is malformed as a whole, naming the field', () => {
    const refused = (over: Partial<IngestRecordsInput>) => {
      try {
        IngestRecords.create({ ...input, ...over });
      } catch (err) {
        return err instanceof DomainError
          ? {
              code: err.code,
              kind: err.kind,
              field: (err.details?.['fields'] as { field: string }[])[0]?.field,
            }
          : err;
      }
      return 'accepted';
    };
    expect(refused({ tenantId: 'acme' })).toEqual({
      code: 'INGESTION.INVALID_BATCH',
      kind: 'invalid',
      field: 'tenantId',
    });
    expect(refused({ source: 'CRM!' })).toMatchObject({ field: 'source' });
    expect(refused({ records: [] })).toMatchObject({ field: 'records' });
  });
});
