import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import { EventMetadata, EventStore, handle } from '@foresight/eventstore';
import { outcomeStream } from '../../domain/outcome-id';
import { OutcomeCommand } from '../../domain/outcome.commands';
import { outcomeDecider } from '../../domain/outcome.decider';
import { OutcomeEvent } from '../../domain/outcome.events';
import { Outcome } from '../../domain/outcome.state';
import { Cause } from '../../../report/use-cases/shared/cause';

/** Reads and writes the ledger streams through the decider; the one place outcome events are appended. */
@Injectable()
export class OutcomeStreams {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(reportId: string): Promise<Outcome> {
    const events = await this.store.read(outcomeStream(reportId));
    return events.reduce(
      (s, e) => outcomeDecider.evolve(s, { type: e.type, data: e.data } as OutcomeEvent),
      outcomeDecider.initialState(),
    );
  }

  async decide(
    tenantId: string,
    command: OutcomeCommand,
    cause: Cause,
    idempotencyKey?: string,
  ): Promise<{ events: OutcomeEvent[]; state: Outcome }> {
    const metadata: EventMetadata = { tenantId, actor: cause.actor };
    if (cause.correlationId) metadata.correlationId = cause.correlationId;
    if (cause.causationId) metadata.causationId = cause.causationId;
    if (cause.traceparent) metadata.traceparent = cause.traceparent;
    const result = await handle(this.store, outcomeStream(command.data.reportId), outcomeDecider, command, {
      metadata,
      idempotencyKey,
    });
    return { events: result.events, state: result.newState };
  }
}
