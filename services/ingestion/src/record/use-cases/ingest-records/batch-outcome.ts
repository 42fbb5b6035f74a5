import type { FieldError } from '@foresight/contracts';
import { v5 as uuidv5 } from 'uuid';
import type { Rejection } from '../../../sync/domain/sync.commands';
import type { RecordOutcome, RecordResultView } from './ingest-result.view';
import { IncomingRecord, rawOf } from './record-verdict';

/** Fixed forever: rejection ids derive from where the record came from, so a redelivery hits the same one. */
export const REJECTION_NAMESPACE = 'c3e1a7b2-6d4f-4b8e-a1c9-5f2e7d3b9a60';

/** What became of each record of a batch, filled in by the steps as they finish (slot = batch position). */
export class BatchOutcome {
  readonly results: RecordResultView[] = [];
  private readonly rejected: Rejection[] = [];

  constructor(private readonly tenantId: string) {}

  reject(slot: number, record: IncomingRecord, externalId: string | null, errors: FieldError[]): void {
    this.results[slot] = { index: record.index, externalId, outcome: 'rejected', id: null };
    this.rejected.push({
      rejectionId: uuidv5(`${this.tenantId}|${record.origin}`, REJECTION_NAMESPACE),
      index: record.index,
      externalId,
      errors,
      raw: rawOf(record),
    });
  }

  settle(slot: number, record: IncomingRecord, externalId: string, outcome: RecordOutcome, id: string): void {
    this.results[slot] = { index: record.index, externalId, outcome, id };
  }

  /** In batch order, whatever order the streams finished in. */
  get rejections(): Rejection[] {
    return [...this.rejected].sort((a, b) => a.index - b.index);
  }

  get accepted(): number {
    return this.results.filter(
      (r) => r.outcome === 'created' || r.outcome === 'updated' || r.outcome === 'removed',
    ).length;
  }

  get unchanged(): number {
    return this.results.filter((r) => r.outcome === 'unchanged').length;
  }
}
