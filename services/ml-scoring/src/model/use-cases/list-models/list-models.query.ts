import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CursorPageQuery } from '@foresight/service-kit';
import { OUTCOMES, Outcome } from '../../domain/point-in-time';
import { MODEL_STATUSES } from '../shared/tenant-model.view';

export class ListModelsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: OUTCOMES })
  @IsOptional()
  @IsIn(OUTCOMES)
  outcome?: Outcome;

  @ApiPropertyOptional({ enum: MODEL_STATUSES })
  @IsOptional()
  @IsIn(MODEL_STATUSES)
  status?: (typeof MODEL_STATUSES)[number];
}
