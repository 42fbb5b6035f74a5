import { EventStore, NewEvent, RecordedEvent } from '@foresight/eventstore';
import { uniqueName } from '@foresight/testing';
import { Client } from 'pg';
import { env } from './harness';
import { Counted } from './test-contracts';

/** A per-run PostgreSQL schema name (lower case, '_' only, as the adapter requires). */
export function uniqueSchema(prefix = 'msg'): string {
  return uniqueName(prefix).replace(/-/g, '_');
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: env().eventstoreUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export const INTERNAL_TYPE = 'MessagingTestInternal';

/**
 * Appends `perStream` Counted events to each of `streams` streams (`acct-<prefix><n>`), round-robin, `perAppend` at a
 * time with an expected revision. Each stream opens with one unrouted internal event, which the
 * relay must skip. Returns the number of Counted events appended.
 */
export async function appendCounted(
  store: EventStore,
  opts: { prefix: string; streams: number; perStream: number; perAppend: number; pauseMs?: number },
): Promise<number> {
  let appended = 0;
  const revisions = new Map<string, number>();
  for (let done = 0; done < opts.perStream; done += opts.perAppend) {
    for (let s = 0; s < opts.streams; s++) {
      const stream = `acct-${opts.prefix}${s}`;
      const revision = revisions.get(stream) ?? -1;
      const events: NewEvent[] = [];
      if (revision === -1)
        events.push({ type: INTERNAL_TYPE, data: { note: 'not for Kafka' }, metadata: { tenantId: 't-1' } });
      const expected = revision;
      for (let i = 0; i < opts.perAppend && done + i < opts.perStream; i++) {
        const eventRevision: number = revision + events.length + 1;
        events.push({
          type: Counted.type,
          data: { stream, revision: eventRevision, amount: (eventRevision % 7) + 1 },
          metadata: { tenantId: 't-1', correlationId: `corr-${stream}` },
        });
      }
      await store.append(stream, events, { expected: expected === -1 ? 'no_stream' : expected });
      revisions.set(stream, expected + events.length);
      appended += events.filter((e) => e.type === Counted.type).length;
    }
    if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
  }
  return appended;
}

/** Every event in the store, in global order. */
export async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let after: string | undefined; ;) {
    const page = await store.readAll({ after, limit: 1000 });
    if (!page.length) return all;
    all.push(...page);
    after = page[page.length - 1]!.checkpoint;
  }
}
