import { aggregateUsage, UsageSample } from '@foresight/contracts';
import { DeciderSpecification } from '@foresight/testing';
import { contentHash } from '../../record/domain/content-hash';
import { RecordUsage, RefreshFeatures } from './usage.commands';
import { usageDecider } from './usage.decider';
import { UsageEvent } from './usage.events';

const spec = DeciderSpecification.for(usageDecider);
const accountId = '0b6f5c1e-8d1a-5a3b-9c2d-111111111111';
const firmographics = { employeeRange: '51 to 200', industry: 'SOFTWARE', webRank: 12000, arr: 24000 };

const week = (at: string, contacts: number, users: number): UsageSample => ({
  at,
  actions: { contacts, companies: 0, deals: 1, email: 0 },
  users: { contacts: users, companies: 0, deals: 1, email: 0 },
});
const w1 = week('2025-06-02T00:00:00Z', 40, 4);
const w2 = week('2025-06-09T00:00:00.000Z', 10, 2);

const recordUsage = (samples: UsageSample[], lookbackDays = 90): RecordUsage => ({
  type: 'RecordUsage',
  data: {
    accountId,
    accountExternalId: 'crm-1',
    source: 'product',
    samples,
    firmographics,
    lookbackDays,
    at: '2025-06-10T08:00:00.000Z',
  },
});

const recorded = (s: UsageSample, previousHash: string | null = null): UsageEvent => ({
  type: 'UsageRecorded',
  data: {
    accountId,
    accountExternalId: 'crm-1',
    source: 'product',
    period: new Date(s.at).toISOString(),
    actions: s.actions,
    users: s.users,
    contentHash: contentHash({ actions: s.actions, users: s.users }),
    previousHash,
    recordedAt: '2025-06-10T08:00:00.000Z',
  },
});

const featuresOver = (
  samples: UsageSample[],
  asOf: string,
  firmo: typeof firmographics | null = firmographics,
) => {
  const f = aggregateUsage(accountId, samples, { asOf, lookbackDays: 90 });
  return firmo ? { ...f, firmographics: firmo } : f;
};
const computed = (features: ReturnType<typeof featuresOver>): UsageEvent => ({
  type: 'AccountFeaturesComputed',
  data: {
    accountId,
    accountExternalId: 'crm-1',
    features,
    featuresHash: contentHash(features),
    computedAt: '2025-06-10T08:00:00.000Z',
  },
});

describe('account without usage', () => {
  it('new periods are recorded, then the features as of the latest period, with firmographics', () => {
    const features = featuresOver([w1, w2], '2025-06-09T00:00:00.000Z');
    expect(features).toMatchObject({ samples: 2, totalActions: 52, asOf: '2025-06-09T00:00:00.000Z' });
    spec
      .given([])
      .when(recordUsage([w1, w2]))
      .then([recorded(w1), recorded(w2), computed(features)]);
  });

  it('a refresh without usage publishes nothing (no usage, no features)', () => {
    const refresh: RefreshFeatures = {
      type: 'RefreshFeatures',
      data: {
        accountId,
        accountExternalId: 'crm-1',
        firmographics,
        lookbackDays: 90,
        at: '2025-06-10T08:00:00.000Z',
      },
    };
    spec.given([]).when(refresh).thenNothingHappened();
  });
});

describe('account with usage', () => {
  const history = [recorded(w1), recorded(w2), computed(featuresOver([w1, w2], '2025-06-09T00:00:00.000Z'))];

  it('re-sent periods with the same counts change nothing, whatever the timestamp spelling', () => {
    spec
      .given(history)
      .when(recordUsage([{ ...w1, at: '2025-06-02T00:00:00.000Z' }, w2]))
      .thenNothingHappened();
  });

  it('a corrected period replaces the old counts and moves the features', () => {
    const fixed = week('2025-06-09T00:00:00Z', 25, 3);
    spec
      .given(history)
      .when(recordUsage([fixed]))
      .then([
        recorded(fixed, contentHash({ actions: w2.actions, users: w2.users })),
        computed(featuresOver([w1, fixed], '2025-06-09T00:00:00.000Z')),
      ]);
  });

  it('an older period arriving late keeps the window at the latest period', () => {
    const old = week('2025-05-26T00:00:00Z', 60, 5);
    spec
      .given(history)
      .when(recordUsage([old]))
      .then([recorded(old), computed(featuresOver([old, w1, w2], '2025-06-09T00:00:00.000Z'))]);
  });

  it('a usage period outside the window is recorded but leaves the features as they were', () => {
    const ancient = week('2024-01-01T00:00:00Z', 500, 9);
    spec
      .given(history)
      .when(recordUsage([ancient]))
      .then([recorded(ancient)]);
  });

  it('new firmographics on the account record recompute the features', () => {
    const bigger = { ...firmographics, arr: 48000 };
    spec
      .given(history)
      .when({
        type: 'RefreshFeatures',
        data: {
          accountId,
          accountExternalId: 'crm-1',
          firmographics: bigger,
          lookbackDays: 90,
          at: '2025-06-10T08:00:00.000Z',
        },
      })
      .then(computed(featuresOver([w1, w2], '2025-06-09T00:00:00.000Z', bigger)));
    spec
      .given(history)
      .when({
        type: 'RefreshFeatures',
        data: {
          accountId,
          accountExternalId: 'crm-1',
          firmographics,
          lookbackDays: 90,
          at: '2025-06-10T08:00:00.000Z',
        },
      })
      .thenNothingHappened();
  });
});
