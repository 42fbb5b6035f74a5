import { ApiProperty } from '@nestjs/swagger';
import { MAX_BATCH, RecordEntity } from '@foresight/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { RECORD_SCHEMAS } from './record-schemas.openapi';

export const EXAMPLE_RECORDS: Record<RecordEntity, object[]> = {
  account: [
    {
      externalId: 'crm-42',
      name: 'Northwind Analytics',
      domain: 'northwind.example',
      industry: 'COMPUTER_SOFTWARE',
      employeeRange: '51 to 200',
      lifecycle: 'customer',
      mrr: 2000,
      arr: 24000,
      ownerEmail: 'dana@acme.example',
    },
  ],
  contract: [
    {
      externalId: 'ctr-7',
      accountExternalId: 'crm-42',
      arr: 24000,
      startDate: '2025-01-01T00:00:00Z',
      renewalDate: '2026-01-01T00:00:00Z',
      status: 'active',
    },
  ],
  usage: [
    {
      accountExternalId: 'crm-42',
      at: '2025-06-02T00:00:00Z',
      actions: { contacts: 120, companies: 30, deals: 12, email: 40 },
      users: { contacts: 6, companies: 3, deals: 2, email: 4 },
    },
  ],
  feedback: [
    {
      externalId: 'nps-1001',
      accountExternalId: 'crm-42',
      at: '2025-06-03T10:00:00Z',
      channel: 'nps',
      score: 3,
      text: 'Reporting is slow and support never answers',
    },
  ],
  subscription: [
    {
      externalId: 'sub-31',
      accountExternalId: 'crm-42',
      product: 'Analytics Cloud',
      plan: 'Pro',
      units: 40,
      unitLimit: 50,
      status: 'active',
      mrr: 2000,
      startDate: '2025-01-01T00:00:00Z',
    },
  ],
  contact: [
    {
      externalId: 'ct-501',
      accountExternalId: 'crm-42',
      name: 'Ana Ruiz',
      email: 'ana@northwind.example',
      title: 'VP Operations',
      role: 'champion',
    },
  ],
  intent_signal: [
    {
      externalId: 'sig-9001',
      accountExternalId: 'crm-42',
      type: 'review_site',
      strength: 72,
      detectedAt: '2025-06-04T08:00:00Z',
      topic: 'pricing',
      sourceDetail: 'compared us with two competitors on a review site',
    },
  ],
};

/**
 * The batch envelope. Only its shape is checked here (a malformed envelope is a 400 naming the
 * field); each record is checked by the use case, so one bad record is rejected with its reasons
 * while the others are stored.
 */
function batchRequestOf(entity: RecordEntity) {
  class IngestBatchRequest {
    @ApiProperty({
      example: 'crm',
      pattern: '^[a-z][a-z0-9-]{0,39}$',
      description: 'the upstream system (the `<source>` of its `upstream.<source>.<entity>` topics)',
    })
    @Matches(/^[a-z][a-z0-9-]{0,39}$/, {
      message: 'source must be a lowercase name like crm or product-analytics',
    })
    source!: string;

    @ApiProperty({
      type: 'array',
      items: RECORD_SCHEMAS[entity],
      minItems: 1,
      maxItems: MAX_BATCH,
      example: EXAMPLE_RECORDS[entity],
      description: 'each record is validated on its own: bad ones are rejected (and kept), good ones stored',
    })
    @IsArray()
    @ArrayMinSize(1)
    @ArrayMaxSize(MAX_BATCH)
    records!: unknown[];
  }
  return IngestBatchRequest;
}

export class AccountBatchRequest extends batchRequestOf('account') {}
export class ContractBatchRequest extends batchRequestOf('contract') {}
export class UsageBatchRequest extends batchRequestOf('usage') {}
export class FeedbackBatchRequest extends batchRequestOf('feedback') {}
export class SubscriptionBatchRequest extends batchRequestOf('subscription') {}
export class ContactBatchRequest extends batchRequestOf('contact') {}
export class IntentSignalBatchRequest extends batchRequestOf('intent_signal') {}
