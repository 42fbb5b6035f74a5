import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { CreateApiKey } from './api-key.commands';
import { apiKeyDecider } from './api-key.decider';
import { ApiKeyCreated } from './api-key.events';
import { usability } from './api-key.state';

const spec = DeciderSpecification.for(apiKeyDecider);
const now = new Date('2026-03-01T10:00:00Z');
const code = (c: string) => (e: DomainError) => e.code === c;
const ingest = { id: 'r-ingest', name: 'ingest-bot', permissions: ['records:write'] };
const admin = { id: 'r-admin', name: 'admin', permissions: ['keys:manage', 'records:write'] };
const analyst = { id: 'r-analyst', name: 'analyst', permissions: ['reports:read'] };

const create = (over: Partial<CreateApiKey['data']> = {}): CreateApiKey => ({
  type: 'CreateApiKey',
  data: {
    keyId: 'k-1',
    tenantId: 't-1',
    ownerUserId: 'u-1',
    name: 'ingest',
    environment: 'live',
    prefix: 'abcd1234',
    secretHash: 'sha',
    roles: [ingest],
    ownerPermissions: ['keys:manage', 'records:write'],
    allowedRoles: ['admin', 'ingest-bot'],
    maxKeysPerUser: 2,
    ownerActiveKeys: 0,
    expiresAt: null,
    rotatedFrom: null,
    now,
    ...over,
  },
});
const created: ApiKeyCreated = {
  type: 'ApiKeyCreated',
  data: {
    keyId: 'k-1',
    tenantId: 't-1',
    ownerUserId: 'u-1',
    name: 'ingest',
    environment: 'live',
    prefix: 'abcd1234',
    secretHash: 'sha',
    roleIds: ['r-ingest'],
    expiresAt: null,
    createdAt: now.toISOString(),
    rotatedFrom: null,
  },
};

describe('API key decider', () => {
  describe('no key yet', () => {
    it('creates a key whose roles the owner covers', () => spec.given([]).when(create()).then(created));

    it("refuses roles beyond the owner's permissions, naming what is missing", () =>
      spec
        .given([])
        .when(create({ roles: [admin], ownerPermissions: ['records:write'] }))
        .thenThrows(
          DomainError,
          (e) =>
            e.code === 'IDENTITY.KEY_EXCEEDS_OWNER' &&
            (e.details?.['missingPermissions'] as string[]).join() === 'keys:manage',
        ));

    it("refuses a role the tenant's tier does not allow", () =>
      spec
        .given([])
        .when(create({ roles: [analyst], ownerPermissions: ['reports:read'] }))
        .thenThrows(DomainError, code('IDENTITY.ROLE_NOT_ALLOWED')));

    it("refuses past the tier's keys per user, but not for a rotation's successor", () => {
      spec
        .given([])
        .when(create({ ownerActiveKeys: 2 }))
        .thenThrows(DomainError, (e) => e.code === 'IDENTITY.TIER_LIMIT' && e.kind === 'limit');
      spec
        .given([])
        .when(create({ ownerActiveKeys: 2, rotatedFrom: 'k-0' }))
        .then({ ...created, data: { ...created.data, rotatedFrom: 'k-0' } });
    });

    it('refuses an expiry in the past', () =>
      spec
        .given([])
        .when(create({ expiresAt: new Date('2026-02-01T00:00:00Z') }))
        .thenThrows(DomainError, code('IDENTITY.INVALID_EXPIRY')));
  });

  describe('active', () => {
    it('rotates with a grace period, and only once', () => {
      const graceUntil = new Date('2026-03-02T10:00:00Z');
      const rotated = {
        type: 'ApiKeyRotated' as const,
        data: {
          keyId: 'k-1',
          tenantId: 't-1',
          prefix: 'abcd1234',
          successorKeyId: 'k-2',
          graceUntil: graceUntil.toISOString(),
          rotatedAt: now.toISOString(),
        },
      };
      spec
        .given(created)
        .when({ type: 'RotateApiKey', data: { successorKeyId: 'k-2', graceUntil, now } })
        .then(rotated);
      spec
        .given([created, rotated])
        .when({ type: 'RotateApiKey', data: { successorKeyId: 'k-3', graceUntil, now } })
        .thenThrows(DomainError, code('IDENTITY.KEY_ALREADY_ROTATED'));
      const state = [created, rotated].reduce(apiKeyDecider.evolve, apiKeyDecider.initialState());
      if (state.status === 'none') throw new Error('no state');
      expect(usability(state, new Date('2026-03-02T09:59:59Z'))).toBe('usable');
      expect(usability(state, graceUntil)).toBe('expired');
    });

    it('drops the roles its owner no longer covers', () =>
      spec
        .given(created)
        .when({
          type: 'RestrictApiKeyRoles',
          data: { ownerPermissions: ['reports:read'], roles: [ingest], reason: 'owner lost a role', now },
        })
        .then({
          type: 'ApiKeyRolesRestricted',
          data: {
            keyId: 'k-1',
            tenantId: 't-1',
            prefix: 'abcd1234',
            removedRoleIds: ['r-ingest'],
            reason: 'owner lost a role',
            restrictedAt: now.toISOString(),
          },
        }));

    it('keeps roles the owner still covers', () =>
      spec
        .given(created)
        .when({
          type: 'RestrictApiKeyRoles',
          data: { ownerPermissions: ['records:write'], roles: [ingest], reason: 'x', now },
        })
        .thenNothingHappened());
  });

  describe('revoked', () => {
    const revoked = {
      type: 'ApiKeyRevoked' as const,
      data: {
        keyId: 'k-1',
        tenantId: 't-1',
        prefix: 'abcd1234',
        reason: 'leaked',
        revokedAt: now.toISOString(),
      },
    };
    it('cannot be rotated; revoking again changes nothing', () => {
      spec
        .given([created, revoked])
        .when({ type: 'RotateApiKey', data: { successorKeyId: 'k-2', graceUntil: now, now } })
        .thenThrows(DomainError, code('IDENTITY.KEY_REVOKED'));
      spec
        .given([created, revoked])
        .when({ type: 'RevokeApiKey', data: { reason: 'again', now } })
        .thenNothingHappened();
    });
  });

  describe('expired', () => {
    it('cannot be rotated', () =>
      spec
        .given({ ...created, data: { ...created.data, expiresAt: '2026-02-15T00:00:00.000Z' } })
        .when({ type: 'RotateApiKey', data: { successorKeyId: 'k-2', graceUntil: now, now } })
        .thenThrows(DomainError, code('IDENTITY.KEY_EXPIRED')));
  });
});
