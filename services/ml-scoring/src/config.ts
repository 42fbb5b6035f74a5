import { BaseConfig } from '@foresight/service-kit';

/** ml-scoring's environment; the shared variables (ports, brokers, stores) come from BaseConfig. */
export class MlScoringConfig extends BaseConfig {}

export const mlScoringDefaults = { PORT: 3005 };
