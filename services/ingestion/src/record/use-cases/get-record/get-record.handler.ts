import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { ingestionError } from '../../../shared/ingestion.errors';
import { recordIdFor } from '../../domain/record-key';
import { recordsProjection } from '../../projections/records.projection';
import { RecordParams } from './get-record.query';
import { RecordView } from './record.view';

@Injectable()
export class GetRecordHandler {
  constructor(private readonly readModels: ReadModels) {}

  /** The id is derived from the tenant, so another tenant's record is never even addressed. */
  async one(tenantId: string, { entity, externalId }: RecordParams): Promise<RecordView> {
    const doc = await this.readModels
      .of(recordsProjection)
      .findById(tenantId, recordIdFor({ tenantId, entity, externalId }));
    if (!doc)
      throw ingestionError('RECORD_NOT_FOUND', `${entity} ${externalId} not found`, { entity, externalId });
    const { _id: _ignored, tenantId: _tenant, features, ...record } = doc;
    return { ...record, features: features ? { ...features } : null };
  }
}
