import { runService } from '@foresight/service-kit';
import { AppModule } from './app.module';
import { ReportEngineConfig, reportEngineDefaults } from './config';

void runService({
  name: 'report-engine',
  description:
    "Turns scores into risk and opportunity reports, runs each report's lifecycle and takes the owner's feedback.",
  configClass: ReportEngineConfig,
  defaults: reportEngineDefaults,
  module: (config) => AppModule.register(config),
});
