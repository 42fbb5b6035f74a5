import { assertNever, Decider, DomainError } from '@foresight/domain';
import type { Outcome } from './point-in-time';
import { OUTCOMES } from './point-in-time';
import type { TenantModelCommand } from './tenant-model.commands';
import type { Segment, TenantModelEvent } from './tenant-model.events';
import { initialModelSlot, ModelSlot, TenantModelStatus } from './tenant-model.state';

const notFound = (modelId: string) =>
  new DomainError('MODEL.NOT_FOUND', `No model ${modelId}`, 'not_found', { modelId });

const invalidTransition = (modelId: string, status: TenantModelStatus, action: string) =>
  new DomainError(
    'MODEL.INVALID_TRANSITION',
    `Model ${modelId} is ${status}; it cannot be ${action}`,
    'conflict',
    { modelId, status },
  );

/**
 * A tenant's models for one outcome and segment, on one stream, so "exactly one promoted" is a rule
 * of one decider rather than a race between streams: training → trained | failed; trained → shadow →
 * promoted → retired (trained and shadow may be promoted or retired directly). Promoting retires the
 * model promoted before, on the record, in the same append.
 */
export function decide(command: TenantModelCommand, state: ModelSlot): TenantModelEvent[] {
  switch (command.type) {
    case 'StartTraining': {
      const d = command.data;
      if (state.models[d.modelId]) return [];
      return [
        {
          type: 'TrainingStarted',
          data: {
            modelId: d.modelId,
            outcome: d.outcome,
            segment: d.segment,
            config: d.config,
            horizonDays: d.horizonDays,
            lookbackDays: d.lookbackDays,
            requestedBy: d.by,
            startedAt: d.at,
          },
        },
      ];
    }
    case 'RecordTrainingProgress': {
      const model = state.models[command.data.modelId];
      if (!model) throw notFound(command.data.modelId);
      return model.status === 'training' ? [{ type: 'TrainingProgressed', data: command.data }] : [];
    }
    case 'CompleteTraining': {
      const { trained } = command.data;
      const model = state.models[trained.modelId];
      if (!model) throw notFound(trained.modelId);
      return model.status === 'training' ? [{ type: 'TenantModelTrained', data: trained }] : [];
    }
    case 'FailTraining': {
      const model = state.models[command.data.modelId];
      if (!model) throw notFound(command.data.modelId);
      return model.status === 'training' ? [{ type: 'TrainingFailed', data: command.data }] : [];
    }
    case 'ShadowModel': {
      const { modelId, by, at } = command.data;
      const model = state.models[modelId];
      if (!model) throw notFound(modelId);
      if (model.status === 'shadow') return [];
      if (model.status !== 'trained') throw invalidTransition(modelId, model.status, 'shadowed');
      return [{ type: 'ModelShadowed', data: { modelId, by, at } }];
    }
    case 'PromoteModel': {
      const { modelId, by, at } = command.data;
      const model = state.models[modelId];
      if (!model) throw notFound(modelId);
      if (model.status === 'promoted') return [];
      if (model.status !== 'trained' && model.status !== 'shadow')
        throw invalidTransition(modelId, model.status, 'promoted');
      const previous = state.promoted;
      return [
        ...(previous === null
          ? []
          : [
              {
                type: 'TenantModelRetired' as const,
                data: { modelId: previous, replacedBy: modelId, by, retiredAt: at },
              },
            ]),
        {
          type: 'TenantModelPromoted',
          data: { modelId, version: model.version ?? modelId, previousModelId: previous, by, promotedAt: at },
        },
      ];
    }
    case 'RetireModel': {
      const { modelId, by, at } = command.data;
      const model = state.models[modelId];
      if (!model) throw notFound(modelId);
      if (model.status === 'retired') return [];
      if (model.status === 'training' || model.status === 'failed')
        throw invalidTransition(modelId, model.status, 'retired');
      return [{ type: 'TenantModelRetired', data: { modelId, replacedBy: null, by, retiredAt: at } }];
    }
    default:
      return assertNever(command, 'tenant model command');
  }
}

const withStatus = (
  state: ModelSlot,
  modelId: string,
  status: TenantModelStatus,
  version?: string,
): ModelSlot => ({
  ...state,
  models: {
    ...state.models,
    [modelId]: { status, version: version ?? state.models[modelId]?.version ?? null },
  },
});

export function evolve(state: ModelSlot, event: TenantModelEvent): ModelSlot {
  switch (event.type) {
    case 'TrainingStarted':
      return withStatus(state, event.data.modelId, 'training');
    case 'TrainingProgressed':
      return state;
    case 'TenantModelTrained':
      return withStatus(state, event.data.modelId, 'trained', event.data.version);
    case 'TrainingFailed':
      return withStatus(state, event.data.modelId, 'failed');
    case 'ModelShadowed':
      return withStatus(state, event.data.modelId, 'shadow');
    case 'TenantModelPromoted':
      return { ...withStatus(state, event.data.modelId, 'promoted'), promoted: event.data.modelId };
    case 'TenantModelRetired': {
      const next = withStatus(state, event.data.modelId, 'retired');
      return state.promoted === event.data.modelId ? { ...next, promoted: null } : next;
    }
    default:
      return assertNever(event, 'tenant model event');
  }
}

export const tenantModelDecider: Decider<ModelSlot, TenantModelCommand, TenantModelEvent> = {
  initialState: initialModelSlot,
  decide,
  evolve,
};

/** One stream per tenant, outcome and segment: the serving slot and every model trained for it. */
export const modelSlotStream = (tenantId: string, outcome: Outcome, segment: Segment): string =>
  `tenant_models-${tenantId}-${outcome}-${segment}`;

export const artifactStream = (tenantId: string, modelId: string): string =>
  `model_artifact-${tenantId}-${modelId}`;

const MODEL_ID = /^(churn|conversion|expansion)-([a-z0-9_]{1,40})-([0-9a-f]{16})$/;

/** Model ids name their slot (`churn-all-<16 hex>`), so a command finds its stream without a lookup. */
export function modelIdFor(outcome: Outcome, segment: Segment, digest: string): string {
  return `${outcome.toLowerCase()}-${segment}-${digest.slice(0, 16)}`;
}

export function slotOfModelId(modelId: string): { outcome: Outcome; segment: Segment } | null {
  const m = MODEL_ID.exec(modelId);
  if (!m) return null;
  const outcome = (m[1] ?? '').toUpperCase() as Outcome;
  return OUTCOMES.includes(outcome) ? { outcome, segment: m[2] ?? '' } : null;
}
