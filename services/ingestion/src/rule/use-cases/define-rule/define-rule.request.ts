import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { RULE_ID, RULE_ID_MESSAGE } from '../rule-params';
import { RuleSpecRequest } from '../rule-spec.request';

export class DefineRuleRequest extends RuleSpecRequest {
  @ApiPropertyOptional({
    example: 'owner-email-format',
    pattern: RULE_ID.source,
    description:
      'your name for the rule; without one it is derived from the definition, so sending the same definition twice defines it once',
  })
  @IsOptional()
  @Matches(RULE_ID, { message: RULE_ID_MESSAGE })
  id?: string;
}
