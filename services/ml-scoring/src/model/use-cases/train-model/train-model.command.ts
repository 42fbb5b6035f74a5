import { createHash } from 'node:crypto';
import type { Principal } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import type { StartTraining } from '../../domain/tenant-model.commands';
import { modelIdFor } from '../../domain/tenant-model.decider';
import { GLOBAL_SEGMENT } from '../../domain/tenant-model.events';
import { TrainingConfig, validateTrainingConfig } from '../../domain/training';
import type { TrainModelRequest } from './train-model.request';

export const DEFAULT_HORIZON_DAYS = 90;
export const DEFAULT_LOOKBACK_DAYS = 90;

/**
 * The HTTP body as a StartTraining command: the configuration is checked by the pipeline's own
 * validator (ranges per algorithm, threshold rule) before anything is recorded. The model id is
 * derived from the tenant, the request key and the configuration, so a retried request (same
 * Idempotency-Key) finds its run instead of starting a second one.
 */
export function trainModelCommand(
  principal: Principal,
  body: TrainModelRequest,
  requestKey: string,
  at: string,
): StartTraining {
  const { outcome, horizonDays, lookbackDays, segment, ...rest } = body;
  const config: TrainingConfig = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined),
  ) as unknown as TrainingConfig;
  const errors = validateTrainingConfig(config);
  if (errors.length > 0)
    throw new DomainError(
      'MODEL.INVALID_CONFIG',
      errors.map((e) => `${e.field}: ${e.errors.join(', ')}`).join('; '),
      'invalid',
      { fields: errors },
    );
  const seg = segment ?? GLOBAL_SEGMENT;
  const digest = createHash('sha256')
    .update(JSON.stringify([principal.tenantId, outcome, seg, requestKey, config, horizonDays, lookbackDays]))
    .digest('hex');
  return {
    type: 'StartTraining',
    data: {
      modelId: modelIdFor(outcome, seg, digest),
      outcome,
      segment: seg,
      config,
      horizonDays: horizonDays ?? DEFAULT_HORIZON_DAYS,
      lookbackDays: lookbackDays ?? DEFAULT_LOOKBACK_DAYS,
      by: principal.email ?? principal.keyPrefix ?? principal.id,
      at,
    },
  };
}
