// A tiny service for the trace-continuity test, run as its own process so instrumentation patches
// modules on load exactly as in a real service (where @foresight/service-kit's index does this first).
import './instrument-first';
import { Controller, DynamicModule, Get, Inject, Injectable, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { defineEvent } from '@foresight/contracts';
import { ConsumedEvent, EnvelopePublisher, MessagingModule, OnEvent, PUBLISHER } from '@foresight/messaging';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { IsString } from 'class-validator';
import mongoose, { Connection, Schema } from 'mongoose';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { v7 as uuidv7 } from 'uuid';
import { startTelemetry, traceLogFields } from '../../src';

const exporter = new InMemorySpanExporter();
startTelemetry({ serviceName: 'trace-probe', spanProcessors: [new SimpleSpanProcessor(exporter)] });

const TOPIC = process.env['PROBE_TOPIC']!;
const NAME = process.env['PROBE_NAME']!;

class ProbeSent {
  @IsString()
  probeId!: string;
}
defineEvent({ type: 'ProbeSent', schemaVersion: 1, topic: TOPIC, payload: ProbeSent });

@Controller()
class ProbeController {
  constructor(
    @Inject(PUBLISHER) private readonly publisher: EnvelopePublisher,
    private readonly logger: PinoLogger,
  ) {}

  @Post('probe/:id')
  async send(@Param('id') id: string): Promise<{ id: string }> {
    this.logger.info({ probeId: id }, 'probe published');
    await this.publisher.publish(TOPIC, [
      {
        key: id,
        envelope: {
          eventId: uuidv7(),
          type: 'ProbeSent',
          schemaVersion: 1,
          tenantId: 't-trace',
          occurredAt: new Date().toISOString(),
          correlationId: id,
          causationId: null,
          source: NAME,
        },
        payload: { probeId: id },
      },
    ]);
    return { id };
  }

  @Get('test/spans')
  spans() {
    return exporter.getFinishedSpans().map((s) => ({
      name: s.name,
      kind: s.kind,
      traceId: s.spanContext().traceId,
      spanId: s.spanContext().spanId,
      parentSpanId: s.parentSpanContext?.spanId,
    }));
  }
}

const MONGO = Symbol('MONGO');

@Injectable()
class ProbeHandler {
  private readonly probes;

  constructor(@Inject(MONGO) conn: Connection) {
    this.probes = conn.model('Probe', new Schema({ _id: String, tenantId: String }), NAME);
  }

  @OnEvent('ProbeSent', { consumer: 'probe' })
  async onProbe(e: ConsumedEvent<ProbeSent>): Promise<void> {
    await this.probes.create({ _id: e.payload.probeId, tenantId: e.envelope.tenantId });
  }
}

@Module({})
class ProbeModule {
  static register(mongo: Connection): DynamicModule {
    return {
      module: ProbeModule,
      imports: [
        // The same log wiring as service-kit's PlatformModule: trace ids through a pino mixin.
        LoggerModule.forRoot({ pinoHttp: { base: { service: NAME }, mixin: traceLogFields } }),
        MessagingModule.forRoot({
          serviceName: NAME,
          brokers: process.env['KAFKA_BROKERS']!.split(','),
          mongo,
          consumers: { fromBeginning: true },
        }),
      ],
      controllers: [ProbeController],
      providers: [ProbeHandler, { provide: MONGO, useValue: mongo }],
    };
  }
}

void (async () => {
  const mongo = await mongoose.createConnection(process.env['MONGO_URL']!).asPromise();
  const app = await NestFactory.create<NestFastifyApplication>(
    ProbeModule.register(mongo),
    new FastifyAdapter(),
    {
      bufferLogs: true,
    },
  );
  await app.listen({ port: Number(process.env['PORT']), host: '127.0.0.1' });
})().catch((err: unknown) => {
  process.stderr.write(`traced-app failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
