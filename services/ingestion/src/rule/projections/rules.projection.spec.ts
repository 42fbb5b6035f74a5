import type { ProjectionEvent } from '@foresight/projections';
import type { Rule } from '../domain/rule';
import { RuleDoc, ruleDocId, ruleOf, RulesEvent, rulesProjection } from './rules.projection';

const tenantId = 't-1';
let revision = 0;
const event = (type: RulesEvent['type'], data: RulesEvent['data']): RulesEvent =>
  ({
    id: `e${revision}`,
    type,
    data,
    stream: `rules-${tenantId}`,
    revision: revision++,
    tenantId,
    occurredAt: new Date('2026-02-01T10:00:00Z'),
  }) as ProjectionEvent as RulesEvent;
const fold = (events: RulesEvent[], from: RuleDoc | null = null) =>
  events.reduce<RuleDoc | null>((doc, e) => rulesProjection.evolve(doc, e), from);

const cap: Rule = {
  ruleId: 'mrr-cap',
  entity: 'account',
  field: 'mrr',
  kind: 'range',
  min: 0,
  max: 5000,
  message: null,
  enabled: true,
};
const defined = event('RuleDefined', { tenantId, rule: cap, version: 1, at: '2026-02-01T10:00:00.000Z' });
const changed = event('RuleChanged', {
  tenantId,
  rule: { ...cap, max: 1000 },
  previous: cap,
  version: 4,
  at: '2026-02-03T10:00:00.000Z',
});
const removed = event('RuleRemoved', {
  tenantId,
  ruleId: 'mrr-cap',
  previous: { ...cap, max: 1000 },
  version: 5,
  at: '2026-02-04T10:00:00.000Z',
});

describe('rules projection', () => {
  it('keeps one document per tenant rule, with the set version of its last change', () => {
    expect(rulesProjection.id(defined)).toBe(ruleDocId(tenantId, 'mrr-cap'));
    expect(fold([defined, changed])).toEqual({
      ruleId: 'mrr-cap',
      entity: 'account',
      field: 'mrr',
      kind: 'range',
      pattern: null,
      min: 0,
      max: 1000,
      values: null,
      message: null,
      enabled: true,
      version: 4,
      definedAt: '2026-02-01T10:00:00.000Z',
      updatedAt: '2026-02-03T10:00:00.000Z',
    });
  });

  it('gives back the rule the evaluator compiles', () => {
    expect(ruleOf(fold([defined, changed])!)).toEqual({ ...cap, max: 1000 });
  });

  it('drops the document of a removed rule', () => {
    expect(fold([defined, changed, removed])).toBeNull();
  });

  it('lands on the same document when a change is applied again', () => {
    const once = fold([defined, changed]);
    expect(fold([changed], once)).toEqual(once);
  });
});
