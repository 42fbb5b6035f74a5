import { Rule, RuleSpec } from '../domain/rule';
import { CompiledRuleSet, ruleSpecErrors, valueKey } from './compile-rules';

const base = { entity: 'account' as const, message: null, enabled: true };
const rule = (
  ruleId: string,
  spec: Omit<RuleSpec, 'entity' | 'message' | 'enabled'> & Partial<RuleSpec>,
): Rule => ({ ...base, ruleId, ...spec }) as Rule;
const account = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  payload: { externalId, name: 'Acme', lifecycle: 'customer', ...extra },
});
const fieldsOf = (spec: RuleSpec) => ruleSpecErrors(spec).map((e) => e.field);

describe('ruleSpecErrors', () => {
  it('names an unknown field and lists the ones the entity has', () => {
    const [error] = ruleSpecErrors({ ...base, field: 'emial', kind: 'not_null' });
    expect(error?.field).toBe('field');
    expect(error?.errors[0]).toContain('account records have no field emial');
    expect(error?.errors[0]).toContain('ownerEmail');
  });

  it('accepts dotted paths into nested records, and refuses checks on the whole object', () => {
    expect(ruleSpecErrors({ ...base, entity: 'usage', field: 'actions.email', kind: 'positive' })).toEqual(
      [],
    );
    expect(fieldsOf({ ...base, entity: 'usage', field: 'actions', kind: 'positive' })).toEqual(['field']);
    expect(ruleSpecErrors({ ...base, entity: 'usage', field: 'actions', kind: 'not_null' })).toEqual([]);
  });

  it('refuses a numeric check on a text field, naming kind', () => {
    expect(fieldsOf({ ...base, field: 'name', kind: 'range', min: 0, max: 1 })).toEqual(['kind']);
  });

  it.each([
    ['a bad regex', '(unclosed'],
    ['a backreference', '(a)\\1'],
    ['a lookahead', 'a(?=b)'],
  ])('refuses %s, naming pattern', (_what, pattern) => {
    const errors = ruleSpecErrors({ ...base, field: 'name', kind: 'regex', pattern });
    expect(errors.map((e) => e.field)).toEqual(['pattern']);
    expect(errors[0]?.errors[0]).toContain('RE2');
  });

  it('names min when min is above max', () => {
    expect(fieldsOf({ ...base, field: 'mrr', kind: 'range', min: 5, max: 1 })).toEqual(['min']);
  });
});

