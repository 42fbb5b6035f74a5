import { v5 as uuidv5 } from 'uuid';

export const CHANNELS = ['webhook', 'email', 'in_app'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Fixed forever: changing it would give every in-flight notification a second identity. */
const NAMESPACE = 'e757aac0-40ac-4927-bd69-b1271cb9b241';

export interface NotificationKey {
  tenantId: string;
  /** The event that triggered the notification (e.g. the ReportCreated event id). */
  sourceEventId: string;
  /** User id, email address or webhook endpoint id. */
  recipient: string;
  channel: Channel;
}

/**
 * The notification's id, and so its stream, derived from what makes it unique: a redelivered trigger
 * event lands on the same stream, finds it already requested and sends nothing a second time.
 */
export function notificationIdFor(key: NotificationKey): string {
  return uuidv5(JSON.stringify([key.tenantId, key.sourceEventId, key.recipient, key.channel]), NAMESPACE);
}
