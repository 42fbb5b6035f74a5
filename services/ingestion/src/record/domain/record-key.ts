import { v5 as uuidv5 } from 'uuid';

export const RECORD_ENTITIES = [
  'account',
  'contract',
  'product_subscription',
  'contact',
  'usage_event',
  'feedback_event',
  'intent_signal',
] as const;
export type RecordEntity = (typeof RECORD_ENTITIES)[number];

/** How an upstream system names a record; two systems may use the same external id. */
export interface RecordKey {
  tenantId: string;
  /** The upstream system, e.g. "salesforce", "hubspot", "zendesk". */
  source: string;
  entity: RecordEntity;
  externalId: string;
}

/** Fixed forever: changing it would move every record to a new stream. */
const NAMESPACE = '2b0f7d3e-5c9a-4e61-9d1f-6a8c4b3e2f10';

/** The record's id (and stream): the same upstream record always lands on the same stream. */
export function recordIdFor(key: RecordKey): string {
  return uuidv5(JSON.stringify([key.tenantId, key.source, key.entity, key.externalId]), NAMESPACE);
}
