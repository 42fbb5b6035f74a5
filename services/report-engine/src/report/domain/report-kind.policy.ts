import { ContractFacts, daysUntil, IntentFacts, ScoreFacts, SubscriptionFacts } from './account-facts';
import { AccountFacts } from './account-facts';
import { FAMILIES, ReportKind, ReportSubject } from './report-kind';
import { Band, ReportSettings } from './report-settings';

/**
 * What one subject's sources say about one family of reports: the evidence a decision to open,
 * change or end its report rests on. Built from the account's read models, so a score, a record
 * change and an admin batch run all judge a subject the same way.
 */
export type SubjectSignal =
  | { family: 'CHURN'; subject: ReportSubject; churn: ScoreFacts | null }
  | { family: 'EXPANSION'; subject: ReportSubject; expansion: ScoreFacts | null }
  | {
      family: 'REVENUE_AT_RISK';
      subject: ReportSubject;
      contract: ContractFacts;
      churn: ScoreFacts | null;
      downgrade: IntentFacts | null;
      daysToRenewal: number | null;
    }
  | {
      family: 'UPSELL';
      subject: ReportSubject;
      subscription: SubscriptionFacts;
      expansion: ScoreFacts | null;
      intent: IntentFacts | null;
    };

/** An intent this strong (0–100) counts: below it, a single page view would raise reports. */
export const INTENT_STRENGTH_FLOOR = 50;
/** Intent types that say the customer plans to spend less: a downgrade signal for REVENUE_AT_RISK. */
const DOWNGRADE_INTENT = /downgrade|cancel|churn/i;

const strongest = (intents: readonly IntentFacts[], downgrade: boolean): IntentFacts | null =>
  intents
    .filter((i) => i.strength >= INTENT_STRENGTH_FLOOR && DOWNGRADE_INTENT.test(i.type) === downgrade)
    .sort((a, b) => b.strength - a.strength)[0] ?? null;

/** Every subject of the account and what its sources say, one entry per (subject, family). */
export function subjectSignals(facts: AccountFacts, asOf: string): SubjectSignal[] {
  const accountId = facts.accountId;
  const account = { type: 'account' as const, id: accountId, accountId };
  const { churn, expansion } = facts.scores;
  return [
    { family: 'CHURN', subject: account, churn },
    { family: 'EXPANSION', subject: account, expansion },
    ...facts.contracts.map((contract): SubjectSignal => ({
      family: 'REVENUE_AT_RISK',
      subject: { type: 'contract', id: contract.recordId, accountId },
      contract,
      churn,
      downgrade: strongest(facts.intents, true),
      daysToRenewal: daysUntil(contract.renewalDate, asOf),
    })),
    ...facts.subscriptions.map((subscription): SubjectSignal => ({
      family: 'UPSELL',
      subject: { type: 'product', id: subscription.recordId, accountId },
      subscription,
      expansion,
      intent: strongest(facts.intents, false),
    })),
  ];
}

/**
 * The kind a score calls for within a family, least severe first, with hysteresis: a higher kind is
 * entered at its `enter`, a kind held is kept down to its `exit`, and below that the report steps
 * down to the highest lower kind whose `exit` the score still clears, or ends (null).
 */
export function bandedKind(
  kinds: readonly ReportKind[],
  current: ReportKind | null,
  score: number,
  bands: Readonly<Record<ReportKind, Band>>,
): ReportKind | null {
  const rank = current ? kinds.indexOf(current) : -1;
  const ranked = kinds.map((kind, i) => ({ kind, i })).reverse();
  const up = ranked.find(({ kind, i }) => i > rank && score >= bands[kind].enter);
  if (up) return up.kind;
  if (current && score >= bands[current].exit) return current;
  const down = ranked.find(({ kind, i }) => i < rank && score >= bands[kind].exit);
  if (down) return down.kind;
  return null;
}

export const usageRatioOf = (s: SubscriptionFacts): number | null =>
  s.units !== null && s.unitLimit !== null && s.unitLimit > 0 ? s.units / s.unitLimit : null;

const RUNNING_SUBSCRIPTION = new Set(['active', 'trialing', 'past_due']);

/**
 * What the subject's report should be: a kind, null (no report; an open one's signal has cleared),
 * or undefined when the sources say nothing either way yet (no score), so the report stays as it is.
 */
