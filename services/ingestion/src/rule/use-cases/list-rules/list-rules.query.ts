import { ApiPropertyOptional } from '@nestjs/swagger';
import { RECORD_ENTITIES, RecordEntity } from '@foresight/contracts';
import { CursorPageQuery } from '@foresight/service-kit';
import { IsIn, IsOptional } from 'class-validator';

export class ListRulesQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: RECORD_ENTITIES, description: 'only the rules of one entity' })
  @IsOptional()
  @IsIn(RECORD_ENTITIES)
  entity?: RecordEntity;
}
