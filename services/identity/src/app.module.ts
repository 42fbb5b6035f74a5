import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@foresight/service-kit';
import { IdentityConfig } from './config';

@Module({})
export class AppModule {
  static register(config: IdentityConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ name: 'identity', config })],
    };
  }
}
