import { mongo } from 'mongoose';
import { KeyedLock, Semaphore } from './concurrency';
import { Bookkeeping, Projection, ProjectionEvent, Stored } from './projection';

type AnyDoc = Record<string, unknown>;
type StoredDoc = Stored<AnyDoc>;
/** What is left of a deleted document: its applied revisions, so a late replay cannot resurrect it. */
interface Tombstone {
  _id: string;
  tenantId: string;
  _applied: Record<string, number>;
}

export interface WriteStats {
  /** (event, document) pairs applied. */
  applied: number;
  /** (event, document) pairs skipped because the document had already applied them (replays). */
  skipped: number;
  /** Documents inserted, replaced or deleted. */
  written: number;
  /** Compare-and-set failures that forced a reload. */
  conflicts: number;
}

export interface WriterOptions {
  /** Compare-and-set retries before giving up on a batch. */
  maxAttempts?: number;
  /**
   * Update/replace/delete statements per command. FerretDB 1.24 (PostgreSQL backend) runs a
   * command's statements in parallel, each holding a pooled connection while waiting for another:
   * measured, one bulkWrite of 60 replaceOne wedged the server for good (40 went through).
   */
  updatesPerCommand?: number;
  /**
   * Update commands in flight at once, shared by every writer of the process (the limit above is
   * per server, not per writer). Unset: one bulkWrite per batch.
   */
  commandsInFlight?: number;
  /** Documents this writer last wrote, kept to skip the batch's find; a stale entry fails its CAS and is reloaded. */
  cacheSize?: number;
}

export class ProjectionConflictError extends Error {
  constructor(projection: string, attempts: number) {
    super(`${projection}: documents kept changing under us after ${attempts} attempts`);
    this.name = 'ProjectionConflictError';
  }
}

/** A document id claimed by two tenants is a projection bug that would leak data; it stops the projection. */
export class TenantMismatchError extends Error {
  constructor(projection: string, id: string, stored: string, incoming: string) {
    super(
      `${projection}: document ${id} belongs to tenant ${stored}, refused an event of tenant ${incoming}`,
    );
    this.name = 'TenantMismatchError';
  }
}

export function tombstonesOf(collection: string): string {
  return `${collection}_tombstones`;
}

function strip(doc: StoredDoc): AnyDoc {
  const { _id: _i, tenantId: _t, _applied: _a, _v: _vv, ...own } = doc;
  return own;
}

interface Plan {
  id: string;
  events: ProjectionEvent[];
}

type Step =
  | { kind: 'insert'; doc: StoredDoc }
  | { kind: 'replace'; id: string; expected: number; doc: StoredDoc }
  | { kind: 'delete'; id: string; expected: number; tombstone: Tombstone }
  | { kind: 'bury'; tombstone: Tombstone };

const DUPLICATE_KEY = 11000;

/**
 * FerretDB (1.24, PostgreSQL backend) evaluates an update's filter and writes in separate steps:
 * measured, 8 concurrent replaceOne calls filtered on the same `_v` all matched, and concurrent
 * `$inc`s lost most increments. So writers of one collection in one process also queue per
 * document here; the `_v` compare-and-set then protects writers in other processes on MongoDB.
 */
const locks = new Map<string, KeyedLock>();
let inFlight: Semaphore | undefined;
function lockOf(collection: string): KeyedLock {
  let lock = locks.get(collection);
  if (!lock) locks.set(collection, (lock = new KeyedLock()));
  return lock;
}

/**
 * Applies events to one physical collection. Each document remembers the last revision it applied
 * per source stream, so a replay (redelivery, a restart before the checkpoint moved) changes nothing;
 * every write is a compare-and-set on `_v`, and a lost race reloads and re-evolves, which is safe
 * because applying is idempotent.
 */
export class DocumentWriter {
  private readonly handles: ReadonlySet<string>;
  private readonly cache = new Map<string, StoredDoc>();

  constructor(
    private readonly projection: Projection<object, ProjectionEvent>,
    private readonly docs: mongo.Collection<StoredDoc>,
    private readonly tombstones: mongo.Collection<Tombstone>,
    private readonly options: WriterOptions = {},
  ) {
    this.handles = new Set(projection.handles);
    if (options.commandsInFlight) inFlight ??= new Semaphore(options.commandsInFlight);
  }

  private remember(doc: StoredDoc): void {
    const limit = this.options.cacheSize ?? 10_000;
    if (limit <= 0) return;
    this.cache.delete(doc._id);
    this.cache.set(doc._id, doc);
    if (this.cache.size > limit) this.cache.delete(this.cache.keys().next().value!);
  }

  get collectionName(): string {
    return this.docs.collectionName;
  }

