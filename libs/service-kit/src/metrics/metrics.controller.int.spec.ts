import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { metrics, recordMessagingMetric, timeHandler } from '@foresight/observability';
import { BaseConfig, loadConfig } from '../config/config';
import { PlatformModule } from '../platform.module';
import { uniqueName } from '@foresight/testing';

jest.setTimeout(60_000);

@Module({})
class ProbeModule {
  static register(name: string, config: BaseConfig): DynamicModule {
    return { module: ProbeModule, imports: [PlatformModule.forRoot({ name, config })] };
  }
}

describe('GET /metrics on a service built with PlatformModule', () => {
  const name = uniqueName('metrics-probe');
  let app: NestFastifyApplication;

  beforeAll(async () => {
    // createService minus OpenAPI: @nestjs/swagger's static assets do not load under Jest's module registry.
    const config = loadConfig(BaseConfig, { ...process.env, PORT: '3999', LOG_LEVEL: 'silent' });
    app = await NestFactory.create<NestFastifyApplication>(
      ProbeModule.register(name, config),
      new FastifyAdapter(),
      {
        logger: false,
      },
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app?.close());

  const scrape = async () => {
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/metrics' });
    return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body };
  };

  it('serves process metrics and the backbone families in Prometheus text format, with what was recorded', async () => {
    recordMessagingMetric({
      name: 'consumer.lag',
      group: `${name}.g`,
      topic: 't.x.v1',
      partition: 2,
      lag: 17,
    });
    recordMessagingMetric({
      name: 'relay.published',
      relay: name,
      events: 3,
      skipped: 0,
      position: 9n,
      lagMs: 250,
    });
    recordMessagingMetric({ name: 'dlq.produced', group: `${name}.g`, topic: 't.x.v1', reason: 'invalid' });
    recordMessagingMetric({
      name: 'consumer.handled',
      group: `${name}.g`,
      topic: 't.x.v1',
      type: 'ThingHappened',
      outcome: 'ok',
      durationMs: 12,
      attempts: 1,
    });
    metrics.projectionLag.set({ projection: name }, 0.04);
    await expect(timeHandler(`${name}-failing`, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );

    const { status, type, body } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const family of [
      'foresight_consumer_lag_messages gauge',
      'foresight_relay_lag_seconds gauge',
      'foresight_handler_duration_seconds histogram',
      'foresight_dlq_messages_total counter',
      'foresight_projection_lag_seconds gauge',
      'foresight_projection_events_total counter',
      'process_cpu_user_seconds_total counter',
      'nodejs_eventloop_lag_seconds gauge',
    ])
      expect(body).toContain(`# TYPE ${family}`);
    expect(body).toContain(
      `foresight_consumer_lag_messages{group="${name}.g",topic="t.x.v1",partition="2"} 17`,
    );
    expect(body).toContain(`foresight_relay_lag_seconds{relay="${name}"} 0.25`);
    expect(body).toContain(`foresight_dlq_messages_total{topic="t.x.v1",reason="invalid"} 1`);
    expect(body).toContain(
      `foresight_handler_duration_seconds_bucket{le="0.025",handler="${name}.g:ThingHappened",outcome="ok"} 1`,
    );
    expect(body).toContain(
      `foresight_handler_duration_seconds_count{handler="${name}-failing",outcome="error"} 1`,
    );
    expect(body).toContain(`foresight_projection_lag_seconds{projection="${name}"} 0.04`);
  });
});
