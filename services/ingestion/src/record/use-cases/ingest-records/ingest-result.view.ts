import { RECORD_ENTITIES } from '@foresight/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorView {
  @ApiProperty({
    example: 'lifecycle',
    description: 'the record field (dotted for nested ones); `(record)` for the whole record',
  })
  field!: string;

  @ApiProperty({
    type: [String],
    example: ['lifecycle must be one of the following values: customer, prospect'],
  })
  errors!: string[];

  @ApiPropertyOptional({
    example: '0190a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b',
    description: "the tenant's validation rule that rejected the field; absent for schema errors",
  })
  ruleId?: string;
}

export class RejectedRecordView {
  @ApiProperty({ description: 'position in the batch (0-based)' })
  index!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "the record's external id (usage rows: `<accountExternalId>@<at>`); null when unreadable",
  })
  externalId!: string | null;

  @ApiProperty({ type: [FieldErrorView] })
  errors!: FieldErrorView[];
}

export const RECORD_OUTCOMES = ['created', 'updated', 'removed', 'unchanged', 'rejected'] as const;
export type RecordOutcome = (typeof RECORD_OUTCOMES)[number];

export class RecordResultView {
  @ApiProperty() index!: number;

  @ApiProperty({ type: String, nullable: true })
  externalId!: string | null;

  @ApiProperty({
    enum: RECORD_OUTCOMES,
    description: 'unchanged: the same content was already known, so nothing was recorded or published',
  })
  outcome!: RecordOutcome;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'the record id (usage rows: the account id); null when rejected before it had one',
  })
  id!: string | null;
}

export class IngestResultView {
  @ApiProperty({ format: 'uuid', description: 'the sync (batch) id: see GET /v1/ingest/batches/{syncId}' })
  syncId!: string;

  @ApiProperty({ example: 'crm' }) source!: string;

  @ApiProperty({ enum: RECORD_ENTITIES }) entity!: string;

  @ApiProperty({
    enum: ['succeeded', 'partial', 'failed'],
    description: 'succeeded: nothing rejected; failed: everything rejected',
  })
  status!: string;

  @ApiProperty() received!: number;

  @ApiProperty({ description: 'records that changed something (created, updated, removed, new usage)' })
  accepted!: number;

  @ApiProperty({ description: 're-sends of content already known: no-ops' })
  unchanged!: number;

  @ApiProperty({ type: [RejectedRecordView], description: 'also kept: GET /v1/ingest/rejections' })
  rejected!: RejectedRecordView[];

  @ApiProperty({ type: [RecordResultView], description: 'one per record, in batch order' })
  results!: RecordResultView[];

  @ApiProperty() durationMs!: number;
}
