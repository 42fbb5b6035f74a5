import { v5 as uuidv5 } from 'uuid';
import { ReportFamily, SubjectType } from './report-kind';

/** Fixed forever: changing it would give every existing report a second identity. */
const NAMESPACE = '0b7f3f5e-8a53-4b7e-9c52-6f0f7d1a9e21';

export interface ReportSlot {
  tenantId: string;
  subject: { type: SubjectType; id: string };
  family: ReportFamily;
}

/**
 * The report id of the n-th report of one family about one subject. At most one report per slot is
 * active: a new one is opened at generation n + 1 only once report n has ended (STALE, EXPIRED or
 * deleted), and two signals racing to open generation n both append to the same stream, where the
 * event store's expected revision lets one of them win. A family of one kind (EXPANSION on an
 * account) keeps the id the (account, kind) scheme gave it before families existed.
 */
export function reportIdFor(slot: ReportSlot, generation: number): string {
  if (!Number.isInteger(generation) || generation < 0)
    throw new RangeError(`generation must be a whole number ≥ 0, got ${generation}`);
  return uuidv5(
    JSON.stringify([slot.tenantId, slot.subject.type, slot.subject.id, slot.family, generation]),
    NAMESPACE,
  );
}

export const REPORT_STREAM_CATEGORY = 'report';

export function reportStream(reportId: string): string {
  return `${REPORT_STREAM_CATEGORY}-${reportId}`;
}

/** The events after which a report is no longer active: its slot may open the next generation. */
export const ENDING_EVENTS: readonly string[] = ['ReportMarkedStale', 'ReportExpired', 'ReportDeleted'];
