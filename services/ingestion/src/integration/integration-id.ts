import { v5 as uuidv5 } from 'uuid';

/** Fixed forever: an integration's id (and stream) derives from (tenant, source). */
const INTEGRATION_NAMESPACE = '7f1c2a9e-4b3d-4e8f-9a6b-2d5c8e1f0a47';

export const integrationIdFor = (tenantId: string, source: string): string =>
  uuidv5(`${tenantId}|${source}`, INTEGRATION_NAMESPACE);

/** `integration-<id>`: one source of one tenant, its registration and saved mappings. */
export const integrationStream = (integrationId: string): string => `integration-${integrationId}`;
