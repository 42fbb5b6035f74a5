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
  const password = `demo-${slug}-correct-horse-battery`;
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
