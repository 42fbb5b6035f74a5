import { ApiProperty } from '@nestjs/swagger';
import { RECORD_ENTITIES } from '@foresight/contracts';

export class UploadAcceptedView {
  @ApiProperty({
    format: 'uuid',
    description: 'the upload, which is also its sync: GET /v1/ingest/uploads/{uploadId}',
  })
  uploadId!: string;
  @ApiProperty({ enum: ['running'] }) status!: string;
  @ApiProperty({ example: '/v1/ingest/uploads/0190…' }) progress!: string;
}

export class UploadView {
  @ApiProperty({ format: 'uuid' }) uploadId!: string;
  @ApiProperty({ example: 'crm' }) source!: string;
  @ApiProperty({ enum: RECORD_ENTITIES }) entity!: string;
  @ApiProperty({ example: 'customers.csv' }) fileName!: string;
  @ApiProperty({ description: 'file size' }) bytes!: number;
  @ApiProperty({ enum: ['running', 'succeeded', 'partial', 'failed'] }) status!: string;
  @ApiProperty({ description: 'data rows read so far' }) rowsRead!: number;
  @ApiProperty() bytesRead!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ description: 'rows refused (unreadable, unmappable or invalid): GET /v1/ingest/rejections' })
  rejected!: number;
  @ApiProperty({ description: 'batches sent so far, each a sync of its own' }) batches!: number;
  @ApiProperty({ description: 'false while running' }) done!: boolean;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationMs!: number | null;
}
