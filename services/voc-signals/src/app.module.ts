import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@foresight/auth';
import { BackboneModule } from '@foresight/backbone';
import { Topics } from '@foresight/contracts';
import { PlatformModule } from '@foresight/service-kit';
import { VocSignalsConfig } from './config';
import { accountSignalChangedRoute } from './feedback/integration/account-signal-changed.route';
import { accountSignalsProjection } from './feedback/projections/account-signals.projection';
import { analysedFeedbackProjection } from './feedback/projections/analysed-feedback.projection';
import { AnalyseFeedbackWhenFeedbackReceived } from './feedback/use-cases/analyse-feedback/analyse-feedback.consumer';
import { AnalyseFeedbackHandler } from './feedback/use-cases/analyse-feedback/analyse-feedback.handler';
import { GetAccountSignalsHandler } from './feedback/use-cases/get-account-signals/get-account-signals.handler';
import { GetAccountSignalsHttpController } from './feedback/use-cases/get-account-signals/get-account-signals.http.controller';
import { GetNpsHandler } from './feedback/use-cases/get-nps/get-nps.handler';
import { GetNpsHttpController } from './feedback/use-cases/get-nps/get-nps.http.controller';
import { ListFeedbackHandler } from './feedback/use-cases/list-feedback/list-feedback.handler';
import { ListFeedbackHttpController } from './feedback/use-cases/list-feedback/list-feedback.http.controller';

@Module({})
export class AppModule {
  static register(config: VocSignalsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ name: 'voc-signals', config }),
        AuthModule.forRoot(authOptionsFrom(config, 'voc-signals')),
        BackboneModule.forRoot({
          schema: config.EVENTSTORE_SCHEMA,
          routes: accountSignalChangedRoute,
          topics: [{ topic: Topics.vocAccountSignals }],
          projections: [analysedFeedbackProjection, accountSignalsProjection],
        }),
      ],
      controllers: [ListFeedbackHttpController, GetAccountSignalsHttpController, GetNpsHttpController],
      providers: [
        AnalyseFeedbackHandler,
        AnalyseFeedbackWhenFeedbackReceived,
        ListFeedbackHandler,
        GetAccountSignalsHandler,
        GetNpsHandler,
      ],
    };
  }
}
