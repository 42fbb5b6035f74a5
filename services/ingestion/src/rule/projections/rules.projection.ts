import type { RecordEntity } from '@foresight/contracts';
import { assertNever } from '@foresight/domain';
import { defineProjection, ProjectionEvent } from '@foresight/projections';
import type { AllowedValue, Rule, RuleKind } from '../domain/rule';
import type { RuleChanged, RuleDefined, RuleRemoved } from '../domain/rule-set.events';

type Projected<E extends { type: string; data: unknown }> = ProjectionEvent<E['type'], E['data']>;

export type RulesEvent = Projected<RuleDefined> | Projected<RuleChanged> | Projected<RuleRemoved>;

/** A rule in force, for the rules API and for the evaluator; a removed rule has no document. */
export interface RuleDoc {
  ruleId: string;
  entity: RecordEntity;
  field: string;
  kind: RuleKind;
  pattern: string | null;
  min: number | null;
  max: number | null;
  values: AllowedValue[] | null;
  message: string | null;
  enabled: boolean;
  /** The rule set's version at this rule's last change: with the rule id, names the compiled form. */
  version: number;
  definedAt: string;
  updatedAt: string;
}

/** Rule ids are the tenant's own names, so the document id carries the tenant to stay unique. */
export const ruleDocId = (tenantId: string, ruleId: string): string => `${tenantId}:${ruleId}`;

export function ruleOf(doc: RuleDoc): Rule {
  const { ruleId, entity, field, message, enabled } = doc;
  const common = { ruleId, entity, field, message, enabled };
  switch (doc.kind) {
    case 'regex':
      return { ...common, kind: 'regex', pattern: doc.pattern ?? '' };
    case 'range':
      return { ...common, kind: 'range', min: doc.min, max: doc.max };
    case 'allowed_values':
      return { ...common, kind: 'allowed_values', values: doc.values ?? [] };
    case 'not_null':
    case 'positive':
    case 'unique_in_tenant':
      return { ...common, kind: doc.kind };
    default:
      return assertNever(doc.kind, 'rule kind');
  }
}

/** A rule as its read-model document; the write side's answer is built from the same shape. */
export function docOf(rule: Rule, version: number, definedAt: string, updatedAt: string): RuleDoc {
  return {
    ruleId: rule.ruleId,
    entity: rule.entity,
    field: rule.field,
    kind: rule.kind,
    pattern: rule.kind === 'regex' ? rule.pattern : null,
    min: rule.kind === 'range' ? rule.min : null,
    max: rule.kind === 'range' ? rule.max : null,
    values: rule.kind === 'allowed_values' ? [...rule.values] : null,
    message: rule.message,
    enabled: rule.enabled,
    version,
    definedAt,
    updatedAt,
  };
}

export const rulesProjection = defineProjection<RuleDoc, RulesEvent>({
  name: 'ingestion-rules',
  version: 1,
  collectionBase: 'ingestion_rules',
  handles: ['RuleDefined', 'RuleChanged', 'RuleRemoved'],
  id: (e) => ruleDocId(e.data.tenantId, e.type === 'RuleRemoved' ? e.data.ruleId : e.data.rule.ruleId),
  indexes: [
    {
      fields: { tenantId: 1, entity: 1, enabled: 1 },
      why: "the evaluator's per-batch read: a tenant's enabled rules of one entity",
    },
    {
      fields: { tenantId: 1, definedAt: -1, _id: -1 },
      why: 'GET /v1/ingest/rules, newest first, paged by cursor',
    },
  ],
  evolve(doc, e) {
    switch (e.type) {
      case 'RuleDefined':
        return docOf(e.data.rule, e.data.version, e.data.at, e.data.at);
      case 'RuleChanged':
        return docOf(e.data.rule, e.data.version, doc?.definedAt ?? e.data.at, e.data.at);
      case 'RuleRemoved':
        return null;
      default:
        return assertNever(e, 'rule-set event');
    }
  },
});
