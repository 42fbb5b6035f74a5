import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import { DomainError } from '@foresight/domain';
import { EventStore, handle, HandleResult } from '@foresight/eventstore';
import type { TenantModelCommand } from '../../domain/tenant-model.commands';
import { modelSlotStream, slotOfModelId, tenantModelDecider } from '../../domain/tenant-model.decider';
import type { TenantModelEvent } from '../../domain/tenant-model.events';
import type { ModelSlot } from '../../domain/tenant-model.state';
import type { Outcome } from '../../domain/point-in-time';

export interface Origin {
  actor: string;
  correlationId?: string;
  causationId?: string;
}

/** The one way tenant-model commands reach their slot stream (tenant × outcome × segment). */
@Injectable()
export class ModelSlots {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  decide(
    tenantId: string,
    slot: { outcome: Outcome; segment: string },
    command: TenantModelCommand,
    origin: Origin,
    idempotencyKey?: string,
  ): Promise<HandleResult<ModelSlot, TenantModelEvent>> {
    return handle(
      this.store,
      modelSlotStream(tenantId, slot.outcome, slot.segment),
      tenantModelDecider,
      command,
      {
        metadata: { tenantId, ...origin },
        idempotencyKey,
        retries: 10,
      },
    );
  }

  /** The slot a model id names; an id that names none is simply not found (for this tenant or any). */
  slotOf(modelId: string): { outcome: Outcome; segment: string } {
    const slot = slotOfModelId(modelId);
    if (!slot) throw new DomainError('MODEL.NOT_FOUND', `No model ${modelId}`, 'not_found', { modelId });
    return slot;
  }
}
