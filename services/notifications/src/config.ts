import { AuthConfig } from '@foresight/auth';

/** notifications's environment: shared variables from BaseConfig; identity's addresses and JWT settings from AuthConfig. */
export class NotificationsConfig extends AuthConfig {}

export const notificationsDefaults = { PORT: 3004 };
