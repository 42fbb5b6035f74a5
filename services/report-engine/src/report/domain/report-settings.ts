import { REPORT_KINDS, ReportKind } from './report-kind';

/**
 * A kind's score band with hysteresis: a report opens at `enter` or above and stays open until the
 * score falls below `exit`, so a score wobbling around one number does not open and close it in turn.
 */
export interface Band {
  enter: number;
  exit: number;
}

/** What a tenant tunes about its reports (settings stream `settings-<tenantId>`). */
export interface ReportSettings {
  thresholds: Readonly<Record<ReportKind, Band>>;
  /** REVENUE_AT_RISK: a contract whose renewal falls within this many days is in play. */
  renewalWindowDays: number;
  /** UPSELL: a subscription using `units / unitLimit` at or above `enter` is near its plan's limit. */
  usageNearLimit: Band;
  /** Days a report may stay open before the audit expires it (TTL), per kind. */
  ttlDays: Readonly<Record<ReportKind, number>>;
}

/**
 * Starting points until a tenant tunes them: a critical churn report should be rare enough that an
 * owner acts on every one, so it sits well above the model's 0.5 decision threshold; exits sit 0.1
 * below entries, about the week-to-week noise of a stable account's score.
 */
export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  thresholds: {
    CRITICAL_CHURN: { enter: 0.8, exit: 0.7 },
    PARTIAL_CHURN: { enter: 0.6, exit: 0.5 },
    REVENUE_AT_RISK: { enter: 0.6, exit: 0.5 },
    UPSELL: { enter: 0.7, exit: 0.6 },
    EXPANSION: { enter: 0.7, exit: 0.6 },
  },
  renewalWindowDays: 90,
  usageNearLimit: { enter: 0.9, exit: 0.8 },
  // A quarter for risk (a renewal cycle's worth of attention), a month and a half for opportunities.
  ttlDays: { CRITICAL_CHURN: 90, PARTIAL_CHURN: 90, REVENUE_AT_RISK: 120, UPSELL: 45, EXPANSION: 45 },
};

/** The defaults with each kind's entry threshold overridden (REPORT_THRESHOLDS), exits kept 0.1 below. */
export function settingsWithEntries(entries: Partial<Record<ReportKind, number>>): ReportSettings {
  const thresholds = { ...DEFAULT_REPORT_SETTINGS.thresholds };
  for (const [kind, enter] of Object.entries(entries) as [ReportKind, number][])
    thresholds[kind] = { enter, exit: Math.max(0, Math.round((enter - 0.1) * 1000) / 1000) };
  return { ...DEFAULT_REPORT_SETTINGS, thresholds };
}

/** Problems named by field path (`thresholds.UPSELL.exit: …`); empty when the settings hold together. */
export function settingsProblems(s: ReportSettings): string[] {
  const problems: string[] = [];
  const band = (path: string, b: Band | undefined, lowestEnter: number) => {
    if (!b || typeof b !== 'object') return problems.push(`${path}: is required`);
    if (!(typeof b.enter === 'number' && b.enter > lowestEnter && b.enter <= 1))
      problems.push(`${path}.enter: must be a number in (${lowestEnter}, 1]`);
    else if (!(typeof b.exit === 'number' && b.exit >= 0 && b.exit < b.enter))
      problems.push(`${path}.exit: must be a number ≥ 0 and below enter (${b.enter}), the hysteresis`);
    return problems.length;
  };
  for (const kind of REPORT_KINDS) band(`thresholds.${kind}`, s.thresholds?.[kind], 0);
  const t = s.thresholds;
  if (
    t?.PARTIAL_CHURN &&
    t.CRITICAL_CHURN &&
    typeof t.PARTIAL_CHURN.enter === 'number' &&
    t.PARTIAL_CHURN.enter > t.CRITICAL_CHURN.enter
  )
    problems.push(
      `thresholds.PARTIAL_CHURN.enter: must not exceed thresholds.CRITICAL_CHURN.enter (${t.CRITICAL_CHURN.enter})`,
    );
  if (!(Number.isInteger(s.renewalWindowDays) && s.renewalWindowDays >= 1 && s.renewalWindowDays <= 730))
    problems.push('renewalWindowDays: must be a whole number of days in [1, 730]');
  band('usageNearLimit', s.usageNearLimit, 0);
  for (const kind of REPORT_KINDS) {
    const days = s.ttlDays?.[kind];
    if (!(Number.isInteger(days) && days >= 1 && days <= 3650))
      problems.push(`ttlDays.${kind}: must be a whole number of days in [1, 3650]`);
  }
  return problems;
}
