import { runService } from '@foresight/service-kit';
import { AppModule } from './app.module';
import { MlScoringConfig, mlScoringDefaults } from './config';
import { connectGrpc } from './grpc';

void runService({
  name: 'ml-scoring',
  description:
    'Trains, promotes and serves churn / conversion / expansion models and scores accounts when their features change.',
  configClass: MlScoringConfig,
  defaults: mlScoringDefaults,
  module: (config) => AppModule.register(config),
  configure: (app, config) => connectGrpc(app, config),
});
