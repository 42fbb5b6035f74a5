import { Rule } from '../../domain/rule';
import { checkTenantAndId } from '../rule-command';
import { RuleChangeMeta } from '../rule-set.writer';
import { RuleSpecInput, ruleSpecFrom } from '../rule-spec';

export interface ChangeRuleInput extends RuleChangeMeta {
  id: string;
  /** The whole new definition: what is left out takes its default, as in a definition. */
  spec: RuleSpecInput;
}

/** A new definition for an existing rule, checked whole like a new one. */
export class ChangeRule {
  private constructor(
    readonly meta: RuleChangeMeta,
    readonly rule: Rule,
  ) {}

  static create(input: ChangeRuleInput): ChangeRule {
    checkTenantAndId(input.tenantId, input.id);
    const spec = ruleSpecFrom(input.spec);
    const { id, spec: _spec, ...meta } = input;
    return new ChangeRule(meta, { ...spec, ruleId: id });
  }
}
