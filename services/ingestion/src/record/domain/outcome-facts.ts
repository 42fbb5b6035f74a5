import type { OutcomeFactName, RecordEntity } from '@foresight/contracts';
import { assertNever } from '@foresight/domain';

type Payload = Readonly<Record<string, unknown>>;

/** A business outcome one record change implies (before its id and envelope are attached). */
export interface OutcomeFact {
  fact: OutcomeFactName;
  /** Annual amounts (ARR; MRR × 12 where only MRR is known); null when the fact carries none. */
  amountBefore: number | null;
  amountAfter: number | null;
  /** When it happened in the business (close date, renewal date, start/end date), else when seen. */
  effectiveAt: string;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const iso = (v: unknown, fallback: string): string => {
  const t = text(v);
  const ms = t ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? fallback : new Date(ms).toISOString();
};
const annual = (p: Payload | null, arrField: string | null, mrrField: string | null): number | null => {
  if (!p) return null;
  const arr = arrField ? num(p[arrField]) : null;
  if (arr !== null) return arr;
  const mrr = mrrField ? num(p[mrrField]) : null;
  return mrr === null ? null : mrr * 12;
};
const fact = (
  name: OutcomeFactName,
  effectiveAt: string,
  amountBefore: number | null = null,
  amountAfter: number | null = null,
): OutcomeFact => ({ fact: name, amountBefore, amountAfter, effectiveAt });

function amountChanged(before: number | null, after: number | null, at: string): OutcomeFact[] {
  return before !== null && after !== null && before !== after
    ? [fact('arr_changed', at, before, after)]
    : [];
}

function accountFacts(before: Payload | null, after: Payload | null, at: string): OutcomeFact[] {
  const was = before?.['lifecycle'];
  const is = after?.['lifecycle'];
  const facts: OutcomeFact[] = [];
  if (was === 'prospect' && is === 'customer') facts.push(fact('converted', iso(after?.['closeDate'], at)));
  // A customer account removed upstream has left as surely as one turned back into a prospect.
  if (was === 'customer' && (is === 'prospect' || after === null))
    facts.push(fact('lifecycle_left_customer', at));
  if (after) facts.push(...amountChanged(annual(before, 'arr', 'mrr'), annual(after, 'arr', 'mrr'), at));
  return facts;
}

function contractFacts(before: Payload | null, after: Payload | null, at: string): OutcomeFact[] {
  if (!before) return [];
  const wasCancelled = before['status'] === 'cancelled';
  if (!after) return wasCancelled ? [] : [fact('contract_ended', at, annual(before, 'arr', null), null)];
  if (after['status'] === 'cancelled')
    return wasCancelled ? [] : [fact('contract_ended', at, annual(before, 'arr', null), null)];
  const facts: OutcomeFact[] = [];
  const renewalBefore = text(before['renewalDate']);
  const renewalAfter = text(after['renewalDate']);
  if (
    after['status'] === 'active' &&
    renewalBefore &&
    renewalAfter &&
    Date.parse(renewalAfter) > Date.parse(renewalBefore)
  )
    // It renewed on the date it was due.
    facts.push(
      fact(
        'contract_renewed',
        iso(renewalBefore, at),
        annual(before, 'arr', null),
        annual(after, 'arr', null),
      ),
    );
  facts.push(...amountChanged(annual(before, 'arr', null), annual(after, 'arr', null), at));
  return facts;
}

function subscriptionFacts(before: Payload | null, after: Payload | null, at: string): OutcomeFact[] {
  const live = (p: Payload | null) => p !== null && p['status'] !== 'cancelled';
  const amount = (p: Payload | null) => annual(p, null, 'mrr');
  if (!live(before) && live(after))
    return [fact('subscription_added', iso(after?.['startDate'], at), null, amount(after))];
  if (live(before) && !live(after))
    return [fact('subscription_ended', iso(after?.['endDate'], at), amount(before), null)];
  if (!before || !after || !live(after)) return [];
  // MRR decides the direction; units only when the price stayed the same.
  const mrrDelta = (num(after['mrr']) ?? 0) - (num(before['mrr']) ?? 0);
  const delta = mrrDelta !== 0 ? mrrDelta : (num(after['units']) ?? 0) - (num(before['units']) ?? 0);
  if (delta === 0) return [];
  return [
    fact(delta > 0 ? 'subscription_upgraded' : 'subscription_downgraded', at, amount(before), amount(after)),
  ];
}

/**
 * The outcome facts a record change implies, for the report engine's outcome ledger and ml-scoring's
 * labels. `before` is the record as it stood (null when new), `after` as it now stands (null when
 * removed); `at` is when the change was seen. Pure: the same change always yields the same facts.
 */
export function outcomeFactsOf(
  entity: RecordEntity,
  before: Payload | null,
  after: Payload | null,
  at: string,
): OutcomeFact[] {
  switch (entity) {
    case 'account':
      return accountFacts(before, after, at);
    case 'contract':
      return contractFacts(before, after, at);
    case 'subscription':
      return subscriptionFacts(before, after, at);
    case 'usage':
    case 'feedback':
    case 'contact':
    case 'intent_signal':
      return [];
    default:
      return assertNever(entity, 'record entity');
  }
}
