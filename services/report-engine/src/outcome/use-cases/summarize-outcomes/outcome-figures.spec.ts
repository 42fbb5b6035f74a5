import { figuresOf } from './outcome-figures';

const row = (
  kind: 'CRITICAL_CHURN' | 'UPSELL',
  outcome: 'renewed' | 'churned' | 'expanded' | 'no_change',
  revenueImpact: number,
  verification: 'Verified' | 'Pending' | 'Disputed' = 'Verified',
) => {
  const category = kind === 'UPSELL' ? ('opportunity' as const) : ('risk' as const);
  const confirmed = category === 'risk' ? outcome === 'churned' : outcome === 'expanded';
  return { kind, category, outcome, revenueImpact, verification, confirmed };
};

describe('figuresOf', () => {
  it('precision and revenue leave disputed outcomes out; saved ARR counts renewed risk, won counts grown opportunity', () => {
    const figures = figuresOf([
      row('CRITICAL_CHURN', 'churned', -10_000),
      row('CRITICAL_CHURN', 'renewed', 48_000),
      row('CRITICAL_CHURN', 'churned', -5_000, 'Disputed'),
      row('CRITICAL_CHURN', 'renewed', 9_000, 'Disputed'),
      row('UPSELL', 'expanded', 6_000, 'Pending'),
      row('UPSELL', 'no_change', 0),
    ]);
    expect(figures).toEqual({
      withOutcome: 6,
      confirmed: 2,
      verified: 3,
      pending: 1,
      disputed: 2,
      precision: 0.5,
      revenueAtRiskSaved: 48_000,
      expansionWon: 6_000,
    });
  });

  it('has no precision when there is nothing to count', () => {
    expect(figuresOf([]).precision).toBeNull();
  });
});
