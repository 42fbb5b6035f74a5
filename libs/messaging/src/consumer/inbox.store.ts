import { randomUUID } from 'node:crypto';
import { Connection, mongo } from 'mongoose';

/**
 * Event ids a consumer group has taken on and completed. Used per chunk: `claim` the chunk's ids;
 * only ids claimed before (a redelivery, a relay re-send) need `completed`; after the effects,
 * `complete` the handled ones.
 */
export interface Inbox {
  /** Claims the ids for the group; returns those some earlier delivery claimed already. */
  claim(group: string, eventIds: readonly string[]): Promise<Set<string>>;
  /** Which of these (earlier-claimed) ids were completed. */
  completed(group: string, eventIds: readonly string[]): Promise<Set<string>>;
  complete(group: string, eventIds: readonly string[]): Promise<void>;
  /** Forgets entries older than `before`; returns how many. */
  prune(group: string, before: Date): Promise<number>;
}

interface ClaimDoc {
  /** `<group>/<eventId>`: the unique key — one claim per event id and consumer group. */
  _id: string;
  group: string;
  at: Date;
}

interface CompletionDoc {
  _id: string;
  group: string;
  at: Date;
  /** The event ids one chunk completed. */
  eventIds: string[];
}

const keyOf = (group: string, eventId: string) => `${group}/${eventId}`;

/**
 * The inbox only short-circuits redeliveries; it is not the idempotency guarantee. Without
 * transactions (FerretDB has none) an effect and its inbox entry cannot commit together: a crash
 * after the effect and before `complete` redelivers the message and the handler runs again.
 * Handlers therefore must be idempotent by construction (deterministic event ids on appends,
 * revision-guarded upserts); the inbox makes the common duplicate cost nothing.
 *
 * Why claims plus completions rather than one lookup of the chunk's ids: FerretDB 1.x answers every
 * query by scanning the whole collection (its `_id` index serves uniqueness, not `find`), so a
 * per-chunk `$in` grows slower with every event ever handled. An insert, though, is checked against
 * that unique index at no scan. So the common path is two writes — the chunk's claims (a duplicate
 * key names an id delivered before) and one completion document per chunk — and only a chunk that
 * really holds redeliveries pays a lookup, in the small completions collection. On MongoDB all of
 * it is index-backed.
 */
export class MongoInbox implements Inbox {
  private readonly claims: mongo.Collection<ClaimDoc>;
  private readonly completions: mongo.Collection<CompletionDoc>;
  private indexed?: Promise<unknown>;

  constructor(connection: Connection, collectionName = 'inbox') {
    this.claims = connection.collection<ClaimDoc>(collectionName);
    this.completions = connection.collection<CompletionDoc>(`${collectionName}_completed`);
  }

  async claim(group: string, eventIds: readonly string[]): Promise<Set<string>> {
    if (!eventIds.length) return new Set();
    const at = new Date();
    try {
      await this.claims.insertMany(
        eventIds.map((id) => ({ _id: keyOf(group, id), group, at })),
        { ordered: false },
      );
      return new Set();
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { code: number; index: number }[] }).writeErrors;
      if (!writeErrors?.length || writeErrors.some((e) => e.code !== 11000)) throw err;
      const duplicate = new Set(writeErrors.map((e) => e.index));
      return new Set(eventIds.filter((_, i) => duplicate.has(i)));
    }
  }

  async completed(group: string, eventIds: readonly string[]): Promise<Set<string>> {
    if (!eventIds.length) return new Set();
    const wanted = new Set(eventIds);
    // Narrowed by the {group, at} index only. An index on eventIds would serve it better on MongoDB,
    // but FerretDB indexes an array as one btree entry and then refuses chunks of a few hundred ids.
    await this.ensureIndexes();
    const docs = await this.completions.find({ group, eventIds: { $in: [...wanted] } }).toArray();
    return new Set(docs.flatMap((d) => d.eventIds.filter((id) => wanted.has(id))));
  }

  async complete(group: string, eventIds: readonly string[]): Promise<void> {
    if (!eventIds.length) return;
    await this.completions.insertOne({ _id: randomUUID(), group, at: new Date(), eventIds: [...eventIds] });
  }

  async prune(group: string, before: Date): Promise<number> {
    await this.ensureIndexes();
    const [claims, completions] = await Promise.all([
      this.claims.deleteMany({ group, at: { $lt: before } }),
      this.completions.deleteMany({ group, at: { $lt: before } }),
    ]);
    return claims.deletedCount + completions.deletedCount;
  }

  private ensureIndexes(): Promise<unknown> {
    this.indexed ??= Promise.all([
      // Serve prune (one group's entries older than a date) and the completions lookup by group.
      this.claims.createIndex({ group: 1, at: 1 }),
      this.completions.createIndex({ group: 1, at: 1 }),
    ]).catch((err: unknown) => {
      this.indexed = undefined;
      throw err;
    });
    return this.indexed;
  }
}
