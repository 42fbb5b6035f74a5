import { Injectable } from '@nestjs/common';
import { TenantFilter, TenantScopedRepository } from '@foresight/auth';
import { identityError } from '../../../shared/domain/identity.errors';
import { AuditEntry } from '../../projections/audit-log.projection';
import { AuditLogProjector } from '../../projections/audit-log.projector';
import { AuditLogQuery, AuditPageView } from './query-audit-log.query';

interface Cursor {
  t: string;
  id: string;
}

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decode(cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.t === 'string' && typeof c.id === 'string' && !Number.isNaN(Date.parse(c.t))) return c;
  } catch {
    // fall through
  }
  throw identityError('INVALID_CURSOR', 'cursor is not one this service handed out', { field: 'cursor' });
}

/** Keyset pagination (occurredAt, id), newest first: stable while new entries arrive. */
@Injectable()
export class QueryAuditLogHandler {
  private readonly repository: TenantScopedRepository<AuditEntry>;

  constructor(projector: AuditLogProjector) {
    this.repository = new TenantScopedRepository(projector.model);
  }

  async page(tenantId: string, query: AuditLogQuery): Promise<AuditPageView> {
    const limit = query.limit ?? 50;
    const filter: Record<string, unknown> = {};
    for (const field of ['eventType', 'action', 'actor', 'subjectId', 'subjectType'] as const)
      if (query[field]) filter[field] = query[field];
    const time: Record<string, Date> = {};
    if (query.from) time['$gte'] = new Date(query.from);
    if (query.to) time['$lte'] = new Date(query.to);
    if (Object.keys(time).length) filter['occurredAt'] = time;
    if (query.cursor) {
      const { t, id } = decode(query.cursor);
      const at = new Date(t);
      filter['$or'] = [{ occurredAt: { ...time, $lt: at } }, { occurredAt: at, _id: { $lt: id } }];
    }
    const docs = await this.repository.find(tenantId, filter as TenantFilter<AuditEntry>, {
      sort: { occurredAt: -1, _id: -1 },
      limit: limit + 1,
    });
    const items = docs.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((d) => ({
        id: d._id,
        eventType: d.eventType,
        action: d.action,
        subjectType: d.subjectType,
        subjectId: d.subjectId,
        actor: d.actor,
        ip: d.ip ?? null,
        userAgent: d.userAgent ?? null,
        correlationId: d.correlationId ?? null,
        diff: d.diff ?? {},
        occurredAt: new Date(d.occurredAt).toISOString(),
      })),
      nextCursor:
        docs.length > limit && last
          ? encode({ t: new Date(last.occurredAt).toISOString(), id: last._id })
          : null,
    };
  }
}
