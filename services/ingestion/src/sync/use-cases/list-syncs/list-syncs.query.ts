import { CursorPageQuery } from '@foresight/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECORD_ENTITIES, RecordEntity } from '@foresight/contracts';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { SYNC_VIAS } from '../../domain/sync.events';

export class ListSyncsQuery extends CursorPageQuery {
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

  @ApiPropertyOptional({
    example: 'crm',
    description:
      "an integration's syncs: its source name, as GET /v1/integrations lists it (same filter as source)",
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, {
    message: 'integration must be a source name like crm or product-analytics',
  })
  integration?: string;

  @ApiPropertyOptional({ enum: ['succeeded', 'partial', 'failed'] })
  @IsOptional()
  @IsIn(['succeeded', 'partial', 'failed'])
  status?: 'succeeded' | 'partial' | 'failed';
}

export class SyncParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  syncId!: string;
}

export class SyncView {
  @ApiProperty({ format: 'uuid' }) syncId!: string;
  @ApiProperty({ example: 'crm' }) source!: string;
  @ApiProperty({ enum: RECORD_ENTITIES }) entity!: string;
  @ApiProperty({
    enum: SYNC_VIAS,
    description:
      'REST batch, a chunk of an upstream topic, or an uploaded file (its summary and its batches)',
  })
  via!: string;
  @ApiProperty({ example: 'key:a1b2c3d4', description: '`key:<prefix>`, a user id, or `upstream`' })
  actor!: string;
  @ApiProperty() received!: number;
  @ApiProperty({ description: 'records that changed something' }) accepted!: number;
  @ApiProperty({ description: 're-sends of known content' }) unchanged!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty({ enum: ['succeeded', 'partial', 'failed'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) finishedAt!: string;
  @ApiProperty() durationMs!: number;
  @ApiPropertyOptional({
    description: "an uploaded file's summary: the file name (GET /v1/ingest/uploads/{syncId})",
  })
  fileName?: string;
}

export class SyncPageView {
  @ApiProperty({ type: [SyncView] }) items!: SyncView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as cursor for the next page; null on the last',
  })
  nextCursor!: string | null;
}
