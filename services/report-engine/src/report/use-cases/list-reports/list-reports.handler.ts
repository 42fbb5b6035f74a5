import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import type { Principal } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import type { ReadDoc } from '@foresight/projections';
import { ReportListDoc, reportsProjection } from '../../projections/reports.projection';
import { ReportPageView, ReportSummaryView } from '../report.view';
import { ListReportsQuery } from './list-reports.query';

interface Cursor {
  receivedAt: string;
  reportId: string;
}

const encode = (c: Cursor) => Buffer.from(JSON.stringify([c.receivedAt, c.reportId])).toString('base64url');

function decode(cursor: string): Cursor {
  try {
    const [receivedAt, reportId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof receivedAt === 'string' && typeof reportId === 'string') return { receivedAt, reportId };
  } catch {
    // fall through to the refusal below
  }
  throw new DomainError(
    'REPORT.INVALID_CURSOR',
    'cursor must be the nextCursor of a previous page',
    'invalid',
    {
      field: 'cursor',
    },
  );
}

export function summaryOf(doc: ReadDoc<ReportListDoc>): ReportSummaryView {
  return {
    reportId: doc.reportId,
    kind: doc.kind,
    category: doc.category,
    status: doc.status,
    subject: doc.subject,
    accountName: doc.accountName,
    ownerEmail: doc.ownerEmail,
    score: doc.score,
    title: doc.title,
    receivedAt: doc.receivedAt,
    createdAt: doc.createdAt,
    notifiedAt: doc.notifiedAt,
    feedback: doc.feedback?.verdict ?? null,
    endedAt: doc.endedAt,
  };
}

/** Reads the report list read model (eventually consistent: a report shows up within a moment). */
@Injectable()
export class ListReportsHandler {
  constructor(private readonly readModels: ReadModels) {}

  async list(principal: Principal, query: ListReportsQuery): Promise<ReportPageView> {
    const filter: Record<string, unknown> = {};
    if (query.owner) {
      const email = query.owner === 'me' ? principal.email : query.owner;
      if (!email)
        throw new DomainError(
          'REPORT.OWNER_UNKNOWN',
          'owner=me needs a signed-in user with an email; an API key owns no reports',
          'invalid',
          { field: 'owner' },
        );
      filter['ownerEmail'] = email.toLowerCase();
    }
    if (query.status) filter['status'] = query.status;
    if (query.kind) filter['kind'] = query.kind;
    if (query.cursor) {
      const { receivedAt, reportId } = decode(query.cursor);
      filter['$or'] = [{ receivedAt: { $lt: receivedAt } }, { receivedAt, _id: { $lt: reportId } }];
    }
    const limit = query.limit ?? 50;
    const docs = await this.readModels
      .of(reportsProjection)
      .find(principal.tenantId, filter, { sort: { receivedAt: -1, _id: -1 }, limit: limit + 1 });
    const page = docs.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(summaryOf),
      ...(docs.length > limit && last
        ? { nextCursor: encode({ receivedAt: last.receivedAt, reportId: last._id }) }
        : {}),
    };
  }
}
