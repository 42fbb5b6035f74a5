import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, ReadModels } from '@foresight/backbone';
import type { EventStore } from '@foresight/eventstore';
import { fromRecordedEvent, ReadDoc } from '@foresight/projections';
import { reportStream } from '../../domain/report-id';
import { ReportListDoc, ReportListEvent, reportsProjection } from '../../projections/reports.projection';
import { afterCursor, ReportCursor } from './report-cursor';
import { reportIndexProjection } from './report-index.projection';

export interface AsOfFilter {
  ownerEmail?: string;
  status?: string;
  kind?: string;
  subjectId?: string;
}

/** How many index rows are folded per round: filters may drop most of them, so read ahead of the page. */
const BATCH = 100;

/**
 * The report list as it was at `asOf`: the reports whose streams existed then (the report index,
 * never pruned), each stream folded up to `asOf` through the report list projection's own evolve —
 * the same code that builds today's list, so the answer is what the list would have shown then.
 * Status, owner and kind can change over a report's life, so they are filtered after the fold.
 */
@Injectable()
export class ReportsAsOf {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async fold(tenantId: string, reportId: string, asOf: Date): Promise<ReportListDoc | null> {
    const events = await this.store.read(reportStream(reportId));
    if (events[0]?.metadata.tenantId !== tenantId) return null;
    let doc: ReportListDoc | null = null;
    for (const recorded of events) {
      if (recorded.recordedAt > asOf) break;
      if (!(reportsProjection.handles as readonly string[]).includes(recorded.type)) continue;
      doc = reportsProjection.evolve(doc, fromRecordedEvent(recorded) as ReportListEvent);
    }
    return doc;
  }

  async page(
    tenantId: string,
    asOf: Date,
    filter: AsOfFilter,
    limit: number,
    cursor?: ReportCursor,
  ): Promise<{ docs: ReadDoc<ReportListDoc>[]; more: boolean }> {
    const index = this.readModels.of(reportIndexProjection);
    const found: ReadDoc<ReportListDoc>[] = [];
    let position = cursor;
    for (;;) {
      const query: Record<string, unknown> = { recordedAt: { $lte: asOf.toISOString() } };
      if (filter.subjectId) query['subject.id'] = filter.subjectId;
      if (position) Object.assign(query, afterCursor(position));
      const rows = await index.find(tenantId, query, { sort: { receivedAt: -1, _id: -1 }, limit: BATCH });
      const docs = await Promise.all(rows.map((row) => this.fold(tenantId, row.reportId, asOf)));
      for (const [i, row] of rows.entries()) {
        const doc = docs[i];
        if (!doc || !matches(doc, filter)) continue;
        if (found.length === limit) return { docs: found, more: true };
        found.push({ ...doc, _id: row.reportId, tenantId });
      }
      const last = rows[rows.length - 1];
      if (rows.length < BATCH || !last) return { docs: found, more: false };
      position = { receivedAt: last.receivedAt, reportId: last.reportId };
    }
  }
}

function matches(doc: ReportListDoc, filter: AsOfFilter): boolean {
  return (
    (!filter.ownerEmail || doc.ownerEmail?.toLowerCase() === filter.ownerEmail) &&
    (!filter.status || doc.status === filter.status) &&
    (!filter.kind || doc.kind === filter.kind)
  );
}
