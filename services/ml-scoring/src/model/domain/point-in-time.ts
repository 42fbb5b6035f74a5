import {
  AccountFeatures,
  AccountFirmographics,
  aggregateUsage,
  USAGE_METRICS,
  UsageSample,
} from '@foresight/contracts';
import type { AccountHistory, AccountVersion, EventPosition } from '../../history/domain/account-history';

export type Outcome = 'CHURN' | 'CONVERSION' | 'EXPANSION';
export const OUTCOMES = ['CHURN', 'CONVERSION', 'EXPANSION'] as const satisfies readonly Outcome[];

/** Same shape as the training pipeline's FeatureValue: categorical fields stay strings, its encoders read them. */
export type FeatureValue = number | string | null;
export type FeatureValues = Record<string, FeatureValue>;

const DAY_MS = 86_400_000;
const STATS = ['sum', 'mean', 'max', 'std'] as const;

/** What a feature row was computed from: the latest record version and usage row before the cut-off. */
export interface FeatureInputs {
  features: FeatureValues;
  /** Newest input of each kind that was read, for lineage; absent kinds are omitted. */
  positions: { record?: EventPosition; usage?: EventPosition };
}

/**
 * The account's features as of `cutoff`, computed ONLY from record versions and usage rows strictly
 * before it: the same function builds training rows (at past cut-offs) and serving rows (at "now"),
 * so there is no training/serving skew and no way for a later event to leak into a past row.
 * Revenue (ARR/MRR) and lifecycle are labels' raw material, never features: a prospect has no ARR,
 * so ARR would only tell the model who already converted.
 */
export function featuresAsOf(history: AccountHistory, cutoff: string, lookbackDays: number): FeatureInputs {
  const t = Date.parse(cutoff);
  const version = latestBefore(history.versions, t);
  const rows = history.usage.filter((u) => Date.parse(u.at) < t);
  const samples: UsageSample[] = rows.map((u) => ({ at: u.at, actions: u.actions, users: u.users }));
  const f = aggregateUsage(history.accountId, samples, { asOf: new Date(t - 1), lookbackDays });
  const features = featureValuesOf(f, {
    employeeRange: version?.employeeRange ?? null,
    industry: version?.industry ?? null,
    webRank: version?.webRank ?? null,
  });
  const lastRow = rows[rows.length - 1];
  return {
    features,
    positions: {
      ...(version ? { record: version.position } : {}),
      ...(lastRow ? { usage: lastRow.position } : {}),
    },
  };
}

/**
 * Usage aggregates and firmographics → the named values tenant models read. One mapping for
 * training rows, reactive scores and /v1/predict bodies (which carry the same AccountFeatures).
 */
export function featureValuesOf(
  f: AccountFeatures,
  firm: Pick<AccountFirmographics, 'employeeRange' | 'industry' | 'webRank'> | null | undefined,
): FeatureValues {
  const features: FeatureValues = {
    samples: f.samples,
    totalActions: f.totalActions,
    totalUsers: f.totalUsers,
    activeUsers: f.activeUsers,
    actionsPerUser: f.actionsPerUser,
    daysActive: f.daysActive,
    activityFrequency: f.activityFrequency,
    actionsTrend: f.actionsTrend,
    employeeRange: firm?.employeeRange ?? null,
    industry: firm?.industry ?? null,
    webRank: firm?.webRank ?? null,
  };
  for (const m of USAGE_METRICS)
    for (const s of STATS) {
      features[`actions_${m}_${s}`] = f.actions[m][s];
      features[`users_${m}_${s}`] = f.users[m][s];
    }
  return features;
}

function latestBefore(versions: readonly AccountVersion[], t: number): AccountVersion | undefined {
  let found: AccountVersion | undefined;
  for (const v of versions) if (Date.parse(v.at) < t) found = v;
  return found && !found.gone ? found : undefined;
}

