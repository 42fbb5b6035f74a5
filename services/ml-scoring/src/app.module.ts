import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@foresight/auth';
import { PlatformModule } from '@foresight/service-kit';
import { MlScoringConfig } from './config';

@Module({})
export class AppModule {
  static register(config: MlScoringConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ name: 'ml-scoring', config }),
        AuthModule.forRoot(authOptionsFrom(config, 'ml-scoring')),
      ],
    };
  }
}
