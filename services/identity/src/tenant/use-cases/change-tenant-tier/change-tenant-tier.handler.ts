import { Injectable } from '@nestjs/common';
import type { Tier } from '@foresight/contracts';
import { streams } from '../../../shared/domain/ids';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { Streams } from '../../../shared/event-sourcing/streams';
import { ReadModels } from '../../../shared/read-models/read-models';
import { tenantDecider } from '../../domain/tenant.decider';
import { TenantView } from '../tenant.view';

/**
 * A new tier applies to what is created from now on (keys, members, role grants) and to rate
 * limits at once; nothing that already exists is taken away by a downgrade.
 */
@Injectable()
export class ChangeTenantTierHandler {
  constructor(
    private readonly eventStreams: Streams,
    private readonly readModels: ReadModels,
  ) {}

  async execute(tenantId: string, tier: Tier, meta: CommandMeta, now = new Date()): Promise<TenantView> {
    await this.eventStreams.decide(
      streams.tenant(tenantId),
      tenantDecider,
      { type: 'ChangeTenantTier', data: { tier, now } },
      tenantId,
      meta,
    );
    return TenantView.of((await this.readModels.tenants.findById(tenantId, tenantId))!);
  }
}