  /**
   * Batch path: one find for the batch's documents, evolve in memory, one bulkWrite. One event
   * touching one document (the live case) takes the findOne + single conditional write path.
   */
  async apply(events: readonly ProjectionEvent[]): Promise<WriteStats> {
    const plans = this.plan(events);
    const stats: WriteStats = { applied: 0, skipped: 0, written: 0, conflicts: 0 };
    if (plans.length === 0) return stats;
    const release = await lockOf(this.docs.collectionName).acquire(plans.map((p) => p.id));
    try {
      if (plans.length === 1 && plans[0]!.events.length === 1)
        return await this.applySingle(plans[0]!, stats);
      return await this.applyBatch(plans, stats);
    } finally {
      release();
    }
  }

  private async applyBatch(plans: Plan[], stats: WriteStats): Promise<WriteStats> {
    let pending = plans;
    for (let attempt = 1; ; attempt++) {
      const steps = await this.evolveAll(pending, stats);
      if (steps.size === 0) return stats;
      const failed = await this.writeBulk(steps);
      stats.written += steps.size - failed;
      if (failed === 0) return stats;
      stats.conflicts += failed;
      for (const id of steps.keys()) this.cache.delete(id);
      if (attempt >= (this.options.maxAttempts ?? 20))
        throw new ProjectionConflictError(this.projection.name, attempt);
      // Counts do not say which compare-and-set lost: reload every document we wrote; those that
      // did land now skip their events as replays.
      pending = pending.filter((p) => steps.has(p.id));
      await backoff(attempt);
    }
  }

  /** Live path for one event touching one document: findOne and a single conditional write. */
  private async applySingle(plan: Plan, stats: WriteStats): Promise<WriteStats> {
    for (let attempt = 1; ; attempt++) {
      const stored = this.cache.get(plan.id) ?? (await this.docs.findOne({ _id: plan.id }));
      const tomb = stored ? null : await this.tombstones.findOne({ _id: plan.id });
      const step = this.evolveOne(plan, stored, tomb, stats);
      if (!step) return stats;
      if (await this.writeOne(step)) {
        this.landed(step);
        stats.written++;
        return stats;
      }
      this.cache.delete(plan.id);
      stats.conflicts++;
      if (attempt >= (this.options.maxAttempts ?? 20))
        throw new ProjectionConflictError(this.projection.name, attempt);
      await backoff(attempt);
    }
  }

  private plan(events: readonly ProjectionEvent[]): Plan[] {
    const byId = new Map<string, Plan>();
    for (const event of events) {
      if (!this.handles.has(event.type)) continue;
      if (event.stream.includes('.') || event.stream.startsWith('$'))
        throw new Error(`stream name ${event.stream} cannot be a document key (no '.', no leading '$')`);
      const ids = this.projection.id(event);
      for (const id of typeof ids === 'string' ? [ids] : ids) {
        let plan = byId.get(id);
        if (!plan) byId.set(id, (plan = { id, events: [] }));
        plan.events.push(event);
      }
    }
    return [...byId.values()];
  }

  private async evolveAll(plans: readonly Plan[], stats: WriteStats): Promise<Map<string, Step>> {
    const ids = plans.map((p) => p.id);
    const storedById = new Map<string, StoredDoc>();
    const unknown: string[] = [];
    for (const id of ids) {
      const hit = this.cache.get(id);
      if (hit) storedById.set(id, hit);
      else unknown.push(id);
    }
    const found = unknown.length ? await this.docs.find({ _id: { $in: unknown } }).toArray() : [];
    for (const d of found) storedById.set(d._id, d);
    const missing = ids.filter((id) => !storedById.has(id));
    const tombs = missing.length ? await this.tombstones.find({ _id: { $in: missing } }).toArray() : [];
    const tombById = new Map(tombs.map((t) => [t._id, t]));
    const steps = new Map<string, Step>();
    for (const plan of plans) {
      const step = this.evolveOne(
        plan,
        storedById.get(plan.id) ?? null,
        tombById.get(plan.id) ?? null,
        stats,
      );
      if (step) steps.set(plan.id, step);
    }
    return steps;
  }

  private evolveOne(
    plan: Plan,
    stored: StoredDoc | null,
    tomb: Tombstone | null,
    stats: WriteStats,
  ): Step | null {
    const applied: Record<string, number> = { ...(stored?._applied ?? tomb?._applied ?? {}) };
    let tenantId = stored?.tenantId ?? tomb?.tenantId;
    let state: AnyDoc | null = stored ? strip(stored) : null;
    let changed = false;
    for (const event of plan.events) {
      const last = applied[event.stream];
      if (last !== undefined && last >= event.revision) {
        stats.skipped++;
        continue;
      }
      if (tenantId !== undefined && tenantId !== event.tenantId)
        throw new TenantMismatchError(this.projection.name, plan.id, tenantId, event.tenantId);
      tenantId = event.tenantId;
      state = this.projection.evolve(state, event) as AnyDoc | null;
      applied[event.stream] = event.revision;
      changed = true;
      stats.applied++;
    }
    if (!changed) return null;
    const keep: Bookkeeping = {
      _id: plan.id,
      tenantId: tenantId!,
      _applied: applied,
      _v: (stored?._v ?? 0) + 1,
    };
    if (state === null) {
      const tombstone = { _id: plan.id, tenantId: tenantId!, _applied: applied };
      return stored
        ? { kind: 'delete', id: plan.id, expected: stored._v, tombstone }
        : { kind: 'bury', tombstone };
    }
    // Bookkeeping last: a projection field can never shadow the tenant or the applied revisions.
    const doc = { ...state, ...keep } as StoredDoc;
    return stored ? { kind: 'replace', id: plan.id, expected: stored._v, doc } : { kind: 'insert', doc };
  }

