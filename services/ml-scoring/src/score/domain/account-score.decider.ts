import { assertNever, Decider } from '@foresight/domain';
import type { AccountFeatures } from '@foresight/contracts';
import { Confidence, Contributor, score } from '../../model/domain/churn-model';
import { featureRow } from '../../model/domain/feature-vector';
import { featureHash } from '../../model/domain/feature-hash';
import { predict } from '../../model/domain/training';
import type { AccountScoreCommand, ScoringModel } from './account-score.commands';
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
      const { tenantId, accountId, input, cause, models, minChange, at } = command.data;
      const shadows = command.data.shadows ?? [];
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
      // Usage is what the models mostly read; without it there is nothing to score yet.
      if (!features) return [observed];

      const scoredEvents: AccountScoreEvent[] = [];
      const servedBy = new Map<string, { model: ScoringModel; scored: Scored }>();
      for (const model of models) {
        const scored = scoreWith(model, { ...features, voc: voc ?? features.voc });
        servedBy.set(model.outcome, { model, scored });
        const last =
          model.outcome === 'CHURN'
            ? (state.lastScores['CHURN'] ?? state.lastScore)
            : state.lastScores[model.outcome];
        const moved =
          !last ||
          last.modelVersion !== model.version ||
          Math.abs(scored.probability - last.probability) > minChange;
        if (!moved) continue;
        scoredEvents.push({
          type: 'AccountScored',
          data: {
            tenantId,
            accountId,
            outcome: model.outcome,
            probability: scored.probability,
            previousProbability: last?.probability ?? null,
            prediction: scored.prediction,
            confidence: scored.confidence,
            modelVersion: model.version,
            topContributors: scored.topContributors,
            cause,
            scoredAt: at,
            ...scored.lineage,
          },
        });
      }
      for (const shadow of shadows) {
        const scored = scoreWith(shadow, features);
        const served = servedBy.get(shadow.outcome);
        const servedProbability = served?.scored.probability ?? null;
        const last = state.lastShadows[shadow.modelId];
        const moved = (a: number | null, b: number | null) =>
          a === null || b === null ? a !== b : Math.abs(a - b) > minChange;
        if (
          last &&
          !moved(scored.probability, last.probability) &&
          !moved(servedProbability, last.servedProbability)
        )
          continue;
        scoredEvents.push({
          type: 'ShadowScored',
          data: {
            tenantId,
            accountId,
            outcome: shadow.outcome,
            modelId: shadow.modelId,
            version: shadow.version,
            probability: scored.probability,
            prediction: scored.prediction,
            featureHash: scored.lineage.featureHash,
            served: served
              ? {
                  modelId: served.model.modelId,
                  version: served.model.version,
                  probability: served.scored.probability,
                  prediction: served.scored.prediction,
                }
              : null,
            cause,
            scoredAt: at,
          },
        });
      }
      return [observed, ...scoredEvents];
    }
    default:
      return assertNever(command.type, 'account score command');
  }
}

interface Scored {
  probability: number;
  prediction: 0 | 1;
  confidence: Confidence;
  topContributors: Contributor[];
  lineage: {
    modelId: string;
    segment: string;
    featureHash: string;
    inputs: { stream: string; revision: number }[];
    fallback: boolean;
    fallbackReason?: string;
  };
}

/**
 * The baseline reads ingestion's aggregate features; a tenant model reads the features its own
 * history gives as of now (the handler computes them with the training sets' function), so a tenant
 * model is never fed features computed another way than the ones it was trained on.
 */
function scoreWith(model: ScoringModel, features: AccountFeatures): Scored {
  switch (model.kind) {
    case 'baseline': {
      const row = featureRow(features);
      const s = score(model.scorer, row);
      return {
        ...s,
        lineage: {
          modelId: model.modelId,
          segment: 'all',
          featureHash: featureHash(row),
          inputs: [],
          fallback: true,
          fallbackReason: model.fallbackReason,
        },
      };
    }
    case 'tenant': {
      const [p] = predict(model.artifact, [model.inputs.features]);
      if (!p) throw new Error(`model ${model.modelId} returned no prediction`);
      const { record, usage } = model.inputs.positions;
      return {
        probability: p.probability,
        prediction: p.prediction,
        confidence: p.confidence,
        topContributors: p.topFactors,
        lineage: {
          modelId: model.modelId,
          segment: model.segment,
          featureHash: featureHash(model.inputs.features),
          inputs: [...(record ? [record] : []), ...(usage ? [usage] : [])],
          fallback: false,
        },
      };
    }
    default:
      return assertNever(model, 'scoring model');
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
        lastScore:
          event.data.outcome === 'CHURN'
            ? { probability: event.data.probability, modelVersion: event.data.modelVersion }
            : state.lastScore,
        lastScores: {
          ...state.lastScores,
          [event.data.outcome]: {
            probability: event.data.probability,
            modelVersion: event.data.modelVersion,
          },
        },
      };
    case 'ShadowScored':
      return {
        ...state,
        lastShadows: {
          ...state.lastShadows,
          [event.data.modelId]: {
            probability: event.data.probability,
            servedProbability: event.data.served?.probability ?? null,
          },
        },
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
