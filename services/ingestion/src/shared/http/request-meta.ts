import type { Principal } from '@foresight/contracts';
import type { FastifyRequest } from 'fastify';

/** Who sent a batch, as events and sync history record it: `key:<prefix>` for an API key, else the user id. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'api_key' ? `key:${principal.keyPrefix ?? principal.id}` : principal.id;
}

/** A caller's own correlation id, when it sends one, ties our events to its logs. */
export function correlationIdOf(req: FastifyRequest): string | undefined {
  const value = req.headers['x-correlation-id'];
  const one = Array.isArray(value) ? value[0] : value;
  return one && /^[A-Za-z0-9._:-]{1,128}$/.test(one) ? one : undefined;
}
