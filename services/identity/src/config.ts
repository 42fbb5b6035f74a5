import { BaseConfig } from '@foresight/service-kit';

/** identity's environment; the shared variables (ports, brokers, stores) come from BaseConfig. */
export class IdentityConfig extends BaseConfig {}

export const identityDefaults = { PORT: 3001 };
