import { Inject, Injectable } from '@nestjs/common';
import type { Command, Decider, Event } from '@foresight/domain';
import { EventStore, handle, HandleResult } from '@foresight/eventstore';
import { ReadModels } from '../read-models/read-models';
import { CommandMeta, metadataFor } from './command-meta';
import { IDENTITY_STORE } from './identity-store.token';

export interface Loaded<State> {
  state: State;
  /** -1 when the stream does not exist. */
  revision: number;
}

export interface DecideOptions {
  /** Makes a reaction idempotent: a retried trigger appends nothing the second time. */
  idempotencyKey?: string;
  /** Respond only once the read models that project these events show them (default true). */
  awaitReadModels?: boolean;
}

export type Decided<State, Evt> = HandleResult<State, Evt> & { stream: string };

/**
 * The write side's one door to the event store: fold a stream, decide, append with the read
 * revision. After an append it waits (briefly) until the read models have applied the new events,
 * so a client that creates something and then lists it sees it, and limits counted from read
 * models (keys per user, seats) hold for a client that acts one request at a time.
 */
@Injectable()
export class Streams {
  constructor(
    @Inject(IDENTITY_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  async load<State, Cmd extends Command, Evt extends Event>(
    stream: string,
    decider: Decider<State, Cmd, Evt>,
  ): Promise<Loaded<State>> {
    const events = await this.store.read(stream);
    const state = events.reduce(
      (s, e) => decider.evolve(s, { type: e.type, data: e.data } as unknown as Evt),
      decider.initialState(),
    );
    return { state, revision: events.length ? events[events.length - 1]!.revision : -1 };
  }

  async decide<State, Cmd extends Command, Evt extends Event>(
    stream: string,
    decider: Decider<State, Cmd, Evt>,
    command: Cmd,
    tenantId: string,
    meta: CommandMeta,
    options: DecideOptions = {},
  ): Promise<Decided<State, Evt>> {
    const result = await handle(this.store, stream, decider, command, {
      metadata: metadataFor(tenantId, meta),
      idempotencyKey: options.idempotencyKey,
    });
    if (result.events.length && options.awaitReadModels !== false)
      await this.readModels.caughtUpWith(
        stream,
        result.nextRevision,
        result.events.map((e) => e.type),
      );
    return { ...result, stream };
  }
}
