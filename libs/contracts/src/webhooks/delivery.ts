/**
 * The webhook request notifications sends, as a receiver sees it. The same delivery id comes with
 * every attempt of one notification (retries, and the one re-attempt after a sender crash between
 * the call and recording its outcome): a receiver that acts once per delivery id acts exactly once.
 */
export const DELIVERY_HEADER = 'X-Foresight-Delivery';
/** 1 on the first attempt, 2 on the first retry, … */
export const ATTEMPT_HEADER = 'X-Foresight-Attempt';
/** The body's `type`, also sent as a header so a receiver can route before parsing. */
export const WEBHOOK_TYPE_HEADER = 'X-Foresight-Event';

/** A report's owner should hear about it (report-engine's ReportNotificationRequested). */
export const REPORT_NOTIFICATION_WEBHOOK = 'report.notification';

export interface WebhookDelivery<T = Record<string, unknown>> {
  /** The delivery (notification) id; equals the X-Foresight-Delivery header. */
  id: string;
  type: string;
  tenantId: string;
  /** Who the notification is for (the report owner's email). */
  recipient: string;
  /** When it was requested (ISO-8601). */
  createdAt: string;
  data: T;
}
