import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { BaseConfig } from '@foresight/service-kit';
import type { AuthOptions } from '../auth.options';

/** The variables every service reads for auth; services' config classes extend this one. */
export class AuthConfig extends BaseConfig {
  @Matches(/^[^\s:/]+:\d{1,5}$/, { message: 'must be host:port of identity gRPC' })
  IDENTITY_GRPC_URL = '127.0.0.1:50051';

  @Matches(/^https?:\/\/.+/, { message: 'must be an http(s) URL' })
  IDENTITY_JWKS_URL = 'http://127.0.0.1:3001/.well-known/jwks.json';

  @IsString()
  JWT_ISSUER = 'foresight-identity';

  @IsString()
  JWT_AUDIENCE = 'foresight';

  /** Longest access-token lifetime identity issues (see AuthOptions.maxTokenTtlSeconds). */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  ACCESS_TOKEN_MAX_TTL_SECONDS = 3600;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL?: string;
}

export function authOptionsFrom(
  config: AuthConfig,
  serviceName: string,
  overrides: Partial<AuthOptions> = {},
): AuthOptions {
  return {
    serviceName,
    identityGrpcUrl: config.IDENTITY_GRPC_URL,
    jwksUrl: config.IDENTITY_JWKS_URL,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    kafkaBrokers: config.KAFKA_BROKERS,
    redisUrl: config.REDIS_URL,
    maxTokenTtlSeconds: config.ACCESS_TOKEN_MAX_TTL_SECONDS,
    ...overrides,
  };
}
