import { runService } from '@foresight/service-kit';
import { AppModule } from './app.module';
import { IdentityConfig, identityDefaults } from './config';
import { connectGrpc } from './grpc';

void runService({
  name: 'identity',
  description:
    'Tenants, users, roles, API keys and the audit log; issues JWTs and verifies keys for every service.',
  configClass: IdentityConfig,
  defaults: identityDefaults,
  module: (config) => AppModule.register(config),
  configure: (app, config) => connectGrpc(app, config),
});
