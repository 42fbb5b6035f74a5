import { OffsetPageQuery } from '@foresight/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

export class ListApiKeysQuery extends OffsetPageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string;

  @ApiPropertyOptional({
    enum: ['active', 'revoked'],
    description: 'stored status (expiry is computed: see status in each key)',
  })
  @IsOptional()
  @IsIn(['active', 'revoked'])
  status?: 'active' | 'revoked';

  @ApiPropertyOptional({ example: 'a1b2c3d4' })
  @IsOptional()
  @Matches(/^[a-z0-9]{8}$/, { message: 'prefix must be the 8 characters after fs_<env>_' })
  prefix?: string;
}
