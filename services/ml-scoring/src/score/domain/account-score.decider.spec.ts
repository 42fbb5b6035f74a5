import type { AccountVocSignals } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { decliningAccount, healthyAccount } from '../../../test/support/accounts';
import { trainBaseline } from '../../model/domain/baseline-training';
import { train } from '../../model/domain/training';
import { accountScoredRoute } from '../integration/account-scored.route';
import type { ScoreAccount, ScoringInput, ScoringModel, TenantScoringModel } from './account-score.commands';
import { accountScoreDecider, decide, evolve } from './account-score.decider';
import type { AccountScoreEvent, AccountScored, ShadowScored } from './account-score.events';
import { initialAccountScoring } from './account-score.state';

const spec = DeciderSpecification.for(accountScoreDecider);
const { model } = trainBaseline(
  { seed: 7, accounts: 800, weeks: 13, asOf: '2025-06-16T09:00:00.000Z' },
  'now',
);
const accountId = '7a0c1f52-1c8e-4f6e-8a57-0d6f3b2f9c41';
const at = '2025-06-16T10:00:00.000Z';
const complaint: AccountVocSignals = { rollingSentiment: -0.9, latestNps: 3, negativeCount: 1 };

const baseline = (version: string): ScoringModel => ({
  kind: 'baseline',
  outcome: 'CHURN',
  modelId: 'churn-baseline',
  version,
  scorer: model,
  fallbackReason: 'platform baseline: the tenant has no promoted CHURN model',
});

let eventNo = 0;
function command(input: ScoringInput, overrides: Partial<ScoreAccount['data']> = {}): ScoreAccount {
  eventNo++;
  return {
    type: 'ScoreAccount',
    data: {
      tenantId: 'tenant-a',
      accountId,
      input,
      cause: {
        type: input.kind === 'features' ? 'AccountFeaturesChanged' : 'AccountSignalChanged',
        eventId: `e${eventNo}`,
      },
      models: [baseline(model.version)],
      minChange: 0.01,
      at,
      ...overrides,
    },
  };
}
const features = (f = decliningAccount(accountId)): ScoringInput => ({ kind: 'features', features: f });
const signal = (voc: AccountVocSignals, sourceRevision: number | null = 0): ScoringInput => ({
  kind: 'voc',
  voc,
  sourceRevision,
  at,
});

function history(...commands: ScoreAccount[]): AccountScoreEvent[] {
  let state = initialAccountScoring();
  return commands.flatMap((c) => {
    const events = decide(c, state);
    state = events.reduce(evolve, state);
    return events;
  });
}
const scores = (events: AccountScoreEvent[]) =>
  events.filter((e): e is AccountScored => e.type === 'AccountScored');

describe('account score decider', () => {
  describe('nothing known yet', () => {
    it('scores a declining account high on its first features, with the model version and why', () => {
      const [observed, scored] = decide(command(features()), initialAccountScoring());
      expect(observed!.type).toBe('FeaturesObserved');
      expect(scored).toMatchObject({
        type: 'AccountScored',
        data: {
          accountId,
          outcome: 'CHURN',
          prediction: 1,
          modelVersion: model.version,
          previousProbability: null,
        },
      });
      const data = (scored as AccountScored).data;
      expect(data.probability).toBeGreaterThan(0.6);
      expect(data.topContributors.map((c) => c.feature)).toContain('actions_trend');
      expect(data.cause).toEqual({ type: 'AccountFeaturesChanged', eventId: expect.any(String) });
    });

    it('keeps a voc signal without scoring: there is no usage to score yet', () => {
      const events = decide(command(signal(complaint)), initialAccountScoring());
      expect(events.map((e) => e.type)).toEqual(['VocSignalObserved']);
    });
  });

  describe('scored', () => {
    it('rescores with the latest features when a very negative NPS-3 signal arrives, and the score rises', () => {
      const [first, second] = scores(history(command(features()), command(signal(complaint))));
      expect(second!.data.probability).toBeGreaterThan(first!.data.probability + 0.1);
      expect(second!.data.previousProbability).toBe(first!.data.probability);
      expect(second!.data.cause.type).toBe('AccountSignalChanged');
    });

    it('scores features that arrive after the signal with that signal', () => {
      const withSignal = scores(history(command(signal(complaint)), command(features())));
      const without = scores(history(command(features())));
      expect(withSignal[0]!.data.probability).toBeGreaterThan(without[0]!.data.probability);
    });

    it('publishes nothing when the probability did not move by more than minChange (same usage re-sent)', () => {
      const given = history(command(features()));
      const same = decliningAccount(accountId, '2025-06-16T00:00:00.000Z');
      spec
        .given(given)
        .when(command(features(same)))
        .then([{ type: 'FeaturesObserved', data: expect.objectContaining({ features: same }) as never }]);
    });

    it('publishes again when another model version scores, however little it moved', () => {
      let state = history(command(features())).reduce(evolve, initialAccountScoring());
      const next = decide(command(features(), { models: [baseline('churn-lr-other')] }), state);
      state = next.reduce(evolve, state);
      expect(next.map((e) => e.type)).toEqual(['FeaturesObserved', 'AccountScored']);
      expect(state.lastScore?.modelVersion).toBe('churn-lr-other');
    });

    it('drops features of an older window that arrive late', () =>
      spec
        .given(history(command(features())))
        .when(command(features(healthyAccount(accountId, '2025-05-01T00:00:00.000Z'))))
        .thenNothingHappened());

    it('drops a signal older than the one it holds (by its revision in voc-signals)', () =>
      spec
        .given(history(command(features()), command(signal(complaint, 5))))
        .when(command(signal({ rollingSentiment: 0.8, latestNps: 10, negativeCount: 0 }, 4)))
        .thenNothingHappened());

    it("refuses inputs for the account under another tenant (they would move that tenant's score)", () =>
      spec
        .given(history(command(features())))
        .when(command(features(), { tenantId: 'tenant-b' }))
        .thenThrows(DomainError, (e) => e.code === 'SCORING.ACCOUNT_OF_ANOTHER_TENANT'));
  });
});

