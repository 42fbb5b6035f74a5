import type { RecordEntity } from '@foresight/contracts';
import { v5 as uuidv5 } from 'uuid';

export type { RecordEntity };

/** How an upstream system names a record. */
export interface RecordKey {
  tenantId: string;
  /** The upstream system that last sent the record, e.g. "crm", "product", "surveys". */
  source: string;
  entity: RecordEntity;
  externalId: string;
}

/** Fixed forever: changing it would move every record to a new stream. */
const NAMESPACE = '2b0f7d3e-5c9a-4e61-9d1f-6a8c4b3e2f10';

/**
 * The record's id (and stream): the same (tenant, entity, external id) always lands on the same
 * stream, whichever source sent it. Until identity resolution exists, an external id is taken to
 * mean the same thing in every source of a tenant, which is what lets a usage row from the product
 * and an account from the CRM meet on one account id.
 */
export function recordIdFor(key: Omit<RecordKey, 'source'> & { source?: string }): string {
  return uuidv5(JSON.stringify([key.tenantId, key.entity, key.externalId]), NAMESPACE);
}

/** The canonical account id of the walking skeleton: the account record's own id. */
export function accountIdFor(tenantId: string, accountExternalId: string): string {
  return recordIdFor({ tenantId, entity: 'account', externalId: accountExternalId });
}
