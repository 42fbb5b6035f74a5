import type { Command } from '@foresight/domain';
import type { ModelTrained } from './model.events';

/**
 * Offers a freshly trained baseline. Training is done before the command (it is expensive and the
 * same for every instance); the decision is only whether the stream takes it.
 */
export type AdoptBaseline = Command<'AdoptBaseline', { trained: ModelTrained['data']; at: string }>;

export type ModelCommand = AdoptBaseline;
