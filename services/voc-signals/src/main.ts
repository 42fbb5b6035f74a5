import { runService } from '@foresight/service-kit';
import { AppModule } from './app.module';
import { VocSignalsConfig, vocSignalsDefaults } from './config';

void runService({
  name: 'voc-signals',
  description:
    'Analyses voice-of-customer feedback (sentiment, topics, NPS) and publishes account-level signals.',
  configClass: VocSignalsConfig,
  defaults: vocSignalsDefaults,
  module: (config) => AppModule.register(config),
});
