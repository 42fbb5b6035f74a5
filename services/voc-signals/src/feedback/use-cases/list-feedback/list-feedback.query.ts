import { LimitQuery } from '@foresight/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ListFeedbackQuery extends LimitQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this account's feedback" })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}
