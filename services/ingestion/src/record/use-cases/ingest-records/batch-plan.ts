import type { FieldError, RecordEntity, UsageSample } from '@foresight/contracts';
import type { IncomingRecord, RecordVerdict } from './record-verdict';

type Good = Extract<RecordVerdict, { ok: true }>;

/** One record bound for its own stream; `slot` is its position in the batch. */
export interface RecordWork {
  slot: number;
  record: IncomingRecord;
  verdict: Good;
}

/** One usage row, bound for its account's usage stream with the account's other rows. */
export interface UsageWork {
  slot: number;
  record: IncomingRecord;
  externalId: string;
  sample: UsageSample;
}

export interface Refusal {
  slot: number;
  record: IncomingRecord;
  externalId: string | null;
  errors: FieldError[];
}

export interface BatchPlan {
  refused: Refusal[];
  records: RecordWork[];
  /** Usage rows by account external id: one RecordUsage per account. */
  usage: Map<string, UsageWork[]>;
}

/**
 * Verdicts → work: refused records keep their errors, records go one by one to their streams, usage
 * rows are grouped by account (many rows land on one usage stream, decided on together).
 */
export function planBatch(
  entity: RecordEntity,
  items: readonly { record: IncomingRecord; verdict: RecordVerdict }[],
): BatchPlan {
  const plan: BatchPlan = { refused: [], records: [], usage: new Map() };
  items.forEach(({ record, verdict }, slot) => {
    if (!verdict.ok) {
      plan.refused.push({ slot, record, externalId: verdict.externalId, errors: verdict.errors });
      return;
    }
    if (entity !== 'usage') {
      plan.records.push({ slot, record, verdict });
      return;
    }
    // verdictOf refuses usage removals, so a good usage row is always an upsert with its account.
    if (verdict.op !== 'upsert' || !verdict.accountExternalId) return;
    const p = verdict.payload;
    const rows = plan.usage.get(verdict.accountExternalId) ?? [];
    rows.push({
      slot,
      record,
      externalId: verdict.externalId,
      sample: {
        at: p['at'] as string,
        actions: p['actions'] as UsageSample['actions'],
        users: p['users'] as UsageSample['users'],
      },
    });
    plan.usage.set(verdict.accountExternalId, rows);
  });
  return plan;
}