/** A label with the cut-off it was placed at and the evidence for it. */
export interface Labelled {
  accountId: string;
  cutoff: string;
  label: 0 | 1;
  /** The fact (or record field) that made it positive; null for a negative. */
  evidence: string | null;
}

/**
 * Where labels come from. Today: ingestion's outcome facts and record versions
 * (`outcomeFactLabels`); the report engine's outcome ledger can be added as another source.
 */
export interface LabelSource {
  readonly name: string;
  /** Samples (cut-off + label) for every eligible account; accounts not eligible are left out. */
  label(histories: readonly AccountHistory[], request: TrainingSetRequest): Labelled[];
}

export interface TrainingSetRequest {
  outcome: Outcome;
  /** Label window after each cut-off, in days (HubSpot's likelihood-to-close window is 90). */
  horizonDays: number;
  /** The usage window the features aggregate, in days. */
  lookbackDays: number;
  /** The moment the set is built: no label window may extend past it. */
  asOf: string;
}

const latestCloseDate = (h: AccountHistory): string | null => {
  for (let i = h.versions.length - 1; i >= 0; i--) {
    const v = h.versions[i];
    if (v && !v.gone && v.closeDate) return v.closeDate;
  }
  return null;
};
const currentLifecycle = (h: AccountHistory) => {
  const v = h.versions[h.versions.length - 1];
  return v && !v.gone ? v.lifecycle : null;
};
const inWindow = (at: string, from: number, to: number) => {
  const t = Date.parse(at);
  return t > from && t <= to;
};

/** A per-account number in [0, 1) from its id: deterministic, independent of storage order. */
function unitHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 2 ** 32;
}

/**
 * Labels from ingestion's outcome facts and the account record:
 * - CONVERSION: a customer is cut at its close date (label 1: it converted right then); a prospect at
 *   a close date of a customer picked by a hash of its id, so both classes' cut-offs spread over the
 *   same dates and the model cannot learn "when" instead of "how they used the product"; its label is
 *   1 only if a `converted` fact falls within the horizon.
 * - CHURN: each account that was a customer before asOf − horizon is cut there (so its whole label
 *   window is observed); 1 when `contract_ended` or `lifecycle_left_customer` falls in the window.
 * - EXPANSION: the same customers and cut-off; 1 on `arr_changed` upwards, `subscription_added` or
 *   `subscription_upgraded` in the window.
 */
export const outcomeFactLabels: LabelSource = {
  name: 'ingestion-outcome-facts',
  label(histories, request) {
    const asOf = Date.parse(request.asOf);
    const horizon = request.horizonDays * DAY_MS;
    switch (request.outcome) {
      case 'CONVERSION': {
        const closeDates = histories
          .filter((h) => currentLifecycle(h) === 'customer')
          .map(latestCloseDate)
          .filter((d): d is string => d !== null && Date.parse(d) <= asOf)
          .sort();
        const out: Labelled[] = [];
        for (const h of histories) {
          const lifecycle = currentLifecycle(h);
          const close = latestCloseDate(h);
          if (lifecycle === 'customer' && close && Date.parse(close) <= asOf) {
            out.push({
              accountId: h.accountId,
              cutoff: iso(close),
              label: 1,
              evidence: `closeDate ${close}`,
            });
          } else if (lifecycle === 'prospect') {
            const picked = closeDates[Math.floor(unitHash(h.accountId) * closeDates.length)];
            const cutoff = picked ? Date.parse(picked) : asOf - horizon;
            const converted = h.facts.find(
              (f) => f.fact === 'converted' && inWindow(f.effectiveAt, cutoff, cutoff + horizon),
            );
            out.push({
              accountId: h.accountId,
              cutoff: new Date(cutoff).toISOString(),
              label: converted ? 1 : 0,
              evidence: converted ? `converted ${converted.effectiveAt}` : null,
            });
          }
        }
        return out;
      }
      case 'CHURN':
      case 'EXPANSION': {
        const outcome = request.outcome;
        const cutoff = asOf - horizon;
        const out: Labelled[] = [];
        for (const h of histories) {
          if (!wasCustomerBefore(h, cutoff)) continue;
          const hit = h.facts.find((f) => inWindow(f.effectiveAt, cutoff, asOf) && positiveFact(outcome, f));
          out.push({
            accountId: h.accountId,
            cutoff: new Date(cutoff).toISOString(),
            label: hit ? 1 : 0,
            evidence: hit ? `${hit.fact} ${hit.effectiveAt}` : null,
          });
        }
        return out;
      }
      default:
        return assertOutcome(request.outcome);
    }
  },
};

