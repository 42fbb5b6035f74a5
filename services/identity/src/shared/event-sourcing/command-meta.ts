import type { EventMetadata } from '@foresight/eventstore';

/**
 * Who asked, from where: copied onto every event a request produces, which is how the audit log
 * knows actor, IP and user agent without the domain events carrying request details.
 */
export interface CommandMeta {
  /** A user id, `key:<prefix>` for an API key, `platform-admin`, or `identity` for reactions. */
  actor: string;
  ip?: string;
  userAgent?: string;
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
}

export const SYSTEM_META: CommandMeta = { actor: 'identity' };

export function metadataFor(tenantId: string, meta: CommandMeta): EventMetadata {
  const metadata: EventMetadata = { tenantId, actor: meta.actor };
  if (meta.ip) metadata['ip'] = meta.ip;
  if (meta.userAgent) metadata['userAgent'] = meta.userAgent.slice(0, 512);
  if (meta.correlationId) metadata.correlationId = meta.correlationId;
  if (meta.causationId) metadata.causationId = meta.causationId;
  if (meta.traceparent) metadata.traceparent = meta.traceparent;
  return metadata;
}
