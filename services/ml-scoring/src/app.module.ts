import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@foresight/auth';
import { BackboneModule } from '@foresight/backbone';
import { Topics } from '@foresight/contracts';
import type { Projection, ProjectionEvent } from '@foresight/projections';
import { PlatformModule } from '@foresight/service-kit';
import { MlScoringConfig } from './config';
import { AccountHistories } from './history/account-histories';
import { HistorySummaryHttpController } from './history/use-cases/history-summary/history-summary.http.controller';
import { RecordAccountHistory } from './history/use-cases/record-history/record-history.consumer';
import { modelsProjection } from './model/projections/models.projection';
import { ModelArtifacts } from './model/model-artifacts';
import { shadowComparisonsProjection } from './model/projections/shadow-comparisons.projection';
import { CompareModelsHandler } from './model/use-cases/compare-models/compare-models.handler';
import { CompareModelsHttpController } from './model/use-cases/compare-models/compare-models.http.controller';
import { tenantModelsProjection } from './model/projections/tenant-models.projection';
import { PromotedModels } from './model/promoted-models';
import { ServingModels } from './model/serving-models';
import { ModelLifecycleHttpController } from './model/use-cases/promote-model/promote-model.http.controller';
import { ModelLifecycleHandler } from './model/use-cases/shared/lifecycle.handler';
import { ModelSlots } from './model/use-cases/shared/model-slots';
import { TrainModelHandler } from './model/use-cases/train-model/train-model.handler';
import { TrainModelHttpController } from './model/use-cases/train-model/train-model.http.controller';
import { TrainingRunner } from './model/use-cases/train-model/training-runner';
import { AdoptBaselineHandler } from './model/use-cases/adopt-baseline/adopt-baseline.handler';
import { AdoptBaselineOnStart } from './model/use-cases/adopt-baseline/adopt-baseline.on-start';
import { ListModelsHandler } from './model/use-cases/list-models/list-models.handler';
import { ListModelsHttpController } from './model/use-cases/list-models/list-models.http.controller';
import { PredictGrpcController } from './model/use-cases/predict/predict.grpc.controller';
import { PredictHandler } from './model/use-cases/predict/predict.handler';
import { PredictHttpController } from './model/use-cases/predict/predict.http.controller';
import { accountScoredRoute } from './score/integration/account-scored.route';
import { accountScoresProjection } from './score/projections/account-scores.projection';
import { GetAccountScoreHandler } from './score/use-cases/get-account-score/get-account-score.handler';
import { GetAccountScoreHttpController } from './score/use-cases/get-account-score/get-account-score.http.controller';
import { ScoreAccountWhenInputsChange } from './score/use-cases/score-account/score-account.consumer';
import { ScoreAccountHandler } from './score/use-cases/score-account/score-account.handler';

@Module({})
export class AppModule {
  static register(config: MlScoringConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ name: 'ml-scoring', config }),
        AuthModule.forRoot(authOptionsFrom(config, 'ml-scoring')),
        BackboneModule.forRoot({
          schema: config.EVENTSTORE_SCHEMA,
          routes: accountScoredRoute,
          topics: [{ topic: Topics.scoringAccountScores }],
          projections: [
            modelsProjection,
            accountScoresProjection,
            tenantModelsProjection as unknown as Projection<object, ProjectionEvent>,
            shadowComparisonsProjection as unknown as Projection<object, ProjectionEvent>,
          ],
        }),
      ],
      controllers: [
        TrainModelHttpController,
        ModelLifecycleHttpController,
        CompareModelsHttpController,
        PredictHttpController,
        PredictGrpcController,
        ListModelsHttpController,
        GetAccountScoreHttpController,
        HistorySummaryHttpController,
      ],
      providers: [
        RecordAccountHistory,
        AccountHistories,
        PromotedModels,
        ModelSlots,
        ModelArtifacts,
        ServingModels,
        TrainingRunner,
        TrainModelHandler,
        ModelLifecycleHandler,
        CompareModelsHandler,
        AdoptBaselineHandler,
        AdoptBaselineOnStart,
        PredictHandler,
        ListModelsHandler,
        ScoreAccountHandler,
        ScoreAccountWhenInputsChange,
        GetAccountScoreHandler,
      ],
    };
  }
}
