import { v5 as uuidv5 } from 'uuid';
import { canonical, Rule } from '../../domain/rule';
import { checkTenantAndId } from '../rule-command';
import { RuleChangeMeta } from '../rule-set.writer';
import { RuleSpecInput, ruleSpecFrom } from '../rule-spec';

/** Fixed forever: a definition sent without an id always gets the same one, so a retry is a no-op. */
const RULE_ID_NAMESPACE = '8d0a4f36-93b1-4c52-a7e4-1f6b2c9d5e80';

export interface DefineRuleInput extends RuleChangeMeta {
  /** The tenant's own name for the rule; derived from the definition when absent. */
  id?: string;
  spec: RuleSpecInput;
}

/** A new rule for the tenant, checked whole on creation (REST or any other entry point). */
export class DefineRule {
  private constructor(
    readonly meta: RuleChangeMeta,
    readonly rule: Rule,
  ) {}

  static create(input: DefineRuleInput): DefineRule {
    checkTenantAndId(input.tenantId, input.id);
    const spec = ruleSpecFrom(input.spec);
    const ruleId = input.id ?? uuidv5(JSON.stringify([input.tenantId, canonical(spec)]), RULE_ID_NAMESPACE);
    const { id: _id, spec: _spec, ...meta } = input;
    return new DefineRule(meta, { ...spec, ruleId });
  }
}
