import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFrom } from '@foresight/auth';
import { BackboneModule } from '@foresight/backbone';
import { Topics } from '@foresight/contracts';
import type { Projection, ProjectionEvent } from '@foresight/projections';
import { PlatformModule } from '@foresight/service-kit';
import { NotificationsConfig, retryPolicyOf, smtpSettingsOf } from './config';
import { notificationDeciderFor } from './notification/domain/notification.decider';
import { notificationRoute } from './notification/integration/notification.routes';
import { dueNotificationsProjection } from './notification/projections/due-notifications.projection';
import { inboxProjection } from './notification/projections/inbox.projection';
import { InboxHttpController } from './notification/use-cases/inbox/inbox.http.controller';
import { ListInboxHandler } from './notification/use-cases/inbox/list-inbox.handler';
import { MarkInboxItemHandler } from './notification/use-cases/inbox/mark-inbox-item.handler';
import {
  INBOX_STREAM,
  StreamInboxHttpController,
} from './notification/use-cases/inbox/stream-inbox.http.controller';
import { notificationLogProjection } from './notification/projections/notification-log.projection';
import {
  DispatchNotificationHandler,
  OUTCOME_DEADLINE_MS,
} from './notification/use-cases/dispatch-notification/dispatch-notification.handler';
import {
  DispatchScheduler,
  POLL_MS,
} from './notification/use-cases/dispatch-notification/dispatch.scheduler';
import { EmailSender, SMTP_SETTINGS } from './notification/use-cases/dispatch-notification/email.sender';
import {
  WEBHOOK_TIMEOUT_MS,
  WebhookSender,
} from './notification/use-cases/dispatch-notification/webhook.sender';
import { ListNotificationsHandler } from './notification/use-cases/list-notifications/list-notifications.handler';
import { ListNotificationsHttpController } from './notification/use-cases/list-notifications/list-notifications.http.controller';
import { RequestNotificationWhenReportNotificationRequested } from './notification/use-cases/request-notification/request-notification-when-report-notification-requested.consumer';
import {
  EMAIL_CHANNEL_ENABLED,
  IN_APP_CHANNEL_ENABLED,
  MAX_ATTEMPTS,
  RequestNotificationHandler,
} from './notification/use-cases/request-notification/request-notification.handler';
import {
  NOTIFICATION_DECIDER,
  NotificationStreams,
} from './notification/use-cases/shared/notification-streams';
import { SecretBox } from './webhook/secret-box';
import { ConfigureWebhookHandler } from './webhook/use-cases/configure-webhook/configure-webhook.handler';
import { ConfigureWebhookHttpController } from './webhook/use-cases/configure-webhook/configure-webhook.http.controller';
import { GetWebhookHandler } from './webhook/use-cases/get-webhook/get-webhook.handler';
import { GetWebhookHttpController } from './webhook/use-cases/get-webhook/get-webhook.http.controller';
import { SECRET_BOX, WebhookEndpoints } from './webhook/webhook-endpoints.store';

const asProjection = <D extends object, E extends ProjectionEvent>(p: Projection<D, E>) =>
  p as unknown as Projection<object, ProjectionEvent>;

/** notifications' manifest: entry points (HTTP, consumer, dispatcher), handlers, then what they run on. */
@Module({})
export class AppModule {
  static register(config: NotificationsConfig): DynamicModule {
    const policy = retryPolicyOf(config);
    const smtp = smtpSettingsOf(config);
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ name: 'notifications', config }),
        AuthModule.forRoot(authOptionsFrom(config, 'notifications')),
        BackboneModule.forRoot({
          schema: config.EVENTSTORE_SCHEMA,
          routes: notificationRoute,
          topics: [{ topic: Topics.notifications }],
          projections: [
            asProjection(notificationLogProjection),
            asProjection(dueNotificationsProjection),
            asProjection(inboxProjection),
          ],
        }),
      ],
      controllers: [
        ConfigureWebhookHttpController,
        GetWebhookHttpController,
        ListNotificationsHttpController,
        InboxHttpController,
        StreamInboxHttpController,
      ],
      providers: [
        RequestNotificationWhenReportNotificationRequested,
        DispatchScheduler,
        RequestNotificationHandler,
        DispatchNotificationHandler,
        ConfigureWebhookHandler,
        GetWebhookHandler,
        ListNotificationsHandler,
        ListInboxHandler,
        MarkInboxItemHandler,
        NotificationStreams,
        WebhookSender,
        EmailSender,
        WebhookEndpoints,
        { provide: SMTP_SETTINGS, useValue: smtp },
        {
          provide: INBOX_STREAM,
          useValue: { pollMs: config.INBOX_STREAM_POLL_MS, maxSeconds: config.INBOX_STREAM_MAX_SECONDS },
        },
        { provide: EMAIL_CHANNEL_ENABLED, useValue: smtp.servers.length > 0 },
        { provide: IN_APP_CHANNEL_ENABLED, useValue: config.NOTIFY_IN_APP },
        { provide: SECRET_BOX, useValue: new SecretBox(config.NOTIFICATIONS_ENCRYPTION_KEY) },
        { provide: NOTIFICATION_DECIDER, useValue: notificationDeciderFor(policy) },
        { provide: MAX_ATTEMPTS, useValue: policy.maxAttempts },
        { provide: WEBHOOK_TIMEOUT_MS, useValue: config.WEBHOOK_TIMEOUT_MS },
        { provide: POLL_MS, useValue: config.NOTIFY_POLL_MS },
        {
          provide: OUTCOME_DEADLINE_MS,
          useValue: config.WEBHOOK_TIMEOUT_MS + config.NOTIFY_OUTCOME_GRACE_MS,
        },
      ],
    };
  }
}
