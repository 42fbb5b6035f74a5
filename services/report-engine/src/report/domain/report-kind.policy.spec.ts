import { AccountFacts, ScoreFacts } from './account-facts';
import { bandedKind, signalScore, SubjectSignal, subjectSignals, targetKind } from './report-kind.policy';
import { DEFAULT_REPORT_SETTINGS } from './report-settings';

const settings = DEFAULT_REPORT_SETTINGS;
const now = '2025-06-16T00:00:00.000Z';
const score = (probability: number): ScoreFacts => ({
  probability,
  modelVersion: 'm-1',
  scoredAt: now,
  topFactors: ['actionsTrend'],
});
const facts = (over: Partial<AccountFacts> = {}): AccountFacts => ({
  accountId: 'acc-1',
  name: 'Northwind',
  ownerEmail: 'owner@northwind.test',
  gone: null,
  lifecycle: 'customer',
  industry: null,
  employeeRange: null,
  arr: null,
  mrr: null,
  contracts: [],
  subscriptions: [],
  intents: [],
  usage: null,
  voc: null,
  scores: { churn: null, expansion: null },
  ...over,
});
const contract = (renewalDate: string, status = 'active') => ({
  recordId: 'con-1',
  externalId: 'C-1',
  arr: 48_000,
  renewalDate,
  status,
});
const subscription = (units: number | null, unitLimit: number | null, status = 'active') => ({
  recordId: 'sub-1',
  product: 'Analytics',
  plan: 'Team',
  units,
  unitLimit,
  status,
  mrr: 900,
});
const signalOf = (f: AccountFacts, family: SubjectSignal['family']) =>
  subjectSignals(f, now).find((s) => s.family === family)!;

describe('bandedKind: the churn family with hysteresis', () => {
  const kinds = ['PARTIAL_CHURN', 'CRITICAL_CHURN'] as const;
  const t = settings.thresholds;

  it('opens at the highest entry crossed, nothing below the lowest entry', () => {
    expect(bandedKind(kinds, null, 0.85, t)).toBe('CRITICAL_CHURN');
    expect(bandedKind(kinds, null, 0.65, t)).toBe('PARTIAL_CHURN');
    expect(bandedKind(kinds, null, 0.59, t)).toBeNull();
  });

  it('escalates at the higher entry, holds a kind down to its exit, then steps down or clears', () => {
    expect(bandedKind(kinds, 'PARTIAL_CHURN', 0.8, t)).toBe('CRITICAL_CHURN');
    expect(bandedKind(kinds, 'PARTIAL_CHURN', 0.79, t)).toBe('PARTIAL_CHURN');
    expect(bandedKind(kinds, 'CRITICAL_CHURN', 0.72, t)).toBe('CRITICAL_CHURN');
    expect(bandedKind(kinds, 'CRITICAL_CHURN', 0.69, t)).toBe('PARTIAL_CHURN');
    expect(bandedKind(kinds, 'PARTIAL_CHURN', 0.55, t)).toBe('PARTIAL_CHURN');
    expect(bandedKind(kinds, 'PARTIAL_CHURN', 0.49, t)).toBeNull();
    expect(bandedKind(kinds, 'CRITICAL_CHURN', 0.4, t)).toBeNull();
  });

  it('does not flap: a score wobbling between exit and entry keeps what it has', () => {
    const wobble = [0.62, 0.57, 0.61, 0.52, 0.58];
    expect(wobble.map((p) => bandedKind(kinds, 'PARTIAL_CHURN', p, t))).toEqual(
      wobble.map(() => 'PARTIAL_CHURN'),
    );
    expect(wobble.map((p) => bandedKind(kinds, null, p, t))).toEqual([
      'PARTIAL_CHURN',
      null,
      'PARTIAL_CHURN',
      null,
      null,
    ]);
  });
});

