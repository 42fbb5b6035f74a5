import { v5 as uuidv5 } from 'uuid';

/**
 * Streams that belong to no tenant (a user's credentials, an email's claim) are recorded under this
 * tenant id: the store requires one on every event, and a user spans tenants.
 */
export const PLATFORM_TENANT_ID = '00000000-0000-0000-0000-000000000000';

/** Fixed forever: changing it would give every tenant and role a new id. */
const NAMESPACE = 'b1a5e7a0-3f5c-4c1e-9d0e-6a4f2c7d9e11';

/**
 * A tenant's id is derived from its slug, so "slug already taken" is the event store's own
 * no-stream check, with no index to race against; slugs are therefore immutable.
 */
export function tenantIdForSlug(slug: string): string {
  return uuidv5(`tenant:${slug.toLowerCase()}`, NAMESPACE);
}

/** Role names are unique per tenant for the same reason: the id is derived from the name. */
export function roleIdFor(tenantId: string, name: string): string {
  return uuidv5(`role:${tenantId}:${name.toLowerCase()}`, NAMESPACE);
}

/** An API key's id is derived from its prefix: lookups by prefix need no index, and prefixes stay unique. */
export function apiKeyIdForPrefix(prefix: string): string {
  return uuidv5(`apikey:${prefix}`, NAMESPACE);
}

export const streams = {
  tenant: (tenantId: string) => `tenant-${tenantId}`,
  role: (roleId: string) => `role-${roleId}`,
  member: (tenantId: string, userId: string) => `member-${tenantId}_${userId}`,
  user: (userId: string) => `user-${userId}`,
  /** Keyed by a digest of the normalised email: the stream name must not carry the address itself. */
  email: (emailDigest: string) => `useremail-${emailDigest}`,
  session: (sessionId: string) => `session-${sessionId}`,
  apiKey: (keyId: string) => `apikey-${keyId}`,
} as const;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
