export { AuthModule, AuthRuntime, IDENTITY_ACCESS } from './auth.module';
export { AUTH_OPTIONS, resolveAuthOptions } from './auth.options';
export type { AuthOptions, ResolvedAuthOptions } from './auth.options';
export { AuthConfig, authOptionsFrom } from './config/auth.config';
export { AuthError } from './auth.errors';
export type { AuthErrorCode, AuthStatus } from './auth.errors';
export {
  Public,
  RequirePermissions,
  CurrentPrincipal,
  principalOf,
  IS_PUBLIC,
  REQUIRED_PERMISSIONS,
} from './guard/auth.decorators';
export { ApiCredentials } from './guard/api-credentials.decorator';
export { AuthGuard, RATE_LIMITER } from './guard/auth.guard';
export { WhoamiController } from './guard/whoami.http.controller';
export { Authenticator } from './access/authenticator';
export type { Authenticated, AuthenticatorOptions } from './access/authenticator';
export { AccessState } from './access/access-state';
export { AccessChangesConsumer } from './access/access-changes.consumer';
export { credentialOf } from './access/credentials';
export type { Credential } from './access/credentials';
export { ApiKeyCache, keyHandle } from './api-key/api-key.cache';
export type { KeyVerdict, KeyHandle } from './api-key/api-key.cache';
export { JwksCache } from './jwt/jwks.cache';
export { JwtVerifier } from './jwt/jwt.verifier';
export type { VerifiedToken, JwtVerifierOptions } from './jwt/jwt.verifier';
export { GrpcIdentityAccess, ACCESS_PROTO, principalFromWire } from './identity/identity-access.grpc.adapter';
export { isTenantSuspension } from './identity/identity-access.port';
export type {
  IdentityAccess,
  ApiKeyVerification,
  AuthorizeQuestion,
  AuthorizeAnswer,
} from './identity/identity-access.port';
export { TenantContext, TenantContextMissingError } from './tenant/tenant-context';
export type { TenantScope } from './tenant/tenant-context';
export { TenantContextInterceptor } from './tenant/tenant-context.interceptor';
export { tenantScopePlugin, TenantScopeError } from './persistence/tenant-scope.plugin';
export { TenantScopedRepository } from './persistence/tenant-scoped.repository';
export type { TenantFilter, FindOptions } from './persistence/tenant-scoped.repository';
export { InMemoryRateLimiter } from './rate-limit/in-memory.rate-limiter';
export { RedisRateLimiter } from './rate-limit/redis.rate-limiter';
export type { RateLimiter } from './rate-limit/rate-limiter.port';
export { take, limitForRpm, decide } from './rate-limit/token-bucket';
export type { Bucket, BucketLimit, RateDecision } from './rate-limit/token-bucket';
export { authMetrics } from './auth.metrics';
