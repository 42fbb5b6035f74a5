import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { AuthConfig } from '@foresight/auth';
import { DomainError } from '@foresight/domain';
import { ConfigError } from '@foresight/service-kit';
import { REPORT_KINDS, ReportKind } from './report/domain/report-kind';
import { reportThresholds, ReportThresholds } from './report/domain/report-kind.policy';

const toJson = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

/**
 * report-engine's environment; the shared variables (ports, brokers, stores) come from BaseConfig, and
 * identity's addresses, the JWT issuer/audience and REDIS_URL from AuthConfig.
 */
export class ReportEngineConfig extends AuthConfig {
  /** PostgreSQL schema of the report streams (one per service; tests use their own). */
  @Matches(/^[a-z_][a-z0-9_]{0,55}$/, { message: 'must be a lower-case PostgreSQL identifier' })
  EVENTSTORE_SCHEMA = 'es_report_engine';

  /** JSON overriding the per-kind score thresholds, e.g. `{"CRITICAL_CHURN":0.85,"PARTIAL_CHURN":0.65}`. */
  @IsOptional()
  @Transform(toJson)
  REPORT_THRESHOLDS?: unknown;
}

export const reportEngineDefaults = { PORT: 3003 };

/** Checked at boot, so a typo stops the service with the kind's name instead of silently using a default. */
export function thresholdsOf(config: ReportEngineConfig): ReportThresholds {
  const raw = config.REPORT_THRESHOLDS;
  if (raw === undefined) return reportThresholds();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ConfigError(['REPORT_THRESHOLDS: must be a JSON object keyed by report kind']);
  const problems: string[] = [];
  const overrides: Partial<Record<ReportKind, number>> = {};
  for (const [kind, value] of Object.entries(raw)) {
    if (!(REPORT_KINDS as readonly string[]).includes(kind))
      problems.push(`REPORT_THRESHOLDS.${kind}: unknown kind (expected one of ${REPORT_KINDS.join(', ')})`);
    else if (typeof value !== 'number')
      problems.push(`REPORT_THRESHOLDS.${kind}: must be a number (got ${JSON.stringify(value)})`);
    else overrides[kind as ReportKind] = value;
  }
  if (problems.length) throw new ConfigError(problems);
  try {
    return reportThresholds(overrides);
  } catch (err) {
    if (err instanceof DomainError) throw new ConfigError([`REPORT_THRESHOLDS: ${err.message}`]);
    throw err;
  }
}
