import 'reflect-metadata';
import { dlqOf } from '@foresight/contracts';
import { uniqueName } from '@foresight/testing';
import { propagation, SpanKind, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { Connection } from 'mongoose';
import {
  ConsumedEvent,
  EnvelopePublisher,
  ensureTopics,
  EventConsumer,
  MongoInbox,
  silentLogger,
} from '../src';
import { deleteTopics, envelope, eventually, mongo, testBroker } from './support/harness';
import { Counted } from './support/test-contracts';

jest.setTimeout(60_000);

// Jest gives each test file its own globals, so this SDK is registered for this file only.
const exporter = new InMemorySpanExporter();
trace.setGlobalTracerProvider(
  new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
);
propagation.setGlobalPropagator(new W3CTraceContextPropagator());

describe('W3C trace context across Kafka, with an OpenTelemetry SDK registered', () => {
  const topic = uniqueName('test.messaging.tracing');
  const inbox = uniqueName('inbox');
  let conn: Connection;
  let publisher: EnvelopePublisher;
  let consumer: EventConsumer | undefined;

  beforeAll(async () => {
    conn = await mongo();
    const broker = testBroker();
    await ensureTopics(broker, [{ topic }]);
    publisher = new EnvelopePublisher(broker.producer());
    await publisher.connect();
  });

  afterAll(async () => {
    await consumer?.stop();
    await publisher?.close();
    for (const c of [inbox, `${inbox}_completed`]) await conn?.db?.dropCollection(c).catch(() => undefined);
    await conn?.close();
    await deleteTopics([topic, dlqOf(topic)]);
  });

  it("continues the originating request's trace: request → producer span → consumer span", async () => {
    const requestTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const requestSpanId = '00f067aa0ba902b7';
    const sent = envelope({ type: Counted.type, traceparent: `00-${requestTraceId}-${requestSpanId}-01` });
    await publisher.publish(topic, [
      { key: 'acct-1', envelope: sent, payload: { stream: 'acct-1', revision: 0, amount: 1 } },
    ]);

    const received: ConsumedEvent[] = [];
    consumer = new EventConsumer({
      broker: testBroker(),
      groupId: uniqueName('messaging-test.tracing'),
      inbox: new MongoInbox(conn, inbox),
      logger: silentLogger,
      handlers: [{ type: Counted.type, topic, handle: async (e) => void received.push(e) }],
    });
    await consumer.start();
    await eventually(
      async () => exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.CONSUMER).length,
      (n) => n >= 1,
      30_000,
      'a consumer span',
    );

    const producerSpan = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.PRODUCER)!;
    const consumerSpan = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.CONSUMER)!;
    expect(producerSpan.name).toBe(`send ${topic}`);
    expect(producerSpan.spanContext().traceId).toBe(requestTraceId);
    expect(producerSpan.parentSpanContext?.spanId).toBe(requestSpanId);
    expect(consumerSpan.name).toBe(`process ${topic}`);
    expect(consumerSpan.spanContext().traceId).toBe(requestTraceId);
    expect(consumerSpan.parentSpanContext?.spanId).toBe(producerSpan.spanContext().spanId);
    expect(consumerSpan.attributes['messaging.message.id']).toBe(sent.eventId);
    // The header the consumer saw names the producer span: that is what links the two processes.
    expect(received[0]!.envelope.traceparent).toBe(
      `00-${requestTraceId}-${producerSpan.spanContext().spanId}-01`,
    );
  });
});
