import { MAX_BATCH, RECORD_ENTITIES, RecordEntity } from '@foresight/contracts';
import { ingestionError } from '../../../shared/ingestion.errors';
import type { SyncVia } from '../../../sync/domain/sync.events';
import { IncomingRecord, RecordVerdict, verdictOf } from './record-verdict';

export interface IngestRecordsInput {
  tenantId: string;
  /** The upstream system, e.g. `crm` (the `<source>` of its topics). */
  source: string;
  entity: RecordEntity;
  via: SyncVia;
  /** The sync (batch) this is; the Kafka path derives it from the chunk, so a redelivery is the same sync. */
  syncId: string;
  /** `key:<prefix>`, a user id, or `upstream`. */
  actor: string;
  receivedAt: Date;
  records: readonly IncomingRecord[];
  /** Why records are removed, when some are (e.g. "deleted in CRM"). */
  removalReason?: string;
  /**
   * The request addresses one record it believes exists (REST DELETE): a removal of a record this
   * tenant never had is refused with INGESTION.RECORD_NOT_FOUND and nothing is written. Upstream
   * syncs leave it unset: they may report removals of records they never sent (seed: [*] → removed).
   */
  addressesExisting?: boolean;
  /**
   * The caller named no source (REST DELETE without `?source`): a removal takes the source of the
   * record it removes instead of `source`, which then only names the sync.
   */
  resolveSource?: boolean;
  correlationId?: string;
  traceparent?: string;
}

const SOURCE = /^[a-z][a-z0-9-]{0,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A batch of upstream records for one tenant, source and entity. It validates itself on creation —
 * the batch as a whole (refused with INGESTION.INVALID_BATCH) and every record (a verdict each) —
 * so records from the REST API and from Kafka pass exactly the same checks.
 */
export class IngestRecords {
  /** One per record, in input order: the record and what the checks made of it. */
  readonly items: readonly { record: IncomingRecord; verdict: RecordVerdict }[];

  private constructor(readonly input: Readonly<IngestRecordsInput>) {
    this.items = input.records.map((record) => ({ record, verdict: verdictOf(input.entity, record) }));
  }

  static create(input: IngestRecordsInput): IngestRecords {
    const invalid = (field: string, message: string) =>
      ingestionError('INVALID_BATCH', message, { fields: [{ field, errors: [message] }] });
    if (!UUID.test(input.tenantId)) throw invalid('tenantId', 'tenantId must be a tenant id (UUID)');
    if (!SOURCE.test(input.source))
      throw invalid('source', 'source must be a lowercase name like crm or product-analytics');
    if (!(RECORD_ENTITIES as readonly string[]).includes(input.entity))
      throw invalid('entity', `entity must be one of ${RECORD_ENTITIES.join(', ')}`);
    if (input.records.length === 0) throw invalid('records', 'records must contain at least 1 record');
    if (input.records.length > MAX_BATCH)
      throw invalid('records', `records must contain no more than ${MAX_BATCH} records`);
    return new IngestRecords({ ...input });
  }

  get tenantId(): string {
    return this.input.tenantId;
  }

  get syncId(): string {
    return this.input.syncId;
  }
}
