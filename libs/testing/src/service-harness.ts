/**
 * What the services' own integration tests share: a webhook receiver, an upstream publisher with
 * real envelopes, and deployments isolated on the shared servers (private schema, database, groups).
 */
import {
  DELIVERY_HEADER,
  Envelope,
  SIGNATURE_HEADER,
  verifyWebhook,
  VerifyResult,
  WebhookDelivery,
} from '@foresight/contracts';
import { deleteGroups, subscribeFromBeginning, TestPublisher } from './kafka-probe';
import { uniqueName } from './names';
import { dropPrivateStores } from './private-stores';
import { SourceProcess, startFromSources } from './tenant-isolation';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** Polls until `check` stops throwing (and returns its value), or fails with its last error. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** JSON over HTTP as a client of the services would send it. */
export async function callApi<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  delivery: WebhookDelivery;
  verified: VerifyResult;
  at: number;
}

/** A tenant's webhook endpoint, as a customer would run it: checks every signature, keeps every request. */
export interface Receiver {
  url: string;
  secrets: string[];
  requests: ReceivedRequest[];
  /** Answers each request; 204 unless replaced. */
  respond: (r: ReceivedRequest) => number | Promise<number>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver = {
    url: '',
    secrets: [] as string[],
    requests: [] as ReceivedRequest[],
    respond: (() => 204) as Receiver['respond'],
  } as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = req.headers[SIGNATURE_HEADER.toLowerCase()];
      const received: ReceivedRequest = {
        path: req.url ?? '',
        headers: req.headers,
        body,
        delivery: JSON.parse(body) as WebhookDelivery,
        verified: verifyWebhook({
          secret: receiver.secrets,
          body,
          header: Array.isArray(header) ? header[0] : header,
          now: Math.floor(Date.now() / 1000),
        }),
        at: Date.now(),
      };
      receiver.requests.push(received);
      void Promise.resolve(receiver.respond(received)).then(
        (status) => res.writeHead(status).end(),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/foresight`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

export const deliveryIdOf = (r: ReceivedRequest) => r.headers[DELIVERY_HEADER.toLowerCase()] as string;

/** Produces integration events onto Kafka with real envelope headers, as the other services' relays do. */
export class Upstream {
  private readonly revisions = new Map<string, number>();

  private constructor(private readonly publisher: TestPublisher) {}

  static async connect(): Promise<Upstream> {
    const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
    return new Upstream(await TestPublisher.connect(brokers));
  }

  /** `stream` makes the event one of a source stream (revisions count up per stream), as read models need. */
  async publish(
    topic: string,
    key: string,
    e: { type: string; tenantId: string; eventId?: string; stream?: string; source?: string },
    payload: object,
  ): Promise<Envelope> {
    let revision: number | undefined;
    if (e.stream) {
      revision = (this.revisions.get(e.stream) ?? -1) + 1;
      this.revisions.set(e.stream, revision);
    }
    const eventId = e.eventId ?? randomUUID();
    const envelope: Envelope = {
      eventId,
      type: e.type,
      schemaVersion: 1,
      tenantId: e.tenantId,
      occurredAt: new Date().toISOString(),
      correlationId: eventId,
      causationId: null,
      source: e.source ?? 'test',
      stream: e.stream,
      revision,
    };
    await this.send(topic, key, envelope, payload);
    return envelope;
  }

  /** The same message again, as a redelivery or a relay re-send would bring it. */
  send(topic: string, key: string, envelope: Envelope, payload: object): Promise<void> {
    return this.publisher.publish(topic, key, envelope, payload);
  }

  close(): Promise<void> {
    return this.publisher.close();
  }
}

/** A consumer of the service: its Kafka group is `<service>.<name>.<CONSUMER_GROUP_SUFFIX>`. */
export interface ConsumerGroup {
  name: string;
  topics: readonly string[];
}

/**
 * One service of this run, kept apart from every other deployment on the shared servers: a private
 * event-store schema, Mongo database and Kafka consumer groups. The groups start at the current end
 * of the shared topics (CONSUMER_NEW_GROUP_START=end), so a new deployment does not replay every
 * earlier run's events (and re-raise their reports); `drop` removes all of it.
 */
export interface Isolated {
  env: Record<string, string>;
  drop(): Promise<void>;
}

export function isolated(
  service: string,
  deployment: string,
  consumers: Readonly<Record<string, ConsumerGroup>> = {},
): Isolated {
  const id = `${service}_${deployment}`.replace(/-/g, '_');
  const mongo = new URL(process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017/foresight');
  mongo.pathname = `/${id}`;
  const schema = `es_${id}`;
  const groups = Object.values(consumers).map((c) => ({
    groupId: `${service}.${c.name}.${deployment}`,
    topics: c.topics,
  }));
  return {
    env: {
      MONGO_URL: mongo.toString(),
      EVENTSTORE_SCHEMA: schema,
      CONSUMER_GROUP_SUFFIX: deployment,
      CONSUMER_NEW_GROUP_START: 'end',
    },
    async drop() {
      await dropPrivateStores(schema, mongo.toString());
      await deleteGroups(groups.map((g) => g.groupId));
    },
  };
}

/** A service of this run as its own OS process, from its sources; its data stays until `drop`. */
export function startIsolated(
  deployment: Isolated,
  service: string,
  env: Record<string, string>,
): Promise<SourceProcess> {
  return startFromSources(service, { LOG_LEVEL: 'warn', ...deployment.env, ...env });
}

export interface Heard {
  type: string;
  tenantId: string;
  payload: Record<string, unknown>;
}

/** Everything published on a topic for the given tenants while the test runs (a consumer group of its own). */
export async function listen(
  topic: string,
  tenantIds: () => string[],
): Promise<{ heard: Heard[]; stop(): Promise<void> }> {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
  const groupId = uniqueName('test-listen');
  const kafka = new Kafka({ clientId: uniqueName('listen'), brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId });
  const heard: Heard[] = [];
  await consumer.connect();
  await subscribeFromBeginning(consumer, topic);
  await consumer.run({
    eachMessage: async ({ message }) => {
      const header = (name: string) => message.headers?.[name]?.toString();
      const tenantId = header('fs-tenant-id') ?? '';
      if (!tenantIds().includes(tenantId)) return;
      heard.push({
        type: header('fs-type') ?? '',
        tenantId,
        payload: JSON.parse(message.value?.toString() ?? '{}') as Record<string, unknown>,
      });
    },
  });
  return {
    heard,
    stop: async () => {
      await consumer.disconnect();
      await deleteGroups([groupId]);
    },
  };
}
