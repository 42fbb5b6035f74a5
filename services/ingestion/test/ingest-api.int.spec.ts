import { HEADER, Topics } from '@foresight/contracts';
import {
  createTestApiKey,
  createTestTenant,
  startTestIdentity,
  TestIdentity,
  TestTenant,
} from '@foresight/testing';
import { accountIdFor } from '../src/record/domain/record-key';
import { eventually, Ingestion, Seen, startIngestion, TopicWatcher } from './support/ingestion-harness';

type Result = {
  syncId: string;
  status: string;
  accepted: number;
  unchanged: number;
  rejected: { index: number; externalId: string | null; errors: { field: string; errors: string[] }[] }[];
  results: { index: number; outcome: string; id: string | null }[];
};

const account = (externalId: string, over: Record<string, unknown> = {}) => ({
  externalId,
  name: `Company ${externalId}`,
  domain: `${externalId}.example`,
  industry: 'COMPUTER_SOFTWARE',
  employeeRange: '51 to 200',
  lifecycle: 'customer',
  mrr: 2000,
  arr: 24000,
  ownerEmail: `owner-of-${externalId}@acme.example`,
  ...over,
});
const week = (accountExternalId: string, at: string, contacts: number, users: number) => ({
  accountExternalId,
  at,
  actions: { contacts, companies: 2, deals: 1, email: 0 },
  users: { contacts: users, companies: 1, deals: 1, email: 0 },
});