export function targetKind(
  signal: SubjectSignal,
  current: ReportKind | null,
  settings: ReportSettings,
): ReportKind | null | undefined {
  const t = settings.thresholds;
  switch (signal.family) {
    case 'CHURN':
      return signal.churn
        ? bandedKind(FAMILIES.CHURN.kinds, current, signal.churn.probability, t)
        : undefined;
    case 'EXPANSION':
      return signal.expansion
        ? bandedKind(FAMILIES.EXPANSION.kinds, current, signal.expansion.probability, t)
        : undefined;
    case 'REVENUE_AT_RISK': {
      const days = signal.daysToRenewal;
      // Outside the window (or renewed/cancelled) there is no renewal at stake, whatever the score.
      if (
        signal.contract.status === 'cancelled' ||
        days === null ||
        days < 0 ||
        days > settings.renewalWindowDays
      )
        return null;
      if (signal.downgrade) return 'REVENUE_AT_RISK';
      return signal.churn
        ? bandedKind(FAMILIES.REVENUE_AT_RISK.kinds, current, signal.churn.probability, t)
        : undefined;
    }
    case 'UPSELL': {
      if (!RUNNING_SUBSCRIPTION.has(signal.subscription.status)) return null;
      const usage = usageRatioOf(signal.subscription);
      const expansion = signal.expansion?.probability ?? null;
      if (usage === null && expansion === null) return undefined;
      const clears = (band: Band, value: number | null, held: boolean) =>
        value !== null && value >= (held ? band.exit : band.enter);
      const held = current === 'UPSELL';
      return clears(settings.usageNearLimit, usage, held) || clears(t.UPSELL, expansion, held)
        ? 'UPSELL'
        : null;
    }
    default: {
      const never: never = signal;
      throw new Error(`unknown family ${String((never as { family?: unknown }).family)}`);
    }
  }
}

/** An intent signal at full strength adds this much to an UPSELL's score: it strengthens, never raises alone. */
const INTENT_BOOST = 0.1;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The score a subject's report shows and the facts particular to its subject (the account's own
 * facts come from reportDataOf): the ARR at risk of a contract, the usage of a subscription.
 */
export function signalScore(signal: SubjectSignal): {
  score: ScoreFacts | null;
  values: Record<string, string | number>;
} {
  switch (signal.family) {
    case 'CHURN':
      return { score: signal.churn, values: {} };
    case 'EXPANSION':
      return { score: signal.expansion, values: {} };
    case 'REVENUE_AT_RISK': {
      const c = signal.contract;
      const values: Record<string, string | number> = {
        contractId: c.externalId ?? c.recordId,
        arrAtRisk: c.arr,
        renewalDate: c.renewalDate,
        contractStatus: c.status,
      };
      if (signal.daysToRenewal !== null) values['daysToRenewal'] = signal.daysToRenewal;
      if (signal.downgrade)
        values['downgradeSignal'] = `${signal.downgrade.type} (${signal.downgrade.strength})`;
      // A downgrade signal alone puts the renewal at risk; its strength stands in for a score.
      const score: ScoreFacts | null =
        signal.churn ??
        (signal.downgrade
          ? {
              probability: signal.downgrade.strength / 100,
              modelVersion: null,
              scoredAt: signal.downgrade.detectedAt,
              topFactors: [signal.downgrade.type],
            }
          : null);
      return { score, values };
    }
    case 'UPSELL': {
      const s = signal.subscription;
      const usage = usageRatioOf(s);
      const values: Record<string, string | number> = { product: s.product, subscriptionStatus: s.status };
      if (s.plan) values['plan'] = s.plan;
      if (s.units !== null) values['units'] = s.units;
      if (s.unitLimit !== null) values['unitLimit'] = s.unitLimit;
      if (usage !== null) values['usageRatio'] = round3(usage);
      if (s.mrr !== null) values['subscriptionMrr'] = s.mrr;
      if (signal.intent) values['buyerIntent'] = `${signal.intent.type} (${signal.intent.strength})`;
      const base = Math.max(signal.expansion?.probability ?? 0, Math.min(1, usage ?? 0));
      const boost = signal.intent ? (signal.intent.strength / 100) * INTENT_BOOST : 0;
      return {
        score: {
          probability: round3(Math.min(1, base + boost)),
          modelVersion: signal.expansion?.modelVersion ?? null,
          scoredAt: signal.expansion?.scoredAt ?? signal.intent?.detectedAt ?? '',
          topFactors: signal.expansion?.topFactors ?? [],
        },
        values,
      };
    }
    default: {
      const never: never = signal;
      throw new Error(`unknown family ${String((never as { family?: unknown }).family)}`);
    }
  }
}
