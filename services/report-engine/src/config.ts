import { AuthConfig } from '@foresight/auth';

/** report-engine's environment: shared variables from BaseConfig; identity's addresses and JWT settings from AuthConfig. */
export class ReportEngineConfig extends AuthConfig {}

export const reportEngineDefaults = { PORT: 3003 };
