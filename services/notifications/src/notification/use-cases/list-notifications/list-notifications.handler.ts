import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { notificationLogProjection } from '../../projections/notification-log.projection';
import { ListNotificationsQuery } from './list-notifications.query';
import { NotificationPageView } from './notification.view';

/** The notification log read model (eventually consistent, a moment behind the streams). */
@Injectable()
export class ListNotificationsHandler {
  constructor(private readonly readModels: ReadModels) {}

  async list(tenantId: string, query: ListNotificationsQuery): Promise<NotificationPageView> {
    const filter = {
      ...(query.subjectId ? { subjectId: query.subjectId } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    const log = this.readModels.of(notificationLogProjection);
    const [docs, total] = await Promise.all([
      log.find(tenantId, filter, {
        sort: { requestedAt: -1 },
        skip: query.offset ?? 0,
        limit: query.limit ?? 50,
      }),
      log.count(tenantId, filter),
    ]);
    return {
      items: docs.map(({ _id: _id, tenantId: _tenant, ...doc }) => doc),
      total,
    };
  }
}
