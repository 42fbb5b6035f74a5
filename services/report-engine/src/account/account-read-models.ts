import { Inject, Injectable, Logger } from '@nestjs/common';
import { ReadModels, PROJECTION_CATALOG } from '@foresight/backbone';
import type { Envelope } from '@foresight/contracts';
import {
  fromEnvelope,
  Projection,
  ProjectionCatalog,
  ProjectionEvent,
  ProjectionSink,
} from '@foresight/projections';
import { AccountFacts } from '../report/domain/account-facts';
import { accountScoresProjection, LatestScore } from './projections/account-scores.projection';
import { accountSignalsProjection } from './projections/account-signals.projection';
import { accountSnapshotProjection } from './projections/account-snapshot.projection';

const scoreFacts = (s: LatestScore | null | undefined) =>
  s
    ? {
        probability: s.probability,
        modelVersion: s.modelVersion,
        scoredAt: s.scoredAt,
        topFactors: s.topFactors,
      }
    : null;

/**
 * The three Kafka-fed account read models (records, signals, scores): each written by the one
 * consumer that receives its events, read as one `AccountFacts` by the report use cases.
 */
@Injectable()
export class AccountReadModels {
  private readonly logger = new Logger('AccountReadModels');
  private readonly snapshotSink: ProjectionSink;
  private readonly signalsSink: ProjectionSink;
  private readonly scoresSink: ProjectionSink;

  constructor(
    @Inject(PROJECTION_CATALOG) private readonly catalog: ProjectionCatalog,
    private readonly readModels: ReadModels,
  ) {
    const sink = <D extends object, E extends ProjectionEvent>(p: Projection<D, E>) =>
      new ProjectionSink(catalog, p as unknown as Projection<object, ProjectionEvent>);
    this.snapshotSink = sink(accountSnapshotProjection);
    this.signalsSink = sink(accountSignalsProjection);
    this.scoresSink = sink(accountScoresProjection);
  }

  applyScore(envelope: Envelope, payload: object): Promise<void> {
    return this.apply(this.scoresSink, envelope, payload);
  }

  /** A page of the tenant's known accounts by id, for batch runs that walk them all. */
  async accountIds(tenantId: string, after: string | null, limit: number): Promise<string[]> {
    const docs = await this.readModels
      .of(accountSnapshotProjection)
      .find(tenantId, after ? { _id: { $gt: after } } : {}, { sort: { _id: 1 }, limit });
    return docs.map((d) => d._id);
  }

  applyRecord(envelope: Envelope, payload: object): Promise<void> {
    return this.apply(this.snapshotSink, envelope, payload);
  }

  applySignal(envelope: Envelope, payload: object): Promise<void> {
    return this.apply(this.signalsSink, envelope, payload);
  }

  async facts(tenantId: string, accountId: string): Promise<AccountFacts | null> {
    const [snapshot, signals, scores] = await Promise.all([
      this.find(accountSnapshotProjection, tenantId, accountId),
      this.find(accountSignalsProjection, tenantId, accountId),
      this.find(accountScoresProjection, tenantId, accountId),
    ]);
    if (!snapshot && !signals && !scores) return null;
    return {
      accountId,
      name: snapshot?.name ?? null,
      ownerEmail: snapshot?.ownerEmail ?? null,
      gone: snapshot?.gone ?? null,
      lifecycle: snapshot?.lifecycle ?? null,
      industry: snapshot?.industry ?? null,
      employeeRange: snapshot?.employeeRange ?? null,
      arr: snapshot?.arr ?? null,
      mrr: snapshot?.mrr ?? null,
      contracts: Object.entries(snapshot?.contracts ?? {}).map(([recordId, c]) => ({
        recordId,
        externalId: c.externalId ?? null,
        arr: c.arr,
        renewalDate: c.renewalDate,
        status: c.status,
      })),
      subscriptions: Object.entries(snapshot?.subscriptions ?? {}).map(([recordId, s]) => ({
        recordId,
        ...s,
      })),
      intents: Object.entries(snapshot?.intents ?? {}).map(([type, i]) => ({ type, ...i })),
      scores: { churn: scoreFacts(scores?.churn), expansion: scoreFacts(scores?.expansion) },
      usage: signals?.usage ?? null,
      voc: signals?.voc ?? null,
    };
  }

  /**
   * By id; a miss is asked again of the collection the alias names now, uncached: readers cache the
   * alias for a second, and a fresh deployment's first account must not read as missing through a
   * cached "not built yet".
   */
  private async find<D extends object, E extends ProjectionEvent>(
    projection: Projection<D, E>,
    tenantId: string,
    id: string,
  ): Promise<D | null> {
    const hit = await this.readModels.of(projection).findById(tenantId, id);
    if (hit) return hit;
    const alias = await this.catalog.alias(projection.name);
    if (!alias) return null;
    return (await this.catalog.connection
      .collection(alias.collection)
      .findOne({ _id: id as never, tenantId }, { projection: { _applied: 0, _v: 0 } })) as D | null;
  }

  private async apply(sink: ProjectionSink, envelope: Envelope, payload: object): Promise<void> {
    // Without its source stream and revision a redelivery could not be told from a new fact; such a
    // message is a producer bug, logged and passed over rather than retried into the DLQ forever.
    if (envelope.stream === undefined || envelope.revision === undefined) {
      this.logger.warn(
        `${envelope.type} ${envelope.eventId} from ${envelope.source} has no source stream/revision; not projected`,
      );
      return;
    }
    await sink.apply([fromEnvelope(envelope, payload)]);
  }
}
