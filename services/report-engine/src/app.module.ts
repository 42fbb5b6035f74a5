import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@foresight/auth';
import { PlatformModule } from '@foresight/service-kit';
import { ReportEngineConfig } from './config';

@Module({})
export class AppModule {
  static register(config: ReportEngineConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ name: 'report-engine', config }),
        AuthModule.forRoot(authOptionsFrom(config, 'report-engine')),
      ],
    };
  }
}
