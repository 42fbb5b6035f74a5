import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@foresight/service-kit';
import { MlScoringConfig } from './config';

@Module({})
export class AppModule {
  static register(config: MlScoringConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ name: 'ml-scoring', config })],
    };
  }
}
