import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { AuthConfig } from '@foresight/auth';
import { ConfigError } from '@foresight/service-kit';
import { REPORT_KINDS, ReportKind } from './report/domain/report-kind';
import { ReportSettings, settingsProblems, settingsWithEntries } from './report/domain/report-settings';

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

  /**
   * JSON overriding the per-kind entry thresholds of the deployment's default settings, e.g.
   * `{"CRITICAL_CHURN":0.85}` (exit 0.1 below); a tenant's saved settings win over these.
   */
  @IsOptional()
  @Transform(toJson)
  REPORT_THRESHOLDS?: unknown;
}

export const reportEngineDefaults = { PORT: 3003 };

/**
 * The settings of a tenant that saved none. Checked at boot, so a typo stops the service with the
 * kind's name instead of silently using a default.
 */
export function defaultSettingsOf(config: ReportEngineConfig): ReportSettings {
  const raw = config.REPORT_THRESHOLDS;
  if (raw === undefined) return settingsWithEntries({});
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
  const settings = settingsWithEntries(overrides);
  const invalid = settingsProblems(settings);
  if (invalid.length) throw new ConfigError(invalid.map((p) => `REPORT_THRESHOLDS: ${p}`));
  return settings;
}
