import { Injectable } from '@nestjs/common';
import { PERMISSIONS } from '@foresight/contracts';
import { usability } from '../../../api-key/domain/api-key.state';
import { AccessDirectory } from '../../access-directory';

export interface AuthorizeQuestion {
  principalKind: string;
  principalId: string;
  tenantId: string;
  /** `resource:action`; empty asks only whether the principal is still active in an active tenant. */
  permission: string;
}

export interface AuthorizeAnswer {
  allowed: boolean;
  reason: string;
}

const KNOWN = new Set<string>(PERMISSIONS);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "May this principal do this in this tenant, right now?" from the streams (through the cache),
 * so it holds the moment a role, membership, key or tenant changes. Guards ask it for JWTs issued
 * before such a change, whose claims alone can no longer be trusted.
 */
@Injectable()
export class AuthorizeHandler {
  constructor(private readonly directory: AccessDirectory) {}

  async authorize(q: AuthorizeQuestion, now = new Date()): Promise<AuthorizeAnswer> {
    if (!UUID.test(q.tenantId) || !UUID.test(q.principalId)) return { allowed: false, reason: 'malformed' };
    if (q.permission !== '' && !KNOWN.has(q.permission))
      return { allowed: false, reason: 'unknown_permission' };
    const tenant = await this.directory.tenant(q.tenantId);
    if (tenant.status === 'none') return { allowed: false, reason: 'unknown_tenant' };
    if (tenant.status !== 'active')
      return {
        allowed: false,
        reason: tenant.status === 'archived' ? 'tenant_archived' : 'tenant_suspended',
      };

    let roleIds: readonly string[];
    if (q.principalKind === 'user') {
      const member = await this.directory.member(q.tenantId, q.principalId);
      if (member.status !== 'active') return { allowed: false, reason: 'not_a_member' };
      roleIds = member.roleIds;
    } else if (q.principalKind === 'api_key') {
      const key = await this.directory.apiKey(q.principalId);
      if (key.status === 'none' || key.tenantId !== q.tenantId) return { allowed: false, reason: 'unknown' };
      const state = usability(key, now);
      if (state !== 'usable') return { allowed: false, reason: state };
      roleIds = key.roleIds;
    } else return { allowed: false, reason: 'unknown_principal_kind' };

    if (q.permission === '') return { allowed: true, reason: 'active' };
    const { permissions } = await this.directory.resolveRoles(q.tenantId, roleIds);
    return permissions.includes(q.permission)
      ? { allowed: true, reason: 'granted' }
      : { allowed: false, reason: 'missing_permission' };
  }
}
