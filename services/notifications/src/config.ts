import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { AuthConfig } from '@foresight/auth';
import { RetryPolicy } from './notification/domain/retry.policy';

/**
 * notifications's environment; the shared variables (ports, brokers, stores) come from BaseConfig, and
 * identity's addresses, the JWT issuer/audience and REDIS_URL from AuthConfig.
 */
export class NotificationsConfig extends AuthConfig {
  /** PostgreSQL schema of the notification streams (one per service; tests use their own). */
  @Matches(/^[a-z_][a-z0-9_]{0,55}$/, { message: 'must be a lower-case PostgreSQL identifier' })
  EVENTSTORE_SCHEMA = 'es_notifications';

  /** Attempts per notification before it is dead-lettered. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  NOTIFY_MAX_ATTEMPTS = 5;

  /** Wait after the first failed attempt; each further wait is FACTOR times longer, capped at MAX. */
  @Type(() => Number)
  @IsNumber()
  @Min(0.05)
  NOTIFY_RETRY_BASE_SECONDS = 30;

  @Type(() => Number)
  @IsNumber()
  @Min(1)
  NOTIFY_RETRY_FACTOR = 4;

  @Type(() => Number)
  @IsNumber()
  @Min(0.05)
  NOTIFY_RETRY_MAX_SECONDS = 3600;

  /** A webhook call that has not answered by then failed (and is retried). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 5000;

  /** How often the dispatcher looks for notifications due (new, or due for a retry). */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  NOTIFY_POLL_MS = 1000;

  /**
   * A dispatched attempt with no recorded outcome this long after its timeout means the dispatcher
   * died mid-call: the attempt is recorded as failed and retried (the receiver dedupes by delivery id).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  NOTIFY_OUTCOME_GRACE_MS = 30_000;

  /** 32 random bytes, base64: seals the webhook signing secrets at rest (AES-256-GCM). Unset: stored as given. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 random bytes in base64 (openssl rand -base64 32)' })
  NOTIFICATIONS_ENCRYPTION_KEY?: string;
}

export const notificationsDefaults = { PORT: 3004 };

export function retryPolicyOf(config: NotificationsConfig): RetryPolicy {
  return {
    maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
    baseDelaySeconds: config.NOTIFY_RETRY_BASE_SECONDS,
    factor: config.NOTIFY_RETRY_FACTOR,
    maxDelaySeconds: config.NOTIFY_RETRY_MAX_SECONDS,
  };
}
