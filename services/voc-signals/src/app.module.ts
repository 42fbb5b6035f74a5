import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@foresight/auth';
import { PlatformModule } from '@foresight/service-kit';
import { VocSignalsConfig } from './config';

@Module({})
export class AppModule {
  static register(config: VocSignalsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ name: 'voc-signals', config }),
        AuthModule.forRoot(authOptionsFrom(config, 'voc-signals')),
      ],
    };
  }
}
