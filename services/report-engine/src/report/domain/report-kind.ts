/** Risk reports ("Apple" in the seeds) and opportunity reports ("Broccoli"). */
export const RISK_KINDS = ['CRITICAL_CHURN', 'PARTIAL_CHURN', 'REVENUE_AT_RISK'] as const;
export const OPPORTUNITY_KINDS = ['UPSELL', 'EXPANSION'] as const;
export const REPORT_KINDS = [...RISK_KINDS, ...OPPORTUNITY_KINDS] as const;

export type RiskKind = (typeof RISK_KINDS)[number];
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];
export type ReportKind = RiskKind | OpportunityKind;
export type ReportCategory = 'risk' | 'opportunity';

export function categoryOf(kind: ReportKind): ReportCategory {
  return (RISK_KINDS as readonly string[]).includes(kind) ? 'risk' : 'opportunity';
}

export type SubjectType = 'account' | 'contract' | 'product';

/**
 * Kinds that describe one story about one subject: an account holds at most one open churn report,
 * critical or partial, and a score moving between the bands changes its kind (escalation) instead of
 * opening a second one. Every other kind is a family of its own.
 */
export const REPORT_FAMILIES = ['CHURN', 'REVENUE_AT_RISK', 'UPSELL', 'EXPANSION'] as const;
export type ReportFamily = (typeof REPORT_FAMILIES)[number];

/** Each family's kinds, least severe first; its subject (seed 000 lineage: risk on account/contract, upsell on product). */
export const FAMILIES: Readonly<
  Record<ReportFamily, { kinds: readonly ReportKind[]; subject: SubjectType }>
> = {
  CHURN: { kinds: ['PARTIAL_CHURN', 'CRITICAL_CHURN'], subject: 'account' },
  REVENUE_AT_RISK: { kinds: ['REVENUE_AT_RISK'], subject: 'contract' },
  UPSELL: { kinds: ['UPSELL'], subject: 'product' },
  EXPANSION: { kinds: ['EXPANSION'], subject: 'account' },
};

export function familyOf(kind: ReportKind): ReportFamily {
  switch (kind) {
    case 'CRITICAL_CHURN':
    case 'PARTIAL_CHURN':
      return 'CHURN';
    case 'REVENUE_AT_RISK':
    case 'UPSELL':
    case 'EXPANSION':
      return kind;
    default: {
      const never: never = kind;
      throw new Error(`unknown report kind ${String(never)}`);
    }
  }
}

/** Position of a kind within its family, so a change of kind can be told an escalation or not. */
export function severityOf(kind: ReportKind): number {
  return FAMILIES[familyOf(kind)].kinds.indexOf(kind);
}

export interface ReportSubject {
  type: SubjectType;
  id: string;
  /** The account the contract or product belongs to (its own id for an account), for owner queries. */
  accountId: string;
}

/** The owner's answer: "acknowledge & action", still working on it, "acknowledge, no action", "disagree". */
export const FEEDBACK_VERDICTS = ['ACCEPTED', 'IN_PROGRESS', 'NO_ACTION', 'DISMISSED'] as const;
export type FeedbackVerdict = (typeof FEEDBACK_VERDICTS)[number];

/**
 * What the report says at one moment: the score that raised it and the account facts shown with it.
 * Kept twice on a report: the latest, and a copy frozen when the owner was notified, so the portal
 * can show "what you were told" next to "what is true now".
 */
export interface ReportData {
  score: number;
  modelVersion: string | null;
  /** When the source computed these values (ISO-8601). */
  asOf: string;
  values: Readonly<Record<string, string | number | boolean | null>>;
}
