/**
 * Every Kafka topic, named `<domain>.<entity>.v<N>`. Code refers to topics only through these
 * constants; a new major payload version is a new topic, consumed beside the old one until drained.
 */
export const Topics = {
  /** Revocations, role changes, suspensions: every service invalidates its auth caches. */
  identityAccess: 'identity.access.v1',
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
