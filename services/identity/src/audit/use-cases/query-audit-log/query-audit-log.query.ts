import { CursorPageQuery } from '@foresight/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export const AUDIT_ACTIONS = [
  'CREATED',
  'MODIFIED',
  'REVOKED',
  'ROTATED',
  'SUSPENDED',
  'REACTIVATED',
  'ARCHIVED',
  'INVITED',
  'JOINED',
  'REMOVED',
  'LOGIN',
  'LOGIN_FAILED',
  'LOCKED',
  'REFRESHED',
] as const;

export class AuditLogQuery extends CursorPageQuery {
  @ApiPropertyOptional({ example: 'ApiKeyRevoked', description: 'the domain event type' })
  @IsOptional()
  @Matches(/^[A-Z][A-Za-z]{2,60}$/, { message: 'eventType must be an event type name such as ApiKeyRevoked' })
  eventType?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: string;

  @ApiPropertyOptional({ description: 'a user id, key:<prefix>, platform-admin or identity' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the key, member, role, session or tenant the entry is about',
  })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ enum: ['tenant', 'role', 'member', 'user', 'session', 'api_key'] })
  @IsOptional()
  @IsIn(['tenant', 'role', 'member', 'user', 'session', 'api_key'])
  subjectType?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class PlatformAuditLogQuery extends AuditLogQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'a tenant, or the platform tenant (all zeros) for user-level events',
  })
  @IsOptional()
  @IsUUID()
  tenantId?: string;
}

export class AuditEntryView {
  @ApiProperty({ format: 'uuid', description: 'the event id' }) id!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: string;
  @ApiProperty() subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ nullable: true, type: String }) correlationId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'what changed (never secrets or their hashes)',
  })
  diff!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class AuditPageView {
  @ApiProperty({ type: [AuditEntryView] }) items!: AuditEntryView[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as cursor for the next (older) page' })
  nextCursor!: string | null;
}
