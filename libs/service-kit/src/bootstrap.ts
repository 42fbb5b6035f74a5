import 'reflect-metadata';
import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { startTelemetry } from '@foresight/observability';
import { BaseConfig, ConfigError, loadConfig } from './config/config';
import { DomainErrorFilter } from './http/domain-error.filter';
import { createValidationPipe } from './http/validation';

export interface ServiceDefinition<C extends BaseConfig> {
  /** Service name: log field, Kafka client id, OpenAPI title. */
  name: string;
  description: string;
  configClass: new () => C;
  /** Service defaults (its port) applied when the variable is absent. */
  defaults?: Partial<Record<keyof C, unknown>>;
  module: (config: C) => DynamicModule;
  /**
   * Runs on the built app before it listens: extra transports (`app.connectMicroservice`, e.g. a
   * gRPC server, started by runService) or adapter hooks.
   */
  configure?: (app: NestFastifyApplication, config: C) => void | Promise<void>;
}

/** Builds the application without listening, so tests can drive it in-process. */
export async function createService<C extends BaseConfig>(
  def: ServiceDefinition<C>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ app: NestFastifyApplication; config: C }> {
  const config = loadConfig(def.configClass, env, def.defaults);
  const app = await NestFactory.create<NestFastifyApplication>(
    def.module(config),
    // 4 MiB: a full batch (1,000 feature sets to predict, 500 upstream records) fits with room to spare.
    new FastifyAdapter({ trustProxy: true, bodyLimit: 4 * 1024 * 1024 }),
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  setupOpenApi(app, def);
  await def.configure?.(app, config);
  return { app, config };
}

function setupOpenApi(
  app: INestApplication,
  def: Pick<ServiceDefinition<BaseConfig>, 'name' | 'description'>,
): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`Foresight ${def.name}`)
      .setDescription(def.description)
      .setVersion('1.0')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'api-key')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}

/** Entry point for a service's main.ts: a bad config or failed start exits non-zero with the reason. */
export async function runService<C extends BaseConfig>(def: ServiceDefinition<C>): Promise<void> {
  keepRunningOnUnhandledRejections(def.name);
  try {
    // Before the app is built: its connections' first spans need the tracer provider.
    startTelemetry({ serviceName: def.name });
    const { app, config } = await createService(def);
    await app.startAllMicroservices();
    await app.listen({ port: config.PORT, host: config.HOST });
    app.get(Logger).log(`${def.name} listening on http://${config.HOST}:${config.PORT} (docs at /docs)`);
  } catch (err) {
    const message =
      err instanceof ConfigError
        ? err.message
        : err instanceof Error
          ? (err.stack ?? err.message)
          : String(err);
    process.stderr.write(`${def.name}: failed to start\n${message}\n`);
    process.exit(1);
  }
}

/**
 * A dependency's outage now and then surfaces as a rejection nobody awaits any more (a Mongo driver
 * socket closing under an abandoned operation). Node's default would kill the process, turning a
 * Mongo blip into a restart loop of every service, while readiness already reports the outage and
 * the work is retried from Kafka offsets and store checkpoints. So: log it at error level, in the
 * same JSON shape as pino, and keep serving. Uncaught exceptions stay fatal.
 */
function keepRunningOnUnhandledRejections(service: string): void {
  process.on('unhandledRejection', (reason) => {
    const err =
      reason instanceof Error ? { type: reason.name, message: reason.message, stack: reason.stack } : reason;
    process.stderr.write(
      `${JSON.stringify({ level: 50, time: Date.now(), service, msg: 'unhandled rejection (process kept running)', err })}\n`,
    );
  });
}
