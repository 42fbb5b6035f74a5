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
 * A model's lifecycle as events: trained → promoted → retired when another is promoted in its place.
 * The baseline is what the running code and its BASELINE_* settings train (deterministically, so
 * instances starting together train the same version and race to adopt it; the stream's expected
 * revision lets one win, and the others, re-deciding, find it promoted and append nothing). When
 * that definition changes — a new feature pipeline, another training window — the version differs,
 * and adopting it retires the one promoted before, on the record.
 */
export function decide(command: ModelCommand, state: ModelLineage): ModelEvent[] {
  switch (command.type) {
    case 'AdoptBaseline': {
      const { trained, at } = command.data;
      if (state.promoted === trained.version) return [];
      const previous = state.promoted;
      return [
        ...(state.trained[trained.version] ? [] : [{ type: 'ModelTrained' as const, data: trained }]),
        ...(previous === null
          ? []
          : [
              {
                type: 'ModelRetired' as const,
                data: {
                  modelId: trained.modelId,
                  version: previous,
                  replacedBy: trained.version,
                  retiredAt: at,
                },
              },
            ]),
        {
          type: 'ModelPromoted',
          data: {
            modelId: trained.modelId,
            version: trained.version,
            previousVersion: previous,
            promotedAt: at,
          },
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
    case 'ModelRetired':
      return state;
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
