import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@foresight/service-kit';
import { IngestionConfig } from './config';

@Module({})
export class AppModule {
  static register(config: IngestionConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ name: 'ingestion', config })],
    };
  }
}
