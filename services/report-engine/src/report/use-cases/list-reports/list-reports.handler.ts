import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import type { Principal } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import type { ReadDoc } from '@foresight/projections';
import { REPORT_KINDS, categoryOf } from '../../domain/report-kind';
import { ReportStatus } from '../../domain/report.state';
import { ReportListDoc, reportsProjection } from '../../projections/reports.projection';
import { ReportPageView, ReportSummaryView } from '../report.view';
import { ListReportsQuery, PreviewsQuery, ReportFilterQuery } from './list-reports.query';
import { ReportPreviewsView } from './report-previews.view';
import { afterCursor, decodeCursor, encodeCursor } from './report-cursor';
import { ReportsAsOf } from './reports-as-of';

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

/** Statuses a report ends in: it no longer counts as open on the dashboard. */
const ENDED: ReportStatus[] = ['STALE', 'EXPIRED', 'UNKNOWN'];

function ownerEmailOf(principal: Principal, owner: string): string {
  const email = owner === 'me' ? principal.email : owner;
  if (!email)
    throw new DomainError(
      'REPORT.OWNER_UNKNOWN',
      'owner=me needs a signed-in user with an email; an API key owns no reports',
      'invalid',
      { field: 'owner' },
    );
  return email.toLowerCase();
}

/**
 * The report lists: today's from the read model (eventually consistent: a report shows up within a
 * moment), and any past moment's from the streams themselves (`asOf`).
 */
@Injectable()
export class ListReportsHandler {
  constructor(
    private readonly readModels: ReadModels,
    private readonly asOf: ReportsAsOf,
  ) {}

  async list(principal: Principal, query: ListReportsQuery): Promise<ReportPageView> {
    const ownerEmail = query.owner ? ownerEmailOf(principal, query.owner) : undefined;
    const limit = query.limit ?? 50;
    const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (query.asOf) {
      const { docs, more } = await this.asOf.page(
        principal.tenantId,
        new Date(query.asOf),
        { ownerEmail, status: query.status, kind: query.kind, subjectId: query.subject },
        limit,
        cursor,
      );
      return this.pageOf(docs, more);
    }
    const filter: Record<string, unknown> = {};
    if (ownerEmail) filter['ownerEmail'] = ownerEmail;
    if (query.status) filter['status'] = query.status;
    if (query.kind) filter['kind'] = query.kind;
    if (query.subject) filter['subject.id'] = query.subject;
    if (cursor) Object.assign(filter, afterCursor(cursor));
    const docs = await this.readModels
      .of(reportsProjection)
      .find(principal.tenantId, filter, { sort: { receivedAt: -1, _id: -1 }, limit: limit + 1 });
    return this.pageOf(docs.slice(0, limit), docs.length > limit);
  }

  /** The caller's own reports: the owner's inbox. */
  mine(principal: Principal, query: ReportFilterQuery): Promise<ReportPageView> {
    return this.list(principal, { ...query, owner: 'me' });
  }

  /** Per kind, the newest report and how many there are (open and in all): the dashboard widget. */
  async previews(principal: Principal, query: PreviewsQuery): Promise<ReportPreviewsView> {
    const owner = query.owner ?? 'me';
    const base: Record<string, unknown> =
      owner === 'all' ? {} : { ownerEmail: ownerEmailOf(principal, owner) };
    const model = this.readModels.of(reportsProjection);
    const items = await Promise.all(
      REPORT_KINDS.map(async (kind) => {
        const filter = { ...base, kind };
        const [latest, total, open] = await Promise.all([
          model.find(principal.tenantId, filter, { sort: { receivedAt: -1, _id: -1 }, limit: 1 }),
          model.count(principal.tenantId, filter),
          model.count(principal.tenantId, { ...filter, status: { $nin: ENDED } }),
        ]);
        return {
          kind,
          category: categoryOf(kind),
          total,
          open,
          latest: latest[0] ? summaryOf(latest[0]) : null,
        };
      }),
    );
    return { items };
  }

  private pageOf(page: ReadDoc<ReportListDoc>[], more: boolean): ReportPageView {
    const last = page[page.length - 1];
    return {
      items: page.map(summaryOf),
      ...(more && last
        ? { nextCursor: encodeCursor({ receivedAt: last.receivedAt, reportId: last._id }) }
        : {}),
    };
  }
}
