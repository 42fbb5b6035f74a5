import { ApiProperty } from '@nestjs/swagger';
import { RECORD_ENTITIES } from '@foresight/contracts';
import { RULE_KINDS } from '../domain/rule';
import type { RuleEntry, RuleSet } from '../domain/rule-set.state';
import { docOf, RuleDoc } from '../projections/rules.projection';

export class RuleView {
  @ApiProperty({ example: 'owner-email-format' }) id!: string;
  @ApiProperty({ enum: RECORD_ENTITIES }) entity!: string;
  @ApiProperty({ example: 'ownerEmail' }) field!: string;
  @ApiProperty({ enum: RULE_KINDS }) kind!: string;
  @ApiProperty({ type: String, nullable: true, description: 'regex rules' }) pattern!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'range rules' }) min!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'range rules' }) max!: number | null;
  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    nullable: true,
    description: 'allowed_values rules',
  })
  values!: (string | number | boolean)[] | null;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: "the tenant's rule-set version at this rule's last change" }) version!: number;
  @ApiProperty({ format: 'date-time' }) definedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class RulePageView {
  @ApiProperty({ type: [RuleView] }) items!: RuleView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as cursor for the next page; null on the last',
  })
  nextCursor!: string | null;
}

export function ruleViewOfDoc(doc: RuleDoc): RuleView {
  const {
    ruleId,
    entity,
    field,
    kind,
    pattern,
    min,
    max,
    values,
    message,
    enabled,
    version,
    definedAt,
    updatedAt,
  } = doc;
  return {
    id: ruleId,
    entity,
    field,
    kind,
    pattern,
    min,
    max,
    values,
    message,
    enabled,
    version,
    definedAt,
    updatedAt,
  };
}

/** The rule as the write just left it: answered from the decided state, not the lagging read model. */
export function ruleViewOfEntry({ rule, version, definedAt, updatedAt }: RuleEntry): RuleView {
  return ruleViewOfDoc(docOf(rule, version, definedAt, updatedAt));
}

/** The rule a write just defined or changed, as the decided state holds it. */
export function inForce(state: RuleSet, ruleId: string): RuleView {
  const entry = state.rules[ruleId];
  if (!entry) throw new Error(`rule ${ruleId} is not in the rule set the write produced`);
  return ruleViewOfEntry(entry);
}
