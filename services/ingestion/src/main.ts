import { runService } from '@foresight/service-kit';
import { AppModule } from './app.module';
import { IngestionConfig, ingestionDefaults } from './config';

void runService({
  name: 'ingestion',
  description:
    "Takes accounts, contracts, usage and feedback from upstream Kafka topics and the REST batch API, validates them and keeps each record's lifecycle as a stream.",
  configClass: IngestionConfig,
  defaults: ingestionDefaults,
  module: (config) => AppModule.register(config),
});
