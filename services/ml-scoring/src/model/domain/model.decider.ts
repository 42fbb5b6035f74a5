import { assertNever, Decider } from '@foresight/domain';
import type { ModelCommand } from './model.commands';
import type { ModelEvent } from './model.events';
import { initialModelLineage, ModelLineage } from './model.state';

/** The baseline every tenant is scored with until it has models of its own. */
export const BASELINE_MODEL_ID = 'churn-baseline';

/**
 * The tenant of platform-wide streams: every event belongs to a tenant, and the baseline belongs to
 * none in particular. Every tenant reads it; none writes it.
 */
export const PLATFORM_TENANT = 'platform';

/**
 * A model's lifecycle as events: trained → promoted. Instances starting together train the same
 * version (training is deterministic) and race to adopt it; the stream's expected revision lets one
 * win, and the others, re-deciding on the new state, find it promoted and append nothing. A baseline
 * already promoted stays: a restart with other settings does not silently replace what scores run on.
 */
export function decide(command: ModelCommand, state: ModelLineage): ModelEvent[] {
  switch (command.type) {
    case 'AdoptBaseline': {
      if (state.promoted !== null) return [];
      const { trained, at } = command.data;
      return [
        ...(state.trained[trained.version] ? [] : [{ type: 'ModelTrained' as const, data: trained }]),
        {
          type: 'ModelPromoted',
          data: { modelId: trained.modelId, version: trained.version, previousVersion: null, promotedAt: at },
        },
      ];
    }
    default:
      return assertNever(command.type, 'model command');
  }
}

export function evolve(state: ModelLineage, event: ModelEvent): ModelLineage {
  switch (event.type) {
    case 'ModelTrained':
      return { ...state, trained: { ...state.trained, [event.data.version]: event.data } };
    case 'ModelPromoted':
      return { ...state, promoted: event.data.version };
    default:
      return assertNever(event, 'model event');
  }
}

export const modelDecider: Decider<ModelLineage, ModelCommand, ModelEvent> = {
  initialState: initialModelLineage,
  decide,
  evolve,
};

export const modelStream = (modelId: string): string => `model-${modelId}`;
