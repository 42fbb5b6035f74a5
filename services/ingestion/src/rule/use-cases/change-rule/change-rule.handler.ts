import { Injectable } from '@nestjs/common';
import { RuleSetWriter } from '../rule-set.writer';
import { inForce, RuleView } from '../rule.view';
import { ChangeRule } from './change-rule.command';

@Injectable()
export class ChangeRuleHandler {
  constructor(private readonly writer: RuleSetWriter) {}

  async execute(command: ChangeRule): Promise<RuleView> {
    const { rule, meta } = command;
    const { state } = await this.writer.decide(
      { type: 'ChangeRule', data: { tenantId: meta.tenantId, rule, at: meta.at.toISOString() } },
      meta,
    );
    return inForce(state, rule.ruleId);
  }
}
