import { SpanKind } from '@opentelemetry/api';
import { freePort, repoRoot, uniqueName } from '@foresight/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';

jest.setTimeout(90_000);

interface SpanInfo {
  name: string;
  kind: SpanKind;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

// instrumentation-mongoose 0.69 names a Model#save span `save <collection>` (a CLIENT span).
const isMongoSave = (s: SpanInfo) => s.kind === SpanKind.CLIENT && s.name.startsWith('save ');

describe('one trace from HTTP through Kafka to Mongo', () => {
  const name = uniqueName('trace-probe');
  const topic = uniqueName('test.trace.probe');
  let child: ChildProcess;
  let output = '';
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'support/traced-app.ts')], {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), PROBE_TOPIC: topic, PROBE_NAME: name, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await until(
      'the probe service to be ready',
      async () => {
        if (child.exitCode !== null) throw new Error(`probe exited ${child.exitCode}:\n${output}`);
        return (await fetch(`${url}/test/spans`)).ok || undefined;
      },
      60_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${output}`);
    });
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    const kafka = new Kafka({
      brokers: process.env['KAFKA_BROKERS']!.split(','),
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
    await admin.disconnect();
    const conn = await mongoose.createConnection(process.env['MONGO_URL']!).asPromise();
    await conn.db!.dropCollection(name).catch(() => undefined);
    await conn.close();
  });

  it('gives the request, the Kafka send, the consumer and the Mongo write one trace id, and logs it', async () => {
    const res = await fetch(`${url}/probe/p-1`, { method: 'POST' });
    expect(res.status).toBe(201);

    const spans = await until('the consumer to write to Mongo', async () => {
      const all = (await (await fetch(`${url}/test/spans`)).json()) as SpanInfo[];
      return all.some(isMongoSave) ? all : undefined;
    });
    const server = spans.find((s) => s.kind === SpanKind.SERVER && s.name.includes('POST'));
    expect(server).toBeDefined();
    const trace = spans.filter((s) => s.traceId === server!.traceId);
    const producer = trace.find((s) => s.kind === SpanKind.PRODUCER && s.name === `send ${topic}`);
    const consumer = trace.find((s) => s.kind === SpanKind.CONSUMER && s.name === `process ${topic}`);
    const write = trace.find(isMongoSave);
    const handler = trace.find((s) => s.name.includes('ProbeController.send'));
    expect({ handler: !!handler, producer: !!producer, consumer: !!consumer, write: !!write }).toEqual({
      handler: true,
      producer: true,
      consumer: true,
      write: true,
    });
    // Parent links, not just equal ids: the consumer continues the producer, the write the consumer.
    expect(consumer!.parentSpanId).toBe(producer!.spanId);
    expect(write!.parentSpanId).toBe(consumer!.spanId);

    const logged = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg?: string; trace_id?: string; span_id?: string })
      .find((l) => l.msg === 'probe published');
    expect(logged?.trace_id).toBe(server!.traceId);
    expect(trace.map((s) => s.spanId)).toContain(logged?.span_id);
  });
});
