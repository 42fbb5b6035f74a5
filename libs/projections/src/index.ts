export {
  defineProjection,
  fromRecordedEvent,
  fromEnvelope,
  checkpointKey,
  BOOKKEEPING_FIELDS,
} from './projection';
export type { Projection, ProjectionEvent, ProjectionIndex, Bookkeeping, Stored } from './projection';
export {
  DocumentWriter,
  ProjectionConflictError,
  TenantMismatchError,
  tombstonesOf,
} from './document-writer';
export type { WriteStats, WriterOptions } from './document-writer';
export { ProjectionCatalog, ALIASES, CHECKPOINTS, newCollectionName, openBuild, writerFor } from './catalog';
export type { AliasDoc, CheckpointDoc } from './catalog';
export { ReadModel } from './read-model';
export type { ReadDoc, FindOptions } from './read-model';
export { ProjectionRunner } from './projection-runner';
export type { RunnerOptions } from './projection-runner';
export { ProjectionSink } from './projection-sink';
export { rebuild } from './rebuild';
export type { RebuildOptions, RebuildResult } from './rebuild';
