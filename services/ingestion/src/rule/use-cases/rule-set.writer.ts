import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import { EventStore, handle } from '@foresight/eventstore';
import { RuleSetCommand } from '../domain/rule-set.commands';
import { ruleSetDecider } from '../domain/rule-set.decider';
import { RuleSetEvent } from '../domain/rule-set.events';
import { RuleSet } from '../domain/rule-set.state';
import { ruleSetStream } from './rule-set.stream';

/** Who asked for a change and when: the request's time is the event's time. */
export interface RuleChangeMeta {
  tenantId: string;
  actor: string;
  at: Date;
  correlationId?: string;
}

/** The one write path of every rule use case: fold the tenant's rule set, decide, append. */
@Injectable()
export class RuleSetWriter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async decide(
    command: RuleSetCommand,
    meta: RuleChangeMeta,
  ): Promise<{ events: RuleSetEvent[]; state: RuleSet }> {
    const { events, newState } = await handle(
      this.store,
      ruleSetStream(meta.tenantId),
      ruleSetDecider,
      command,
      {
        metadata: {
          tenantId: meta.tenantId,
          actor: meta.actor,
          ...(meta.correlationId ? { correlationId: meta.correlationId } : {}),
        },
        occurredAt: meta.at,
      },
    );
    return { events, state: newState };
  }
}
