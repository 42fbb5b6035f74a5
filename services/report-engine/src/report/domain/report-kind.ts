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
