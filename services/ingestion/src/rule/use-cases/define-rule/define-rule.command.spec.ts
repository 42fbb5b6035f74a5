import { DomainError } from '@foresight/domain';
import { DefineRule, DefineRuleInput } from './define-rule.command';

const input = (over: Partial<DefineRuleInput> = {}, spec: Record<string, unknown> = {}): DefineRuleInput => ({
  tenantId: '0b5c6a3e-1d2f-4e5a-9b8c-7d6e5f4a3b2c',
  actor: 'user-1',
  at: new Date('2026-02-01T10:00:00Z'),
  spec: { entity: 'account', field: 'ownerEmail', kind: 'regex', pattern: '@', ...spec },
  ...over,
});
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError)
      return { code: e.code, fields: (e.details?.['fields'] as { field: string }[]).map((f) => f.field) };
    throw e;
  }
  throw new Error('not refused');
};

describe('DefineRule.create', () => {
  it('derives the same id from the same definition, and another from another', () => {
    const one = DefineRule.create(input()).rule.ruleId;
    expect(DefineRule.create(input()).rule.ruleId).toBe(one);
    expect(DefineRule.create(input({}, { pattern: '@.' })).rule.ruleId).not.toBe(one);
    expect(DefineRule.create(input({ id: 'mine' })).rule.ruleId).toBe('mine');
  });

  it('refuses a parameter of another kind, naming it', () => {
    expect(refusal(() => DefineRule.create(input({}, { kind: 'not_null', pattern: '@' })))).toEqual({
      code: 'RULE.INVALID',
      fields: ['pattern'],
    });
  });

  it('refuses a regex rule without a pattern, and values that are not scalars', () => {
    expect(refusal(() => DefineRule.create(input({}, { pattern: undefined }))).fields).toContain('pattern');
    expect(
      refusal(() =>
        DefineRule.create(
          input({}, { kind: 'allowed_values', pattern: undefined, field: 'industry', values: [{}] }),
        ),
      ).fields,
    ).toEqual(['values']);
  });

  it('refuses a malformed id or tenant', () => {
    expect(refusal(() => DefineRule.create(input({ id: 'Has Spaces' }))).fields).toEqual(['id']);
    expect(refusal(() => DefineRule.create(input({ tenantId: 'acme' }))).fields).toEqual(['tenantId']);
  });
});
