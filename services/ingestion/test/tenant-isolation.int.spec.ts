import {
  checkTenantIsolation,
  formatIsolationReport,
  isolationTenants,
  startTestIdentity,
  TestIdentity,
} from '@foresight/testing';
import { accountIdFor } from '../src/record/domain/record-key';
import { eventually, Ingestion, startIngestion } from './support/ingestion-harness';

/**
 * Every route of ingestion, as the router has them, called by tenant A's owner (a real JWT from a real
 * identity) against tenant B: B's resources by id, and B named as the tenant everywhere a client
 * could. A new route is probed without touching this file; when a route takes a resource id, create
 * that resource for tenant B below and pass its id in `params` (keyed by the path parameter's name)
 * and its names in `markers`, so the probe hits real data rather than a random id.
 */
describe('ingestion: tenant isolation on every route', () => {
  let identity: TestIdentity;
  let ingestion: Ingestion | undefined;

  beforeAll(async () => {
    identity = await startTestIdentity();
  });

  afterAll(async () => {
    await ingestion?.stop();
    await identity?.stop();
  });

  it("never gives a principal of tenant A tenant B's data", async () => {
    const { caller, victim, b } = await isolationTenants(identity);
    ingestion = await startIngestion(identity);
    const asB = { authorization: `Bearer ${b.owner.accessToken}` };
    // B's own records: an account (with a name and owner only B may see), a rejection, a batch.
    const externalId = `b-only-${b.slug}`;
    const secretName = `B Secret Holdings ${b.slug}`;
    const secretOwner = `ceo@${b.slug}.example.com`;
    const batch = await ingestion.call<{ syncId: string }>('POST', '/v1/ingest/accounts', asB, {
      source: 'crm',
      records: [
        { externalId, name: secretName, lifecycle: 'customer', ownerEmail: secretOwner },
        { externalId: `${externalId}-bad`, name: secretName, lifecycle: 'lead' },
      ],
    });
    expect(batch.status).toBe(207);
    const bRecord = () =>
      ingestion!.call<{ status: string; data: { name: string } }>(
        'GET',
        `/v1/records/account/${externalId}`,
        asB,
      );
    await eventually(async () => (await bRecord()).status === 200);
    await eventually(
      async () =>
        (await ingestion!.call('GET', `/v1/ingest/batches/${batch.body.syncId}`, asB)).status === 200,
    );

    // B's saved column mapping, with a column name only B may see.
    const secretColumn = `B Secret Column ${b.slug}`;
    const bMapping = await ingestion.app.inject({
      method: 'PUT',
      url: '/v1/integrations/crm/mappings/b-secret-map',
      headers: { ...asB, 'content-type': 'application/json' },
      payload: JSON.stringify({ entity: 'account', fields: { externalId: { column: secretColumn } } }),
    });
    expect(bMapping.statusCode).toBe(200);

    // B's validation rule, with a pattern only B may see.
    const secretPattern = `b-secret-pattern-${b.slug}`;
    const bRule = await ingestion.app.inject({
      method: 'POST',
      url: '/v1/ingest/rules',
      headers: { ...asB, 'content-type': 'application/json' },
      payload: JSON.stringify({
        id: 'b-secret-rule',
        entity: 'account',
        field: 'name',
        kind: 'regex',
        pattern: secretPattern,
      }),
    });
    expect(bRule.statusCode).toBe(201);
    const bRuleNow = () => ingestion!.call<{ pattern: string }>('GET', '/v1/ingest/rules/b-secret-rule', asB);
    await eventually(async () => (await bRuleNow()).status === 200);

    const report = await checkTenantIsolation({
      app: ingestion.app,
      caller,
      victim: {
        ...victim,
        params: {
          entity: 'account',
          externalId,
          syncId: batch.body.syncId,
          id: 'b-secret-rule',
          source: 'crm',
          name: 'b-secret-map',
        },
        markers: [
          ...(victim.markers ?? []),
          secretName,
          secretOwner,
          secretPattern,
          secretColumn,
          batch.body.syncId,
          accountIdFor(b.tenantId, externalId),
        ],
      },
      // Real batches, so the POST probes get past validation: A writes only into A, whatever it names.
      bodies: {
        'POST /v1/ingest/rules': { id: 'a-own-rule', entity: 'account', field: 'name', kind: 'not_null' },
        'PUT /v1/ingest/rules/:id': { entity: 'account', field: 'name', kind: 'not_null' },
        'POST /v1/ingest/accounts': {
          source: 'crm',
          records: [{ externalId: 'a-own-1', name: 'A Own', lifecycle: 'customer' }],
        },
        'POST /v1/ingest/contracts': {
          source: 'crm',
          records: [
            {
              externalId: 'a-ctr-1',
              accountExternalId: 'a-own-1',
              arr: 1,
              startDate: '2025-01-01T00:00:00Z',
              renewalDate: '2026-01-01T00:00:00Z',
              status: 'active',
            },
          ],
        },
        'POST /v1/ingest/usage': {
          source: 'product',
          records: [
            {
              accountExternalId: 'a-own-1',
              at: '2025-06-02T00:00:00Z',
              actions: { contacts: 1, companies: 0, deals: 0, email: 0 },
              users: { contacts: 1, companies: 0, deals: 0, email: 0 },
            },
          ],
        },
        'POST /v1/ingest/feedback': {
          source: 'surveys',
          records: [
            {
              externalId: 'a-fb-1',
              accountExternalId: 'a-missing',
              at: '2025-06-02T00:00:00Z',
              channel: 'ticket',
              text: 'an account A never sent: rejected in A',
            },
          ],
        },
        'POST /v1/ingest/subscriptions': {
          source: 'billing',
          records: [
            {
              externalId: 'a-sub-1',
              accountExternalId: 'a-own-1',
              product: 'Core',
              plan: 'Pro',
              units: 3,
              status: 'active',
              mrr: 90,
              startDate: '2025-01-01T00:00:00Z',
            },
          ],
        },
        'POST /v1/ingest/contacts': {
          source: 'crm',
          records: [
            { externalId: 'a-ct-1', accountExternalId: 'a-own-1', name: 'A Person', email: 'p@a.example' },
          ],
        },
        'POST /v1/ingest/intent-signals': {
          source: 'intent',
          records: [
            {
              externalId: 'a-sig-1',
              accountExternalId: 'a-own-1',
              type: 'hiring',
              strength: 40,
              detectedAt: '2025-06-02T00:00:00Z',
            },
          ],
        },
      },
      skip: {
        'PUT /v1/integrations/:source/mappings/:name':
          "saves under a name in the caller's own tenant, so B's names answer 200 for A's own mapping; integrations.int.spec checks that B's stays B's and 401 without credentials",
      },
      victimIntact: async () => {
        const record = await bRecord();
        expect(record.body).toMatchObject({ status: 'active', data: { name: secretName } });
        expect((await bRuleNow()).body).toMatchObject({ pattern: secretPattern });
      },
    });
    console.log(formatIsolationReport('ingestion', report));
    expect(report.violations).toEqual([]);
    expect(report.routes.filter((r) => r.kind === 'guarded').map((r) => r.route)).toEqual(
      expect.arrayContaining([
        'GET /v1/whoami',
        'POST /v1/ingest/accounts',
        'POST /v1/ingest/subscriptions',
        'POST /v1/ingest/contacts',
        'POST /v1/ingest/intent-signals',
        'DELETE /v1/ingest/accounts/:externalId',
        'GET /v1/records/:entity/:externalId',
        'GET /v1/ingest/rejections',
        'GET /v1/ingest/batches',
        'GET /v1/ingest/batches/:syncId',
        'POST /v1/ingest/rules',
        'GET /v1/ingest/rules',
        'GET /v1/ingest/rules/:id',
        'PUT /v1/ingest/rules/:id',
        'DELETE /v1/ingest/rules/:id',
        'GET /v1/integrations',
        'GET /v1/integrations/:source/mappings/:name',
      ]),
    );
  });
});
