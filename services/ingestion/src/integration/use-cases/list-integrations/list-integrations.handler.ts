import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { integrationError } from '../../integration.errors';
import { integrationsProjection } from '../../projections/integrations.projection';
import { IntegrationPageView, ListIntegrationsQuery } from './list-integrations.query';

const SOURCE = /^[a-z][a-z0-9-]{0,39}$/;

/** A tenant's integrations by source name; the cursor is the last source of the previous page. */
@Injectable()
export class ListIntegrationsHandler {
  constructor(private readonly readModels: ReadModels) {}

  async page(tenantId: string, query: ListIntegrationsQuery): Promise<IntegrationPageView> {
    const limit = query.limit ?? 50;
    let after: string | null = null;
    if (query.cursor) {
      after = Buffer.from(query.cursor, 'base64url').toString('utf8');
      if (!SOURCE.test(after))
        throw integrationError('INVALID_CURSOR', 'cursor is not one this service handed out', {
          field: 'cursor',
        });
    }
    const docs = await this.readModels
      .of(integrationsProjection)
      .find(tenantId, after ? { source: { $gt: after } } : {}, { sort: { source: 1 }, limit: limit + 1 });
    const items = docs.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((d) => ({
        source: d.source,
        provider: d.provider,
        category: d.category,
        status: d.status,
        lastSyncId: d.lastSyncId,
        lastSyncAt: d.lastSyncAt,
        lastSyncStatus: d.lastSyncStatus,
        syncs: d.syncs,
        recordsSynced: d.recordsSynced,
        recordsRejected: d.recordsRejected,
        mappings: d.mappings.map(({ name, entity, savedAt }) => ({ name, entity, savedAt })),
      })),
      nextCursor: docs.length > limit && last ? Buffer.from(last.source).toString('base64url') : null,
    };
  }
}
