import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@foresight/auth';
import { PlatformModule } from '@foresight/service-kit';
import { NotificationsConfig } from './config';

@Module({})
export class AppModule {
  static register(config: NotificationsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ name: 'notifications', config }),
        AuthModule.forRoot(authOptionsFrom(config, 'notifications')),
      ],
    };
  }
}
