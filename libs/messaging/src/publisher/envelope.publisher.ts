import { Envelope, envelopeToHeaders } from '@foresight/contracts';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { OutgoingRecord, RawProducer, TopicRecords } from '../broker/broker.port';
import { errorMessage } from '../messaging.hooks';

export interface OutgoingMessage<P = unknown> {
  /** The entity id: every message about one entity lands on one partition, in order. */
  key: string;
  envelope: Envelope;
  /** Serialised as JSON; it is the message value. */
  payload: P;
}

export interface TopicMessages {
  topic: string;
  messages: readonly OutgoingMessage[];
}

/** What services publish through. Resolves only once the broker acknowledged every message. */
export interface Publisher {
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  publishMany(batches: readonly TopicMessages[]): Promise<void>;
}

export const tracer = trace.getTracer('@foresight/messaging');

/**
 * Produces envelopes as headers and payloads as JSON values. Each message gets a PRODUCER span whose
 * parent is the envelope's own traceparent (the request that caused the event — for the relay that
 * request is long gone) or else the active context; the span is injected into the headers so the
 * consumer's span continues the same trace. Without an OpenTelemetry SDK all of this is a no-op and
 * the envelope's traceparent travels unchanged.
 */
export class EnvelopePublisher implements Publisher {
  constructor(private readonly producer: RawProducer) {}

  connect(): Promise<void> {
    return this.producer.connect();
  }

  close(): Promise<void> {
    return this.producer.disconnect();
  }

  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    return this.publishMany([{ topic, messages }]);
  }

  async publishMany(batches: readonly TopicMessages[]): Promise<void> {
    const spans: Span[] = [];
    const records: TopicRecords[] = batches.map(({ topic, messages }) => ({
      topic,
      records: messages.map((m) => this.record(topic, m, spans)),
    }));
    try {
      await this.producer.send(records);
    } catch (err) {
      for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(err) });
      throw err;
    } finally {
      for (const span of spans) span.end();
    }
  }

  private record(topic: string, m: OutgoingMessage, spans: Span[]): OutgoingRecord {
    const headers = envelopeToHeaders(m.envelope);
    const parent = m.envelope.traceparent
      ? propagation.extract(ROOT_CONTEXT, { traceparent: m.envelope.traceparent })
      : context.active();
    const span = tracer.startSpan(
      `send ${topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.destination.name': topic,
          'messaging.message.id': m.envelope.eventId,
        },
      },
      parent,
    );
    spans.push(span);
    propagation.inject(trace.setSpan(parent, span), headers);
    return { key: m.key, value: JSON.stringify(m.payload), headers };
  }
}
