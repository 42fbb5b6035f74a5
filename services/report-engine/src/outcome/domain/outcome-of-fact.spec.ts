import { OUTCOME_FACTS } from '@foresight/contracts';
import { confirmsSignal, factConcerns, outcomeOfFact, withinWindow } from './outcome-of-fact';

describe('outcomeOfFact', () => {
  it.each([
    ['contract_renewed', 48_000, 48_000, 'renewed', 48_000],
    ['contract_ended', 48_000, null, 'churned', -48_000],
    ['lifecycle_left_customer', 30_000, null, 'churned', -30_000],
    ['converted', null, 12_000, 'converted', 12_000],
    ['arr_changed', 40_000, 55_000, 'expanded', 15_000],
    ['arr_changed', 40_000, 25_000, 'downgraded', -15_000],
    ['subscription_added', null, 6_000, 'expanded', 6_000],
    ['subscription_upgraded', 6_000, 9_000, 'expanded', 3_000],
    ['subscription_downgraded', 9_000, 6_000, 'downgraded', -3_000],
    ['subscription_ended', 6_000, null, 'downgraded', -6_000],
  ] as const)('%s (%p → %p) is %s with impact %p', (fact, before, after, outcome, impact) => {
    expect(outcomeOfFact(fact, before, after)).toEqual({ outcome, revenueImpact: impact });
  });

  it('an ARR "change" to the same amount, or without both amounts, says nothing', () => {
    expect(outcomeOfFact('arr_changed', 40_000, 40_000)).toBeNull();
    expect(outcomeOfFact('arr_changed', null, 40_000)).toBeNull();
  });

  it('maps every fact ingestion publishes (a new fact must be mapped here first)', () => {
    for (const fact of OUTCOME_FACTS) expect(() => outcomeOfFact(fact, 1, 2)).not.toThrow();
  });
});

describe('factConcerns', () => {
  const account = { subject: { type: 'account' as const, id: 'acc' } };
  const contract = { subject: { type: 'contract' as const, id: 'c-1' } };
  const product = { subject: { type: 'product' as const, id: 's-1' } };

  it('an account report takes every fact of its account', () => {
    expect(factConcerns(account, 'contract', 'c-9')).toBe(true);
    expect(factConcerns(account, 'subscription', 's-9')).toBe(true);
  });

  it("a contract report takes its own contract's and account-wide facts, not a sibling contract's", () => {
    expect(factConcerns(contract, 'contract', 'c-1')).toBe(true);
    expect(factConcerns(contract, 'account', 'acc')).toBe(true);
    expect(factConcerns(contract, 'contract', 'c-2')).toBe(false);
    expect(factConcerns(contract, 'subscription', 'c-1')).toBe(false);
  });

  it("a product report takes its own subscription's and account-wide facts", () => {
    expect(factConcerns(product, 'subscription', 's-1')).toBe(true);
    expect(factConcerns(product, 'subscription', 's-2')).toBe(false);
    expect(factConcerns(product, 'account', 'acc')).toBe(true);
  });
});

describe('withinWindow', () => {
  it('counts facts from the raise to a year after, not before it', () => {
    expect(withinWindow('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe(true);
    expect(withinWindow('2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z')).toBe(true);
    expect(withinWindow('2026-01-01T00:00:00Z', '2025-12-31T23:59:59Z')).toBe(false);
    expect(withinWindow('2026-01-01T00:00:00Z', '2027-01-02T00:00:00Z')).toBe(false);
  });
});

describe('confirmsSignal', () => {
  it('risk reports are borne out by churn or shrinkage, opportunity reports by growth or conversion', () => {
    expect(confirmsSignal('CRITICAL_CHURN', 'churned')).toBe(true);
    expect(confirmsSignal('REVENUE_AT_RISK', 'downgraded')).toBe(true);
    expect(confirmsSignal('PARTIAL_CHURN', 'renewed')).toBe(false);
    expect(confirmsSignal('UPSELL', 'expanded')).toBe(true);
    expect(confirmsSignal('EXPANSION', 'converted')).toBe(true);
    expect(confirmsSignal('EXPANSION', 'no_change')).toBe(false);
    expect(confirmsSignal('UPSELL', 'churned')).toBe(false);
  });
});
