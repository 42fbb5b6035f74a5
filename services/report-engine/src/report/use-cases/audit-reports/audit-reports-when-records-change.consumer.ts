import { Injectable } from '@nestjs/common';
import {
  RecordRemoved,
  RecordRemovedPayload,
  RecordUnresolvable,
  RecordUnresolvablePayload,
  RecordUpserted,
  RecordUpsertedPayload,
} from '@foresight/contracts';
import { ConsumedEvent, OnEvent } from '@foresight/messaging';
import { CONSUMER_GROUPS } from '../../../consumer-groups';
import { AccountReadModels } from '../../../account/account-read-models';
import { SNAPSHOT_ENTITIES } from '../../../account/projections/account-snapshot.projection';
import { causedBy } from '../shared/cause';
import { AuditReportsHandler, RecordChange } from './audit-reports.handler';

/**
 * One consumer for both effects of a record change, in order: the account snapshot first, then the
 * audit of the account's reports, so the audit always reads the account as this change left it.
 * Usage and feedback records are passed over: they reach report-engine as features and signals.
 * Subscriptions and intent signals are consumed as ingestion defines them (see the README).
 */
@Injectable()
export class AuditReportsWhenRecordsChange {
  constructor(
    private readonly accounts: AccountReadModels,
    private readonly handler: AuditReportsHandler,
  ) {}

  @OnEvent(RecordUpserted.type, { consumer: CONSUMER_GROUPS.records.name })
  onUpserted(event: ConsumedEvent<RecordUpsertedPayload>): Promise<void> {
    return this.react(event, { type: 'RecordUpserted', payload: event.payload });
  }

  @OnEvent(RecordRemoved.type, { consumer: CONSUMER_GROUPS.records.name })
  onRemoved(event: ConsumedEvent<RecordRemovedPayload>): Promise<void> {
    return this.react(event, { type: 'RecordRemoved', payload: event.payload });
  }

  @OnEvent(RecordUnresolvable.type, { consumer: CONSUMER_GROUPS.records.name })
  onUnresolvable(event: ConsumedEvent<RecordUnresolvablePayload>): Promise<void> {
    return this.react(event, { type: 'RecordUnresolvable', payload: event.payload });
  }

  private async react({ envelope, payload }: ConsumedEvent<object>, change: RecordChange): Promise<void> {
    const entity: string = change.payload.entity;
    if (!SNAPSHOT_ENTITIES.includes(entity)) return;
    await this.accounts.applyRecord(envelope, payload);
    await this.handler.execute({
      tenantId: envelope.tenantId,
      changeId: envelope.eventId,
      change,
      cause: causedBy(envelope),
      now: new Date(),
    });
  }
}
