import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@foresight/auth';
import { PlatformModule } from '@foresight/service-kit';
import { IngestionConfig } from './config';

@Module({})
export class AppModule {
  static register(config: IngestionConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ name: 'ingestion', config }),
        AuthModule.forRoot(authOptionsFrom(config, 'ingestion')),
      ],
    };
  }
}