describe('ingestion: REST batch API', () => {
  let identity: TestIdentity;
  let ingestion: Ingestion;
  let watcher: TopicWatcher;
  let a: TestTenant;
  let b: TestTenant;
  let writer: Record<string, string>;
  let reader: Record<string, string>;
  let bReader: Record<string, string>;
  let memberKey: Record<string, string>;

  const records = (m: Seen) =>
    m.topic === Topics.ingestionRecords && m.headers[HEADER.tenantId] === a.tenantId;
  const about = (externalId: string) => (m: Seen) => records(m) && m.value['externalId'] === externalId;

  beforeAll(async () => {
    identity = await startTestIdentity();
    [a, b] = await Promise.all([createTestTenant(identity), createTestTenant(identity)]);
    const [w, m] = await Promise.all([
      createTestApiKey(identity, a, ['ingest-bot']),
      createTestApiKey(identity, a, ['member']),
    ]);
    writer = { 'x-api-key': w.apiKey };
    memberKey = { 'x-api-key': m.apiKey };
    reader = { authorization: `Bearer ${a.owner.accessToken}` };
    bReader = { authorization: `Bearer ${b.owner.accessToken}` };
    ingestion = await startIngestion(identity);
    watcher = await TopicWatcher.start(
      [Topics.ingestionRecords, Topics.ingestionAccountFeatures, Topics.ingestionFeedback],
      [a.tenantId, b.tenantId],
    );
  });

  afterAll(async () => {
    await watcher?.stop();
    await ingestion?.stop();
    await identity?.stop();
  });

  it('stores and publishes the good records of a batch, and keeps the bad ones with their reasons', async () => {
    const res = await ingestion.call<Result>('POST', '/v1/ingest/accounts', writer, {
      source: 'crm',
      records: [account('acc-1'), account('acc-2'), account('acc-bad', { lifecycle: 'lead', mrr: -5 })],
    });
    expect(res.status).toBe(207);
    expect(res.body).toMatchObject({ status: 'partial', accepted: 2, unchanged: 0 });
    expect(res.body.results.map((r) => r.outcome)).toEqual(['created', 'created', 'rejected']);
    expect(res.body.rejected).toEqual([
      {
        index: 2,
        externalId: 'acc-bad',
        errors: expect.arrayContaining([
          { field: 'lifecycle', errors: [expect.stringContaining('customer, prospect')] },
          { field: 'mrr', errors: [expect.stringContaining('mrr must not be less than 0')] },
        ]),
      },
    ]);

    const [upserted] = await watcher.waitFor(about('acc-1'));
    const accountId = accountIdFor(a.tenantId, 'acc-1');
    expect(upserted!.key).toBe(accountId);
    expect(upserted!.headers).toMatchObject({
      [HEADER.type]: 'RecordUpserted',
      [HEADER.tenantId]: a.tenantId,
      [HEADER.source]: 'ingestion',
      [HEADER.schemaVersion]: '1',
      [HEADER.stream]: `record-${accountId}`,
      [HEADER.revision]: '0',
    });
    expect(upserted!.headers[HEADER.eventId]).toMatch(/^[0-9a-f-]{36}$/);
    expect(upserted!.headers[HEADER.correlationId]).toBeTruthy();
    expect(upserted!.value).toMatchObject({
      recordId: accountId,
      accountId,
      entity: 'account',
      source: 'crm',
      change: 'created',
      changedFields: [],
      data: { name: 'Company acc-1', ownerEmail: 'owner-of-acc-1@acme.example' },
    });
    await watcher.waitFor(about('acc-2'));

    const record = await eventually(async () => {
      const r = await ingestion.call('GET', '/v1/records/account/acc-1', reader);
      return r.status === 200 && r.body;
    });
    expect(record).toMatchObject({ status: 'active', accountId, data: { arr: 24000 }, versions: 1 });

    const rejections = await eventually(async () => {
      const r = await ingestion.call<{ items: Record<string, unknown>[] }>(
        'GET',
        `/v1/ingest/rejections?entity=account&syncId=${res.body.syncId}`,
        reader,
      );
      return r.body.items?.length ? r.body.items : undefined;
    });
    expect(rejections).toEqual([
      expect.objectContaining({
        syncId: res.body.syncId,
        source: 'crm',
        entity: 'account',
        via: 'api',
        index: 2,
        externalId: 'acc-bad',
        raw: expect.objectContaining({ lifecycle: 'lead', mrr: -5 }),
        errors: expect.arrayContaining([expect.objectContaining({ field: 'lifecycle' })]),
      }),
    ]);
    expect((await ingestion.call('GET', '/v1/records/account/acc-bad', reader)).status).toBe(404);
  });

  it('makes an unchanged re-send a no-op, and an update a RecordUpserted naming the changed fields', async () => {
    const again = await ingestion.call<Result>('POST', '/v1/ingest/accounts', writer, {
      source: 'crm',
      records: [account('acc-1'), account('acc-2')],
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'succeeded', accepted: 0, unchanged: 2, rejected: [] });

    const update = await ingestion.call<Result>('POST', '/v1/ingest/accounts', writer, {
      source: 'crm',
      records: [account('acc-1', { name: 'Company acc-1 Inc', ownerEmail: 'new-owner@acme.example' })],
    });
    expect(update.body.results[0]!.outcome).toBe('updated');
    // The relay publishes in store order: had the re-send appended anything, it would show before this.
    const all = await watcher.waitFor(about('acc-1'), 2);
    expect(all.map((m) => m.value['change'])).toEqual(['created', 'updated']);
    expect(all[1]!.value).toMatchObject({
      changedFields: ['name', 'ownerEmail'],
      data: { name: 'Company acc-1 Inc', ownerEmail: 'new-owner@acme.example' },
    });
    expect(all[1]!.headers[HEADER.revision]).toBe('1');
    expect(watcher.of(about('acc-2'))).toHaveLength(1);
  });

  it('rejects contracts of an unknown account with the reason, and stores the rest', async () => {
    const res = await ingestion.call<Result>('POST', '/v1/ingest/contracts', writer, {
      source: 'crm',
      records: [
        {
          externalId: 'ctr-1',
          accountExternalId: 'acc-1',
          arr: 24000,
          startDate: '2025-01-01T00:00:00Z',
          renewalDate: '2026-01-01T00:00:00Z',
          status: 'active',
        },
        {
          externalId: 'ctr-2',
          accountExternalId: 'acc-nowhere',
          arr: 100,
          startDate: '2025-01-01T00:00:00Z',
          renewalDate: '2026-01-01T00:00:00Z',
          status: 'active',
        },
      ],
    });
    expect(res.status).toBe(207);
    expect(res.body.rejected).toEqual([
      {
        index: 1,
        externalId: 'ctr-2',
        errors: [{ field: 'accountExternalId', errors: ['account acc-nowhere not found'] }],
      },
    ]);
    const [contract] = await watcher.waitFor(about('ctr-1'));
    expect(contract!.key).toBe(accountIdFor(a.tenantId, 'acc-1'));
    expect(contract!.value).toMatchObject({
      entity: 'contract',
      accountId: accountIdFor(a.tenantId, 'acc-1'),
    });
  });

  it('aggregates usage into the account features and publishes AccountFeaturesChanged', async () => {
    const rows = [
      week('acc-1', '2025-05-26T00:00:00Z', 100, 5),
      week('acc-1', '2025-06-02T00:00:00Z', 60, 4),
      week('acc-1', '2025-06-09T00:00:00Z', 20, 2),
    ];
    const res = await ingestion.call<Result>('POST', '/v1/ingest/usage', writer, {
      source: 'product',
      records: rows,
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created']);
    const accountId = accountIdFor(a.tenantId, 'acc-1');
    const features = (m: Seen) => m.topic === Topics.ingestionAccountFeatures && m.key === accountId;
    const [changed] = await watcher.waitFor(features);
    expect(changed!.headers[HEADER.type]).toBe('AccountFeaturesChanged');
    expect(changed!.value).toMatchObject({
      accountId,
      features: {
        accountId,
        asOf: '2025-06-09T00:00:00.000Z',
        lookbackDays: 90,
        samples: 3,
        totalActions: 100 + 3 + (60 + 3) + (20 + 3),
        totalUsers: 7 + 6 + 4,
        daysActive: 14,
        actions: { contacts: { sum: 180, max: 100 } },
        // From the account record as updated above.
        firmographics: { employeeRange: '51 to 200', industry: 'COMPUTER_SOFTWARE', arr: 24000 },
      },
    });

    const resent = await ingestion.call<Result>('POST', '/v1/ingest/usage', writer, {
      source: 'product',
      records: rows,
    });
    expect(resent.body).toMatchObject({ accepted: 0, unchanged: 3 });
    // A firmographic change on the account recomputes the features; nothing else was published before it.
    await ingestion.call('POST', '/v1/ingest/accounts', writer, {
      source: 'crm',
      records: [
        account('acc-1', { name: 'Company acc-1 Inc', ownerEmail: 'new-owner@acme.example', arr: 30000 }),
      ],
    });
    const both = await watcher.waitFor(features, 2);
    expect(
      both.map((m) => (m.value['features'] as { firmographics: { arr: number } }).firmographics.arr),
    ).toEqual([24000, 30000]);
    const record = await eventually(async () => {
      const r = await ingestion.call<{
        features: { samples: number; firmographics: { arr: number } } | null;
      }>('GET', '/v1/records/account/acc-1', reader);
      return r.body.features?.firmographics.arr === 30000 && r.body;
    });
    expect(record.features).toMatchObject({ samples: 3 });

    const orphan = await ingestion.call<Result>('POST', '/v1/ingest/usage', writer, {
      source: 'product',
      records: [week('acc-unknown', '2025-06-09T00:00:00Z', 1, 1)],
    });
    expect(orphan.status).toBe(207);
    expect(orphan.body.rejected[0]).toMatchObject({
      externalId: 'acc-unknown@2025-06-09T00:00:00Z',
      errors: [{ field: 'accountExternalId', errors: ['account acc-unknown not found'] }],
    });
  });

  it('publishes feedback as FeedbackReceived for voice of customer', async () => {
    const res = await ingestion.call<Result>('POST', '/v1/ingest/feedback', writer, {
      source: 'surveys',
      records: [
        {
          externalId: 'nps-1',
          accountExternalId: 'acc-2',
          at: '2025-06-10T09:00:00Z',
          channel: 'nps',
          score: 2,
          text: 'Support never answers and reporting is broken',
        },
      ],
    });
    expect(res.status).toBe(200);
    const [received] = await watcher.waitFor(
      (m) => m.topic === Topics.ingestionFeedback && m.headers[HEADER.tenantId] === a.tenantId,
    );
    expect(received!.headers[HEADER.type]).toBe('FeedbackReceived');
    expect(received!.key).toBe(accountIdFor(a.tenantId, 'acc-2'));
    expect(received!.value).toEqual({
      feedbackId: res.body.results[0]!.id,
      accountId: accountIdFor(a.tenantId, 'acc-2'),
      channel: 'nps',
      score: 2,
      text: 'Support never answers and reporting is broken',
      at: '2025-06-10T09:00:00Z',
    });
  });

  it('removes an account the upstream removed: RecordRemoved, and the record shows it', async () => {
    const res = await ingestion.call<Result>(
      'DELETE',
      '/v1/ingest/accounts/acc-2?source=crm&reason=deleted%20in%20CRM',
      writer,
    );
    expect(res.status).toBe(200);
    expect(res.body.results[0]!.outcome).toBe('removed');
    const [removed] = await watcher.waitFor(
      (m) => about('acc-2')(m) && m.headers[HEADER.type] === 'RecordRemoved',
    );
    expect(removed!.key).toBe(accountIdFor(a.tenantId, 'acc-2'));
    expect(removed!.value).toMatchObject({ entity: 'account', reason: 'deleted in CRM' });
    const record = await eventually(async () => {
      const r = await ingestion.call<{ status: string }>('GET', '/v1/records/account/acc-2', reader);
      return r.body.status === 'removed' && r.body;
    });
    expect(record).toMatchObject({ lastChange: 'removed', data: { name: 'Company acc-2' } });

    expect(
      (await ingestion.call<Result>('DELETE', '/v1/ingest/accounts/acc-2', writer)).body.results[0]!.outcome,
    ).toBe('unchanged');
    const unknown = await ingestion.call('DELETE', '/v1/ingest/accounts/acc-never', writer);
    expect(unknown).toMatchObject({ status: 404, body: { code: 'INGESTION.RECORD_NOT_FOUND' } });
  });

  it('removes, without ?source, the account as the source holding it, and refuses another source by name', async () => {
    await ingestion.call('POST', '/v1/ingest/accounts', writer, {
      source: 'crm',
      records: [account('acc-src')],
    });
    const other = await ingestion.call<{ code: string; fields?: { field: string }[] }>(
      'DELETE',
      '/v1/ingest/accounts/acc-src?source=hubspot',
      writer,
    );
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'INGESTION.SOURCE_CONFLICT' });
    expect(JSON.stringify(other.body)).toContain('source');

    const res = await ingestion.call<Result>('DELETE', '/v1/ingest/accounts/acc-src', writer);
    expect(res.status).toBe(200);
    expect(res.body.results[0]!.outcome).toBe('removed');
    const [removed] = await watcher.waitFor(
      (m) => about('acc-src')(m) && m.headers[HEADER.type] === 'RecordRemoved',
    );
    expect(removed!.value).toMatchObject({ source: 'crm' });
    const record = await eventually(async () => {
      const r = await ingestion.call<{ status: string }>('GET', '/v1/records/account/acc-src', reader);
      return r.body.status === 'removed' && r.body;
    });
    expect(record).toMatchObject({ source: 'crm', lastChange: 'removed' });
  });

  it('answers one clear message per field: the type error alone, "is required" for a missing key', async () => {
    await ingestion.call('POST', '/v1/ingest/accounts', writer, {
      source: 'crm',
      records: [account('acc-msg')],
    });
    const lots = await ingestion.call<Result>('POST', '/v1/ingest/accounts', writer, {
      source: 'crm',
      records: [account('acc-msg', { mrr: 'lots' })],
    });
    expect(lots.body.rejected[0]!.errors).toEqual([
      { field: 'mrr', errors: [expect.stringMatching(/^mrr must be a number/)] },
    ]);
    const usage = await ingestion.call<Result>('POST', '/v1/ingest/usage', writer, {
      source: 'product',
      records: [
        { accountExternalId: 'acc-msg', at: '2025-06-02T00:00:00Z', users: week('acc-msg', '', 1, 1).users },
        {
          accountExternalId: 'acc-msg',
          at: '2025-06-09T00:00:00Z',
          actions: { contacts: 1, deals: 0, email: 0 },
          users: week('acc-msg', '', 1, 1).users,
        },
      ],
    });
    expect(usage.body.rejected.map((r) => r.errors)).toEqual([
      [{ field: 'actions', errors: ['actions is required'] }],
      [{ field: 'actions.companies', errors: ['actions.companies is required'] }],
    ]);
  });

  it('keeps the sync history of every batch: counts, duration, status', async () => {
    // Earlier tests of this file wrote account batches for the same tenant too, and the history read
    // model follows the streams a moment behind: wait until two reads in a row agree.
    let previous = '';
    const history = await eventually(async () => {
      const r = await ingestion.call<{ items: Record<string, unknown>[] }>(
        'GET',
        '/v1/ingest/batches?entity=account',
        reader,
      );
      const items = r.body.items ?? [];
      const ids = items.map((i) => String(i['syncId'])).join(',');
      const settled = items.length >= 6 && ids === previous;
      previous = ids;
      return settled && items;
    });
    // Newest first: the two removals, the firmographic update, the name update, the re-send, the first batch.
    expect(history[history.length - 1]).toMatchObject({
      source: 'crm',
      entity: 'account',
      via: 'api',
      actor: expect.stringMatching(/^key:/),
      received: 3,
      accepted: 2,
      unchanged: 0,
      rejected: 1,
      status: 'partial',
      durationMs: expect.any(Number),
    });
    expect(history[history.length - 2]).toMatchObject({ accepted: 0, unchanged: 2, status: 'succeeded' });
    const page = await ingestion.call<{ items: { syncId: string }[]; nextCursor: string }>(
      'GET',
      '/v1/ingest/batches?entity=account&limit=2',
      reader,
    );
    expect(page.body.items).toHaveLength(2);
    const next = await ingestion.call<{ items: { syncId: string }[] }>(
      'GET',
      `/v1/ingest/batches?entity=account&limit=2&cursor=${page.body.nextCursor}`,
      reader,
    );
    expect(next.body.items.map((s) => s.syncId)).toEqual(history.slice(2, 4).map((s) => s['syncId']));
    const one = await ingestion.call('GET', `/v1/ingest/batches/${history[0]!['syncId'] as string}`, reader);
    expect(one.body).toMatchObject({ syncId: history[0]!['syncId'] });
  });

  it('answers a malformed envelope with 400 naming the field and stores nothing', async () => {
    const bad = await ingestion.call<{ code: string; fields: { field: string }[] }>(
      'POST',
      '/v1/ingest/accounts',
      writer,
      {
        source: 'CRM!',
        records: 'acc-1',
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.fields.map((f) => f.field).sort()).toEqual(['records', 'source']);
    const empty = await ingestion.call<{ fields: { field: string }[] }>('POST', '/v1/ingest/usage', writer, {
      source: 'product',
      records: [],
    });
    expect(empty.status).toBe(400);
    expect(empty.body.fields.map((f) => f.field)).toEqual(['records']);
    const param = await ingestion.call<{ fields: { field: string }[] }>(
      'GET',
      '/v1/records/usage/acc-1',
      reader,
    );
    expect(param.status).toBe(400);
    expect(param.body.fields.map((f) => f.field)).toEqual(['entity']);
  });

  it('refuses writes without records:write and reads without records:read (403)', async () => {
    const res = await ingestion.call<{ code: string }>('POST', '/v1/ingest/accounts', memberKey, {
      source: 'crm',
      records: [account('acc-9')],
    });
    expect(res).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect((await ingestion.call('GET', '/v1/ingest/rejections', writer)).status).toBe(403);
    expect(
      (await ingestion.call('POST', '/v1/ingest/accounts', {}, { source: 'crm', records: [account('x')] }))
        .status,
    ).toBe(401);
  });

  it("never shows tenant B tenant A's records, rejections or batches", async () => {
    expect((await ingestion.call('GET', '/v1/records/account/acc-1', bReader)).status).toBe(404);
    const rejections = await ingestion.call<{ items: unknown[] }>('GET', '/v1/ingest/rejections', bReader);
    expect(rejections).toMatchObject({ status: 200, body: { items: [] } });
    const batches = await ingestion.call<{ items: unknown[] }>('GET', '/v1/ingest/batches', bReader);
    expect(batches).toMatchObject({ status: 200, body: { items: [] } });
    expect(watcher.of((m) => m.headers[HEADER.tenantId] === b.tenantId)).toEqual([]);
  });
});
