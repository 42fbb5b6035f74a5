import { Envelope } from '@foresight/contracts';
import { repoRoot } from '@foresight/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { Broker, kafkaBroker, silentLogger } from '../../src';

export const env = () => ({
  brokers: process.env['KAFKA_BROKERS']!.split(','),
  mongoUrl: process.env['MONGO_URL']!,
  eventstoreUrl: process.env['EVENTSTORE_URL']!,
});

export function testBroker(clientId = 'messaging-test'): Broker {
  return kafkaBroker({ clientId, brokers: env().brokers, logger: silentLogger });
}

export async function mongo(): Promise<Connection> {
  return mongoose.createConnection(env().mongoUrl, { serverSelectionTimeoutMS: 5000 }).asPromise();
}

export function envelope(over: Partial<Envelope> & Pick<Envelope, 'type'>): Envelope {
  const eventId = uuidv7();
  return {
    eventId,
    schemaVersion: 1,
    tenantId: 'tenant-test',
    occurredAt: new Date().toISOString(),
    correlationId: eventId,
    causationId: null,
    source: 'messaging-test',
    ...over,
  };
}

export interface KafkaRecord {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

/**
 * Reads a topic from the beginning with a throw-away group until `done(records)` holds, or fails
 * with what it saw. kafkajs directly: this checks what is on the broker, not what our consumer made of it.
 */
export async function readTopic(
  topic: string,
  done: (records: KafkaRecord[]) => boolean,
  timeoutMs = 60_000,
): Promise<KafkaRecord[]> {
  const kafka = new Kafka({
    clientId: 'messaging-test-reader',
    brokers: env().brokers,
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const records: KafkaRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let resolveDone!: () => void;
    const finished = new Promise<void>((r) => (resolveDone = r));
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(m.headers ?? {}))
            headers[k] = String(Array.isArray(v) ? v[0] : v);
          records.push({
            key: m.key?.toString() ?? null,
            value: m.value?.toString() ?? null,
            headers,
            partition: batch.partition,
            offset: m.offset,
          });
        }
        if (done(records)) resolveDone();
      },
    });
    if (done(records)) return records;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `readTopic ${topic}: condition not met after ${timeoutMs} ms with ${records.length} records`,
            ),
          ),
        timeoutMs,
      );
    });
    await Promise.race([finished, timeout]).finally(() => clearTimeout(timer));
    return records;
  } finally {
    await consumer.disconnect();
  }
}

export async function deleteTopics(topics: string[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'messaging-test-admin',
    brokers: env().brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const mine = topics.filter((t) => existing.has(t));
    if (mine.length) await admin.deleteTopics({ topics: mine });
  } catch {
    // Cleanup is best effort: the names are unique, leftovers harm nobody.
  } finally {
    await admin.disconnect();
  }
}

export async function eventually<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 60_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await probe();
    if (ok(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`${what} not reached in ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface Worker {
  readonly process: ChildProcess;
  /** Everything the worker printed so far. */
  output(): string;
  /** Resolves with the first stdout line matching, rejects if the worker exits first or on timeout. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs `test/workers/<name>.ts` as its own OS process (so SIGKILL is a real crash). */
export function startWorker(name: string, workerEnv: Record<string, string>): Worker {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, '../workers', `${name}.ts`)],
    {
      cwd: repoRoot,
      env: { ...process.env, ...workerEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => {
    for (const l of listeners) l();
  });
  return {
    process: child,
    output: () => out,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = out.split('\n').find((l) => pattern.test(l));
          if (line !== undefined) return finish(() => resolve(line));
          if (child.exitCode !== null || child.signalCode !== null)
            return finish(() =>
              reject(new Error(`worker ${name} exited before ${pattern}:\n${out.slice(-3000)}`)),
            );
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(new Error(`worker ${name}: no ${pattern} in ${timeoutMs} ms:\n${out.slice(-3000)}`)),
            ),
          timeoutMs,
        );
        const finish = (then: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          then();
        };
        listeners.add(check);
        check();
      });
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
    },
  };
}
