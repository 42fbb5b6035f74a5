import { Injectable } from '@nestjs/common';
import { ENDING_EVENTS, reportIdFor, ReportSlot } from '../../domain/report-id';
import { REPORT_KINDS, ReportKind } from '../../domain/report-kind';
import { ReportStreams } from './report-streams';

export type SlotState =
  | { status: 'active'; reportId: string; generation: number }
  | { status: 'free'; reportId: string; generation: number };

/** More generations than this for one account and kind means something loops; stop rather than spin. */
const MAX_GENERATIONS = 10_000;

/**
 * Finds the active report of an (account, kind), read from the streams themselves rather than a read
 * model, so a report created a moment ago is never missed: generation 0, 1, … until a stream that
 * has not ended (the active one) or one that does not exist (where the next report would go).
 */
@Injectable()
export class ActiveReports {
  constructor(private readonly streams: ReportStreams) {}

  async find(slot: ReportSlot): Promise<SlotState> {
    for (let generation = 0; generation < MAX_GENERATIONS; generation++) {
      const reportId = reportIdFor(slot, generation);
      const last = await this.streams.lastEventType(reportId);
      if (last === undefined) return { status: 'free', reportId, generation };
      if (!ENDING_EVENTS.includes(last)) return { status: 'active', reportId, generation };
    }
    throw new Error(
      `account ${slot.accountId} has ${MAX_GENERATIONS} ended ${slot.kind} reports; refusing to look further`,
    );
  }

  /** The account's active reports, of the given kinds. */
  async of(
    tenantId: string,
    accountId: string,
    kinds: readonly ReportKind[] = REPORT_KINDS,
  ): Promise<{ kind: ReportKind; reportId: string }[]> {
    const found = await Promise.all(
      kinds.map(async (kind) => ({ kind, slot: await this.find({ tenantId, accountId, kind }) })),
    );
    return found.flatMap(({ kind, slot }) =>
      slot.status === 'active' ? [{ kind, reportId: slot.reportId }] : [],
    );
  }
}
