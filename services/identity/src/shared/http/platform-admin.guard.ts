import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '@foresight/auth';
import { CONFIG } from '@foresight/service-kit';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { IdentityConfig } from '../../config';
import { identityError } from '../domain/identity.errors';

const ADMIN = Symbol('foresight.platform-admin');

export function isPlatformAdminRequest(req: FastifyRequest): boolean {
  return (req as unknown as Record<symbol, boolean>)[ADMIN] === true;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * The platform operator's routes (creating and suspending tenants, rotating signing keys) take the
 * bootstrap credential from config instead of a user token: they must work before any tenant or
 * user exists. Compared as digests, in constant time.
 */
@Injectable()
export class PlatformAdminGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(CONFIG) config: IdentityConfig) {
    this.expected = digest(config.IDENTITY_ADMIN_TOKEN);
  }

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const [scheme, token] = (req.headers.authorization ?? '').trim().split(/\s+/, 2);
    if (!token || !/^bearer$/i.test(scheme ?? '') || !timingSafeEqual(digest(token), this.expected))
      throw identityError(
        'ADMIN_TOKEN_REQUIRED',
        'This route needs the platform admin token (Authorization: Bearer <IDENTITY_ADMIN_TOKEN>)',
      );
    (req as unknown as Record<symbol, boolean>)[ADMIN] = true;
    return true;
  }
}

/** Public to the tenant guard (there is no tenant yet), guarded by the admin token instead. */
export const PlatformAdmin = () =>
  applyDecorators(
    Public(),
    UseGuards(PlatformAdminGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'missing or wrong platform admin token' }),
  );
