import { call } from './http';

export interface SliceTenant {
  tenantId: string;
  slug: string;
  ownerEmail: string;
  ownerUserId: string;
  /** The owner's access token (JWT): what the portal would hold. */
  ownerToken: string;
  /** An `ingest-bot` API key: what an upstream integration would hold. */
  ingestKey: string;
}

/** The demo owner's password: derived from the slug so a long demo can sign in again when its token expires. */
export function ownerPassword(slug: string): string {
  return `demo-${slug}-correct-horse-battery`;
}

/** Signs the tenant's owner in again: access tokens are short-lived, and the demo outlives one. */
export async function signInOwner(
  identityUrl: string,
  tenant: Pick<SliceTenant, 'slug' | 'ownerEmail'>,
): Promise<string> {
  const login = await call<{ accessToken: string }>('POST', `${identityUrl}/v1/auth/login`, {
    body: { email: tenant.ownerEmail, password: ownerPassword(tenant.slug), tenant: tenant.slug },
  });
  return login.accessToken;
}

/**
 * Creates a tenant the way an operator and its first user would, through identity's API only:
 * tenant + owner invitation (operator), accept with a password, log in, create an ingest key.
 */
export async function bootstrapTenant(
  identityUrl: string,
  adminToken: string,
  {
    slug,
    displayName,
    ownerEmail,
    tier = 'enterprise',
  }: { slug: string; displayName: string; ownerEmail: string; tier?: string },
): Promise<SliceTenant> {
  const created = await call<{
    tenant: { tenantId: string };
    owner: { invitationToken: string; userId: string };
  }>('POST', `${identityUrl}/v1/tenants`, {
    token: adminToken,
    body: { slug, displayName, domain: `${slug}.example`, tier, owner: { email: ownerEmail } },
  });
  const password = ownerPassword(slug);
  await call('POST', `${identityUrl}/v1/invitations/accept`, {
    body: { token: created.owner.invitationToken, password },
  });
  const login = await call<{ accessToken: string; userId: string }>('POST', `${identityUrl}/v1/auth/login`, {
    body: { email: ownerEmail, password, tenant: slug },
  });
  const key = await call<{ apiKey: string }>('POST', `${identityUrl}/v1/api-keys`, {
    token: login.accessToken,
    body: { name: 'upstream ingest', roles: ['ingest-bot'] },
  });
  return {
    tenantId: created.tenant.tenantId,
    slug,
    ownerEmail,
    ownerUserId: login.userId,
    ownerToken: login.accessToken,
    ingestKey: key.apiKey,
  };
}
