import { assertNever, Decider } from '@foresight/domain';
import { identityError } from '../../shared/domain/identity.errors';
import { TenantCommand } from './tenant.commands';
import { TenantEvent } from './tenant.events';
import { ExistingTenant, Tenant, TenantStatus } from './tenant.state';

function existing(state: Tenant): ExistingTenant {
  if (state.status === 'none') throw identityError('TENANT_NOT_FOUND', 'No such tenant');
  return state;
}

function refuse(from: TenantStatus, what: string): never {
  throw identityError('INVALID_TRANSITION', `A tenant that is ${from} cannot be ${what}`, { status: from });
}

export const tenantDecider: Decider<Tenant, TenantCommand, TenantEvent> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateTenant': {
        if (state.status !== 'none')
          throw identityError('TENANT_EXISTS', `A tenant with slug ${command.data.slug} already exists`, {
            slug: command.data.slug,
          });
        const { now, ...tenant } = command.data;
        return { type: 'TenantCreated', data: { ...tenant, createdAt: now.toISOString() } };
      }
      case 'ChangeTenantTier': {
        const tenant = existing(state);
        if (tenant.status === 'archived') refuse(tenant.status, 'moved to another tier');
        if (tenant.tier === command.data.tier) return [];
        return {
          type: 'TenantTierChanged',
          data: {
            tenantId: tenant.tenantId,
            from: tenant.tier,
            to: command.data.tier,
            changedAt: command.data.now.toISOString(),
          },
        };
      }
      case 'SuspendTenant': {
        const tenant = existing(state);
        if (tenant.status === 'suspended') return [];
        if (tenant.status === 'archived') refuse(tenant.status, 'suspended');
        return {
          type: 'TenantSuspended',
          data: {
            tenantId: tenant.tenantId,
            reason: command.data.reason,
            suspendedAt: command.data.now.toISOString(),
          },
        };
      }
      case 'ReactivateTenant': {
        const tenant = existing(state);
        if (tenant.status === 'active') return [];
        if (tenant.status === 'archived') refuse(tenant.status, 'reactivated');
        return {
          type: 'TenantReactivated',
          data: { tenantId: tenant.tenantId, reactivatedAt: command.data.now.toISOString() },
        };
      }
      case 'ArchiveTenant': {
        const tenant = existing(state);
        if (tenant.status === 'archived') return [];
        return {
          type: 'TenantArchived',
          data: { tenantId: tenant.tenantId, archivedAt: command.data.now.toISOString() },
        };
      }
      default:
        return assertNever(command, 'tenant command');
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'TenantCreated': {
        const { createdAt: _at, ...tenant } = event.data;
        return { status: 'active', ...tenant };
      }
      case 'TenantTierChanged':
        return { ...existing(state), tier: event.data.to };
      case 'TenantSuspended':
        return { ...existing(state), status: 'suspended' };
      case 'TenantReactivated':
        return { ...existing(state), status: 'active' };
      case 'TenantArchived':
        return { ...existing(state), status: 'archived' };
      default:
        return assertNever(event, 'tenant event');
    }
  },
};
