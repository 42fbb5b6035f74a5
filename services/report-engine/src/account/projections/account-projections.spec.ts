import {
  AccountSnapshotDoc,
  accountSnapshotProjection,
  AccountRecordEvent,
} from './account-snapshot.projection';
import {
  AccountSignalsDoc,
  accountSignalsProjection,
  AccountSignalEvent,
} from './account-signals.projection';

const at = '2025-06-16T09:00:00.000Z';
let revision = 0;
const record = (type: AccountRecordEvent['type'], entity: string, recordId: string, extra: object = {}) =>
  ({
    id: `e-${revision}`,
    type,
    stream: `record-${recordId}`,
    revision: revision++,
    tenantId: 'tenant-a',
    occurredAt: new Date(at),
    data: { recordId, entity, source: 'crm', externalId: recordId, accountId: 'acc-1', at, ...extra },
  }) as AccountRecordEvent;
const fold = (events: AccountRecordEvent[]) =>
  events.reduce<AccountSnapshotDoc | null>((doc, e) => accountSnapshotProjection.evolve(doc, e), null);

describe('account snapshot projection', () => {
  const upsertAccount = record('RecordUpserted', 'account', 'r-acc', {
    change: 'created',
    changedFields: [],
    data: { name: 'Northwind', ownerEmail: 'Owner@Northwind.TEST', lifecycle: 'customer', arr: 48_000 },
  });
  const upsertContract = record('RecordUpserted', 'contract', 'r-con', {
    change: 'created',
    changedFields: [],
    data: { arr: 30_000, renewalDate: '2025-09-01', status: 'active', startDate: '2024-09-01' },
  });

  it('keeps the account fields reports show (owner lower-cased) and its contracts', () => {
    expect(fold([upsertContract, upsertAccount])).toMatchObject({
      accountId: 'acc-1',
      name: 'Northwind',
      ownerEmail: 'owner@northwind.test',
      arr: 48_000,
      gone: null,
      contracts: { 'r-con': { arr: 30_000, renewalDate: '2025-09-01', status: 'active' } },
    });
  });

  it('marks the account gone when removed or unresolvable, and forgets a removed contract', () => {
    expect(fold([upsertAccount, record('RecordRemoved', 'account', 'r-acc')])?.gone).toBe('removed');
    expect(
      fold([upsertAccount, record('RecordUnresolvable', 'account', 'r-acc', { reason: 'no match' })])?.gone,
    ).toBe('unresolvable');
    expect(
      fold([upsertAccount, upsertContract, record('RecordRemoved', 'contract', 'r-con')])?.contracts,
    ).toEqual({});
  });

  it('passes over usage and feedback records', () => {
    expect(fold([upsertAccount, record('RecordUpserted', 'usage', 'r-use', { data: {} })])).toEqual(
      fold([upsertAccount]),
    );
  });
});

describe('account signals projection', () => {
  const metric = (sum: number) => ({ sum, mean: sum, max: sum, std: 0 });
  const features = {
    id: 'f-1',
    type: 'AccountFeaturesChanged',
    stream: 'features-acc-1',
    revision: 0,
    tenantId: 'tenant-a',
    occurredAt: new Date(at),
    data: {
      accountId: 'acc-1',
      features: {
        accountId: 'acc-1',
        asOf: at,
        lookbackDays: 90,
        samples: 12,
        totalActions: 100,
        totalUsers: 30,
        activeUsers: 5,
        actionsPerUser: 3.3,
        daysActive: 80,
        activityFrequency: 0.15,
        actionsTrend: -0.5,
        actions: { contacts: metric(50), companies: metric(30), deals: metric(5), email: metric(15) },
        users: { contacts: metric(5), companies: metric(5), deals: metric(1), email: metric(2) },
      },
    },
  } as unknown as AccountSignalEvent;
  const voc = {
    ...features,
    id: 'v-1',
    type: 'AccountSignalChanged',
    stream: 'signals-acc-1',
    data: {
      accountId: 'acc-1',
      rollingSentiment: -0.6,
      latestNps: null,
      negativeCount: 3,
      feedbackId: 'fb-1',
      sentiment: -0.8,
      at,
    },
  } as unknown as AccountSignalEvent;

  it('keeps usage (with the least-used area) and voice-of-customer signals side by side', () => {
    const doc = [features, voc].reduce<AccountSignalsDoc | null>(
      (d, e) => accountSignalsProjection.evolve(d, e),
      null,
    );
    expect(doc).toEqual({
      accountId: 'acc-1',
      usage: { activeUsers: 5, actionsTrend: -0.5, weakestArea: 'deals', asOf: at },
      voc: { rollingSentiment: -0.6, latestNps: null, negativeCount: 3, at },
    });
  });
});
