import type { ModelTrained } from './model.events';

export interface ModelLineage {
  /** Every version trained on this stream, by version. */
  trained: Record<string, ModelTrained['data']>;
  promoted: string | null;
}

export const initialModelLineage = (): ModelLineage => ({ trained: {}, promoted: null });

/** The promoted version's record, with its artifact; null while nothing is promoted. */
export function promotedOf(state: ModelLineage): ModelTrained['data'] | null {
  return state.promoted === null ? null : (state.trained[state.promoted] ?? null);
}
