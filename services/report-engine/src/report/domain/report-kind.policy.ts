import { DomainError } from '@foresight/domain';
import { REPORT_KINDS, ReportKind, SubjectType } from './report-kind';

/** What a model scored, as ml-scoring publishes it. */
export interface ScoreSignal {
  outcome: 'CHURN' | 'EXPANSION';
  subjectType: SubjectType;
  probability: number;
}

export type ReportThresholds = Readonly<Record<ReportKind, number>>;

/**
 * Starting points until a tenant tunes them: a critical churn report should be rare enough that an
 * owner acts on every one, so it sits well above the model's 0.5 decision threshold.
 */
export const DEFAULT_REPORT_THRESHOLDS: ReportThresholds = {
  CRITICAL_CHURN: 0.8,
  PARTIAL_CHURN: 0.6,
  REVENUE_AT_RISK: 0.6,
  UPSELL: 0.7,
  EXPANSION: 0.7,
};

/** Tenant overrides on top of the defaults, checked once at configuration time. */
export function reportThresholds(overrides: Partial<Record<ReportKind, number>> = {}): ReportThresholds {
  const thresholds = { ...DEFAULT_REPORT_THRESHOLDS, ...overrides };
  for (const kind of REPORT_KINDS) {
    const t = thresholds[kind];
    if (!(t > 0 && t <= 1))
      throw new DomainError(
        'REPORT.INVALID_THRESHOLDS',
        `${kind} threshold must be in (0, 1], got ${t}`,
        'invalid',
        { kind },
      );
  }
  if (thresholds.PARTIAL_CHURN > thresholds.CRITICAL_CHURN)
    throw new DomainError(
      'REPORT.INVALID_THRESHOLDS',
      `PARTIAL_CHURN (${thresholds.PARTIAL_CHURN}) must not exceed CRITICAL_CHURN (${thresholds.CRITICAL_CHURN})`,
      'invalid',
    );
  return thresholds;
}

/**
 * Which report a score calls for, if any (seed 000 lineage): account churn is critical or partial by
 * how high it scores; churn on a contract puts its revenue at risk; churn on one product is a partial
 * churn; expansion on a product is an upsell, on an account or contract an expansion.
 */
export function reportKindFor(
  signal: ScoreSignal,
  thresholds: ReportThresholds = DEFAULT_REPORT_THRESHOLDS,
): ReportKind | null {
  const p = signal.probability;
  if (!(p >= 0 && p <= 1))
    throw new DomainError('REPORT.INVALID_SCORE', `probability must be in [0, 1], got ${p}`, 'invalid', {
      probability: p,
    });
  const crosses = (kind: ReportKind) => (p >= thresholds[kind] ? kind : null);
  if (signal.outcome === 'CHURN') {
    switch (signal.subjectType) {
      case 'account':
        return crosses('CRITICAL_CHURN') ?? crosses('PARTIAL_CHURN');
      case 'contract':
        return crosses('REVENUE_AT_RISK');
      case 'product':
        return crosses('PARTIAL_CHURN');
    }
  }
  return signal.subjectType === 'product' ? crosses('UPSELL') : crosses('EXPANSION');
}
