import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { AuthConfig } from '@foresight/auth';

const toJson = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

/**
 * identity's environment. The shared variables (ports, brokers, stores) come from BaseConfig, the
 * auth ones (issuer, audience, the longest token lifetime services expect) from AuthConfig: identity
 * guards its own routes with the same guard as every service.
 */
export class IdentityConfig extends AuthConfig {
  /** Bearer credential of the platform operator: creates tenants, suspends them, rotates signing keys. */
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (use a random secret)' })
  IDENTITY_ADMIN_TOKEN!: string;

  /** 32 random bytes, base64: seals JWT signing keys and TOTP secrets at rest (AES-256-GCM). */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 random bytes in base64 (openssl rand -base64 32)' })
  IDENTITY_ENCRYPTION_KEY!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  GRPC_PORT = 50051;

  /** PostgreSQL schema of identity's event store (one per service; tests use their own). */
  @Matches(/^[a-z_][a-z0-9_]{0,55}$/, { message: 'must be a lower-case PostgreSQL identifier' })
  EVENTSTORE_SCHEMA = 'es_identity';

  /** Short, because services verify access tokens offline: a revoked session's token lives at most this long. */
  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 600;

  /**
   * A new signing key is published this long before it signs. At least the 5 s for which guards
   * refuse to reload their JWKS again on an unknown kid (libs/auth), or a fresh token could be refused.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SIGNING_KEY_ACTIVATION_SECONDS = 10;

  /** Absolute lifetime of a sign-in (a refresh-token family), however often it is refreshed. */
  @Type(() => Number)
  @IsInt()
  @Min(300)
  REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_ATTEMPTS = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_MINUTES = 15;

  /** argon2id cost (OWASP's first recommended setting: 19 MiB, 2 passes, 1 lane); see bench/identity. */
  @Type(() => Number)
  @IsInt()
  @Min(8192)
  ARGON2_MEMORY_KIB = 19_456;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  ARGON2_ITERATIONS = 2;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  ARGON2_PARALLELISM = 1;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  INVITATION_TTL_HOURS = 168;

  /**
   * JSON overriding the tier defaults, per tier and field, e.g.
   * `{"free":{"maxApiKeysPerUser":3},"pro":{"rateLimitRpm":1200}}`.
   */
  @IsOptional()
  @Transform(toJson)
  TIER_POLICIES?: Record<string, Record<string, unknown>>;

  /** Keys kept in the verification cache; each entry is one folded key stream. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  API_KEY_CACHE_SIZE = 50_000;

  /** How long callers of VerifyApiKey may cache an answer; revocations reach them sooner through Kafka. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  VERIFY_CACHE_TTL_SECONDS = 60;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  MAX_ROTATION_GRACE_SECONDS = 7 * 24 * 3600;

  /** last-used times are kept in memory and written in one batch this often. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  LAST_USED_FLUSH_MS = 5000;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  ACTIVITY_FLUSH_MS = 1000;

  /** Entries buffered between flushes; beyond it the oldest are dropped (and counted), never the request. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  ACTIVITY_BUFFER_MAX = 20_000;

  /** The activity log keeps at most this many entries per tenant; older ones are pruned. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  ACTIVITY_LOG_MAX_PER_TENANT = 10_000;

  @IsOptional()
  @IsIn(['true', 'false'])
  ACTIVITY_CONSUMER = 'true';
}

export const identityDefaults = { PORT: 3001 };
