import { DomainError } from '@foresight/domain';
import { reportKindFor, reportThresholds } from './report-kind.policy';

describe('reportKindFor', () => {
  it('raises CRITICAL_CHURN for an account scored at or above 0.8, PARTIAL_CHURN from 0.6', () => {
    expect(reportKindFor({ outcome: 'CHURN', subjectType: 'account', probability: 0.93 })).toBe(
      'CRITICAL_CHURN',
    );
    expect(reportKindFor({ outcome: 'CHURN', subjectType: 'account', probability: 0.8 })).toBe(
      'CRITICAL_CHURN',
    );
    expect(reportKindFor({ outcome: 'CHURN', subjectType: 'account', probability: 0.65 })).toBe(
      'PARTIAL_CHURN',
    );
    expect(reportKindFor({ outcome: 'CHURN', subjectType: 'account', probability: 0.59 })).toBeNull();
  });

  it('maps contract churn to REVENUE_AT_RISK and product expansion to UPSELL', () => {
    expect(reportKindFor({ outcome: 'CHURN', subjectType: 'contract', probability: 0.9 })).toBe(
      'REVENUE_AT_RISK',
    );
    expect(reportKindFor({ outcome: 'CHURN', subjectType: 'product', probability: 0.9 })).toBe(
      'PARTIAL_CHURN',
    );
    expect(reportKindFor({ outcome: 'EXPANSION', subjectType: 'product', probability: 0.75 })).toBe('UPSELL');
    expect(reportKindFor({ outcome: 'EXPANSION', subjectType: 'account', probability: 0.75 })).toBe(
      'EXPANSION',
    );
    expect(reportKindFor({ outcome: 'EXPANSION', subjectType: 'account', probability: 0.5 })).toBeNull();
  });

  it('follows a tenant’s own thresholds', () => {
    const strict = reportThresholds({ CRITICAL_CHURN: 0.95, PARTIAL_CHURN: 0.9 });
    expect(reportKindFor({ outcome: 'CHURN', subjectType: 'account', probability: 0.93 }, strict)).toBe(
      'PARTIAL_CHURN',
    );
  });

  it('refuses a probability outside [0, 1]', () => {
    expect(() => reportKindFor({ outcome: 'CHURN', subjectType: 'account', probability: 1.2 })).toThrow(
      expect.objectContaining({ code: 'REPORT.INVALID_SCORE' }),
    );
  });
});

describe('reportThresholds', () => {
  it('refuses thresholds outside (0, 1] and a partial threshold above the critical one', () => {
    expect(() => reportThresholds({ UPSELL: 0 })).toThrow(DomainError);
    expect(() => reportThresholds({ PARTIAL_CHURN: 0.9, CRITICAL_CHURN: 0.8 })).toThrow(
      expect.objectContaining({ code: 'REPORT.INVALID_THRESHOLDS' }),
    );
  });
});
