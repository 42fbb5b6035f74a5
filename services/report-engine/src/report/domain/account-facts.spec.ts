import {
  AccountFacts,
  accountSignalsOf,
  reportDataOf,
  sameFacts,
  scoreOf,
  ScoreFacts,
} from './account-facts';

const facts: AccountFacts = {
  accountId: 'acc-1',
  name: 'Northwind',
  ownerEmail: 'owner@northwind.test',
  gone: null,
  lifecycle: 'customer',
  industry: 'Software',
  employeeRange: '51 to 200',
  arr: 40_000,
  mrr: null,
  contracts: [
    {
      recordId: 'c1',
      externalId: 'C-1',
      arr: 30_000,
      renewalDate: '2025-07-26T00:00:00.000Z',
      status: 'active',
    },
    {
      recordId: 'c2',
      externalId: 'C-2',
      arr: 20_000,
      renewalDate: '2025-09-01T00:00:00.000Z',
      status: 'pending_renewal',
    },
    {
      recordId: 'c3',
      externalId: 'C-3',
      arr: 99_000,
      renewalDate: '2025-06-20T00:00:00.000Z',
      status: 'cancelled',
    },
  ],
  subscriptions: [],
  intents: [],
  scores: { churn: null, expansion: null },
  usage: { activeUsers: 4, actionsTrend: -0.4567, weakestArea: 'deals' },
  voc: { rollingSentiment: -0.61234, latestNps: 3, negativeCount: 2 },
};
const score: ScoreFacts = {
  probability: 0.91,
  modelVersion: 'churn-lr-1',
  scoredAt: '2025-06-16T09:00:00.000Z',
  topFactors: ['actionsTrend', 'rollingSentiment'],
};
const asOf = '2025-06-16T09:00:00.000Z';

describe('reportDataOf', () => {
  it('lays the account facts under the score, with the nearest renewal of a running contract', () => {
    expect(reportDataOf(score, facts, asOf)).toEqual({
      score: 0.91,
      modelVersion: 'churn-lr-1',
      asOf,
      values: {
        accountName: 'Northwind',
        ownerEmail: 'owner@northwind.test',
        lifecycle: 'customer',
        industry: 'Software',
        employeeRange: '51 to 200',
        arr: 40_000,
        contractArr: 50_000,
        daysToRenewal: 40,
        activeUsers: 4,
        usageTrend: -0.457,
        weakestArea: 'deals',
        sentiment: -0.612,
        latestNps: 3,
        negativeFeedback: 2,
        topFactors: 'actionsTrend, rollingSentiment',
      },
    });
  });

  it('shows only the score when nothing is known about the account yet', () => {
    expect(reportDataOf({ ...score, topFactors: [] }, null, asOf)).toEqual({
      score: 0.91,
      modelVersion: 'churn-lr-1',
      asOf,
      values: {},
    });
  });

  it('round-trips the score through scoreOf, so new facts can be laid under the same score', () => {
    expect(scoreOf(reportDataOf(score, facts, asOf))).toEqual(score);
  });
});

describe('sameFacts', () => {
  it('ignores when the data was taken, not what it says', () => {
    const a = reportDataOf(score, facts, asOf);
    expect(sameFacts(a, reportDataOf(score, facts, '2025-06-16T09:00:00.000Z'))).toBe(true);
    expect(sameFacts(a, { ...a, asOf: '2025-06-17T00:00:00.000Z' })).toBe(true);
    expect(sameFacts(a, reportDataOf({ ...score, probability: 0.95 }, facts, asOf))).toBe(false);
    expect(sameFacts(a, reportDataOf(score, { ...facts, arr: 1 }, asOf))).toBe(false);
  });
});

describe('accountSignalsOf', () => {
  it('gives the playbooks what they rank on', () => {
    expect(accountSignalsOf(facts, asOf)).toEqual({
      accountName: 'Northwind',
      usageTrend: -0.4567,
      activeUsers: 4,
      weakestArea: 'deals',
      sentiment: -0.61234,
      latestNps: 3,
      daysToRenewal: 40,
      arr: 50_000,
    });
    expect(accountSignalsOf(null, asOf)).toEqual({});
  });
});
