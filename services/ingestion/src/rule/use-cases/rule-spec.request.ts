import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECORD_ENTITIES } from '@foresight/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { MAX_ALLOWED_VALUES, MAX_MESSAGE_LENGTH, MAX_PATTERN_LENGTH, RULE_KINDS } from '../domain/rule';

/**
 * A rule's definition as `POST` and `PUT /v1/ingest/rules` take it. Its shape is checked here (400
 * VALIDATION_FAILED naming the field); what needs the record schema or the regex engine (a field
 * the entity lacks, a pattern RE2 cannot compile, min above max, a parameter of another kind) is
 * checked by the command (422 RULE.INVALID naming the field).
 */
export class RuleSpecRequest {
  @ApiProperty({ enum: RECORD_ENTITIES, example: 'account' })
  @IsIn(RECORD_ENTITIES)
  entity!: string;

  @ApiProperty({
    example: 'ownerEmail',
    pattern: '^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*){0,3}$',
    description:
      "a field of the entity's records, or a dotted path into a nested one (`actions.email` on usage); an unknown field is refused with 422 listing the known ones",
  })
  @Matches(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*){0,3}$/, {
    message: 'field must be a field name or a dotted path like actions.email',
  })
  field!: string;

  @ApiProperty({
    enum: RULE_KINDS,
    description:
      'regex {pattern}: the value (numbers as text) must contain a match (anchor with ^…$ for a whole match), in RE2 syntax; ' +
      'not_null: the field must be present; range {min?, max?}: a number within the bounds (inclusive); ' +
      'positive: a number > 0; unique_in_tenant: no other record of the entity in the tenant holds the value (not for usage); ' +
      'allowed_values {values}: one of the values (equal by type and content). Every kind but not_null passes an absent field.',
  })
  @IsIn(RULE_KINDS)
  kind!: string;

  @ApiPropertyOptional({
    example: '^.+@.+\\..+$',
    maxLength: MAX_PATTERN_LENGTH,
    description:
      'regex rules only. Runs in re2js (linear time): backreferences and lookarounds are refused with 422 naming pattern',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_PATTERN_LENGTH)
  pattern?: string;

  @ApiPropertyOptional({ description: 'range rules only; min, max or both; min must not exceed max (422)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  min?: number;

  @ApiPropertyOptional({ description: 'range rules only' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  max?: number;

  @ApiPropertyOptional({
    type: 'array',
    items: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    minItems: 1,
    maxItems: MAX_ALLOWED_VALUES,
    example: ['customer', 'prospect'],
    description: 'allowed_values rules only: strings, numbers or booleans, none repeated',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ALLOWED_VALUES)
  values?: unknown[];

  @ApiPropertyOptional({
    maxLength: MAX_MESSAGE_LENGTH,
    example: 'owner e-mail must be a real address',
    description: "shown in the rejection instead of the rule's generated message",
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_MESSAGE_LENGTH)
  message?: string;

  @ApiPropertyOptional({ default: true, description: 'a disabled rule is kept but checks nothing' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
