import { assertNever, Decider } from '@foresight/domain';
import { score } from '../../model/domain/churn-model';
import { featureRow } from '../../model/domain/feature-vector';
import type { AccountScoreCommand } from './account-score.commands';
import { accountOfAnotherTenant } from './account-score.errors';
import type { AccountScoreEvent } from './account-score.events';
import { AccountScoring, initialAccountScoring } from './account-score.state';

/**
 * Per-account reactive scoring (`score-<accountId>`): the latest usage features and voice-of-customer
 * signals are kept on the stream, so either kind of input rescores with the other's latest value.
 * A score is published when it is the account's first, comes from another model version, or moved
 * by more than `minChange`; small wobbles stay quiet so downstream reports are not churned by noise.
 */
export function decide(command: AccountScoreCommand, state: AccountScoring): AccountScoreEvent[] {
  switch (command.type) {
    case 'ScoreAccount': {
      const { tenantId, accountId, input, cause, model, minChange, at } = command.data;
      if (state.tenantId !== null && state.tenantId !== tenantId) throw accountOfAnotherTenant(accountId);

      let observed: AccountScoreEvent;
      let features = state.features;
      let voc = state.voc;
      if (input.kind === 'features') {
        // Features of an older window arriving late would roll the account back in time.
        if (state.features && Date.parse(input.features.asOf) < Date.parse(state.features.asOf)) return [];
        features = input.features;
        observed = { type: 'FeaturesObserved', data: { tenantId, accountId, features, cause } };
      } else {
        if (
          input.sourceRevision !== null &&
          state.vocRevision !== null &&
          input.sourceRevision <= state.vocRevision
        )
          return [];
        voc = input.voc;
        observed = {
          type: 'VocSignalObserved',
          data: { tenantId, accountId, voc, sourceRevision: input.sourceRevision, at: input.at, cause },
        };
      }
      // Usage is what the model mostly reads; without it there is nothing to score yet.
      if (!features) return [observed];

      const scored = score(model.scorer, featureRow({ ...features, voc: voc ?? features.voc }));
      const last = state.lastScore;
      const moved =
        !last ||
        last.modelVersion !== model.version ||
        Math.abs(scored.probability - last.probability) > minChange;
      if (!moved) return [observed];
      return [
        observed,
        {
          type: 'AccountScored',
          data: {
            tenantId,
            accountId,
            outcome: 'CHURN',
            probability: scored.probability,
            previousProbability: last?.probability ?? null,
            prediction: scored.prediction,
            confidence: scored.confidence,
            modelVersion: model.version,
            topContributors: scored.topContributors,
            cause,
            scoredAt: at,
          },
        },
      ];
    }
    default:
      return assertNever(command.type, 'account score command');
  }
}

export function evolve(state: AccountScoring, event: AccountScoreEvent): AccountScoring {
  switch (event.type) {
    case 'FeaturesObserved':
      return { ...state, tenantId: event.data.tenantId, features: event.data.features };
    case 'VocSignalObserved':
      return {
        ...state,
        tenantId: event.data.tenantId,
        voc: event.data.voc,
        vocRevision: event.data.sourceRevision,
      };
    case 'AccountScored':
      return {
        ...state,
        tenantId: event.data.tenantId,
        lastScore: { probability: event.data.probability, modelVersion: event.data.modelVersion },
      };
    default:
      return assertNever(event, 'account score event');
  }
}

export const accountScoreDecider: Decider<AccountScoring, AccountScoreCommand, AccountScoreEvent> = {
  initialState: initialAccountScoring,
  decide,
  evolve,
};

export const scoreStream = (accountId: string): string => `score-${accountId}`;
