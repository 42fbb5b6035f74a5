import { CursorPageQuery } from '@foresight/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECORD_ENTITIES, RecordEntity } from '@foresight/contracts';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { SYNC_VIAS } from '../../domain/sync.events';
import { FieldErrorView } from '../../../record/use-cases/ingest-records/ingest-result.view';

export class ListRejectionsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: RECORD_ENTITIES })
  @IsOptional()
  @IsIn(RECORD_ENTITIES)
  entity?: RecordEntity;

  @ApiPropertyOptional({ example: 'crm' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, {
    message: 'source must be a lowercase name like crm or product-analytics',
  })
  source?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only the rejections of one batch' })
  @IsOptional()
  @IsUUID()
  syncId?: string;
}

export class RejectionView {
  @ApiProperty({ format: 'uuid' }) rejectionId!: string;
  @ApiProperty({ format: 'uuid' }) syncId!: string;
  @ApiProperty({ example: 'crm' }) source!: string;
  @ApiProperty({ enum: RECORD_ENTITIES }) entity!: string;
  @ApiProperty({ enum: SYNC_VIAS }) via!: string;
  @ApiProperty({
    description: 'position in the batch; the offset for Kafka input; the file line for uploads',
  })
  index!: number;
  @ApiProperty({ type: String, nullable: true }) externalId!: string | null;
  @ApiProperty({ type: [FieldErrorView] }) errors!: FieldErrorView[];
  @ApiProperty({
    description: 'the record as received: parsed JSON, or the text itself when it was not JSON',
    oneOf: [{ type: 'object' }, { type: 'string' }],
  })
  raw!: unknown;
  @ApiProperty({ format: 'date-time' }) rejectedAt!: string;
}

export class RejectionPageView {
  @ApiProperty({ type: [RejectionView] }) items!: RejectionView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as cursor for the next page; null on the last',
  })
  nextCursor!: string | null;
}
