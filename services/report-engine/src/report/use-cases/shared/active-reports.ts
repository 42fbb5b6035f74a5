import { Injectable } from '@nestjs/common';
import { ENDING_EVENTS, reportIdFor, ReportSlot } from '../../domain/report-id';
import { ReportStreams } from './report-streams';

export type SlotState =
  | { status: 'active'; reportId: string; generation: number }
  | { status: 'free'; reportId: string; generation: number };

/** More generations than this for one subject and family means something loops; stop rather than spin. */
const MAX_GENERATIONS = 10_000;

/**
 * Finds the active report of a (subject, family), read from the streams themselves rather than a
 * read model, so a report opened a moment ago is never missed: generation 0, 1, … until a stream
 * that has not ended (the active one) or one that does not exist (where the next report would go).
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
      `${slot.subject.type} ${slot.subject.id} has ${MAX_GENERATIONS} ended ${slot.family} reports; refusing to look further`,
    );
  }

  /** The active reports among these slots. */
  async of(slots: readonly ReportSlot[]): Promise<{ slot: ReportSlot; reportId: string }[]> {
    const found = await Promise.all(slots.map(async (slot) => ({ slot, state: await this.find(slot) })));
    return found.flatMap(({ slot, state }) =>
      state.status === 'active' ? [{ slot, reportId: state.reportId }] : [],
    );
  }
}
