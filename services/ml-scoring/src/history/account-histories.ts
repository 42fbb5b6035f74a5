import { Inject, Injectable, Logger } from '@nestjs/common';
import { PROJECTION_CATALOG, ReadModels } from '@foresight/backbone';
import type { Envelope } from '@foresight/contracts';
import {
  fromEnvelope,
  Projection,
  ProjectionCatalog,
  ProjectionEvent,
  ProjectionSink,
} from '@foresight/projections';
import type { AccountHistory } from './domain/account-history';
import { accountHistoryProjection } from './projections/account-history.projection';

/** The Kafka-fed account history: written by its consumer, read (per tenant) by training and scoring. */
@Injectable()
export class AccountHistories {
  private readonly logger = new Logger('AccountHistories');
  private readonly sink: ProjectionSink;

  constructor(
    @Inject(PROJECTION_CATALOG) catalog: ProjectionCatalog,
    private readonly readModels: ReadModels,
  ) {
    this.sink = new ProjectionSink(
      catalog,
      accountHistoryProjection as unknown as Projection<object, ProjectionEvent>,
    );
  }

  async apply(envelope: Envelope, payload: object): Promise<void> {
    // Without its source stream and revision a redelivery could not be told from a new fact (and a
    // score could not name its inputs); such a message is a producer bug, logged and passed over.
    if (envelope.stream === undefined || envelope.revision === undefined) {
      this.logger.warn(
        `${envelope.type} ${envelope.eventId} from ${envelope.source} has no source stream/revision; not recorded`,
      );
      return;
    }
    await this.sink.apply([fromEnvelope(envelope, payload)]);
  }

  async of(tenantId: string, accountId: string): Promise<AccountHistory | null> {
    return this.readModels.of(accountHistoryProjection).findById(tenantId, `${tenantId}:${accountId}`);
  }

  /** Every account of the tenant, in a stable order (training sets must not depend on storage order). */
  async all(tenantId: string): Promise<AccountHistory[]> {
    return this.readModels.of(accountHistoryProjection).find(tenantId, {}, { sort: { accountId: 1 } });
  }

  /** Counts for `GET /v1/history/summary`; reads every document, so it is for occasional polls, not hot paths. */
  async summary(tenantId: string): Promise<{ accounts: number; usageRows: number; outcomeFacts: number }> {
    const all = await this.readModels.of(accountHistoryProjection).find(tenantId, {});
    return {
      accounts: all.length,
      usageRows: all.reduce((n, h) => n + h.usage.length, 0),
      outcomeFacts: all.reduce((n, h) => n + h.facts.length, 0),
    };
  }
}
