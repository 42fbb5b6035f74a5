export { infra, exportToEnv, dockerEngineAnswers, repoRoot } from './infra';
export type { InfraSettings } from './infra';
export { uniqueName } from './names';
export { SERVICES, DEFAULT_PORTS, buildServices, mainOf, startService, waitReady } from './services';
export type { ServiceName, RunningService } from './services';
