/**
 * Headers a consumer adds when it moves a message to `<topic>.dlq`. The original key, value and
 * headers are kept as they were, so a fixed consumer can replay a dead letter onto its topic unchanged.
 */
export const DLQ_HEADER = {
  /** `invalid`: refused at the edge (missing envelope header, payload failing its contract), never retried. */
  reason: 'fs-dlq-reason',
  /** The validation errors or the handler's last error message. */
  error: 'fs-dlq-error',
  /** Handler attempts made; 0 for an invalid message. */
  attempts: 'fs-dlq-attempts',
  topic: 'fs-dlq-topic',
  partition: 'fs-dlq-partition',
  offset: 'fs-dlq-offset',
  /** The consumer group that gave up; other groups of the topic may have processed the message fine. */
  group: 'fs-dlq-group',
  failedAt: 'fs-dlq-failed-at',
} as const;

export type DeadLetterReason = 'invalid' | 'handler-failed';
