export type { Event, Command, Decider } from './decider';
export { assertNever } from './decider';
export { DomainError } from './errors';
export type { DomainErrorKind } from './errors';
