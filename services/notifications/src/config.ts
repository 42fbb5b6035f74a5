import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
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

  /** The e-mail channel exists only when a primary SMTP server is configured. */
  @IsOptional()
  @IsString()
  SMTP_HOST?: string;
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65_535)
  SMTP_PORT = 587;
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  SMTP_SECURE = false;
  @IsOptional()
  @IsString()
  SMTP_USER?: string;
  @IsOptional()
  @IsString()
  SMTP_PASS?: string;
  /** Sender address of every e-mail. */
  @IsEmail()
  SMTP_FROM = 'notifications@foresight.local';
  /** Optional second provider, tried in the same attempt when the primary fails (failover). */
  @IsOptional()
  @IsString()
  SMTP_SECONDARY_HOST?: string;
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65_535)
  SMTP_SECONDARY_PORT = 587;
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  SMTP_SECONDARY_SECURE = false;
  @IsOptional()
  @IsString()
  SMTP_SECONDARY_USER?: string;
  @IsOptional()
  @IsString()
  SMTP_SECONDARY_PASS?: string;
  /** Per SMTP server and attempt: connect, greeting and the whole conversation. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  SMTP_TIMEOUT_MS = 10_000;

  /**
   * Request an in-app notification for every report (the inbox). Off by default so that deployments
   * relying on today's requests (the demo, the e2e slice) see no change until they switch it on.
   */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  NOTIFY_IN_APP = false;

  /** How often an open inbox stream looks for new items. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(60_000)
  INBOX_STREAM_POLL_MS = 500;
  /** Each SSE stream is ended after this long (clients reconnect with Last-Event-ID); bounds idle sockets. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  INBOX_STREAM_MAX_SECONDS = 300;
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

export interface SmtpServerSettings {
  /** How the stream names it: "primary" or "secondary". */
  name: 'primary' | 'secondary';
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
}

export interface SmtpSettings {
  from: string;
  timeoutMs: number;
  /** Tried in order within one attempt; empty when e-mail is not configured. */
  servers: SmtpServerSettings[];
}

export function smtpSettingsOf(config: NotificationsConfig): SmtpSettings {
  const servers: SmtpServerSettings[] = [];
  const auth = (user?: string, pass?: string) => (user ? { auth: { user, pass: pass ?? '' } } : {});
  if (config.SMTP_HOST) {
    servers.push({
      name: 'primary',
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      ...auth(config.SMTP_USER, config.SMTP_PASS),
    });
    if (config.SMTP_SECONDARY_HOST)
      servers.push({
        name: 'secondary',
        host: config.SMTP_SECONDARY_HOST,
        port: config.SMTP_SECONDARY_PORT,
        secure: config.SMTP_SECONDARY_SECURE,
        ...auth(config.SMTP_SECONDARY_USER, config.SMTP_SECONDARY_PASS),
      });
  }
  return { from: config.SMTP_FROM, timeoutMs: config.SMTP_TIMEOUT_MS, servers };
}
