import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export const RULE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const RULE_ID_MESSAGE =
  'id must be 1–64 lower-case letters, digits, _ or - (starting with a letter or digit)';

export class RuleParams {
  @ApiProperty({ example: 'owner-email-format', pattern: RULE_ID.source })
  @Matches(RULE_ID, { message: RULE_ID_MESSAGE })
  id!: string;
}
