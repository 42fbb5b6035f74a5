import { OutcomeRecorded } from '../domain/outcome.events';
import { OutcomeProjectionEvent, outcomesProjection } from './outcomes.projection';

const report = {
  accountId: 'acc-1',
  kind: 'CRITICAL_CHURN' as const,
  subject: { type: 'account' as const, id: 'acc-1' },
  ownerEmail: 'owner@a.test',
  raisedAt: '2026-03-05T10:00:00.000Z',
};
const base: OutcomeRecorded['data'] = {
  reportId: 'rep-1',
  tenantId: 't',
  report,
  source: {
    type: 'fact',
    factId: 'f-1',
    fact: 'contract_renewed',
    effectiveAt: '2026-05-01T00:00:00.000Z',
  },
  proposed: { outcome: 'renewed', revenueImpact: 48_000 },
  outcome: 'renewed',
  revenueImpact: 48_000,
  verification: 'Verified',
  decidedAt: '2026-06-01T00:00:00.000Z',
};
let revision = 0;
const event = (data: Partial<OutcomeRecorded['data']>): OutcomeProjectionEvent => ({
  id: `e-${revision}`,
  type: 'OutcomeRecorded',
  stream: 'outcome-rep-1',
  revision: revision++,
  tenantId: 't',
  occurredAt: new Date('2026-06-01T00:00:00Z'),
  data: { ...base, ...data },
});

describe('outcomesProjection', () => {
  it('keeps the verdict, both sources and the month the report was raised in', () => {
    const fromFact = outcomesProjection.evolve(null, event({}));
    expect(fromFact).toMatchObject({
      reportId: 'rep-1',
      category: 'risk',
      period: '2026-03',
      outcome: 'renewed',
      confirmed: false,
      automatic: { outcome: 'renewed', revenueImpact: 48_000, factId: 'f-1' },
      manual: null,
    });
    const disputed = outcomesProjection.evolve(
      fromFact,
      event({
        source: { type: 'manual', by: 'owner@a.test', note: 'gave notice', revenueImpact: -48_000 },
        proposed: { outcome: 'churned', revenueImpact: -48_000 },
        outcome: 'churned',
        revenueImpact: -48_000,
        verification: 'Disputed',
      }),
    );
    expect(disputed).toMatchObject({
      outcome: 'churned',
      verification: 'Disputed',
      confirmed: true,
      automatic: { outcome: 'renewed', factId: 'f-1' },
      manual: { outcome: 'churned', by: 'owner@a.test', note: 'gave notice' },
    });
  });

  it('a replayed event gives the same document', () => {
    const e = event({});
    const once = outcomesProjection.evolve(null, e);
    expect(outcomesProjection.evolve(once, e)).toEqual(once);
  });
});