describe('CompiledRuleSet.evaluate', () => {
  it('reports each failing rule with its id, field and message; passing records get none', () => {
    const set = new CompiledRuleSet('account', [
      rule('email', { field: 'ownerEmail', kind: 'regex', pattern: '^.+@.+\\..+$' }),
      rule('domain-required', { field: 'domain', kind: 'not_null', message: 'we need a domain' }),
      rule('mrr-range', { field: 'mrr', kind: 'range', min: 0, max: 1000 }),
      rule('arr-positive', { field: 'arr', kind: 'positive' }),
      rule('industry', { field: 'industry', kind: 'allowed_values', values: ['SOFTWARE', 'RETAIL'] }),
    ]);
    const [good, bad] = set.evaluate([
      account('a-1', { ownerEmail: 'dana@acme.example', domain: 'acme.example', mrr: 10, arr: 120 }),
      account('a-2', { ownerEmail: 'not-an-email', mrr: 5000, arr: 0, industry: 'MINING' }),
    ]);
    expect(good).toEqual([]);
    expect(bad).toEqual([
      { ruleId: 'email', field: 'ownerEmail', errors: ['ownerEmail must match ^.+@.+\\..+$'] },
      { ruleId: 'domain-required', field: 'domain', errors: ['we need a domain'] },
      { ruleId: 'mrr-range', field: 'mrr', errors: ['mrr must be between 0 and 1000'] },
      { ruleId: 'arr-positive', field: 'arr', errors: ['arr must be a number greater than 0'] },
      { ruleId: 'industry', field: 'industry', errors: ['industry must be one of "SOFTWARE", "RETAIL"'] },
    ]);
  });

  it('leaves absent fields to not_null: other kinds check only what is there', () => {
    const set = new CompiledRuleSet('account', [
      rule('email', { field: 'ownerEmail', kind: 'regex', pattern: '@' }),
      rule('mrr', { field: 'mrr', kind: 'positive' }),
    ]);
    expect(set.evaluate([account('a-1')])).toEqual([[]]);
  });

  it('skips disabled rules and rules of other entities', () => {
    const set = new CompiledRuleSet('account', [
      rule('off', { field: 'domain', kind: 'not_null', enabled: false }),
      rule('contract', { entity: 'contract', field: 'arr', kind: 'positive' }),
    ]);
    expect(set.size).toBe(0);
    expect(set.evaluate([account('a-1')])).toEqual([[]]);
  });

  it('reads dotted paths into nested values', () => {
    const set = new CompiledRuleSet('usage', [
      rule('email-used', { entity: 'usage', field: 'actions.email', kind: 'positive' }),
    ]);
    const row = (email: number) => ({
      externalId: 'a-1@2025-06-02T00:00:00Z',
      payload: { accountExternalId: 'a-1', actions: { contacts: 1, companies: 0, deals: 0, email } },
    });
    expect(set.evaluate([row(3), row(0)]).map((v) => v.map((x) => x.field))).toEqual([[], ['actions.email']]);
  });

  it('runs a catastrophic-backtracking pattern over 50 000 characters and answers', () => {
    const set = new CompiledRuleSet('account', [
      rule('evil', { field: 'name', kind: 'regex', pattern: '(a+)+$' }),
    ]);
    const [[violation], [none]] = set.evaluate([
      account('a-1', { name: `${'a'.repeat(50_000)}!` }),
      account('a-2', { name: 'a'.repeat(50_000) }),
    ]);
    expect(violation?.ruleId).toBe('evil');
    expect(none).toBeUndefined();
  });

  describe('unique_in_tenant', () => {
    const set = new CompiledRuleSet('account', [
      rule('unique-domain', { field: 'domain', kind: 'unique_in_tenant' }),
    ]);

    it('asks for the distinct values the batch carries', () => {
      const lookups = set.uniqueLookups([
        account('a-1', { domain: 'x.example' }),
        account('a-2', { domain: 'x.example' }),
        account('a-3'),
      ]);
      expect(lookups.map((l) => [l.rule.ruleId, l.values])).toEqual([['unique-domain', ['x.example']]]);
    });

    it('refuses a value another record of the tenant holds, but not the record its own earlier version', () => {
      const taken = new Map([['unique-domain', new Map([[valueKey('x.example'), ['a-1']]])]]);
      const [own, other] = set.evaluate(
        [account('a-1', { domain: 'x.example' }), account('a-9', { domain: 'x.example' })],
        taken,
      );
      expect(own).toEqual([]);
      expect(other).toEqual([
        {
          ruleId: 'unique-domain',
          field: 'domain',
          errors: ['domain "x.example" is already used by account a-1'],
        },
      ]);
    });

    it('a record refused for a taken value does not claim it from the holder later in the batch', () => {
      const taken = new Map([['unique-domain', new Map([[valueKey('x.example'), ['a-1']]])]]);
      const result = set.evaluate(
        [account('a-9', { domain: 'x.example' }), account('a-1', { domain: 'x.example' })],
        taken,
      );
      expect(result.map((v) => v.length)).toEqual([1, 0]);
    });

    it('lets the first of a batch have a value and refuses the later ones', () => {
      const result = set.evaluate([
        account('a-1', { domain: 'y.example' }),
        account('a-2', { domain: 'y.example' }),
        account('a-1', { domain: 'y.example' }),
      ]);
      expect(result.map((v) => v.length)).toEqual([0, 1, 0]);
    });
  });
});
