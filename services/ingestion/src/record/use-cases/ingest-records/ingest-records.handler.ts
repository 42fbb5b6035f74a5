import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import type { AccountFirmographics, FieldError, UsageSample } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import { EventMetadata, EventStore, handle } from '@foresight/eventstore';
import { CONFIG } from '@foresight/service-kit';
import { v5 as uuidv5 } from 'uuid';
import type { IngestionConfig } from '../../../config';
import { forEachLimited } from '../../../shared/concurrency';
import { ingestionError } from '../../../shared/ingestion.errors';
import { streams } from '../../../shared/streams';
import { Rejection } from '../../../sync/domain/sync.commands';
import { statusOf, syncDecider } from '../../../sync/domain/sync.decider';
import { periodOf, usageDecider } from '../../../usage/domain/usage.decider';
import { RecordCommand } from '../../domain/record.commands';
import { recordDecider } from '../../domain/record.decider';
import { RecordEvent } from '../../domain/record.events';
import { accountIdFor, RecordKey, recordIdFor } from '../../domain/record-key';
import { SourceRecord } from '../../domain/record.state';
import { IngestRecords } from './ingest-records.command';
import { IngestResultView, RecordOutcome, RecordResultView } from './ingest-result.view';
import { IncomingRecord, rawOf } from './record-verdict';

/** Fixed forever: rejection ids derive from where the record came from, so a redelivery hits the same one. */
const REJECTION_NAMESPACE = 'c3e1a7b2-6d4f-4b8e-a1c9-5f2e7d3b9a60';

/** Account fields the features carry: a change to one of them recomputes the account's features. */
const FIRMOGRAPHIC_FIELDS = ['employeeRange', 'industry', 'webRank', 'arr'];

type Payload = Readonly<Record<string, unknown>>;

function firmographicsOf(account: Payload): AccountFirmographics {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    employeeRange: text(account['employeeRange']),
    industry: text(account['industry']),
    webRank: num(account['webRank']),
    arr: num(account['arr']),
  };
}

const live = (s: SourceRecord): s is Extract<SourceRecord, { status: 'ACTIVE' | 'UNRESOLVABLE' }> =>
  s.status === 'ACTIVE' || s.status === 'UNRESOLVABLE';

function outcomeOf(events: readonly RecordEvent[]): RecordOutcome {
  switch (events[0]?.type) {
    case undefined:
      return 'unchanged';
    case 'SourceCreated':
      return 'created';
    case 'SourceUpdated':
      return 'updated';
    default:
      return 'removed';
  }
}

/**
 * Runs a validated batch: each good record onto its stream through its decider (re-sends are no-ops
 * by content hash), usage rows onto their account's usage stream (features recomputed there), and
 * finally the sync itself — rejections and summary — onto its own stream, where the rejections
 * and sync-history read models pick them up. Records of different streams run concurrently;
 * records of one stream keep batch order.
 */
