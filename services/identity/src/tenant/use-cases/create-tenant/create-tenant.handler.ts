import { Injectable } from '@nestjs/common';
import { Invitations } from '../../../membership/invitations';
import { PERMISSIONS } from '@foresight/contracts';
import { builtInRolesOf } from '../../../shared/domain/built-in-roles';
import { roleIdFor, streams, tenantIdForSlug } from '../../../shared/domain/ids';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { Streams } from '../../../shared/event-sourcing/streams';
import { ReadModels } from '../../../shared/read-models/read-models';
import { tenantDecider } from '../../domain/tenant.decider';
import { TenantView } from '../tenant.view';
import { CreatedTenantView, CreateTenantRequest } from './create-tenant.command';

/**
 * The platform operator's bootstrap: the tenant, then its owner's invitation. Built-in roles need no
 * write (they live in code), so a failure between the two steps leaves a tenant without an owner,
 * which `POST /v1/tenants/:tenantId/owner-invitations` repairs.
 */
@Injectable()
export class CreateTenantHandler {
  constructor(
    private readonly eventStreams: Streams,
    private readonly invitations: Invitations,
    private readonly readModels: ReadModels,
  ) {}

  async execute(
    request: CreateTenantRequest,
    meta: CommandMeta,
    now = new Date(),
  ): Promise<CreatedTenantView> {
    const tenantId = tenantIdForSlug(request.slug);
    await this.eventStreams.decide(
      streams.tenant(tenantId),
      tenantDecider,
      {
        type: 'CreateTenant',
        data: {
          tenantId,
          slug: request.slug,
          displayName: request.displayName,
          domain: request.domain.toLowerCase(),
          region: request.region ?? 'eu-west-1',
          tier: request.tier,
          now,
        },
      },
      tenantId,
      meta,
    );
    const owner = builtInRolesOf(tenantId).get(roleIdFor(tenantId, 'owner'))!;
    const invitation = await this.invitations.invite({
      tenantId,
      email: request.owner.email,
      roles: [owner],
      // The operator stands above every tenant role.
      granterPermissions: PERMISSIONS,
      meta,
      now,
    });
    const tenant = await this.readModels.tenants.findById(tenantId, tenantId);
    return { tenant: TenantView.of(tenant!), owner: invitation };
  }
}
