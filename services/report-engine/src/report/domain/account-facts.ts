import { AccountSignals } from './next-best-actions';
import { ReportData } from './report-kind';

/** What report-engine knows about an account, from the records, features and signals it follows. */
export interface AccountFacts {
  accountId: string;
  name: string | null;
  /** Lower-cased; reports go to this owner and `owner=me` matches on it. */
  ownerEmail: string | null;
  /** Removed upstream (Source_Removed) or unresolvable: no new report is raised about it. */
  gone: 'removed' | 'unresolvable' | null;
  lifecycle: string | null;
  industry: string | null;
  employeeRange: string | null;
  arr: number | null;
  mrr: number | null;
  contracts: readonly ContractFacts[];
  /** Product subscriptions (UPSELL's subjects). */
  subscriptions: readonly SubscriptionFacts[];
  /** The latest buyer-intent signal of each type. */
  intents: readonly IntentFacts[];
  /** The latest model output per outcome. */
  scores: { churn: ScoreFacts | null; expansion: ScoreFacts | null };
  usage: { activeUsers: number; actionsTrend: number; weakestArea: string | null } | null;
  voc: { rollingSentiment: number; latestNps: number | null; negativeCount: number } | null;
}

export interface ContractFacts {
  recordId: string;
  externalId: string | null;
  arr: number;
  renewalDate: string;
  /** active | pending_renewal | cancelled */
  status: string;
}

export interface SubscriptionFacts {
  recordId: string;
  product: string;
  plan: string | null;
  units: number | null;
  unitLimit: number | null;
  /** active | trialing | past_due | cancelled */
  status: string;
  mrr: number | null;
}

export interface IntentFacts {
  type: string;
  /** 0–100 */
  strength: number;
  detectedAt: string;
}

/** The model output a report is about. */
export interface ScoreFacts {
  probability: number;
  modelVersion: string | null;
  /** When the model scored the account. */
  scoredAt: string;
  /** Features that pushed the score up most, strongest first. */
  topFactors: readonly string[];
}

const DAY_MS = 86_400_000;

/** Whole days from `asOf` to `date`, rounded up; negative once it has passed. */
export function daysUntil(date: string, asOf: string): number | null {
  const to = Date.parse(date);
  const from = Date.parse(asOf);
  return Number.isFinite(to) && Number.isFinite(from) ? Math.ceil((to - from) / DAY_MS) : null;
}

/** Days from `asOf` to the nearest renewal of a contract still running; null when none is ahead. */
export function daysToRenewal(facts: AccountFacts, asOf: string): number | null {
  const from = Date.parse(asOf);
  const ahead = facts.contracts
    .filter((c) => c.status !== 'cancelled')
    .map((c) => Date.parse(c.renewalDate))
    .filter((at) => Number.isFinite(at) && at >= from);
  return ahead.length ? Math.ceil((Math.min(...ahead) - from) / DAY_MS) : null;
}

function contractArr(facts: AccountFacts): number | null {
  const running = facts.contracts.filter((c) => c.status !== 'cancelled');
  return running.length ? running.reduce((sum, c) => sum + c.arr, 0) : null;
}

/**
 * The report's data at one moment: the score and the account facts an owner checks it against.
 * Flat primitives only, so "latest" and "notified-at" can be shown side by side field by field;
 * unknown facts are left out rather than shown as empty.
 */
export function reportDataOf(score: ScoreFacts, facts: AccountFacts | null, asOf: string): ReportData {
  const values: Record<string, string | number | boolean | null> = {};
  const put = (key: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined) values[key] = value;
  };
  put('accountName', facts?.name);
  put('ownerEmail', facts?.ownerEmail);
  put('lifecycle', facts?.lifecycle);
  put('industry', facts?.industry);
  put('employeeRange', facts?.employeeRange);
  put('arr', facts?.arr);
  put('mrr', facts?.mrr);
  if (facts) {
    put('contractArr', contractArr(facts));
    put('daysToRenewal', daysToRenewal(facts, asOf));
  }
  put('activeUsers', facts?.usage?.activeUsers);
  put('usageTrend', facts?.usage ? Math.round(facts.usage.actionsTrend * 1000) / 1000 : null);
  put('weakestArea', facts?.usage?.weakestArea);
  put('sentiment', facts?.voc ? Math.round(facts.voc.rollingSentiment * 1000) / 1000 : null);
  put('latestNps', facts?.voc?.latestNps);
  put('negativeFeedback', facts?.voc?.negativeCount);
  put('topFactors', score.topFactors.length ? score.topFactors.join(', ') : null);
  return { score: score.probability, modelVersion: score.modelVersion, asOf, values };
}

/** The score a report's data was built from, so new account facts can be laid under the same score. */
export function scoreOf(data: ReportData): ScoreFacts {
  const factors = data.values['topFactors'];
  return {
    probability: data.score,
    modelVersion: data.modelVersion,
    scoredAt: data.asOf,
    topFactors: typeof factors === 'string' && factors ? factors.split(', ') : [],
  };
}

/** Whether two data sets say the same thing, whenever they were taken. */
export function sameFacts(a: ReportData, b: ReportData): boolean {
  const keys = new Set([...Object.keys(a.values), ...Object.keys(b.values)]);
  return (
    a.score === b.score &&
    a.modelVersion === b.modelVersion &&
    [...keys].every((k) => a.values[k] === b.values[k])
  );
}

/** The account's signals in the terms the next-best-action playbooks rank on. */
export function accountSignalsOf(facts: AccountFacts | null, asOf: string): AccountSignals {
  if (!facts) return {};
  const renewal = daysToRenewal(facts, asOf);
  const arr = contractArr(facts) ?? facts.arr;
  return {
    ...(facts.name ? { accountName: facts.name } : {}),
    ...(facts.usage
      ? {
          usageTrend: facts.usage.actionsTrend,
          activeUsers: facts.usage.activeUsers,
          ...(facts.usage.weakestArea ? { weakestArea: facts.usage.weakestArea } : {}),
        }
      : {}),
    ...(facts.voc
      ? {
          sentiment: facts.voc.rollingSentiment,
          ...(facts.voc.latestNps !== null ? { latestNps: facts.voc.latestNps } : {}),
        }
      : {}),
    ...(renewal !== null ? { daysToRenewal: renewal } : {}),
    ...(arr !== null ? { arr } : {}),
  };
}
