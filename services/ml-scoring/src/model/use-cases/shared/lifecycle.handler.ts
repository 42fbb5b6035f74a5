import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import type { TenantModelStatus } from '../../domain/tenant-model.state';
import { ModelSlots } from './model-slots';

export type LifecycleAction = 'PromoteModel' | 'RetireModel' | 'ShadowModel';

/** Promote, retire and shadow: the slot's decider enforces the transitions and the one promoted model. */
@Injectable()
export class ModelLifecycleHandler {
  constructor(private readonly slots: ModelSlots) {}

  async execute(
    action: LifecycleAction,
    principal: Principal,
    modelId: string,
    requestId: string,
    now = new Date(),
  ): Promise<{ modelId: string; status: TenantModelStatus }> {
    const slot = this.slots.slotOf(modelId);
    const by = principal.email ?? principal.keyPrefix ?? principal.id;
    // A model id of another tenant (or of none) lands on this tenant's slot stream, where it is not found.
    const result = await this.slots.decide(
      principal.tenantId,
      slot,
      { type: action, data: { modelId, by, at: now.toISOString() } },
      { actor: by, correlationId: requestId, causationId: requestId },
    );
    return { modelId, status: result.newState.models[modelId]?.status ?? 'retired' };
  }
}
