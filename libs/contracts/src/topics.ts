/**
 * Every Kafka topic, named `<domain>.<entity>.v<N>`. Code refers to topics only through these
 * constants; a new major payload version is a new topic, consumed beside the old one until drained.
 */
export const Topics = {
  /** Revocations, role changes, suspensions: every service invalidates its auth caches. */
  identityAccess: 'identity.access.v1',
  /** Source records' lifecycle (created / updated / removed / unresolvable), keyed by account id. */
  ingestionRecords: 'ingestion.records.v1',
  /** Usage features per account after new usage, keyed by account id. */
  ingestionAccountFeatures: 'ingestion.account-features.v1',
  /** Usage rows as recorded per account (point-in-time training sets read these), keyed by account id. */
  ingestionUsage: 'ingestion.usage.v1',
  /** What actually happened to an account (renewed, ended, ARR changed, converted, …), keyed by account id. */
  ingestionOutcomeFacts: 'ingestion.outcome-facts.v1',
  /** Feedback items (tickets, surveys, NPS) as they arrive, keyed by account id. */
  ingestionFeedback: 'ingestion.feedback.v1',
  /** Account-level voice-of-customer signals, keyed by account id. */
  vocAccountSignals: 'voc.account-signals.v1',
  /** Model outputs per account, keyed by account id. */
  scoringAccountScores: 'scoring.account-scores.v1',
  /** Report state changes, keyed by account id (exports and dashboards). */
  reports: 'reports.reports.v1',
  /** A report's outcome (renewed, churned, expanded, …) from the outcome ledger, keyed by account id: labels for ml-scoring. */
  reportOutcomes: 'reports.outcomes.v1',
  /** Notification requests from report-engine, keyed by report id. */
  reportNotificationRequests: 'reports.notification-requests.v1',
  /** Notification outcomes (delivered / dead-lettered), keyed by subject id. */
  notifications: 'notifications.notifications.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Dead letters of a topic: messages that failed validation or exhausted their retries. */
export function dlqOf(topic: string): string {
  return `${topic}.dlq`;
}

/** Topics fed by upstream systems (CRM, product analytics, …): `upstream.<source>.<entity>`. */
export function upstreamTopic(source: string, entity: string): string {
  return `upstream.${source}.${entity}`;
}
