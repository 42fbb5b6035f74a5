import { dlqOf } from '@foresight/contracts';
import { Broker, TopicSpec } from '../broker/broker.port';

export interface TopicDefaults {
  partitions: number;
  replicationFactor: number;
  config: Record<string, string>;
}

/** Three partitions spread per-key load over consumers; one replica is what a single local broker can hold. */
export const LOCAL_TOPIC_DEFAULTS: TopicDefaults = { partitions: 3, replicationFactor: 1, config: {} };

/**
 * Each topic with its dead-letter topic, defaults filled in. A DLQ gets the topic's partition count
 * and config so that replaying it back keeps per-key ordering; a spec for the DLQ itself is not doubled.
 */
export function withDeadLetters(
  specs: readonly TopicSpec[],
  defaults: TopicDefaults = LOCAL_TOPIC_DEFAULTS,
): Required<TopicSpec>[] {
  const out = new Map<string, Required<TopicSpec>>();
  for (const spec of specs) {
    const full: Required<TopicSpec> = {
      topic: spec.topic,
      partitions: spec.partitions ?? defaults.partitions,
      replicationFactor: spec.replicationFactor ?? defaults.replicationFactor,
      config: { ...defaults.config, ...spec.config },
    };
    out.set(full.topic, full);
    if (!full.topic.endsWith('.dlq') && !out.has(dlqOf(full.topic)))
      out.set(dlqOf(full.topic), { ...full, topic: dlqOf(full.topic) });
  }
  return [...out.values()];
}

/**
 * Creates the topics (and their `.dlq`) that do not exist yet; existing ones are left as they are —
 * partition counts are never changed here, since that would move keys between partitions.
 * Returns the names it created.
 */
export async function ensureTopics(
  broker: Broker,
  specs: readonly TopicSpec[],
  defaults: TopicDefaults = LOCAL_TOPIC_DEFAULTS,
): Promise<string[]> {
  const wanted = withDeadLetters(specs, defaults);
  if (!wanted.length) return [];
  const admin = await broker.admin();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((s) => !existing.has(s.topic));
    await admin.createTopics(missing);
    return missing.map((s) => s.topic);
  } finally {
    await admin.close();
  }
}
