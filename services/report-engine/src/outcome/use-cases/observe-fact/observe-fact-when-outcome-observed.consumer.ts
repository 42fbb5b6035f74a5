import { Injectable } from '@nestjs/common';
import { OutcomeObserved, OutcomeObservedPayload } from '@foresight/contracts';
import { ConsumedEvent, OnEvent } from '@foresight/messaging';
import { CONSUMER_GROUPS } from '../../../consumer-groups';
import { causedBy } from '../../../report/use-cases/shared/cause';
import { ObserveFactHandler } from './observe-fact.handler';

@Injectable()
export class ObserveFactWhenOutcomeObserved {
  constructor(private readonly handler: ObserveFactHandler) {}

  @OnEvent(OutcomeObserved.type, { consumer: CONSUMER_GROUPS.outcomeFacts.name })
  async onOutcome({ envelope, payload }: ConsumedEvent<OutcomeObservedPayload>): Promise<void> {
    await this.handler.execute({ tenantId: envelope.tenantId, fact: payload, cause: causedBy(envelope) });
  }
}
