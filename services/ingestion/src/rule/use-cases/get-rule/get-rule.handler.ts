import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { ruleError } from '../../domain/rule-set.errors';
import { ruleDocId, rulesProjection } from '../../projections/rules.projection';
import { RuleView, ruleViewOfDoc } from '../rule.view';

@Injectable()
export class GetRuleHandler {
  constructor(private readonly readModels: ReadModels) {}

  /** The document id carries the tenant, so another tenant's rule of the same name is never addressed. */
  async one(tenantId: string, ruleId: string): Promise<RuleView> {
    const doc = await this.readModels.of(rulesProjection).findById(tenantId, ruleDocId(tenantId, ruleId));
    if (!doc) throw ruleError('RULE.NOT_FOUND', `rule ${ruleId} not found`, { ruleId });
    return ruleViewOfDoc(doc);
  }
}
