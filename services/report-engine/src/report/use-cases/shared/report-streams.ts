import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import { EventMetadata, EventStore, handle, RecordedEvent } from '@foresight/eventstore';
import { ReportCommand } from '../../domain/report.commands';
import { reportDecider } from '../../domain/report.decider';
import { ReportEvent } from '../../domain/report.events';
import { reportStream } from '../../domain/report-id';
import { ReportKind } from '../../domain/report-kind';
import { Report } from '../../domain/report.state';
import { Cause } from './cause';

/**
 * What every report event carries in its metadata besides the tenant: the relay publishes
 * ReportStatusChanged (account id, kind, owner) from one stored event, without reading the stream.
 */
export interface ReportRef {
  accountId: string;
  kind: ReportKind;
  ownerEmail: string | null;
}

export function reportRefOf(metadata: EventMetadata): ReportRef | undefined {
  const ref = metadata['report'] as ReportRef | undefined;
  return ref && typeof ref.accountId === 'string' ? ref : undefined;
}

function refOf(state: Report, command: ReportCommand): ReportRef | undefined {
  if (state.status !== 'EMPTY' && state.status !== 'UNKNOWN')
    return {
      accountId: state.subject.accountId,
      kind: command.type === 'ChangeKind' ? command.data.kind : state.kind,
      ownerEmail: command.type === 'CreateReport' ? (command.data.ownerId ?? state.ownerId) : state.ownerId,
    };
  if (command.type === 'ReceiveSignal')
    return {
      accountId: command.data.subject.accountId,
      kind: command.data.kind,
      ownerEmail: command.data.ownerId,
    };
  return undefined;
}

export interface Loaded {
  state: Report;
  events: RecordedEvent[];
}

/** Reads and writes report streams through the decider; the one place report events are appended. */
@Injectable()
export class ReportStreams {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(reportId: string): Promise<Loaded> {
    const events = await this.store.read(reportStream(reportId));
    const state = events.reduce(
      (s, e) => reportDecider.evolve(s, { type: e.type, data: e.data } as ReportEvent),
      reportDecider.initialState(),
    );
    return { state, events };
  }

  /** The last event only: enough to tell an ended report from an active one. */
  async lastEventType(reportId: string): Promise<string | undefined> {
    const [last] = await this.store.read(reportStream(reportId), { direction: 'backwards', limit: 1 });
    return last?.type;
  }

  /**
   * Decides on the current state and appends. `idempotencyKey` (the consumed event's id plus the
   * step) gives the appended events deterministic ids, so a redelivered message appends nothing.
   */
  async decide(
    tenantId: string,
    command: ReportCommand,
    cause: Cause,
    idempotencyKey?: string,
  ): Promise<{ events: ReportEvent[]; state: Report }> {
    const { state: before } = await this.load(command.data.reportId);
    const ref = refOf(before, command);
    const metadata: EventMetadata = { tenantId, actor: cause.actor };
    if (cause.correlationId) metadata.correlationId = cause.correlationId;
    if (cause.causationId) metadata.causationId = cause.causationId;
    if (cause.traceparent) metadata.traceparent = cause.traceparent;
    if (ref) metadata['report'] = ref;
    const result = await handle(this.store, reportStream(command.data.reportId), reportDecider, command, {
      metadata,
      idempotencyKey,
    });
    return { events: result.events, state: result.newState };
  }
}
