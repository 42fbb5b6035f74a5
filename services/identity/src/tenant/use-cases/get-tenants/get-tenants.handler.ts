import { Injectable } from '@nestjs/common';
import { identityError } from '../../../shared/domain/identity.errors';
import { ReadModels } from '../../../shared/read-models/read-models';
import { TenantDoc, tenantsProjection } from '../../projections/tenants.projection';
import { TenantPageView, TenantView } from '../tenant.view';
import { ListTenantsQuery } from './get-tenants.query';

@Injectable()
export class GetTenantsHandler {
  constructor(private readonly readModels: ReadModels) {}

  async one(tenantId: string): Promise<TenantView> {
    const doc = await this.readModels.tenants.findById(tenantId, tenantId);
    if (!doc) throw identityError('TENANT_NOT_FOUND', 'No such tenant');
    return TenantView.of(doc);
  }

  /**
   * The platform operator's list spans tenants by definition; it is the only read here without a
   * tenant filter, and only the admin-token route reaches it.
   */
  async listForOperator(query: ListTenantsQuery): Promise<TenantPageView> {
    const model = await this.readModels.catalog.modelFor(tenantsProjection);
    const filter = query.status ? { status: query.status } : {};
    const [docs, total] = await Promise.all([
      model
        .find(filter, { _applied: 0, _v: 0 })
        .sort({ createdAt: -1 })
        .skip(query.offset ?? 0)
        .limit(query.limit ?? 50)
        .lean()
        .exec(),
      model.countDocuments(filter).exec(),
    ]);
    return { items: (docs as unknown as TenantDoc[]).map(TenantView.of), total };
  }
}
