import { v5 as uuidv5 } from 'uuid';
import { ReportKind } from './report-kind';

/** Fixed forever: changing it would give every existing report a second identity. */
const NAMESPACE = '0b7f3f5e-8a53-4b7e-9c52-6f0f7d1a9e21';

export interface ReportSlot {
  tenantId: string;
  accountId: string;
  kind: ReportKind;
}

/**
 * The report id of the n-th report of one kind about one account. At most one report per
 * (account, kind) is active: a new one is opened at generation n + 1 only once report n has ended
 * (STALE or EXPIRED), and two scores racing to open generation n both append to the same stream,
 * where the event store's expected revision lets one of them win.
 */
export function reportIdFor(slot: ReportSlot, generation: number): string {
  if (!Number.isInteger(generation) || generation < 0)
    throw new RangeError(`generation must be a whole number ≥ 0, got ${generation}`);
  return uuidv5(JSON.stringify([slot.tenantId, 'account', slot.accountId, slot.kind, generation]), NAMESPACE);
}

export const REPORT_STREAM_CATEGORY = 'report';

export function reportStream(reportId: string): string {
  return `${REPORT_STREAM_CATEGORY}-${reportId}`;
}

/** The events after which a report is no longer active: its slot may open the next generation. */
export const ENDING_EVENTS: readonly string[] = ['ReportMarkedStale', 'ReportExpired'];
