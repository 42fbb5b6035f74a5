import type { Aggregate, AnyBulkWriteOperation, Query, Schema } from 'mongoose';
import { TenantContext } from '../tenant/tenant-context';

/** A read-model operation that would not be confined to one tenant. */
export class TenantScopeError extends Error {
  constructor(model: string, operation: string, problem: string) {
    super(`${model}.${operation}: ${problem}`);
    this.name = 'TenantScopeError';
  }
}

const QUERY_OPS = [
  'find',
  'findOne',
  'countDocuments',
  'distinct',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
] as const;

/** Stages that read other collections: a tenant filter on this one would not confine them. */
const FOREIGN_STAGES = ['$lookup', '$graphLookup', '$unionWith'];

/** The tenant a filter pins, or why it pins none. Only an exact id counts: `$in`, `$ne`, regexes do not. */
function pinnedTenant(filter: Record<string, unknown> | undefined): string | { problem: string } {
  const value = filter?.['tenantId'];
  if (typeof value === 'string' && value) return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const eq = (value as Record<string, unknown>)['$eq'];
    if (keys.length === 1 && typeof eq === 'string' && eq) return eq;
  }
  return value === undefined
    ? { problem: 'the filter has no tenantId (every read-model query must name its tenant)' }
    : { problem: `tenantId must be one tenant id, got ${JSON.stringify(value)}` };
}

/** Also refuses a tenant other than the active context's: a request of tenant A never reaches B's data. */
function checkTenant(model: string, op: string, tenant: string | { problem: string }): void {
  if (typeof tenant !== 'string') throw new TenantScopeError(model, op, tenant.problem);
  const active = TenantContext.current()?.tenantId;
  if (active && active !== tenant)
    throw new TenantScopeError(model, op, `tenant ${tenant} is not the active tenant ${active}`);
}

/** An update must not move a document to another tenant. */
function checkUpdate(model: string, op: string, tenant: string, update: unknown): void {
  if (!update || typeof update !== 'object') return;
  const stages = Array.isArray(update) ? update : [update];
  for (const stage of stages as Record<string, unknown>[]) {
    for (const [key, value] of Object.entries(stage)) {
      const fields = key.startsWith('$') ? (value as Record<string, unknown> | undefined) : { [key]: value };
      if (!fields || typeof fields !== 'object' || !('tenantId' in fields)) continue;
      if (key === '$unset' || key === '$rename' || fields['tenantId'] !== tenant)
        throw new TenantScopeError(model, op, `the update changes tenantId (${key})`);
    }
  }
}

function checkDocument(model: string, op: string, doc: { tenantId?: unknown } | null | undefined): void {
  if (!doc || typeof doc.tenantId !== 'string' || !doc.tenantId)
    throw new TenantScopeError(model, op, 'the document has no tenantId');
  checkTenant(model, op, doc.tenantId);
}

function checkBulkOp(model: string, op: AnyBulkWriteOperation<Record<string, unknown>>): void {
  const [kind, body] = Object.entries(op)[0] as [string, Record<string, unknown>];
  if (kind === 'insertOne') return checkDocument(model, 'bulkWrite.insertOne', body['document'] as never);
  const tenant = pinnedTenant(body['filter'] as Record<string, unknown>);
  checkTenant(model, `bulkWrite.${kind}`, tenant);
  if (kind === 'replaceOne') checkDocument(model, 'bulkWrite.replaceOne', body['replacement'] as never);
  if (kind === 'updateOne' || kind === 'updateMany')
    checkUpdate(model, `bulkWrite.${kind}`, tenant as string, body['update']);
}

/**
 * Makes a read-model schema tenant-scoped: a `tenantId` field (required, immutable), and every query,
 * update, delete, count, distinct, aggregate, insert and bulk write refused unless it names exactly
 * one tenant — the active request's tenant when there is one. `TenantContext.acrossTenants` lifts
 * the checks for the rare job that spans tenants. Indexes stay the schema's business: each should
 * lead with `tenantId` and name the query it serves.
 */
export function tenantScopePlugin(schema: Schema): void {
  if (!schema.path('tenantId')) schema.add({ tenantId: { type: String, required: true, immutable: true } });

  schema.pre([...QUERY_OPS], { document: false, query: true }, function (this: Query<unknown, unknown>) {
    if (TenantContext.isAcrossTenants()) return;
    const op = (this as unknown as { op?: string }).op ?? 'query';
    const tenant = pinnedTenant(this.getFilter() as Record<string, unknown>);
    checkTenant(this.model.modelName, op, tenant);
    if (op.startsWith('update') || op === 'findOneAndUpdate')
      checkUpdate(this.model.modelName, op, tenant as string, this.getUpdate());
    if (op === 'replaceOne' || op === 'findOneAndReplace') {
      const replacement = this.getUpdate() as { tenantId?: unknown } | null;
      if (replacement?.tenantId !== undefined && replacement.tenantId !== tenant)
        throw new TenantScopeError(this.model.modelName, op, 'the replacement changes tenantId');
    }
  });

  // No filter to pin: it counts every tenant's documents.
  schema.pre(
    'estimatedDocumentCount',
    { document: false, query: true },
    function (this: Query<unknown, unknown>) {
      if (TenantContext.isAcrossTenants()) return;
      throw new TenantScopeError(
        this.model.modelName,
        'estimatedDocumentCount',
        'counts all tenants; use countDocuments',
      );
    },
  );

  schema.pre('aggregate', function (this: Aggregate<unknown>) {
    if (TenantContext.isAcrossTenants()) return;
    const model = this.model().modelName;
    const [first, ...rest] = this.pipeline() as unknown as Record<string, unknown>[];
    checkTenant(model, 'aggregate', pinnedTenant(first?.['$match'] as Record<string, unknown> | undefined));
    const foreign = rest.find((stage) => FOREIGN_STAGES.some((s) => s in stage));
    if (foreign)
      throw new TenantScopeError(
        model,
        'aggregate',
        `${Object.keys(foreign)[0]} reads outside this tenant's documents`,
      );
  });

  schema.pre('validate', function (this: { tenantId?: unknown; constructor: { modelName?: string } }) {
    if (TenantContext.isAcrossTenants()) return;
    checkDocument(this.constructor.modelName ?? 'document', 'save', this);
  });

  schema.pre('insertMany', function (docs) {
    if (TenantContext.isAcrossTenants()) return;
    for (const doc of Array.isArray(docs) ? docs : [docs]) checkDocument(this.modelName, 'insertMany', doc);
  });

  schema.pre('bulkWrite', function (ops) {
    if (TenantContext.isAcrossTenants()) return;
    for (const op of ops) checkBulkOp(this.modelName, op as AnyBulkWriteOperation<Record<string, unknown>>);
  });
}
