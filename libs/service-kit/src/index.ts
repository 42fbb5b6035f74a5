// First, before anything that loads http, Nest, pg or mongoose: OpenTelemetry patches them on load.
import './telemetry/instrument';
export { BaseConfig, ConfigError, loadConfig } from './config/config';
export { CONFIG, SERVICE_NAME } from './config/tokens';
export { KAFKA, KAFKA_ADMIN, MONGO_CONNECTION, EVENTSTORE_PROBE } from './connections/tokens';
export type { EventStoreProbe } from './connections/tokens';
export { createKafka, connectMongo, createEventStoreProbe } from './connections/connections';
export { PlatformModule } from './platform.module';
export type { PlatformOptions } from './platform.module';
export { createService, runService } from './bootstrap';
export type { ServiceDefinition } from './bootstrap';
export { createValidationPipe, fieldErrors } from './http/validation';
export type { FieldError } from './http/validation';
export { DomainErrorFilter } from './http/domain-error.filter';
export { LimitQuery, CursorPageQuery, OffsetPageQuery } from './http/page-query';
export { MetricsController } from './metrics/metrics.controller';
