import { OffsetPageQuery } from '@foresight/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ListTenantsQuery extends OffsetPageQuery {
  @ApiPropertyOptional({ enum: ['active', 'suspended', 'archived'] })
  @IsOptional()
  @IsIn(['active', 'suspended', 'archived'])
  status?: 'active' | 'suspended' | 'archived';
}
