import type {
  AccountFeaturesChangedPayload,
  AccountSignalChangedPayload,
  Envelope,
} from '@foresight/contracts';
import type { ScoreCause } from '../../domain/account-score.events';
import type { ScoringInput } from '../../domain/account-score.commands';

/** One scoring input from a consumed integration event, with the tenant from its envelope only. */
export interface ScoreAccountRequest {
  tenantId: string;
  accountId: string;
  input: ScoringInput;
  cause: ScoreCause;
  origin: { correlationId: string; causationId: string; traceparent?: string };
}

const originOf = (e: Envelope) => ({
  correlationId: e.correlationId,
  causationId: e.eventId,
  traceparent: e.traceparent,
});

export function fromFeaturesChanged(
  e: Envelope,
  payload: AccountFeaturesChangedPayload,
): ScoreAccountRequest {
  // The payload's own tenantId field, if any, is ignored: the envelope is the authority.
  const { tenantId: _ignored, ...features } = payload.features;
  return {
    tenantId: e.tenantId,
    accountId: payload.accountId,
    input: { kind: 'features', features: { ...features, accountId: payload.accountId } },
    cause: { type: 'AccountFeaturesChanged', eventId: e.eventId },
    origin: originOf(e),
  };
}

export function fromSignalChanged(e: Envelope, payload: AccountSignalChangedPayload): ScoreAccountRequest {
  const { accountId, rollingSentiment, latestNps, negativeCount, at } = payload;
  return {
    tenantId: e.tenantId,
    accountId,
    input: {
      kind: 'voc',
      voc: { rollingSentiment, latestNps: latestNps ?? null, negativeCount },
      sourceRevision: e.revision ?? null,
      at,
    },
    cause: { type: 'AccountSignalChanged', eventId: e.eventId },
    origin: originOf(e),
  };
}