@Injectable()
export class IngestRecordsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONFIG) private readonly config: IngestionConfig,
  ) {}

  async execute(command: IngestRecords): Promise<IngestResultView> {
    const { input, items } = command;
    const { tenantId, source, entity, syncId } = input;
    const at = input.receivedAt.toISOString();
    const metadata: EventMetadata = {
      tenantId,
      actor: input.actor,
      correlationId: input.correlationId ?? syncId,
    };
    if (input.traceparent) metadata.traceparent = input.traceparent;
    const write = { metadata, occurredAt: input.receivedAt };

    const results: RecordResultView[] = [];
    const rejections: Rejection[] = [];
    const reject = (i: number, record: IncomingRecord, externalId: string | null, errors: FieldError[]) => {
      results[i] = { index: record.index, externalId, outcome: 'rejected', id: null };
      rejections.push({
        rejectionId: uuidv5(`${tenantId}|${record.origin}`, REJECTION_NAMESPACE),
        index: record.index,
        externalId,
        errors,
        raw: rawOf(record),
      });
    };

    const accounts = new Map<string, Promise<SourceRecord>>();
    const accountState = (externalId: string) => {
      let state = accounts.get(externalId);
      if (!state) {
        const id = accountIdFor(tenantId, externalId);
        state = this.store
          .read(streams.record(id))
          .then((events) =>
            events.reduce(
              (s, e) => recordDecider.evolve(s, { type: e.type, data: e.data } as RecordEvent),
              recordDecider.initialState(),
            ),
          );
        accounts.set(externalId, state);
      }
      return state;
    };
    const accountMissing = async (externalId: string): Promise<FieldError[] | null> => {
      const state = await accountState(externalId);
      if (live(state)) return null;
      const why = state.status === 'REMOVED' ? 'was removed' : 'not found';
      return [{ field: 'accountExternalId', errors: [`account ${externalId} ${why}`] }];
    };

    // Work per stream, in batch order within a stream.
    const queues = new Map<string, (() => Promise<void>)[]>();
    const enqueue = (stream: string, job: () => Promise<void>) => {
      const queue = queues.get(stream);
      if (queue) queue.push(job);
      else queues.set(stream, [job]);
    };
    const usageByAccount = new Map<
      string,
      { i: number; record: IncomingRecord; externalId: string; sample: UsageSample }[]
    >();

    items.forEach(({ record, verdict }, i) => {
      if (!verdict.ok) return reject(i, record, verdict.externalId, verdict.errors);
      if (entity === 'usage') {
        // verdictOf refuses usage removals, so a good usage row is always an upsert with its account.
        if (verdict.op !== 'upsert' || !verdict.accountExternalId) return;
        const rows = usageByAccount.get(verdict.accountExternalId) ?? [];
        const p = verdict.payload;
        rows.push({
          i,
          record,
          externalId: verdict.externalId,
          sample: {
            at: p['at'] as string,
            actions: p['actions'] as UsageSample['actions'],
            users: p['users'] as UsageSample['users'],
          },
        });
        usageByAccount.set(verdict.accountExternalId, rows);
        return;
      }
      const key: RecordKey = { tenantId, source, entity, externalId: verdict.externalId };
      const recordId = recordIdFor(key);
      enqueue(streams.record(recordId), async () => {
        if (verdict.op === 'upsert' && verdict.accountExternalId) {
          const missing = await accountMissing(verdict.accountExternalId);
          if (missing) return reject(i, record, verdict.externalId, missing);
        }
        const recordCommand: RecordCommand =
          verdict.op === 'delete'
            ? {
                type: 'RemoveRecord',
                data: { key, reason: input.removalReason ?? null, onlyIfKnown: input.addressesExisting, at },
              }
            : { type: 'ReceiveRecord', data: { key, payload: verdict.payload, at } };
        let events: RecordEvent[];
        try {
          ({ events } = await handle(
            this.store,
            streams.record(recordId),
            recordDecider,
            recordCommand,
            write,
          ));
        } catch (err) {
          // The decider's refusals are about this record; anything else (the store away) fails the batch.
          if (!(err instanceof DomainError) || !err.code.startsWith('RECORD.')) throw err;
          if (input.addressesExisting && err.code === 'RECORD.UNKNOWN')
            throw ingestionError('RECORD_NOT_FOUND', err.message, { entity, externalId: verdict.externalId });
          const field = err.code === 'RECORD.UNKNOWN' ? 'externalId' : '(record)';
          return reject(i, record, verdict.externalId, [{ field, errors: [err.message] }]);
        }
        results[i] = {
          index: record.index,
          externalId: verdict.externalId,
          outcome: outcomeOf(events),
          id: recordId,
        };
        const change = events[0];
        if (
          entity === 'account' &&
          (change?.type === 'SourceCreated' ||
            (change?.type === 'SourceUpdated' &&
              change.data.changedFields.some((f) => FIRMOGRAPHIC_FIELDS.includes(f))))
        )
          await this.refreshFeatures(verdict.externalId, change.data.payload, at, write);
      });
    });

    for (const [accountExternalId, rows] of usageByAccount) {
      const accountId = accountIdFor(tenantId, accountExternalId);
      enqueue(streams.usage(accountId), async () => {
        const missing = await accountMissing(accountExternalId);
        if (missing) {
          for (const row of rows) reject(row.i, row.record, row.externalId, missing);
          return;
        }
        const account = await accountState(accountExternalId);
        const samples = rows.map((row) => row.sample);
        const { events } = await handle(
          this.store,
          streams.usage(accountId),
          usageDecider,
          {
            type: 'RecordUsage',
            data: {
              accountId,
              accountExternalId,
              source,
              samples,
              firmographics: live(account) && account.payload ? firmographicsOf(account.payload) : null,
              lookbackDays: this.config.USAGE_LOOKBACK_DAYS,
              at,
            },
          },
          write,
        );
        // previousHash per period recorded: null for a new period, the replaced counts' hash otherwise.
        const recorded = new Map<string, string | null>();
        for (const e of events)
          if (e.type === 'UsageRecorded') recorded.set(e.data.period, e.data.previousHash);
        for (const { i, record, externalId, sample } of rows) {
          const period = periodOf(sample.at);
          const outcome: RecordOutcome = !recorded.has(period)
            ? 'unchanged'
            : recorded.get(period)
              ? 'updated'
              : 'created';
          results[i] = { index: record.index, externalId, outcome, id: accountId };
        }
      });
    }

    await forEachLimited([...queues.values()], this.config.INGEST_CONCURRENCY, async (jobs) => {
      for (const job of jobs) await job();
    });

    const finishedAt = new Date();
    const accepted = results.filter(
      (r) => r.outcome === 'created' || r.outcome === 'updated' || r.outcome === 'removed',
    ).length;
    const unchanged = results.filter((r) => r.outcome === 'unchanged').length;
    rejections.sort((a, b) => a.index - b.index);
    await handle(
      this.store,
      streams.sync(syncId),
      syncDecider,
      {
        type: 'CompleteSync',
        data: {
          syncId,
          source,
          entity,
          via: input.via,
          actor: input.actor,
          received: input.records.length,
          accepted,
          unchanged,
          rejections,
          startedAt: at,
          finishedAt: finishedAt.toISOString(),
        },
      },
      { metadata },
    );
    return {
      syncId,
      source,
      entity,
      status: statusOf({ accepted, unchanged, rejected: rejections.length }),
      received: input.records.length,
      accepted,
      unchanged,
      rejected: rejections.map(({ index, externalId, errors }) => ({ index, externalId, errors })),
      results,
      durationMs: finishedAt.getTime() - input.receivedAt.getTime(),
    };
  }

  /** The account's firmographics moved: its features carry them, so recompute (a no-op without usage). */
  private async refreshFeatures(
    accountExternalId: string,
    account: Payload,
    at: string,
    write: { metadata: EventMetadata; occurredAt: Date },
  ): Promise<void> {
    const accountId = accountIdFor(write.metadata.tenantId, accountExternalId);
    await handle(
      this.store,
      streams.usage(accountId),
      usageDecider,
      {
        type: 'RefreshFeatures',
        data: {
          accountId,
          accountExternalId,
          firmographics: firmographicsOf(account),
          lookbackDays: this.config.USAGE_LOOKBACK_DAYS,
          at,
        },
      },
      write,
    );
  }
}
