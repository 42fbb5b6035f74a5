import { nextBestActions } from './next-best-actions';

describe('nextBestActions', () => {
  it('puts support escalation first for a critical churn with open tickets and angry feedback', () => {
    const actions = nextBestActions('CRITICAL_CHURN', {
      accountName: 'Northwind',
      openTickets: 3,
      sentiment: -0.7,
    });
    expect(actions.map((a) => a.id)).toEqual(['support-escalation', 'exec-call', 'adoption-session']);
    expect(actions[0]?.why).toEqual([
      '3 support tickets are open',
      'recent feedback is negative (sentiment -0.70)',
    ]);
  });

  it('puts the renewal offer first when renewal is close, and names the account', () => {
    const [first] = nextBestActions('CRITICAL_CHURN', {
      accountName: 'Northwind',
      daysToRenewal: 30,
      usageTrend: -0.1,
    });
    expect(first).toMatchObject({
      id: 'renewal-offer',
      title: 'Prepare the renewal offer for Northwind now',
    });
    expect(first?.why).toEqual(['renews in 30 days']);
  });

  it('targets the weakest product area when usage is falling', () => {
    const [first] = nextBestActions('PARTIAL_CHURN', { usageTrend: -0.45, weakestArea: 'deals' });
    expect(first).toMatchObject({ id: 'adoption-session', title: 'Run an adoption session on deals' });
    expect(first?.why).toContain('usage fell 45% over the window');
  });

  it('ranks opportunity plays by seat use and advocacy', () => {
    expect(nextBestActions('UPSELL', { activeUsers: 19, seats: 20 })[0]?.id).toBe('seat-expansion');
    expect(nextBestActions('EXPANSION', { latestNps: 10 }).map((a) => a.id)).toContain('reference-ask');
  });

  it("without signals, keeps the kind's own ranking, and honours the limit", () => {
    const actions = nextBestActions('REVENUE_AT_RISK', {}, 2);
    expect(actions.map((a) => a.id)).toEqual(['value-review', 'renewal-offer']);
    expect(actions.every((a) => a.why.length === 0)).toBe(true);
  });
});
