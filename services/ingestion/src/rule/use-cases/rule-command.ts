import { invalidRule } from '../domain/rule-set.errors';
import { RULE_ID, RULE_ID_MESSAGE } from './rule-params';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks every rule command shares: the tenant comes from a credential, the id is a slug. */
export function checkTenantAndId(tenantId: string, ruleId: string | undefined): void {
  if (!UUID.test(tenantId))
    throw invalidRule([{ field: 'tenantId', errors: ['tenantId must be a tenant id (UUID)'] }]);
  if (ruleId !== undefined && !RULE_ID.test(ruleId))
    throw invalidRule([{ field: 'id', errors: [RULE_ID_MESSAGE] }]);
}
