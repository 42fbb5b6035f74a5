import { QueryFilter } from 'mongoose';
import { ProjectionCatalog } from './catalog';
import { Projection, ProjectionEvent } from './projection';

/** A read-model document as readers get it: the projection's fields plus its id and tenant. */
export type ReadDoc<Doc extends object> = Doc & { _id: string; tenantId: string };

const HIDE_BOOKKEEPING = { _applied: 0, _v: 0 } as const;

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  limit?: number;
  skip?: number;
}

/**
 * The read side of a projection. The tenant id is a required argument of every method, so a query
 * that forgets it does not compile, and a caller cannot override it through the filter.
 */
export class ReadModel<Doc extends object> {
  constructor(
    private readonly catalog: ProjectionCatalog,
    private readonly projection: Projection<Doc, never> | Projection<Doc, ProjectionEvent>,
  ) {}

  async findById(tenantId: string, id: string): Promise<ReadDoc<Doc> | null> {
    const model = await this.catalog.modelFor(this.projection);
    return (await model
      .findOne({ _id: id, tenantId }, HIDE_BOOKKEEPING)
      .lean()
      .exec()) as ReadDoc<Doc> | null;
  }

  async find(
    tenantId: string,
    filter: QueryFilter<Doc> = {},
    options: FindOptions = {},
  ): Promise<ReadDoc<Doc>[]> {
    const model = await this.catalog.modelFor(this.projection);
    let query = model.find({ ...filter, tenantId }, HIDE_BOOKKEEPING);
    if (options.sort) query = query.sort(options.sort);
    if (options.skip) query = query.skip(options.skip);
    if (options.limit) query = query.limit(options.limit);
    return (await query.lean().exec()) as ReadDoc<Doc>[];
  }

  async count(tenantId: string, filter: QueryFilter<Doc> = {}): Promise<number> {
    const model = await this.catalog.modelFor(this.projection);
    return model.countDocuments({ ...filter, tenantId }).exec();
  }
}