  /** Returns how many steps lost their compare-and-set. */
  private async writeBulk(steps: Map<string, Step>): Promise<number> {
    const buried = [...steps.values()].flatMap((s) =>
      s.kind === 'delete' || s.kind === 'bury' ? [s.tombstone] : [],
    );
    // Tombstone before delete: a crash between the two leaves the document, whose replay deletes it again.
    for (const chunk of this.chunks(buried.map(buryOp)))
      await this.tombstones.bulkWrite(chunk, { ordered: false });
    const all = [...steps.values()];
    const inserts = all.filter((s) => s.kind === 'insert');
    const updates = all.filter((s) => s.kind === 'replace' || s.kind === 'delete');
    const chunks = [...(inserts.length ? [inserts] : []), ...this.chunks(updates)];
    const failed = await Promise.all(
      chunks.map(async (chunk) => {
        const lost = await (inFlight && chunk !== inserts
          ? inFlight.run(() => this.bulk(chunk))
          : this.bulk(chunk));
        // Which operation of a chunk lost is not reported; the caller reloads them all.
        if (lost === 0) for (const step of chunk) this.landed(step);
        return lost;
      }),
    );
    return failed.reduce((a, b) => a + b, 0);
  }

  private landed(step: Step): void {
    if (step.kind === 'insert' || step.kind === 'replace') this.remember(step.doc);
    else if (step.kind === 'delete') this.cache.delete(step.id);
  }

  private chunks<T>(ops: T[]): T[][] {
    // Small (live) batches are spread over every command slot rather than queued behind one command.
    const slots = this.options.commandsInFlight ?? 1;
    const size = Math.min(
      this.options.updatesPerCommand ?? Number.MAX_SAFE_INTEGER,
      Math.max(1, Math.ceil(ops.length / slots)),
    );
    const out: T[][] = [];
    for (let i = 0; i < ops.length; i += size) out.push(ops.slice(i, i + size));
    return out;
  }

  /** One bulkWrite; returns how many of its operations lost their compare-and-set. */
  private async bulk(steps: Step[]): Promise<number> {
    const ops = steps.map((step): mongo.AnyBulkWriteOperation<StoredDoc> => {
      if (step.kind === 'insert') return { insertOne: { document: step.doc } };
      if (step.kind === 'replace')
        return { replaceOne: { filter: { _id: step.id, _v: step.expected }, replacement: step.doc } };
      if (step.kind === 'delete') return { deleteOne: { filter: { _id: step.id, _v: step.expected } } };
      throw new Error(`a ${step.kind} step has no document operation`);
    });
    let result: mongo.BulkWriteResult;
    try {
      result = await this.docs.bulkWrite(ops, { ordered: false });
    } catch (err) {
      if (!(err instanceof mongo.MongoBulkWriteError)) throw err;
      const errors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
      if (errors.some((e) => e.code !== DUPLICATE_KEY)) throw err;
      // A concurrent writer inserted the document first: that is a lost compare-and-set.
      result = err.result;
    }
    return ops.length - (result.insertedCount + result.matchedCount + result.deletedCount);
  }

  private async writeOne(step: Step): Promise<boolean> {
    switch (step.kind) {
      case 'insert':
        try {
          await this.docs.insertOne(step.doc);
          return true;
        } catch (err) {
          if (err instanceof mongo.MongoServerError && err.code === DUPLICATE_KEY) return false;
          throw err;
        }
      case 'replace':
        return (await this.docs.replaceOne({ _id: step.id, _v: step.expected }, step.doc)).matchedCount === 1;
      case 'delete':
        await this.tombstones.bulkWrite([buryOp(step.tombstone)]);
        return (await this.docs.deleteOne({ _id: step.id, _v: step.expected })).deletedCount === 1;
      case 'bury':
        await this.tombstones.bulkWrite([buryOp(step.tombstone)]);
        return true;
    }
  }
}

/** `$max` per stream: tombstones only ever move forward, whoever writes them and in whatever order. */
function buryOp(t: Tombstone): mongo.AnyBulkWriteOperation<Tombstone> {
  const max: Record<string, number> = {};
  for (const [stream, revision] of Object.entries(t._applied)) max[`_applied.${stream}`] = revision;
  return {
    updateOne: {
      filter: { _id: t._id },
      update: { $set: { tenantId: t.tenantId }, $max: max },
      upsert: true,
    },
  };
}

function backoff(attempt: number): Promise<void> {
  const ms = Math.min(50, 2 ** attempt) * (0.5 + Math.random());
  return new Promise((r) => setTimeout(r, ms));
}
