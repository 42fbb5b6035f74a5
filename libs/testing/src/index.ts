export { infra, exportToEnv, dockerEngineAnswers, repoRoot } from './infra';
export type { InfraSettings } from './infra';
export { uniqueName } from './names';
export { SERVICES, DEFAULT_PORTS, buildServices, mainOf, startService, waitReady } from './services';
export type { ServiceName, RunningService, ExitStatus } from './services';
export { startScratchMongo, freePort } from './scratch-mongo';
export type { ScratchMongo } from './scratch-mongo';
export { DeciderSpecification } from './decider-specification';
export type { DeciderSpec, DeciderGiven, DeciderThen } from './decider-specification';
export { describeIf } from './describe-if';
export {
  checkTenantIsolation,
  formatIsolationReport,
  fastifyRoutes,
  startFromSources,
  createTestApp,
  startTestIdentity,
  createTestTenant,
  createTestApiKey,
  revokeTestApiKey,
  logoutTestOwner,
  setTestTenantStatus,
  isolationTenants,
} from './tenant-isolation';
export type {
  TenantCaller,
  TenantIsolationOptions,
  TenantIsolationReport,
  RouteReport,
  ProbeResult,
  SourceProcess,
  TestIdentity,
  TestTenant,
  ServiceKitParts,
} from './tenant-isolation';
export {
  freeTopology,
  defaultTopology,
  newSecrets,
  envFor,
  startTopology,
  isolatedTopology,
  dropIsolatedTopology,
} from './topology';
export type { TopologyEnv } from './topology';
export * from './slice';
export {
  testEnvelope,
  TestPublisher,
  TopicWatcher,
  deleteGroups,
  pollUntil,
  privateStores,
} from './kafka-probe';
export type { WatchedMessage, PrivateStores } from './kafka-probe';
export {
  eventually,
  sleep,
  callApi,
  startReceiver,
  deliveryIdOf,
  Upstream,
  isolated,
  startIsolated,
  listen,
} from './service-harness';
export type { ReceivedRequest, Receiver, ConsumerGroup, Isolated, Heard } from './service-harness';
export { startSmtpInbox } from './smtp-inbox';
export type { SmtpInbox, SmtpInboxOptions, DeliveredMail } from './smtp-inbox';
