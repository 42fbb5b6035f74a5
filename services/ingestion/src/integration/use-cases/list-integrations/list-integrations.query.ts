import { ApiProperty } from '@nestjs/swagger';
import { CursorPageQuery } from '@foresight/service-kit';
import { INTEGRATION_CATEGORIES } from '../../domain/integration.events';

export class ListIntegrationsQuery extends CursorPageQuery {}

export class MappingSummaryView {
  @ApiProperty({ example: 'hubspot-deals' }) name!: string;
  @ApiProperty({ example: 'account' }) entity!: string;
  @ApiProperty({ format: 'date-time' }) savedAt!: string;
}

export class IntegrationView {
  @ApiProperty({ example: 'crm', description: 'the source name records arrive with' }) source!: string;
  @ApiProperty({ example: 'crm' }) provider!: string;
  @ApiProperty({ enum: INTEGRATION_CATEGORIES }) category!: string;
  @ApiProperty({ enum: ['connected', 'failed'], description: 'failed when the latest sync failed outright' })
  status!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) lastSyncId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSyncAt!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['succeeded', 'partial', 'failed'] })
  lastSyncStatus!: string | null;
  @ApiProperty({ description: 'sync runs so far (REST batches, upstream chunks, uploads)' }) syncs!: number;
  @ApiProperty({ description: 'records that changed something, over all syncs' }) recordsSynced!: number;
  @ApiProperty() recordsRejected!: number;
  @ApiProperty({ type: [MappingSummaryView] }) mappings!: MappingSummaryView[];
}

export class IntegrationPageView {
  @ApiProperty({ type: [IntegrationView] }) items!: IntegrationView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as cursor for the next page; null on the last',
  })
  nextCursor!: string | null;
}
