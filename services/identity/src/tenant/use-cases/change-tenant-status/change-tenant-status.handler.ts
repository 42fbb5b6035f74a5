import { Injectable } from '@nestjs/common';
import { streams } from '../../../shared/domain/ids';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { Streams } from '../../../shared/event-sourcing/streams';
import { ReadModels } from '../../../shared/read-models/read-models';
import { TenantCommand } from '../../domain/tenant.commands';
import { tenantDecider } from '../../domain/tenant.decider';
import { TenantView } from '../tenant.view';
import { TenantStatusChange } from './change-tenant-status.command';

/**
 * Suspension is refused everywhere within a second: identity's own checks read the tenant's stream,
 * and the change goes out on identity.access.v1 for every other service's guard.
 */
@Injectable()
export class ChangeTenantStatusHandler {
  constructor(
    private readonly eventStreams: Streams,
    private readonly readModels: ReadModels,
  ) {}

  async execute(
    tenantId: string,
    change: TenantStatusChange,
    meta: CommandMeta,
    now = new Date(),
  ): Promise<TenantView> {
    const command: TenantCommand =
      change.type === 'SuspendTenant'
        ? { type: 'SuspendTenant', data: { reason: change.reason, now } }
        : { type: change.type, data: { now } };
    await this.eventStreams.decide(streams.tenant(tenantId), tenantDecider, command, tenantId, meta);
    return TenantView.of((await this.readModels.tenants.findById(tenantId, tenantId))!);
  }
}
