import type { FieldError } from '@foresight/contracts';
import type { EventStore } from '@foresight/eventstore';
import { streams } from '../../../shared/streams';
import { recordDecider } from '../../domain/record.decider';
import type { RecordEvent } from '../../domain/record.events';
import { accountIdFor } from '../../domain/record-key';
import type { SourceRecord } from '../../domain/record.state';

export type LiveRecord = Extract<SourceRecord, { status: 'ACTIVE' | 'UNRESOLVABLE' }>;

export const isLive = (s: SourceRecord): s is LiveRecord =>
  s.status === 'ACTIVE' || s.status === 'UNRESOLVABLE';

/**
 * The accounts a batch's records belong to, each read once per batch: a contract, usage row or
 * other dependent record is refused when its account is missing or removed. Read-only: the
 * account's own stream is only ever decided on through `handle()`.
 */
export class AccountLookup {
  private readonly states = new Map<string, Promise<SourceRecord>>();

  constructor(
    private readonly store: EventStore,
    private readonly tenantId: string,
  ) {}

  state(externalId: string): Promise<SourceRecord> {
    let state = this.states.get(externalId);
    if (!state) {
      state = this.store
        .read(streams.record(accountIdFor(this.tenantId, externalId)))
        .then((events) =>
          events.reduce(
            (s, e) => recordDecider.evolve(s, { type: e.type, data: e.data } as RecordEvent),
            recordDecider.initialState(),
          ),
        );
      this.states.set(externalId, state);
    }
    return state;
  }

  /** Why a record naming this account cannot be stored, or null when the account is there. */
  async missing(externalId: string): Promise<FieldError[] | null> {
    const state = await this.state(externalId);
    if (isLive(state)) return null;
    const why = state.status === 'REMOVED' ? 'was removed' : 'not found';
    return [{ field: 'accountExternalId', errors: [`account ${externalId} ${why}`] }];
  }
}
