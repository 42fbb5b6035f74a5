import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@foresight/auth';
import { BackboneModule } from '@foresight/backbone';
import {
  AccountFeaturesChanged,
  FeedbackReceived,
  OutcomeObserved,
  RecordUpserted,
  UsageRecorded,
} from '@foresight/contracts';
import type { Projection, ProjectionEvent } from '@foresight/projections';
import { PlatformModule } from '@foresight/service-kit';
import { IngestionConfig } from './config';
import { integrationsProjection } from './integration/projections/integrations.projection';
import { ListIntegrationsHandler } from './integration/use-cases/list-integrations/list-integrations.handler';
import { ListIntegrationsHttpController } from './integration/use-cases/list-integrations/list-integrations.http.controller';
import { SaveColumnMappingHandler } from './integration/use-cases/save-column-mapping/save-column-mapping.handler';
import { SaveColumnMappingHttpController } from './integration/use-cases/save-column-mapping/save-column-mapping.http.controller';
import { ingestionRoutes } from './integration.routes';
import { recordsProjection } from './record/projections/records.projection';
import { GetRecordHandler } from './record/use-cases/get-record/get-record.handler';
import { GetRecordHttpController } from './record/use-cases/get-record/get-record.http.controller';
import { IngestRecordsHandler } from './record/use-cases/ingest-records/ingest-records.handler';
import { IngestRecordsHttpController } from './record/use-cases/ingest-records/ingest-records.http.controller';
import { RecordStep } from './record/use-cases/ingest-records/record-step';
import { RemoveAccountHttpController } from './record/use-cases/ingest-records/remove-account.http.controller';
import { RulesCheck } from './record/use-cases/ingest-records/rules-check';
import { SyncCompletion } from './record/use-cases/ingest-records/sync-completion';
import { UpstreamRecordsConsumer } from './record/use-cases/ingest-records/upstream-records.consumer';
import { UsageStep } from './record/use-cases/ingest-records/usage-step';
import { rulesProjection } from './rule/projections/rules.projection';
import { RulesModule } from './rule/rules.module';
import { rejectionsProjection } from './sync/projections/rejections.projection';
import { syncHistoryProjection } from './sync/projections/sync-history.projection';
import { uploadsProjection } from './sync/projections/uploads.projection';
import { MultipartSupport } from './sync/use-cases/upload-csv/multipart-support';
import { UploadCsvHandler } from './sync/use-cases/upload-csv/upload-csv.handler';
import { UploadCsvHttpController } from './sync/use-cases/upload-csv/upload-csv.http.controller';
import { ListRejectionsHandler } from './sync/use-cases/list-rejections/list-rejections.handler';
import { ListRejectionsHttpController } from './sync/use-cases/list-rejections/list-rejections.http.controller';
import { ListSyncsHandler } from './sync/use-cases/list-syncs/list-syncs.handler';
import { ListSyncsHttpController } from './sync/use-cases/list-syncs/list-syncs.http.controller';

const projections = [
  recordsProjection,
  rejectionsProjection,
  syncHistoryProjection,
  rulesProjection,
  integrationsProjection,
  uploadsProjection,
] as unknown as readonly Projection<object, ProjectionEvent>[];

/** ingestion's manifest: entry points, handlers, then the backbone they run on. */
@Module({})
export class AppModule {
  static register(config: IngestionConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ name: 'ingestion', config }),
        AuthModule.forRoot(authOptionsFrom(config, 'ingestion')),
        BackboneModule.forRoot({
          schema: config.EVENTSTORE_SCHEMA,
          routes: ingestionRoutes,
          topics: [
            { topic: RecordUpserted.topic },
            { topic: AccountFeaturesChanged.topic },
            { topic: FeedbackReceived.topic },
            { topic: UsageRecorded.topic },
            { topic: OutcomeObserved.topic },
          ],
          projections,
        }),
        RulesModule,
      ],
      controllers: [
        IngestRecordsHttpController,
        RemoveAccountHttpController,
        GetRecordHttpController,
        ListRejectionsHttpController,
        ListSyncsHttpController,
        ListIntegrationsHttpController,
        SaveColumnMappingHttpController,
        UploadCsvHttpController,
      ],
      providers: [
        RulesCheck,
        RecordStep,
        UsageStep,
        SyncCompletion,
        IngestRecordsHandler,
        UpstreamRecordsConsumer,
        GetRecordHandler,
        ListRejectionsHandler,
        ListSyncsHandler,
        ListIntegrationsHandler,
        SaveColumnMappingHandler,
        MultipartSupport,
        UploadCsvHandler,
      ],
    };
  }
}
