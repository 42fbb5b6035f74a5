import { NextBestAction } from './next-best-actions';
import { categoryOf, ReportKind } from './report-kind';

const LABEL: Readonly<Record<ReportKind, string>> = {
  CRITICAL_CHURN: 'Critical churn risk',
  PARTIAL_CHURN: 'Churn risk',
  REVENUE_AT_RISK: 'Revenue at risk',
  UPSELL: 'Upsell opportunity',
  EXPANSION: 'Expansion opportunity',
};

/** The contract's limits (ReportNotificationRequested): longer text would be dead-lettered downstream. */
export const MESSAGE_LIMITS = { accountName: 200, title: 500, summary: 5000 } as const;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const pct = (p: number) => `${Math.round(p * 100)}%`;

export interface ReportMessage {
  accountName: string;
  title: string;
  summary: string;
}

/** What the owner reads in the notification: which account, how sure the model is, what to do first. */
export function reportMessage(input: {
  kind: ReportKind;
  accountName: string;
  score: number;
  modelVersion: string | null;
  topFactors: readonly string[];
  nextBestActions: readonly NextBestAction[];
}): ReportMessage {
  const accountName = clip(input.accountName, MESSAGE_LIMITS.accountName);
  const outcome = categoryOf(input.kind) === 'risk' ? 'churn' : 'expansion';
  const title = `${LABEL[input.kind]}: ${accountName} (${pct(input.score)} ${outcome} probability)`;
  const lines = [
    `${accountName} scores ${pct(input.score)} for ${outcome}${input.modelVersion ? ` (model ${input.modelVersion})` : ''}.`,
  ];
  if (input.topFactors.length) lines.push(`Main factors: ${input.topFactors.join(', ')}.`);
  if (input.nextBestActions.length) {
    lines.push('Next best actions:');
    input.nextBestActions.forEach((a, i) =>
      lines.push(`${i + 1}. ${a.title}${a.why.length ? ` (${a.why.join('; ')})` : ''}`),
    );
  }
  return {
    accountName,
    title: clip(title, MESSAGE_LIMITS.title),
    summary: clip(lines.join('\n'), MESSAGE_LIMITS.summary),
  };
}
