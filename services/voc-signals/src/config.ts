import { AuthConfig } from '@foresight/auth';

/** voc-signals's environment: shared variables from BaseConfig; identity's addresses and JWT settings from AuthConfig. */
export class VocSignalsConfig extends AuthConfig {}

export const vocSignalsDefaults = { PORT: 3006 };
