import { BaseConfig } from '@foresight/service-kit';

/** ingestion's environment; the shared variables (ports, brokers, stores) come from BaseConfig. */
export class IngestionConfig extends BaseConfig {}

export const ingestionDefaults = { PORT: 3002 };
