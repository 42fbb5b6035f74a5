import { Module } from '@nestjs/common';
import { RECORD_RULES } from '../record/use-cases/ingest-records/record-rules.port';
import { TenantRecordRules } from './evaluation/tenant-record-rules.adapter';
import { ChangeRuleHandler } from './use-cases/change-rule/change-rule.handler';
import { ChangeRuleHttpController } from './use-cases/change-rule/change-rule.http.controller';
import { DefineRuleHandler } from './use-cases/define-rule/define-rule.handler';
import { DefineRuleHttpController } from './use-cases/define-rule/define-rule.http.controller';
import { GetRuleHandler } from './use-cases/get-rule/get-rule.handler';
import { GetRuleHttpController } from './use-cases/get-rule/get-rule.http.controller';
import { ListRulesHandler } from './use-cases/list-rules/list-rules.handler';
import { ListRulesHttpController } from './use-cases/list-rules/list-rules.http.controller';
import { RemoveRuleHandler } from './use-cases/remove-rule/remove-rule.handler';
import { RemoveRuleHttpController } from './use-cases/remove-rule/remove-rule.http.controller';
import { RuleSetWriter } from './use-cases/rule-set.writer';

/**
 * Per-tenant validation rules: their API, and the RecordRules adapter the ingest path checks
 * records with. Its read model (`rulesProjection`) is registered with the backbone in AppModule.
 */
@Module({
  controllers: [
    DefineRuleHttpController,
    ListRulesHttpController,
    GetRuleHttpController,
    ChangeRuleHttpController,
    RemoveRuleHttpController,
  ],
  providers: [
    RuleSetWriter,
    DefineRuleHandler,
    ChangeRuleHandler,
    RemoveRuleHandler,
    ListRulesHandler,
    GetRuleHandler,
    TenantRecordRules,
    { provide: RECORD_RULES, useExisting: TenantRecordRules },
  ],
  exports: [RECORD_RULES],
})
export class RulesModule {}
