import { assertNever } from '@foresight/domain';
import { defineProjection, ProjectionEvent } from '@foresight/projections';
import type { SyncCompleted, SyncStatus } from '../../sync/domain/sync.events';
import { categoryOf } from '../domain/integration.decider';
import type {
  ColumnMappingSaved,
  IntegrationCategory,
  IntegrationRegistered,
} from '../domain/integration.events';

export type IntegrationsEvent =
  | ProjectionEvent<SyncCompleted['type'], SyncCompleted['data']>
  | ProjectionEvent<IntegrationRegistered['type'], IntegrationRegistered['data']>
  | ProjectionEvent<ColumnMappingSaved['type'], ColumnMappingSaved['data']>;

export interface MappingDoc {
  name: string;
  entity: string;
  /** JSON text: record field names are dotted (`actions.contacts`), which a document key cannot be. */
  fields: string;
  savedBy: string;
  savedAt: string;
}

/** One source of one tenant, as `GET /v1/integrations` lists it. */
export interface IntegrationDoc {
  source: string;
  provider: string;
  category: IntegrationCategory;
  /** Seed 004: connected until the latest sync failed outright. */
  status: 'connected' | 'failed';
  lastSyncId: string | null;
  lastSyncAt: string | null;
  lastSyncStatus: SyncStatus | null;
  syncs: number;
  recordsSynced: number;
  recordsRejected: number;
  mappings: MappingDoc[];
}

const fresh = (source: string): IntegrationDoc => ({
  source,
  provider: source,
  category: categoryOf(source),
  status: 'connected',
  lastSyncId: null,
  lastSyncAt: null,
  lastSyncStatus: null,
  syncs: 0,
  recordsSynced: 0,
  recordsRejected: 0,
  mappings: [],
});

/**
 * Integrations come from two streams: every sync of a source (REST batch, upstream chunk, upload)
 * counts towards it, so a source is listed from its first sync on; saved mappings and the
 * registration come from the integration's own stream.
 */
export const integrationsProjection = defineProjection<IntegrationDoc, IntegrationsEvent>({
  name: 'ingestion-integrations',
  version: 1,
  collectionBase: 'ingestion_integrations',
  handles: ['SyncCompleted', 'IntegrationRegistered', 'ColumnMappingSaved'],
  id: (e) => `${e.tenantId}:${e.data.source}`,
  indexes: [{ fields: { tenantId: 1, source: 1 }, why: 'integrations by source name, paged by cursor' }],
  evolve: (doc, e) => {
    const current = doc ?? fresh(e.data.source);
    switch (e.type) {
      case 'SyncCompleted': {
        const later = !current.lastSyncAt || e.data.finishedAt >= current.lastSyncAt;
        // An upload's summary repeats what its batches (syncs of their own) already counted.
        const summary = e.data.fileName !== undefined;
        return {
          ...current,
          syncs: current.syncs + 1,
          recordsSynced: current.recordsSynced + (summary ? 0 : e.data.accepted),
          recordsRejected: current.recordsRejected + (summary ? 0 : e.data.rejected),
          ...(later
            ? {
                lastSyncId: e.data.syncId,
                lastSyncAt: e.data.finishedAt,
                lastSyncStatus: e.data.status,
                status: e.data.status === 'failed' ? 'failed' : 'connected',
              }
            : {}),
        };
      }
      case 'IntegrationRegistered':
        return { ...current, provider: e.data.provider, category: e.data.category };
      case 'ColumnMappingSaved':
        return {
          ...current,
          mappings: [
            ...current.mappings.filter((m) => m.name !== e.data.name),
            {
              name: e.data.name,
              entity: e.data.entity,
              fields: JSON.stringify(e.data.fields),
              savedBy: e.data.savedBy,
              savedAt: e.data.savedAt,
            },
          ].sort((a, b) => a.name.localeCompare(b.name)),
        };
      default:
        return assertNever(e, 'integrations event');
    }
  },
});
