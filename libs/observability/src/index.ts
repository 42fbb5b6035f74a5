export { instrument, startTelemetry, shutdownTelemetry } from './telemetry';
export type { Telemetry, TelemetryOptions } from './telemetry';
export { registry, metrics, enableDefaultMetrics, timeHandler } from './metrics';
export type { Metrics } from './metrics';
export { currentTraceparent, withTraceparent, traceLogFields } from './trace-context';
export { recordMessagingMetric } from './messaging-metrics';
