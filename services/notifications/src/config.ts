import { BaseConfig } from '@foresight/service-kit';

/** notifications's environment; the shared variables (ports, brokers, stores) come from BaseConfig. */
export class NotificationsConfig extends BaseConfig {}

export const notificationsDefaults = { PORT: 3004 };
