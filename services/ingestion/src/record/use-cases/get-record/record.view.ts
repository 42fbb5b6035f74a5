import { ApiProperty } from '@nestjs/swagger';
import { RECORD_STREAM_ENTITIES } from './get-record.query';

export class RecordView {
  @ApiProperty({ format: 'uuid' }) recordId!: string;
  @ApiProperty({ enum: RECORD_STREAM_ENTITIES }) entity!: string;
  @ApiProperty({ example: 'crm', description: 'the source that last sent it' }) source!: string;
  @ApiProperty({ example: 'crm-42' }) externalId!: string;
  @ApiProperty({
    format: 'uuid',
    description: "the canonical account: an account's own record id (tenant + 'account' + external id)",
  })
  accountId!: string;
  @ApiProperty({ enum: ['active', 'removed', 'unresolvable'] }) status!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'the record as last received (kept after removal)',
  })
  data!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) contentHash!: string | null;
  @ApiProperty({ enum: ['created', 'updated', 'removed', 'unresolvable'] }) lastChange!: string;
  @ApiProperty({ type: [String], description: 'fields that changed in the last update' })
  changedFields!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'why it was removed or is unresolvable' })
  reason!: string | null;
  @ApiProperty({ description: 'content versions received' }) versions!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) removedAt!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'accounts: the usage features last published (AccountFeatures of libs/contracts); null before usage',
  })
  features!: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) featuresComputedAt!: string | null;
}
