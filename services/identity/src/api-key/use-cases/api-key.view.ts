import { ApiProperty } from '@nestjs/swagger';

export class ApiKeyView {
  @ApiProperty({ format: 'uuid' }) keyId!: string;
  @ApiProperty({ example: 'a1b2c3d4', description: 'the 8 characters after fs_<env>_; safe to show and log' })
  prefix!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['live', 'test'] }) environment!: string;
  @ApiProperty({ format: 'uuid' }) ownerUserId!: string;
  @ApiProperty({ type: [String], description: 'role names' }) roles!: string[];
  @ApiProperty({ enum: ['active', 'rotating', 'expired', 'revoked'] }) status!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expiresAt!: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'after a rotation: works until then',
  })
  graceUntil!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) successorKeyId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) rotatedFrom!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedReason!: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'updated every few seconds, not per request',
  })
  lastUsedAt!: string | null;
}

export class CreatedApiKeyView {
  @ApiProperty({ type: ApiKeyView }) key!: ApiKeyView;
  @ApiProperty({
    example: 'fs_live_a1b2c3d4_3xAmPl3S3cr3tTh4tIsSh0wn0nlyOnc3xx',
    description: 'The full key, shown this once: only a hash of its secret is kept.',
  })
  apiKey!: string;
}

export class ApiKeyPageView {
  @ApiProperty({ type: [ApiKeyView] }) items!: ApiKeyView[];
  @ApiProperty() total!: number;
}