describe('targetKind', () => {
  it('says nothing (undefined) about a family whose score has not arrived', () => {
    expect(targetKind(signalOf(facts(), 'CHURN'), null, settings)).toBeUndefined();
    expect(targetKind(signalOf(facts(), 'EXPANSION'), 'EXPANSION', settings)).toBeUndefined();
  });

  it('EXPANSION on the account from the expansion score', () => {
    const f = (p: number) => facts({ scores: { churn: null, expansion: score(p) } });
    expect(targetKind(signalOf(f(0.75), 'EXPANSION'), null, settings)).toBe('EXPANSION');
    expect(targetKind(signalOf(f(0.65), 'EXPANSION'), 'EXPANSION', settings)).toBe('EXPANSION');
    expect(targetKind(signalOf(f(0.55), 'EXPANSION'), 'EXPANSION', settings)).toBeNull();
  });

  describe('REVENUE_AT_RISK on a contract', () => {
    const f = (renewal: string, churn: number | null, over: Partial<AccountFacts> = {}) =>
      facts({
        contracts: [contract(renewal)],
        scores: { churn: churn === null ? null : score(churn), expansion: null },
        ...over,
      });

    it('needs the renewal inside the window and the churn risk high', () => {
      expect(targetKind(signalOf(f('2025-08-01', 0.65), 'REVENUE_AT_RISK'), null, settings)).toBe(
        'REVENUE_AT_RISK',
      );
      expect(targetKind(signalOf(f('2026-01-01', 0.95), 'REVENUE_AT_RISK'), null, settings)).toBeNull();
      expect(targetKind(signalOf(f('2025-08-01', 0.4), 'REVENUE_AT_RISK'), null, settings)).toBeNull();
    });

    it('a downgrade intent puts the renewal at risk without a churn score', () => {
      const downgrade = { type: 'downgrade_inquiry', strength: 80, detectedAt: now };
      const signal = signalOf(f('2025-08-01', null, { intents: [downgrade] }), 'REVENUE_AT_RISK');
      expect(targetKind(signal, null, settings)).toBe('REVENUE_AT_RISK');
      expect(signalScore(signal).score?.probability).toBe(0.8);
    });

    it('carries the ARR at risk and the days to renewal', () => {
      expect(signalScore(signalOf(f('2025-08-01', 0.65), 'REVENUE_AT_RISK')).values).toMatchObject({
        contractId: 'C-1',
        arrAtRisk: 48_000,
        daysToRenewal: 46,
      });
    });

    it('clears once the renewal has passed or the contract is cancelled', () => {
      expect(
        targetKind(signalOf(f('2025-06-01', 0.9), 'REVENUE_AT_RISK'), 'REVENUE_AT_RISK', settings),
      ).toBeNull();
      const cancelled = facts({
        contracts: [contract('2025-08-01', 'cancelled')],
        scores: { churn: score(0.9), expansion: null },
      });
      expect(targetKind(signalOf(cancelled, 'REVENUE_AT_RISK'), 'REVENUE_AT_RISK', settings)).toBeNull();
    });
  });

  describe('UPSELL on a subscription', () => {
    const f = (units: number | null, limit: number | null, expansion: number | null = null, over = {}) =>
      facts({
        subscriptions: [subscription(units, limit)],
        scores: { churn: null, expansion: expansion === null ? null : score(expansion) },
        ...over,
      });

    it('opens on usage near the plan limit or on a high expansion score', () => {
      expect(targetKind(signalOf(f(92, 100), 'UPSELL'), null, settings)).toBe('UPSELL');
      expect(targetKind(signalOf(f(10, 100, 0.72), 'UPSELL'), null, settings)).toBe('UPSELL');
      expect(targetKind(signalOf(f(85, 100, 0.5), 'UPSELL'), null, settings)).toBeNull();
    });

    it('holds down to the exits, then clears', () => {
      expect(targetKind(signalOf(f(85, 100), 'UPSELL'), 'UPSELL', settings)).toBe('UPSELL');
      expect(targetKind(signalOf(f(70, 100, 0.5), 'UPSELL'), 'UPSELL', settings)).toBeNull();
    });

    it('a buyer-intent signal strengthens its score', () => {
      const plain = signalScore(signalOf(f(92, 100), 'UPSELL')).score!.probability;
      const intent = { type: 'pricing_page', strength: 90, detectedAt: now };
      const strengthened = signalScore(signalOf(f(92, 100, null, { intents: [intent] }), 'UPSELL'));
      expect(strengthened.score!.probability).toBeGreaterThan(plain);
      expect(strengthened.values).toMatchObject({ buyerIntent: 'pricing_page (90)', usageRatio: 0.92 });
    });

    it('a cancelled subscription holds no upsell', () => {
      const cancelled = facts({ subscriptions: [subscription(99, 100, 'cancelled')] });
      expect(targetKind(signalOf(cancelled, 'UPSELL'), 'UPSELL', settings)).toBeNull();
    });
  });
});
