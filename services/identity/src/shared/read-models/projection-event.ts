import type { Event } from '@foresight/domain';
import type { ProjectionEvent } from '@foresight/projections';

/** A stream's domain event union, as a projection receives it (with stream, revision and tenant). */
export type AsProjectionEvent<E extends Event> =
  E extends Event<infer T, infer D> ? ProjectionEvent<T, D> : never;
