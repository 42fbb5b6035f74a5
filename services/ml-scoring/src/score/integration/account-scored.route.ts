import { AccountScored, AccountScoredPayload, Topics } from '@foresight/contracts';
import type { RecordedEvent } from '@foresight/eventstore';
import type { Route } from '@foresight/messaging';
import type { AccountScoreEvent } from '../domain/account-score.events';

/**
 * Only scores leave the service: the observed inputs are ml-scoring's own memory of what it read.
 * The payload is the contract's fields, not the domain event's (no tenant, cause or previous score).
 */
export function accountScoredRoute(event: RecordedEvent): Route | undefined {
  const e = { type: event.type, data: event.data } as AccountScoreEvent;
  if (e.type !== 'AccountScored') return undefined;
  const { accountId, outcome, probability, prediction, confidence, modelVersion, topContributors, scoredAt } =
    e.data;
  const { modelId, segment, featureHash, inputs, fallback, fallbackReason } = e.data;
  const payload: AccountScoredPayload = {
    accountId,
    outcome,
    probability,
    prediction,
    confidence,
    modelVersion,
    topContributors: topContributors.map(({ feature, contribution }) => ({ feature, contribution })),
    scoredAt,
    ...(modelId === undefined ? {} : { modelId }),
    ...(segment === undefined ? {} : { segment }),
    ...(featureHash === undefined ? {} : { featureHash }),
    ...(inputs === undefined ? {} : { inputs: inputs.map(({ stream, revision }) => ({ stream, revision })) }),
    ...(fallback === undefined ? {} : { fallback }),
    ...(fallbackReason === undefined ? {} : { fallbackReason }),
  };
  return { topic: Topics.scoringAccountScores, key: accountId, type: AccountScored.type, payload };
}
