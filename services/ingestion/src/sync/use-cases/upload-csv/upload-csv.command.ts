import { RECORD_ENTITIES, RecordEntity } from '@foresight/contracts';
import { ingestionError } from '../../../shared/ingestion.errors';

export interface UploadCsvInput {
  tenantId: string;
  uploadId: string;
  source: string;
  entity: string;
  /** A built-in preset or a mapping saved for the source; or `fields` inline. */
  mapping?: string;
  /** JSON text of an inline mapping's fields (record field → column / value / template). */
  fields?: string;
  fileName: string;
  /** Where the received file waits for the import. */
  filePath: string;
  bytes: number;
  actor: string;
  receivedAt: Date;
  correlationId?: string;
}

const NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** Import an uploaded CSV file; it checks its own form fields, each refusal naming the field. */
export class UploadCsv {
  private constructor(readonly input: Readonly<UploadCsvInput & { entity: RecordEntity }>) {}

  static create(input: UploadCsvInput): UploadCsv {
    const fields: { field: string; errors: string[] }[] = [];
    const bad = (field: string, message: string) => fields.push({ field, errors: [message] });
    if (!NAME.test(input.source))
      bad('source', 'source must be a lowercase name like crm or product-analytics');
    if (!(RECORD_ENTITIES as readonly string[]).includes(input.entity))
      bad('entity', `entity must be one of ${RECORD_ENTITIES.join(', ')}`);
    if (!input.mapping && !input.fields)
      bad('mapping', 'mapping (a preset or saved mapping name) or fields is required');
    if (input.mapping && !NAME.test(input.mapping))
      bad('mapping', 'mapping must be a name like hubspot-customers');
    if (input.fields) {
      try {
        JSON.parse(input.fields);
      } catch {
        bad('fields', 'fields must be a JSON object of record field → column');
      }
    }
    if (input.bytes === 0) bad('file', 'file must be a non-empty CSV file');
    if (fields.length)
      throw ingestionError('INVALID_BATCH', fields.map((f) => f.errors.join('; ')).join('; '), { fields });
    return new UploadCsv({ ...input, entity: input.entity as RecordEntity });
  }
}
