import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { DefineRole } from './role.commands';
import { roleDecider } from './role.decider';
import { RoleDefined } from './role.events';

const spec = DeciderSpecification.for(roleDecider);
const now = new Date('2026-03-01T10:00:00Z');
const tenantId = 't-1';
const code = (c: string) => (e: DomainError) => e.code === c;
const definer = ['audit:read', 'voc:read', 'roles:manage'];
const auditor: RoleDefined = {
  type: 'RoleDefined',
  data: {
    tenantId,
    roleId: 'r-1',
    name: 'auditor',
    permissions: ['audit:read'],
    definedAt: now.toISOString(),
  },
};
const define = (over: Partial<DefineRole['data']> = {}): DefineRole => ({
  type: 'DefineRole',
  data: {
    tenantId,
    roleId: 'r-1',
    name: 'auditor',
    permissions: ['audit:read', 'audit:read'],
    allowedRoles: ['*'],
    definerPermissions: definer,
    now,
    ...over,
  },
});

describe('role decider', () => {
  describe('no role yet', () => {
    it('defines a custom role when the tier allows custom roles, without duplicate permissions', () =>
      spec.given([]).when(define()).then(auditor));

    it("refuses a custom role the tier's allow-list does not name", () =>
      spec
        .given([])
        .when(define({ allowedRoles: ['owner', 'member'] }))
        .thenThrows(DomainError, code('IDENTITY.ROLE_NOT_ALLOWED')));

    it('refuses the name of a built-in role', () =>
      spec
        .given([])
        .when(define({ name: 'admin' }))
        .thenThrows(DomainError, code('IDENTITY.ROLE_EXISTS')));

    it('refuses permissions its author does not hold', () =>
      spec
        .given([])
        .when(define({ permissions: ['keys:manage'] }))
        .thenThrows(
          DomainError,
          (e) =>
            e.code === 'IDENTITY.GRANT_EXCEEDS_GRANTER' &&
            String(e.details?.['missingPermissions']) === 'keys:manage',
        ));
  });

  describe('active', () => {
    it('refuses a second role with the same name', () =>
      spec.given(auditor).when(define()).thenThrows(DomainError, code('IDENTITY.ROLE_EXISTS')));

    it('changes permissions, recording the previous ones', () =>
      spec
        .given(auditor)
        .when({
          type: 'ChangeRolePermissions',
          data: { permissions: ['voc:read', 'audit:read'], definerPermissions: definer, now },
        })
        .then({
          type: 'RolePermissionsChanged',
          data: {
            tenantId,
            roleId: 'r-1',
            permissions: ['audit:read', 'voc:read'],
            previous: ['audit:read'],
            changedAt: now.toISOString(),
          },
        }));

    it('the same permissions in another order are no change', () =>
      spec
        .given(auditor)
        .when({
          type: 'ChangeRolePermissions',
          data: { permissions: ['audit:read'], definerPermissions: definer, now },
        })
        .thenNothingHappened());
  });

  describe('archived', () => {
    const archived = {
      type: 'RoleArchived' as const,
      data: { tenantId, roleId: 'r-1', archivedAt: now.toISOString() },
    };
    it('cannot be changed any more', () =>
      spec
        .given([auditor, archived])
        .when({
          type: 'ChangeRolePermissions',
          data: { permissions: ['voc:read'], definerPermissions: definer, now },
        })
        .thenThrows(DomainError, code('IDENTITY.ROLE_NOT_FOUND')));
  });
});
