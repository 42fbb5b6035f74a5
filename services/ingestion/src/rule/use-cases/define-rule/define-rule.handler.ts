import { Injectable } from '@nestjs/common';
import { RuleSetWriter } from '../rule-set.writer';
import { inForce, RuleView } from '../rule.view';
import { DefineRule } from './define-rule.command';

@Injectable()
export class DefineRuleHandler {
  constructor(private readonly writer: RuleSetWriter) {}

  /** `created` is false when the same definition was already in force (nothing appended). */
  async execute(command: DefineRule): Promise<{ created: boolean; rule: RuleView }> {
    const { rule, meta } = command;
    const { events, state } = await this.writer.decide(
      { type: 'DefineRule', data: { tenantId: meta.tenantId, rule, at: meta.at.toISOString() } },
      meta,
    );
    return { created: events.length > 0, rule: inForce(state, rule.ruleId) };
  }
}
