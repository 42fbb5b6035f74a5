import type { Model, PipelineStage, QueryFilter, UpdateQuery } from 'mongoose';

/** A filter that cannot name the tenant itself: the repository sets it from its tenantId argument. */
export type TenantFilter<T> = QueryFilter<T> & { tenantId?: never };

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  limit?: number;
  skip?: number;
}

/**
 * Base class of read-model repositories: the tenant id is the first argument of every method, so a
 * query that forgets it does not compile, and a filter cannot override it (`tenantId?: never`). The
 * model's schema should also carry `tenantScopePlugin`, which refuses at run time what slips past
 * the types (a raw `model.find()` elsewhere).
 */
export class TenantScopedRepository<T extends { tenantId: string }> {
  constructor(protected readonly model: Model<T>) {}

  async find(
    tenantId: string,
    filter: TenantFilter<T> = {} as TenantFilter<T>,
    options: FindOptions = {},
  ): Promise<T[]> {
    let query = this.model.find(this.scoped(tenantId, filter));
    if (options.sort) query = query.sort(options.sort);
    if (options.skip) query = query.skip(options.skip);
    if (options.limit) query = query.limit(options.limit);
    return (await query.lean().exec()) as T[];
  }

  async findOne(tenantId: string, filter: TenantFilter<T>): Promise<T | null> {
    return (await this.model.findOne(this.scoped(tenantId, filter)).lean().exec()) as T | null;
  }

  /** Another tenant's document answers null, exactly like a missing one: ids are never confirmed across tenants. */
  async findById(tenantId: string, id: unknown): Promise<T | null> {
    return this.findOne(tenantId, { _id: id } as TenantFilter<T>);
  }

  count(tenantId: string, filter: TenantFilter<T> = {} as TenantFilter<T>): Promise<number> {
    return this.model.countDocuments(this.scoped(tenantId, filter)).exec();
  }

  async create(tenantId: string, doc: Omit<T, 'tenantId'>): Promise<T> {
    const created = await this.model.create({ ...doc, tenantId } as T);
    return created.toObject() as T;
  }

  /** Returns whether a document of this tenant matched. */
  async updateOne(tenantId: string, filter: TenantFilter<T>, update: UpdateQuery<T>): Promise<boolean> {
    const result = await this.model.updateOne(this.scoped(tenantId, filter), update).exec();
    return result.matchedCount > 0;
  }

  async deleteOne(tenantId: string, filter: TenantFilter<T>): Promise<boolean> {
    const result = await this.model.deleteOne(this.scoped(tenantId, filter)).exec();
    return result.deletedCount > 0;
  }

  /** The tenant match goes first, so every later stage only ever sees this tenant's documents. */
  aggregate<R>(tenantId: string, pipeline: PipelineStage[]): Promise<R[]> {
    return this.model.aggregate<R>([{ $match: { tenantId } }, ...pipeline]).exec();
  }

  protected scoped(tenantId: string, filter: TenantFilter<T>): QueryFilter<T> {
    if (typeof tenantId !== 'string' || !tenantId)
      throw new Error(`${this.model.modelName}: tenantId is required`);
    return { ...filter, tenantId } as QueryFilter<T>;
  }
}
