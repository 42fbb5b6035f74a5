import { reportMessage } from './report-message';

describe('reportMessage', () => {
  it('names the account, the probability, the main factors and the ranked actions', () => {
    const message = reportMessage({
      kind: 'CRITICAL_CHURN',
      accountName: 'Northwind',
      score: 0.934,
      modelVersion: 'churn-lr-1',
      topFactors: ['actionsTrend'],
      nextBestActions: [
        {
          id: 'exec-call',
          title: 'Book an executive call with Northwind this week',
          why: ['latest NPS answer is 3 (detractor)'],
          priority: 65,
        },
        { id: 'adoption-session', title: 'Run an adoption session on deals', why: [], priority: 30 },
      ],
    });
    expect(message).toEqual({
      accountName: 'Northwind',
      title: 'Critical churn risk: Northwind (93% churn probability)',
      summary: [
        'Northwind scores 93% for churn (model churn-lr-1).',
        'Main factors: actionsTrend.',
        'Next best actions:',
        '1. Book an executive call with Northwind this week (latest NPS answer is 3 (detractor))',
        '2. Run an adoption session on deals',
      ].join('\n'),
    });
  });

  it('speaks of expansion for opportunities, and keeps within the contract’s limits', () => {
    const message = reportMessage({
      kind: 'UPSELL',
      accountName: 'x'.repeat(500),
      score: 0.75,
      modelVersion: null,
      topFactors: [],
      nextBestActions: [],
    });
    expect(message.accountName).toHaveLength(200);
    expect(message.title).toMatch(/^Upsell opportunity: x+… \(75% expansion probability\)$/);
    expect(message.title.length).toBeLessThanOrEqual(500);
  });
});
