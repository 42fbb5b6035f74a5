import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { principalOf } from '@foresight/auth';
import { context, propagation } from '@opentelemetry/api';
import type { FastifyRequest } from 'fastify';
import type { CommandMeta } from '../event-sourcing/command-meta';
import { isPlatformAdminRequest } from './platform-admin.guard';

function header(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Who made this request and from where, for the events it produces (and so for the audit log). */
export function commandMetaOf(req: FastifyRequest): CommandMeta {
  const principal = principalOf(req);
  const actor = principal
    ? principal.kind === 'api_key'
      ? `key:${principal.keyPrefix ?? principal.id}`
      : principal.id
    : isPlatformAdminRequest(req)
      ? 'platform-admin'
      : 'anonymous';
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return {
    actor,
    ip: req.ip,
    userAgent: header(req, 'user-agent'),
    correlationId: header(req, 'x-correlation-id') ?? String(req.id),
    traceparent: carrier['traceparent'],
  };
}

export const RequestMeta = createParamDecorator((_data: unknown, ctx: ExecutionContext): CommandMeta =>
  commandMetaOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
