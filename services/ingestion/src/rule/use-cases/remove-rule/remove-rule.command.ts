import { checkTenantAndId } from '../rule-command';
import { RuleChangeMeta } from '../rule-set.writer';

export class RemoveRule {
  private constructor(
    readonly meta: RuleChangeMeta,
    readonly ruleId: string,
  ) {}

  static create(input: RuleChangeMeta & { id: string }): RemoveRule {
    checkTenantAndId(input.tenantId, input.id);
    const { id, ...meta } = input;
    return new RemoveRule(meta, id);
  }
}
