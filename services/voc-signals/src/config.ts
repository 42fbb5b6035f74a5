import { BaseConfig } from '@foresight/service-kit';

/** voc-signals's environment; the shared variables (ports, brokers, stores) come from BaseConfig. */
export class VocSignalsConfig extends BaseConfig {}

export const vocSignalsDefaults = { PORT: 3006 };
