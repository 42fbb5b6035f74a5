import { ApiProperty } from '@nestjs/swagger';

export class RoleView {
  @ApiProperty({ format: 'uuid' }) roleId!: string;
  @ApiProperty({ example: 'analyst' }) name!: string;
  @ApiProperty({ type: [String], example: ['reports:read'] }) permissions!: string[];
  @ApiProperty({ description: 'built-in roles are the same in every tenant and cannot be changed' })
  builtIn!: boolean;
  @ApiProperty({ description: "whether the tenant's tier lets this role be granted" })
  allowedByTier!: boolean;
  @ApiProperty({ enum: ['active', 'archived'] }) status!: string;
}
