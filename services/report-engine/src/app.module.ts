import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@foresight/auth';
import { BackboneModule } from '@foresight/backbone';
import { Topics } from '@foresight/contracts';
import type { Projection, ProjectionEvent } from '@foresight/projections';
import { PlatformModule } from '@foresight/service-kit';
import { AccountReadModels } from './account/account-read-models';
import { TrackAccountSignals } from './account/use-cases/track-account-signals/track-account-signals.consumer';
import { defaultSettingsOf, ReportEngineConfig } from './config';
import { outcomeRoute } from './outcome/integration/outcome.routes';
import { outcomesProjection } from './outcome/projections/outcomes.projection';
import { GetOutcomeHttpController } from './outcome/use-cases/get-outcome/get-outcome.http.controller';
import { ObserveFactWhenOutcomeObserved } from './outcome/use-cases/observe-fact/observe-fact-when-outcome-observed.consumer';
import { ObserveFactHandler } from './outcome/use-cases/observe-fact/observe-fact.handler';
import { SetOutcomeByHandHandler } from './outcome/use-cases/set-outcome-by-hand/set-outcome-by-hand.handler';
import { SetOutcomeByHandHttpController } from './outcome/use-cases/set-outcome-by-hand/set-outcome-by-hand.http.controller';
import { OutcomeStreams } from './outcome/use-cases/shared/outcome-streams';
import { SummarizeOutcomesHandler } from './outcome/use-cases/summarize-outcomes/summarize-outcomes.handler';
import { SummarizeOutcomesHttpController } from './outcome/use-cases/summarize-outcomes/summarize-outcomes.http.controller';
import { reportRoute } from './report/integration/report.routes';
import { reportsProjection } from './report/projections/reports.projection';
import { AuditReportsWhenRecordsChange } from './report/use-cases/audit-reports/audit-reports-when-records-change.consumer';
import { AuditReportsHandler } from './report/use-cases/audit-reports/audit-reports.handler';
import { GetReportHttpController } from './report/use-cases/get-report/get-report.http.controller';
import { ReportReader } from './report/use-cases/get-report/report-reader';
import { ListReportsHandler } from './report/use-cases/list-reports/list-reports.handler';
import { ListReportsHttpController } from './report/use-cases/list-reports/list-reports.http.controller';
import { reportIndexProjection } from './report/use-cases/list-reports/report-index.projection';
import { ReportsAsOf } from './report/use-cases/list-reports/reports-as-of';
import { MarkNotifiedWhenNotificationDelivered } from './report/use-cases/mark-notified/mark-notified-when-notification-delivered.consumer';
import { MarkNotifiedHandler } from './report/use-cases/mark-notified/mark-notified.handler';
import { ProvideFeedbackHandler } from './report/use-cases/provide-feedback/provide-feedback.handler';
import { ProvideFeedbackHttpController } from './report/use-cases/provide-feedback/provide-feedback.http.controller';
import { RaiseReportWhenAccountScored } from './report/use-cases/raise-report/raise-report-when-account-scored.consumer';
import { RaiseReportHandler } from './report/use-cases/raise-report/raise-report.handler';
import { ActiveReports } from './report/use-cases/shared/active-reports';
import { ReportLoader } from './report/use-cases/shared/report-loader';
import { ReportStreams } from './report/use-cases/shared/report-streams';
import { DeleteReportHandler } from './report/use-cases/delete-report/delete-report.handler';
import { DeleteReportHttpController } from './report/use-cases/delete-report/delete-report.http.controller';
import { SnoozeReportHandler } from './report/use-cases/snooze-report/snooze-report.handler';
import { SnoozeReportHttpController } from './report/use-cases/snooze-report/snooze-report.http.controller';
import { GetJobHttpController } from './job/use-cases/get-job/get-job.http.controller';
import { RunJobHandler } from './job/use-cases/run-job/run-job.handler';
import { RunJobHttpController } from './job/use-cases/run-job/run-job.http.controller';
import { JobStreams } from './job/job-streams';
import { ChangeSettingsHandler } from './settings/use-cases/change-settings/change-settings.handler';
import { ChangeSettingsHttpController } from './settings/use-cases/change-settings/change-settings.http.controller';
import { GetSettingsHttpController } from './settings/use-cases/get-settings/get-settings.http.controller';
import { DEFAULT_SETTINGS, TenantSettings } from './settings/tenant-settings';

/** report-engine's manifest: entry points (HTTP, consumers), handlers, then what they run on. */
@Module({})
export class AppModule {
  static register(config: ReportEngineConfig): DynamicModule {
    const defaultSettings = defaultSettingsOf(config);
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ name: 'report-engine', config }),
        AuthModule.forRoot(authOptionsFrom(config, 'report-engine')),
        BackboneModule.forRoot({
          schema: config.EVENTSTORE_SCHEMA,
          routes: (recorded) => reportRoute(recorded) ?? outcomeRoute(recorded),
          topics: [
            { topic: Topics.reports },
            { topic: Topics.reportNotificationRequests },
            { topic: Topics.reportOutcomes },
          ],
          projections: [
            reportsProjection as unknown as Projection<object, ProjectionEvent>,
            reportIndexProjection as unknown as Projection<object, ProjectionEvent>,
            outcomesProjection as unknown as Projection<object, ProjectionEvent>,
          ],
        }),
      ],
      controllers: [
        ListReportsHttpController,
        GetReportHttpController,
        ProvideFeedbackHttpController,
        GetSettingsHttpController,
        ChangeSettingsHttpController,
        SnoozeReportHttpController,
        DeleteReportHttpController,
        RunJobHttpController,
        GetJobHttpController,
        SetOutcomeByHandHttpController,
        GetOutcomeHttpController,
        SummarizeOutcomesHttpController,
      ],
      providers: [
        RaiseReportWhenAccountScored,
        AuditReportsWhenRecordsChange,
        MarkNotifiedWhenNotificationDelivered,
        TrackAccountSignals,
        ObserveFactWhenOutcomeObserved,
        ObserveFactHandler,
        SetOutcomeByHandHandler,
        SummarizeOutcomesHandler,
        OutcomeStreams,
        RaiseReportHandler,
        AuditReportsHandler,
        MarkNotifiedHandler,
        ListReportsHandler,
        ReportsAsOf,
        ProvideFeedbackHandler,
        ReportReader,
        ReportLoader,
        ActiveReports,
        ReportStreams,
        AccountReadModels,
        ChangeSettingsHandler,
        SnoozeReportHandler,
        DeleteReportHandler,
        RunJobHandler,
        JobStreams,
        TenantSettings,
        { provide: DEFAULT_SETTINGS, useValue: defaultSettings },
      ],
    };
  }
}
