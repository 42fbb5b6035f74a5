import {
  BeforeApplicationShutdown,
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccessChangesConsumer } from './access/access-changes.consumer';
import { AccessState } from './access/access-state';
import { Authenticator } from './access/authenticator';
import { authMetrics } from './auth.metrics';
import { AUTH_OPTIONS, AuthOptions, ResolvedAuthOptions, resolveAuthOptions } from './auth.options';
import { AuthGuard, RATE_LIMITER } from './guard/auth.guard';
import { WhoamiController } from './guard/whoami.http.controller';
import { GrpcIdentityAccess } from './identity/identity-access.grpc.adapter';
import { IdentityAccess } from './identity/identity-access.port';
import { JwksCache } from './jwt/jwks.cache';
import { JwtVerifier } from './jwt/jwt.verifier';
import { InMemoryRateLimiter } from './rate-limit/in-memory.rate-limiter';
import { RateLimiter } from './rate-limit/rate-limiter.port';
import { RedisRateLimiter } from './rate-limit/redis.rate-limiter';
import { TenantContextInterceptor } from './tenant/tenant-context.interceptor';

export const IDENTITY_ACCESS = Symbol('IDENTITY_ACCESS');

const logger = new Logger('Auth');
const messagingLogger = {
  debug: (fields: object, msg: string) => logger.debug({ ...fields, msg }),
  info: (fields: object, msg: string) => logger.log({ ...fields, msg }),
  warn: (fields: object, msg: string) => logger.warn({ ...fields, msg }),
  error: (fields: object, msg: string) => logger.error({ ...fields, msg }),
};

/** Starts and stops what the guard relies on: the JWKS refresh, the access-change consumer, housekeeping. */
@Injectable()
export class AuthRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer?: AccessChangesConsumer;
  private pruner?: NodeJS.Timeout;

  constructor(
    @Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions,
    private readonly jwks: JwksCache,
    private readonly authenticator: Authenticator,
    @Inject(IDENTITY_ACCESS) private readonly identity: IdentityAccess,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter | null,
  ) {}

  /** Awaited before the service reports ready, so a ready instance already hears every revocation. */
  async onApplicationBootstrap(): Promise<void> {
    this.jwks.start();
    this.pruner = setInterval(() => this.authenticator.prune(), 60_000);
    this.pruner.unref();
    if (!this.options.listenForAccessChanges) return;
    this.consumer = new AccessChangesConsumer({
      serviceName: this.options.serviceName,
      brokers: this.options.kafkaBrokers,
      replayMs: this.options.maxTokenTtlSeconds * 1000,
      logger: messagingLogger,
      onChange: (change, { lagMs, replayed }) => {
        this.authenticator.onAccessChanged(change);
        const fields = { kind: change.kind, tenantId: change.tenantId, subjectId: change.subjectId, lagMs };
        if (replayed) return logger.debug({ msg: 'access change replayed', ...fields });
        authMetrics.accessChangeLag.observe({ kind: change.kind }, Math.max(0, lagMs) / 1000);
        logger.log({ msg: 'access change applied', ...fields });
      },
    });
    await this.consumer.start();
    logger.log({ msg: 'listening for access changes', group: this.consumer.groupId });
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.pruner);
    this.jwks.stop();
    await this.consumer?.stop();
    this.identity.close();
    await this.limiter?.close();
  }
}

/**
 * `AuthModule.forRoot(authOptionsFrom(config, 'report-engine'))` in a service's app module: a global
 * guard on every HTTP route (`@Public()` opts out), `@RequirePermissions`, `@CurrentPrincipal`, the
 * tenant context, per-tenant rate limits, and `GET /v1/whoami`.
 */
@Module({})
export class AuthModule {
  static forRoot(input: AuthOptions): DynamicModule {
    const options = resolveAuthOptions(input);
    return {
      module: AuthModule,
      global: true,
      controllers: options.whoami ? [WhoamiController] : [],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        {
          provide: JwksCache,
          inject: [AUTH_OPTIONS],
          useFactory: (o: ResolvedAuthOptions) =>
            new JwksCache(
              { url: o.jwksUrl, refreshMs: 5 * 60_000, minReloadMs: 5_000, timeoutMs: 2_000 },
              (message) => logger.warn(message),
            ),
        },
        {
          provide: JwtVerifier,
          inject: [JwksCache, AUTH_OPTIONS],
          useFactory: (jwks: JwksCache, o: ResolvedAuthOptions) =>
            new JwtVerifier(jwks, {
              issuer: o.issuer,
              audience: o.audience,
              algorithms: ['EdDSA'],
              clockToleranceSeconds: 5,
              maxCached: 50_000,
            }),
        },
        {
          provide: IDENTITY_ACCESS,
          inject: [AUTH_OPTIONS],
          useFactory: (o: ResolvedAuthOptions) => new GrpcIdentityAccess(o.identityGrpcUrl),
        },
        {
          provide: Authenticator,
          inject: [JwtVerifier, IDENTITY_ACCESS, AUTH_OPTIONS],
          useFactory: (jwt: JwtVerifier, identity: IdentityAccess, o: ResolvedAuthOptions) =>
            new Authenticator(jwt, identity, new AccessState(o.maxTokenTtlSeconds * 1000), {
              apiKeyCacheMaxSeconds: o.apiKeyCacheMaxSeconds,
              apiKeyCacheDefaultSeconds: Math.min(30, o.apiKeyCacheMaxSeconds),
              apiKeyNegativeCacheSeconds: 5,
              authorizeCacheSeconds: 10,
            }),
        },
        {
          provide: RATE_LIMITER,
          inject: [AUTH_OPTIONS],
          useFactory: async (o: ResolvedAuthOptions): Promise<RateLimiter | null> => {
            if (!o.rateLimit) return null;
            if (!o.redisUrl) return new InMemoryRateLimiter();
            const redis = new RedisRateLimiter(o.redisUrl, `ratelimit:${o.serviceName}:`, (m) =>
              logger.warn(m),
            );
            // Not fatal: the limiter falls back to in-process buckets while Redis is away.
            await redis.ready().catch((err: Error) => logger.warn(`REDIS_URL: ${err.message}`));
            return redis;
          },
        },
        AuthRuntime,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantContextInterceptor },
      ],
      exports: [AUTH_OPTIONS, Authenticator, IDENTITY_ACCESS, RATE_LIMITER],
    };
  }
}
