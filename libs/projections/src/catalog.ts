import { randomBytes } from 'node:crypto';
import { Connection, Model, mongo, Schema } from 'mongoose';
import { checkpointKey, Projection, ProjectionEvent, Stored } from './projection';
import { DocumentWriter, tombstonesOf, WriterOptions } from './document-writer';

/** Where readers find a projection: FerretDB may lack renameCollection, so a rebuild swaps this pointer instead. */
export interface AliasDoc {
  _id: string;
  collection: string;
  version: number;
  switchedAt: Date;
}

/** Progress of one projection version, and the physical collection that progress belongs to. */
export interface CheckpointDoc {
  _id: string;
  name: string;
  version: number;
  collection: string;
  /** Opaque event-store resume token of the last event whose writes landed; null before the first. */
  checkpoint: string | null;
  position: string | null;
  updatedAt: Date;
}

export const ALIASES = 'projection_aliases';
export const CHECKPOINTS = 'projection_checkpoints';

export function newCollectionName(p: Pick<Projection, 'collectionBase' | 'version'>): string {
  const buildId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  return `${p.collectionBase}_v${p.version}_${buildId}`;
}

/**
 * Resolves projection names to their live collection, with a short cache so reads cost no extra
 * round trip; after a switch readers move over within `cacheMs`, which is why a rebuild waits that
 * long before dropping the old collection.
 */
export class ProjectionCatalog {
  private readonly cache = new Map<string, { collection: string | undefined; until: number }>();
  private writerOptions?: Promise<WriterOptions>;
  private readonly aliases: mongo.Collection<AliasDoc>;
  readonly checkpoints: mongo.Collection<CheckpointDoc>;

  constructor(
    readonly connection: Connection,
    readonly cacheMs = 1000,
  ) {
    this.aliases = connection.collection<AliasDoc>(ALIASES);
    this.checkpoints = connection.collection<CheckpointDoc>(CHECKPOINTS);
  }

  /** Write limits for this server: FerretDB gets small update commands (see WriterOptions). */
  writeOptions(): Promise<WriterOptions> {
    this.writerOptions ??= this.connection
      .db!.admin()
      .command({ buildInfo: 1 })
      .then((info) => (info['ferretdbVersion'] ? { updatesPerCommand: 8, commandsInFlight: 3 } : {}));
    return this.writerOptions;
  }

  async alias(name: string): Promise<AliasDoc | null> {
    return this.aliases.findOne({ _id: name });
  }

  /** The live collection of a projection; undefined before its first build started. */
  async collectionFor(name: string): Promise<string | undefined> {
    const hit = this.cache.get(name);
    if (hit && hit.until > Date.now()) return hit.collection;
    const collection = (await this.alias(name))?.collection;
    this.cache.set(name, { collection, until: Date.now() + this.cacheMs });
    return collection;
  }

  /** A mongoose model bound to the live collection; re-resolve per request (it is cached) rather than holding it. */
  async modelFor<Doc extends object>(
    p: Projection<Doc, never> | Projection<Doc, ProjectionEvent>,
  ): Promise<Model<Stored<Doc>>> {
    const collection = (await this.collectionFor(p.name)) ?? `${p.collectionBase}_v${p.version}_unbuilt`;
    const existing = this.connection.models[collection];
    if (existing) return existing as unknown as Model<Stored<Doc>>;
    const schema = new Schema(
      { _id: String, tenantId: { type: String, required: true } },
      { strict: false, versionKey: false, autoIndex: false, collection },
    );
    return this.connection.model(collection, schema, collection) as unknown as Model<Stored<Doc>>;
  }

  /**
   * Points readers at `collection`. Returns the collection it replaced, which the caller drops once
   * readers' caches have expired.
   */
  async switchTo(name: string, collection: string, version: number): Promise<string | undefined> {
    const before = await this.aliases.findOneAndUpdate(
      { _id: name },
      { $set: { collection, version, switchedAt: new Date() } },
      { upsert: true, returnDocument: 'before' },
    );
    this.cache.delete(name);
    const previous = before?.collection;
    return previous === collection ? undefined : previous;
  }

  /** Creates the alias only if none exists (the first build of a projection is visible while it runs). */
  async claimAlias(name: string, collection: string, version: number): Promise<AliasDoc> {
    await this.aliases.updateOne(
      { _id: name },
      { $setOnInsert: { collection, version, switchedAt: new Date() } },
      { upsert: true },
    );
    return (await this.alias(name))!;
  }

  async ensureIndexes(p: Pick<Projection, 'indexes'>, collection: string): Promise<void> {
    const docs = this.connection.collection(collection);
    // Every read-model query is tenant-scoped; this serves "all documents of tenant X".
    await docs.createIndex({ tenantId: 1 });
    for (const index of p.indexes ?? [])
      await docs.createIndex({ ...index.fields }, { unique: index.unique ?? false });
  }

  /** Drops a physical collection and its tombstones; missing collections are fine (drops are retried). */
  async drop(collection: string): Promise<void> {
    for (const name of [collection, tombstonesOf(collection)]) {
      await this.connection
        .collection(name)
        .drop()
        .catch((err: unknown) => {
          if (!(err instanceof mongo.MongoServerError) || !/ns not found|not exist/i.test(err.message))
            throw err;
        });
      if (this.connection.models[name]) this.connection.deleteModel(name);
    }
  }
}

/** A writer for one physical collection of a projection, with the server's write limits. */
export async function writerFor(
  catalog: ProjectionCatalog,
  projection: Projection<object, ProjectionEvent>,
  collection: string,
): Promise<DocumentWriter> {
  return new DocumentWriter(
    projection,
    catalog.connection.collection(collection),
    catalog.connection.collection(tombstonesOf(collection)),
    await catalog.writeOptions(),
  );
}

/**
 * The collection this projection version writes to, and where it resumes. The first caller creates
 * it (a fresh physical collection, no checkpoint); concurrent callers all get the same one.
 */
export async function openBuild(
  catalog: ProjectionCatalog,
  projection: Projection<object, ProjectionEvent>,
): Promise<CheckpointDoc> {
  const key = checkpointKey(projection);
  const found = await catalog.checkpoints.findOne({ _id: key });
  if (found) return found;
  await catalog.checkpoints.updateOne(
    { _id: key },
    {
      $setOnInsert: {
        name: projection.name,
        version: projection.version,
        collection: newCollectionName(projection),
        checkpoint: null,
        position: null,
        updatedAt: new Date(),
      },
    },
    { upsert: true },
  );
  return (await catalog.checkpoints.findOne({ _id: key }))!;
}