describe('account score decider: tenant models and lineage', () => {
  const samples = Array.from({ length: 120 }, (_, i) => ({
    id: `s${String(i).padStart(3, '0')}`,
    label: (i % 3 === 0 ? 1 : 0) as 0 | 1,
    features: {
      totalActions: i % 3 === 0 ? 5 + (i % 7) : 50 + (i % 11),
      industry: i % 2 ? 'RETAIL' : 'SOFTWARE',
    },
  }));
  const trained = train(samples, { algorithm: 'logistic_regression', cvFolds: 3, minPositives: 5, seed: 1 });
  if (!trained.ok) throw new Error(trained.reason);
  const tenantModel = (totalActions: number): ScoringModel => ({
    kind: 'tenant',
    outcome: 'EXPANSION',
    modelId: 'expansion-all-0123456789abcdef',
    version: 'expansion-all-0123456789abcdef-v1',
    segment: 'all',
    artifact: trained.model.artifact,
    inputs: {
      features: { totalActions, industry: 'RETAIL' },
      positions: { record: { stream: 'record-x', revision: 3 }, usage: { stream: 'usage-x', revision: 9 } },
    },
  });

  it('scores each outcome with its own model and says where the score came from', () => {
    const events = decide(
      command(features(), { models: [baseline(model.version), tenantModel(6)] }),
      initialAccountScoring(),
    );
    const [churn, expansion] = scores(events);
    expect(churn!.data).toMatchObject({ outcome: 'CHURN', modelId: 'churn-baseline', fallback: true });
    expect(churn!.data.fallbackReason).toMatch(/no promoted CHURN model/);
    expect(expansion!.data).toMatchObject({
      outcome: 'EXPANSION',
      modelId: 'expansion-all-0123456789abcdef',
      modelVersion: 'expansion-all-0123456789abcdef-v1',
      segment: 'all',
      fallback: false,
      inputs: [
        { stream: 'record-x', revision: 3 },
        { stream: 'usage-x', revision: 9 },
      ],
    });
    expect(expansion!.data.featureHash).toMatch(/^[0-9a-f]{64}$/);
    expect(expansion!.data.probability).toBeGreaterThan(0.5);
  });

  it('hashes different inputs differently and the same inputs the same', () => {
    const a = scores(decide(command(features(), { models: [tenantModel(6)] }), initialAccountScoring()))[0]!;
    const b = scores(decide(command(features(), { models: [tenantModel(6)] }), initialAccountScoring()))[0]!;
    const c = scores(decide(command(features(), { models: [tenantModel(60)] }), initialAccountScoring()))[0]!;
    expect(a.data.featureHash).toBe(b.data.featureHash);
    expect(c.data.featureHash).not.toBe(a.data.featureHash);
    expect(c.data.probability).toBeLessThan(a.data.probability);
  });
});

describe('account score decider: shadow models', () => {
  const samples = Array.from({ length: 120 }, (_, i) => ({
    id: `s${String(i).padStart(3, '0')}`,
    label: (i % 3 === 0 ? 1 : 0) as 0 | 1,
    features: { totalActions: i % 3 === 0 ? 5 + (i % 7) : 50 + (i % 11) },
  }));
  const trained = train(samples, { algorithm: 'logistic_regression', cvFolds: 3, minPositives: 5, seed: 2 });
  if (!trained.ok) throw new Error(trained.reason);
  const candidate = (totalActions: number): TenantScoringModel => ({
    kind: 'tenant',
    outcome: 'CHURN',
    modelId: 'churn-all-fedcba9876543210',
    version: 'churn-all-fedcba9876543210-v1',
    segment: 'all',
    artifact: trained.model.artifact,
    inputs: { features: { totalActions }, positions: {} },
  });

  it('scores a shadow beside the served model on the same input, records both, and publishes only the served one', () => {
    const events = decide(
      command(features(), { models: [baseline(model.version)], shadows: [candidate(6)] }),
      initialAccountScoring(),
    );
    expect(events.map((e) => e.type)).toEqual(['FeaturesObserved', 'AccountScored', 'ShadowScored']);
    const served = scores(events)[0]!;
    const shadow = events[2] as ShadowScored;
    expect(shadow.data).toMatchObject({
      modelId: 'churn-all-fedcba9876543210',
      outcome: 'CHURN',
      served: {
        modelId: 'churn-baseline',
        probability: served.data.probability,
        prediction: served.data.prediction,
      },
    });
    expect(accountScoredRoute({ type: 'ShadowScored', data: shadow.data } as never)).toBeUndefined();
  });

  it('records nothing new for the shadow when neither score moved', () => {
    const first = history(
      command(features(), { models: [baseline(model.version)], shadows: [candidate(6)] }),
    );
    spec
      .given(first)
      .when(command(features(), { models: [baseline(model.version)], shadows: [candidate(6)] }))
      .then([{ type: 'FeaturesObserved', data: expect.objectContaining({ accountId }) as never }]);
  });
});
