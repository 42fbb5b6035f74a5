import { AuthConfig } from '@foresight/auth';

/** ml-scoring's environment: shared variables from BaseConfig; identity's addresses and JWT settings from AuthConfig. */
export class MlScoringConfig extends AuthConfig {}

export const mlScoringDefaults = { PORT: 3005 };
