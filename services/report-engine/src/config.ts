import { BaseConfig } from '@foresight/service-kit';

/** report-engine's environment; the shared variables (ports, brokers, stores) come from BaseConfig. */
export class ReportEngineConfig extends BaseConfig {}

export const reportEngineDefaults = { PORT: 3003 };
