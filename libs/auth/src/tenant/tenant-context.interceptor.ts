import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { principalOf } from '../guard/auth.decorators';
import { TenantContext } from './tenant-context';

/**
 * Runs the handler inside the tenant context of the principal the guard authenticated. (A guard
 * cannot: it returns before the handler runs; Nest binds `next.handle()` to the async context it
 * is called in, so calling it inside `run` carries the tenant into the handler and all it awaits.)
 */
@Injectable()
export class TenantContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const principal = principalOf(context.switchToHttp().getRequest());
    if (!principal) return next.handle();
    return TenantContext.run({ tenantId: principal.tenantId, principal }, () => next.handle());
  }
}
