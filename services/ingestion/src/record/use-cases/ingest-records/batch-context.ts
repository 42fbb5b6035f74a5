import type { EventMetadata, EventStore } from '@foresight/eventstore';
import { AccountLookup } from './account-lookup';
import { BatchOutcome } from './batch-outcome';
import type { IngestRecordsInput } from './ingest-records.command';

/** What every step of one batch shares: who and when, the outcome so far, the accounts read. */
export class BatchContext {
  /** When the batch was received, as every record's domain time. */
  readonly at: string;
  readonly write: { metadata: EventMetadata; occurredAt: Date };
  readonly outcome: BatchOutcome;
  readonly accounts: AccountLookup;

  constructor(
    readonly input: Readonly<IngestRecordsInput>,
    store: EventStore,
  ) {
    this.at = input.receivedAt.toISOString();
    const metadata: EventMetadata = {
      tenantId: input.tenantId,
      actor: input.actor,
      correlationId: input.correlationId ?? input.syncId,
    };
    if (input.traceparent) metadata.traceparent = input.traceparent;
    this.write = { metadata, occurredAt: input.receivedAt };
    this.outcome = new BatchOutcome(input.tenantId);
    this.accounts = new AccountLookup(store, input.tenantId);
  }
}
