import type { EventStore } from '@foresight/eventstore';
import { CheckpointDoc, newCollectionName, ProjectionCatalog, writerFor } from './catalog';
import { checkpointKey, fromRecordedEvent, Projection, ProjectionEvent } from './projection';

export interface RebuildOptions {
  catalog: ProjectionCatalog;
  store: EventStore;
  batchSize?: number;
  /** How long the replaced collection stays readable after the switch; defaults to the catalog's cache time. */
  dropGraceMs?: number;
  onProgress?: (events: number) => void;
}

export interface RebuildResult {
  collection: string;
  /** Collections dropped after the switch (the readers' previous one, and an unfinished build). */
  dropped: string[];
  events: number;
  ms: number;
}

/**
 * Replays the whole store into a fresh collection beside the live one, then hands over:
 *  1. read to the end of the store into the new collection;
 *  2. move the projection's checkpoint to the new collection: a running ProjectionRunner notices at
 *     its next checkpoint save and resumes there from our position (replays are no-ops);
 *  3. read to the end once more, for events the runner applied to the old collection between our
 *     last read and the hand-over (an idle runner would not notice the hand-over until its next event);
 *  4. switch the alias, wait out readers' caches, drop the old collection.
 * No step needs a transaction or renameCollection, so it runs on FerretDB as on MongoDB.
 */
export async function rebuild(
  projection: Projection<object, ProjectionEvent>,
  options: RebuildOptions,
): Promise<RebuildResult> {
  const { catalog, store, batchSize = 1000 } = options;
  const started = Date.now();
  const collection = newCollectionName(projection);
  await catalog.ensureIndexes(projection, collection);
  const writer = await writerFor(catalog, projection, collection);
  let after: string | undefined;
  let position: bigint | undefined;
  let events = 0;
  const readToEnd = async () => {
    for (;;) {
      const batch = await store.readAll({ after, limit: batchSize, filter: { types: projection.handles } });
      if (batch.length === 0) return;
      await writer.apply(batch.map(fromRecordedEvent));
      events += batch.length;
      const last = batch[batch.length - 1]!;
      after = last.checkpoint;
      position = last.position;
      options.onProgress?.(events);
      if (batch.length < batchSize) return;
    }
  };

  await readToEnd();
  const key = checkpointKey(projection);
  const before = await catalog.checkpoints.findOneAndUpdate(
    { _id: key },
    {
      $set: {
        name: projection.name,
        version: projection.version,
        collection,
        checkpoint: after ?? null,
        position: position?.toString() ?? null,
        updatedAt: new Date(),
      } satisfies Omit<CheckpointDoc, '_id'>,
    },
    { upsert: true, returnDocument: 'before' },
  );
  await readToEnd();
  const previous = await catalog.switchTo(projection.name, collection, projection.version);
  const dropped = [...new Set([previous, before?.collection])].filter(
    (c): c is string => c !== undefined && c !== collection,
  );
  if (dropped.length) {
    await new Promise((r) => setTimeout(r, options.dropGraceMs ?? catalog.cacheMs));
    for (const c of dropped) await catalog.drop(c);
  }
  return { collection, dropped, events, ms: Date.now() - started };
}
