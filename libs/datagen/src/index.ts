export { createRng, hashSeed } from './rng';
export type { Rng } from './rng';
export { EMPLOYEE_RANGES, USAGE_AREAS } from './dataset';
export type {
  Account,
  AccountBundle,
  ChurnTruth,
  Contract,
  ContractStatus,
  Dataset,
  EmployeeRange,
  FeedbackChannel,
  FeedbackEvent,
  Lifecycle,
  PerArea,
  UsageArea,
  UsageEvent,
} from './dataset';
export { accountBundles, generate, generateStream } from './generate';
export type { GenerateOptions } from './generate';
export { readHubspot, defaultHubspotDir } from './hubspot';
export type { HubspotData, HubspotUnavailable } from './hubspot';
export { parseCsv, parseCsvRecords } from './csv';
