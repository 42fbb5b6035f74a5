import { createParamDecorator, CustomDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission, Principal } from '@foresight/contracts';

/** Plain string keys, so a lib below this one can mark its routes without importing it. */
export const IS_PUBLIC = 'foresight:public';
export const REQUIRED_PERMISSIONS = 'foresight:permissions';

/** No credential needed: health, docs, metrics, JWKS, login-type routes. Everything else is guarded. */
export const Public = (): CustomDecorator => SetMetadata(IS_PUBLIC, true);

/** Every listed permission is needed (on a controller: for each of its routes, added to the route's own). */
export const RequirePermissions = (...permissions: Permission[]): CustomDecorator =>
  SetMetadata(REQUIRED_PERMISSIONS, permissions);

/** Where the guard leaves the principal on the (Fastify) request. */
export const PRINCIPAL = Symbol('foresight.principal');

export type RequestWithPrincipal = { [PRINCIPAL]?: Principal };

export function principalOf(request: unknown): Principal | undefined {
  return (request as RequestWithPrincipal)[PRINCIPAL];
}

/** The authenticated principal; only on guarded routes (a public route gets undefined). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal | undefined =>
    principalOf(ctx.switchToHttp().getRequest()),
);
