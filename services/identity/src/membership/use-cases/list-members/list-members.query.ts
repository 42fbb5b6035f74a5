import { OffsetPageQuery } from '@foresight/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ListMembersQuery extends OffsetPageQuery {
  @ApiPropertyOptional({ enum: ['invited', 'active', 'removed'] })
  @IsOptional()
  @IsIn(['invited', 'active', 'removed'])
  status?: 'invited' | 'active' | 'removed';
}
