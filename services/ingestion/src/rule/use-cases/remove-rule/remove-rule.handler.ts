import { Injectable } from '@nestjs/common';
import { RuleSetWriter } from '../rule-set.writer';
import { RemoveRule } from './remove-rule.command';

@Injectable()
export class RemoveRuleHandler {
  constructor(private readonly writer: RuleSetWriter) {}

  async execute({ ruleId, meta }: RemoveRule): Promise<void> {
    await this.writer.decide(
      { type: 'RemoveRule', data: { tenantId: meta.tenantId, ruleId, at: meta.at.toISOString() } },
      meta,
    );
  }
}
