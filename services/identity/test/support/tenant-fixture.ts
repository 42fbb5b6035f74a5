import type { Tier } from '@foresight/contracts';
import { uniqueName } from '@foresight/testing';
import { IdentityClient } from './identity-client';

export interface SignedIn {
  userId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

export interface TenantFixture {
  tenantId: string;
  slug: string;
  owner: SignedIn;
}

export const PASSWORD = 'correct horse battery staple';

/** The bootstrap flow `make demo` uses: tenant + owner invitation, accepted, owner signed in. */
export async function createTenant(client: IdentityClient, tier: Tier = 'pro'): Promise<TenantFixture> {
  const slug = uniqueName('t').toLowerCase();
  const email = `owner@${slug}.example.com`;
  const created = await client.post<{
    tenant: { tenantId: string };
    owner: { invitationToken: string; userId: string };
  }>(
    '/v1/tenants',
    { slug, displayName: `Tenant ${slug}`, domain: `${slug}.example.com`, tier, owner: { email } },
    client.admin,
  );
  if (created.status !== 201) throw new Error(`tenant creation failed: ${created.status} ${created.text}`);
  const accepted = await client.post('/v1/invitations/accept', {
    token: created.body.owner.invitationToken,
    password: PASSWORD,
  });
  if (accepted.status !== 200) throw new Error(`acceptance failed: ${accepted.status} ${accepted.text}`);
  const owner = await signIn(client, email, PASSWORD, slug);
  return { tenantId: created.body.tenant.tenantId, slug, owner };
}

export async function signIn(
  client: IdentityClient,
  email: string,
  password: string,
  tenant: string,
): Promise<SignedIn> {
  const res = await client.post<{ accessToken: string; refreshToken: string; userId: string }>(
    '/v1/auth/login',
    { email, password, tenant },
  );
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  return {
    userId: res.body.userId,
    email,
    password,
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
  };
}

/** Invites someone with the given roles, accepts, signs them in. */
export async function addMember(
  client: IdentityClient,
  fixture: TenantFixture,
  roles: string[],
  password = PASSWORD,
): Promise<SignedIn> {
  const email = `${uniqueName('m').toLowerCase()}@${fixture.slug}.example.com`;
  const invited = await client.post<{ invitationToken: string }>(
    '/v1/invitations',
    { email, roles },
    { bearer: fixture.owner.accessToken },
  );
  if (invited.status !== 201) throw new Error(`invitation failed: ${invited.status} ${invited.text}`);
  const accepted = await client.post('/v1/invitations/accept', {
    token: invited.body.invitationToken,
    password,
  });
  if (accepted.status !== 200) throw new Error(`acceptance failed: ${accepted.status} ${accepted.text}`);
  return signIn(client, email, password, fixture.slug);
}
