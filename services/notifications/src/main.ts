import { runService } from '@foresight/service-kit';
import { AppModule } from './app.module';
import { NotificationsConfig, notificationsDefaults } from './config';

void runService({
  name: 'notifications',
  description:
    'Delivers notifications (webhook, email, in-app) per tenant rules, exactly once per event, recipient and channel.',
  configClass: NotificationsConfig,
  defaults: notificationsDefaults,
  module: (config) => AppModule.register(config),
});
