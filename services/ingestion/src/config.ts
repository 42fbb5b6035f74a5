import { AuthConfig } from '@foresight/auth';

/** ingestion's environment: shared variables from BaseConfig; identity's addresses and JWT settings from AuthConfig. */
export class IngestionConfig extends AuthConfig {}

export const ingestionDefaults = { PORT: 3002 };
