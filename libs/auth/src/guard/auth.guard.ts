import { CanActivate, ExecutionContext, HttpException, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal } from '@foresight/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from '../access/authenticator';
import { credentialOf } from '../access/credentials';
import { AuthError } from '../auth.errors';
import { authMetrics } from '../auth.metrics';
import { AUTH_OPTIONS, ResolvedAuthOptions } from '../auth.options';
import { RateLimiter } from '../rate-limit/rate-limiter.port';
import { limitForRpm, RateDecision } from '../rate-limit/token-bucket';
import { IS_PUBLIC, PRINCIPAL, RequestWithPrincipal, REQUIRED_PERMISSIONS } from './auth.decorators';

export const RATE_LIMITER = Symbol('RATE_LIMITER');

/** Every place a client could name a tenant; each must be the principal's own. */
function claimedTenants(req: FastifyRequest): string[] {
  const claimed: unknown[] = [req.headers['x-tenant-id']];
  const query = req.query as Record<string, unknown> | undefined;
  const params = req.params as Record<string, unknown> | undefined;
  claimed.push(query?.['tenantId'], query?.['tenant_id'], params?.['tenantId']);
  const body = req.body as unknown;
  for (const item of Array.isArray(body) ? body : [body])
    if (item && typeof item === 'object') claimed.push((item as Record<string, unknown>)['tenantId']);
  return claimed.flat().filter((v): v is string => typeof v === 'string' && v !== '');
}

function toHttp(error: AuthError): HttpException {
  return new HttpException(
    { statusCode: error.status, code: error.code, message: error.message, ...(error.details ?? {}) },
    error.status,
  );
}

/**
 * The global guard (APP_GUARD): every HTTP route needs a credential unless it is `@Public()` or
 * under a public path. In order: authenticate (401), tenant suspended (403), rate limit per tenant
 * (429, counted before permissions so refused calls are not free), permissions (403), and any tenant
 * id the request names must be the principal's (403). Non-HTTP contexts (gRPC, Kafka handlers)
 * pass: they are internal and carry their tenant in the message.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter | null,
    @Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const path = req.routeOptions?.url ?? req.url;
    if (this.options.publicPaths.some((p) => path === p || path.startsWith(`${p}/`))) return true;

    const required = this.reflector.getAllAndMerge<string[]>(REQUIRED_PERMISSIONS, targets) ?? [];
    const reply = http.getResponse<FastifyReply>();
    try {
      const credential = credentialOf(req.headers);
      if (!credential)
        throw AuthError.unauthenticated(
          'AUTH.MISSING_CREDENTIALS',
          'send a bearer token (Authorization: Bearer <jwt>) or an API key (x-api-key)',
        );
      const { principal } = await this.authenticator.authenticate(credential, required);
      await this.rateLimit(principal, reply);
      const missing = required.filter((p) => !principal.permissions.includes(p));
      if (missing.length)
        throw AuthError.forbidden('AUTH.FORBIDDEN', `missing permission ${missing.join(', ')}`, { missing });
      const foreign = claimedTenants(req).find((t) => t !== principal.tenantId);
      if (foreign !== undefined)
        throw AuthError.forbidden(
          'AUTH.TENANT_MISMATCH',
          "the request names a tenant other than the caller's",
        );
      (req as unknown as RequestWithPrincipal)[PRINCIPAL] = principal;
      return true;
    } catch (err) {
      if (!(err instanceof AuthError)) throw err;
      authMetrics.refusals.inc({ code: err.code });
      if (err.retryAfterSeconds) void reply.header('Retry-After', String(err.retryAfterSeconds));
      throw toHttp(err);
    }
  }

  private async rateLimit(principal: Principal, reply: FastifyReply): Promise<void> {
    // rpm 0: identity set no limit for the tier.
    if (!this.limiter || principal.rateLimitRpm <= 0) return;
    const limit = limitForRpm(principal.rateLimitRpm);
    const decision: RateDecision = await this.limiter.consume(principal.tenantId, limit);
    void reply.header('RateLimit-Limit', String(decision.limit));
    void reply.header('RateLimit-Remaining', String(decision.remaining));
    void reply.header('RateLimit-Reset', String(decision.resetSeconds));
    if (!decision.allowed)
      throw new AuthError(
        'AUTH.RATE_LIMITED',
        `tenant ${principal.tenantId} is over its ${principal.tier} limit of ${principal.rateLimitRpm} requests per minute`,
        429,
        { retryAfterSeconds: decision.retryAfterSeconds },
        decision.retryAfterSeconds,
      );
  }
}
