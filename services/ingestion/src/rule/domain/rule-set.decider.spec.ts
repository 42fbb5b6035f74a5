import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { Rule } from './rule';
import { MAX_RULES_PER_TENANT, ruleSetDecider } from './rule-set.decider';
import { RuleSetEvent } from './rule-set.events';

const spec = DeciderSpecification.for(ruleSetDecider);
const tenantId = '0b5c6a3e-1d2f-4e5a-9b8c-7d6e5f4a3b2c';
const at = '2026-02-01T10:00:00.000Z';
const later = '2026-02-02T10:00:00.000Z';
const code = (c: string) => (e: DomainError) => e.code === c;
const fieldsOf = (e: DomainError) => (e.details?.['fields'] as { field: string }[]).map((f) => f.field);

const emailFormat: Rule = {
  ruleId: 'owner-email-format',
  entity: 'account',
  field: 'ownerEmail',
  kind: 'regex',
  pattern: '^.+@.+\\..+$',
  message: null,
  enabled: true,
};
const mrrRange: Rule = {
  ruleId: 'mrr-range',
  entity: 'account',
  field: 'mrr',
  kind: 'range',
  min: 0,
  max: 100_000,
  message: 'MRR looks wrong',
  enabled: true,
};
const defined = (rule: Rule, version: number, when = at): RuleSetEvent => ({
  type: 'RuleDefined',
  data: { tenantId, rule, version, at: when },
});

describe('a tenant without rules', () => {
  it('defines a rule as version 1 of the set', () => {
    spec
      .given([])
      .when({ type: 'DefineRule', data: { tenantId, rule: emailFormat, at } })
      .then([defined(emailFormat, 1)]);
  });

  it('refuses min above max, naming min', () => {
    spec
      .given([])
      .when({ type: 'DefineRule', data: { tenantId, rule: { ...mrrRange, min: 10, max: 1 }, at } })
      .thenThrows(DomainError, (e) => e.code === 'RULE.INVALID' && fieldsOf(e).includes('min'));
  });

  it('refuses an allowed_values rule that allows nothing, naming values', () => {
    spec
      .given([])
      .when({
        type: 'DefineRule',
        data: {
          tenantId,
          rule: { ...emailFormat, ruleId: 'lc', field: 'lifecycle', kind: 'allowed_values', values: [] },
          at,
        },
      })
      .thenThrows(DomainError, (e) => e.code === 'RULE.INVALID' && fieldsOf(e).includes('values'));
  });

  it('refuses unique_in_tenant on usage rows, naming kind', () => {
    spec
      .given([])
      .when({
        type: 'DefineRule',
        data: {
          tenantId,
          rule: { ...emailFormat, entity: 'usage', field: 'at', kind: 'unique_in_tenant' },
          at,
        },
      })
      .thenThrows(DomainError, (e) => e.code === 'RULE.INVALID' && fieldsOf(e).includes('kind'));
  });

  it('cannot change or remove a rule it never had', () => {
    spec
      .given([])
      .when({ type: 'ChangeRule', data: { tenantId, rule: emailFormat, at } })
      .thenThrows(DomainError, code('RULE.NOT_FOUND'));
    spec
      .given([])
      .when({ type: 'RemoveRule', data: { tenantId, ruleId: 'owner-email-format', at } })
      .thenThrows(DomainError, code('RULE.NOT_FOUND'));
  });
});

describe('a tenant with rules', () => {
  const history = [defined(emailFormat, 1), defined(mrrRange, 2)];

  it('re-defining a rule exactly as it stands is a no-op (a safe retry)', () => {
    spec
      .given(history)
      .when({ type: 'DefineRule', data: { tenantId, rule: emailFormat, at: later } })
      .then([]);
  });

  it('refuses to define another rule under an id in use', () => {
    spec
      .given(history)
      .when({ type: 'DefineRule', data: { tenantId, rule: { ...emailFormat, pattern: 'x' }, at } })
      .thenThrows(DomainError, code('RULE.EXISTS'));
  });

  it('a change is the next version, carrying the definition it replaces', () => {
    const changed: Rule = { ...mrrRange, max: 50_000 };
    spec
      .given(history)
      .when({ type: 'ChangeRule', data: { tenantId, rule: changed, at: later } })
      .then([
        { type: 'RuleChanged', data: { tenantId, rule: changed, previous: mrrRange, version: 3, at: later } },
      ]);
  });

  it('a change to the same definition decides nothing', () => {
    spec
      .given(history)
      .when({ type: 'ChangeRule', data: { tenantId, rule: { ...mrrRange }, at: later } })
      .then([]);
  });

  it('a change that cannot compile is refused like a definition', () => {
    spec
      .given(history)
      .when({ type: 'ChangeRule', data: { tenantId, rule: { ...mrrRange, min: 5, max: 4 }, at } })
      .thenThrows(DomainError, code('RULE.INVALID'));
  });

  it('removal is a version too, and the id is free again afterwards', () => {
    const removed: RuleSetEvent = {
      type: 'RuleRemoved',
      data: { tenantId, ruleId: 'mrr-range', previous: mrrRange, version: 3, at: later },
    };
    spec
      .given(history)
      .when({ type: 'RemoveRule', data: { tenantId, ruleId: 'mrr-range', at: later } })
      .then([removed]);
    spec
      .given([...history, removed])
      .when({ type: 'DefineRule', data: { tenantId, rule: mrrRange, at: later } })
      .then([defined(mrrRange, 4, later)]);
    spec
      .given([...history, removed])
      .when({ type: 'RemoveRule', data: { tenantId, ruleId: 'mrr-range', at: later } })
      .thenThrows(DomainError, code('RULE.NOT_FOUND'));
  });
});

describe('a tenant at the limit', () => {
  it(`refuses rule number ${MAX_RULES_PER_TENANT + 1}`, () => {
    const full = Array.from({ length: MAX_RULES_PER_TENANT }, (_, i) =>
      defined({ ...emailFormat, ruleId: `r-${i}` }, i + 1),
    );
    spec
      .given(full)
      .when({ type: 'DefineRule', data: { tenantId, rule: { ...emailFormat, ruleId: 'one-more' }, at } })
      .thenThrows(DomainError, code('RULE.TOO_MANY'));
  });
});
