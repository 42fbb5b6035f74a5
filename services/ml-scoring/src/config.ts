import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsNumber, Matches, Max, Min } from 'class-validator';
import { AuthConfig } from '@foresight/auth';

/**
 * ml-scoring's environment; the shared variables (ports, brokers, stores) come from BaseConfig, and
 * identity's addresses, the JWT issuer/audience and REDIS_URL from AuthConfig.
 */
export class MlScoringConfig extends AuthConfig {
  /** Port of `scoring.v1.Scoring` (gRPC), beside the HTTP port. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  GRPC_PORT = 50055;

  /** PostgreSQL schema of the service's event store (one per service; tests use their own). */
  @Matches(/^[a-z_][a-z0-9_]{0,55}$/, { message: 'must be a lower-case PostgreSQL identifier' })
  EVENTSTORE_SCHEMA = 'es_ml_scoring';

  /** Seeds the baseline's demo accounts and its training; another seed is another model version. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  BASELINE_SEED = 7;

  /** Demo accounts generated for the baseline (about 80 % are customers, the training rows). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(50_000)
  BASELINE_ACCOUNTS = 800;

  /**
   * Weeks of usage per generated account. Keep it to ingestion's USAGE_LOOKBACK_DAYS (90 → 13 weekly
   * samples): samples, days active and activity frequency are features, so a model trained on 26-week
   * histories reads every 13-week account as a churner (measured: 158 of 159 over 0.8).
   */
  @Type(() => Number)
  @IsInt()
  @Min(4)
  @Max(104)
  BASELINE_WEEKS = 13;

  /** The demo data's "now": fixed, so every instance and restart trains the same version. */
  @IsISO8601({ strict: true })
  BASELINE_AS_OF = '2025-06-16T09:00:00.000Z';

  /** A score is published again only when its probability moved by more than this. */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  SCORE_MIN_CHANGE = 0.01;
}

export const mlScoringDefaults = { PORT: 3005 };