function positiveFact(outcome: 'CHURN' | 'EXPANSION', f: AccountHistory['facts'][number]): boolean {
  if (outcome === 'CHURN') return f.fact === 'contract_ended' || f.fact === 'lifecycle_left_customer';
  if (f.fact === 'subscription_added' || f.fact === 'subscription_upgraded') return true;
  return f.fact === 'arr_changed' && (f.amountAfter ?? 0) > (f.amountBefore ?? 0);
}

/** Customer by the cut-off: closed before it (or converted before it), and not already gone. */
function wasCustomerBefore(h: AccountHistory, cutoff: number): boolean {
  const close = latestCloseDate(h);
  const converted = h.facts.some((f) => f.fact === 'converted' && Date.parse(f.effectiveAt) < cutoff);
  const customer =
    (close !== null && Date.parse(close) < cutoff) ||
    converted ||
    h.versions.some((v) => Date.parse(v.at) < cutoff && v.lifecycle === 'customer');
  if (!customer) return false;
  const left = h.facts.some(
    (f) =>
      (f.fact === 'lifecycle_left_customer' || f.fact === 'contract_ended') &&
      Date.parse(f.effectiveAt) <= cutoff,
  );
  return !left;
}

function assertOutcome(outcome: never): never {
  throw new Error(`unknown outcome ${String(outcome)}`);
}

const iso = (d: string) => new Date(d).toISOString();

export interface PointInTimeSample {
  id: string;
  features: Readonly<Record<string, FeatureValue>>;
  label: 0 | 1;
}

/** What a model was trained on, enough to rebuild the same set from the same history. */
export interface TrainingSetDescription {
  source: 'tenant-history';
  labelSource: string;
  outcome: Outcome;
  asOf: string;
  horizonDays: number;
  lookbackDays: number;
  accounts: number;
  rows: number;
  positives: number;
  /** Earliest and latest cut-off. */
  cutoffs: { first: string | null; last: string | null };
}

export interface TrainingSet {
  samples: PointInTimeSample[];
  description: TrainingSetDescription;
}

/** Point-in-time training set: labels from the source, features strictly before each cut-off. */
export function buildTrainingSet(
  histories: readonly AccountHistory[],
  request: TrainingSetRequest,
  labels: LabelSource = outcomeFactLabels,
): TrainingSet {
  const byId = new Map(histories.map((h) => [h.accountId, h]));
  const labelled = labels
    .label(histories, request)
    .filter((l) => byId.has(l.accountId))
    .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  const samples = labelled.map((l) => ({
    id: l.accountId,
    label: l.label,
    features: featuresAsOf(byId.get(l.accountId) as AccountHistory, l.cutoff, request.lookbackDays).features,
  }));
  const cutoffs = labelled.map((l) => l.cutoff).sort();
  return {
    samples,
    description: {
      source: 'tenant-history',
      labelSource: labels.name,
      outcome: request.outcome,
      asOf: request.asOf,
      horizonDays: request.horizonDays,
      lookbackDays: request.lookbackDays,
      accounts: histories.length,
      rows: samples.length,
      positives: samples.filter((s) => s.label === 1).length,
      cutoffs: { first: cutoffs[0] ?? null, last: cutoffs[cutoffs.length - 1] ?? null },
    },
  };
}
