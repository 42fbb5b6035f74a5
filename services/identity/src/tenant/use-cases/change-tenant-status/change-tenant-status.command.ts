import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SuspendTenantRequest {
  @ApiProperty({ example: 'invoice overdue', description: 'kept in the audit log and shown to the operator' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export type TenantStatusChange =
  { type: 'SuspendTenant'; reason: string } | { type: 'ReactivateTenant' } | { type: 'ArchiveTenant' };
