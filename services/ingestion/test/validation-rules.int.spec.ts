import { HEADER, upstreamTopic } from '@foresight/contracts';
import {
  createTestApiKey,
  createTestTenant,
  startTestIdentity,
  TestIdentity,
  TestTenant,
} from '@foresight/testing';
import type { Producer } from 'kafkajs';
import { RECORD_RULES, RecordRules } from '../src/record/use-cases/ingest-records/record-rules.port';
import { eventually, Ingestion, startIngestion, upstreamProducer } from './support/ingestion-harness';

type FieldError = { field: string; errors: string[]; ruleId?: string };
type Result = {
  syncId: string;
  accepted: number;
  rejected: { index: number; externalId: string | null; errors: FieldError[] }[];
};
type RuleView = { id: string; version: number; field: string; kind: string; max: number | null };
type Page<T> = { items: T[]; nextCursor: string | null };
type Rejection = { externalId: string | null; errors: FieldError[]; via: string };

const account = (externalId: string, over: Record<string, unknown> = {}) => ({
  externalId,
  name: `Company ${externalId}`,
  domain: `${externalId}.example`,
  lifecycle: 'customer',
  mrr: 100,
  ownerEmail: `owner@${externalId}.example`,
  ...over,
});

/**
 * Tenant validation rules against real identity, event store, Mongo and Kafka: defined over the API
 * by someone with records:admin, applied to what arrives over REST and upstream topics after the
 * schema check, with each rejection naming the rule, field and message.
 */
describe('ingestion: per-tenant validation rules', () => {
  let identity: TestIdentity;
  let ingestion: Ingestion;
  let producer: Producer & { stop(): Promise<void> };
  let a: TestTenant;
  let b: TestTenant;
  let admin: Record<string, string>;
  let bAdmin: Record<string, string>;
  let writer: Record<string, string>;
  let bWriter: Record<string, string>;

  const call = async <T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const res = await ingestion.app.inject({
      method,
      url,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : {}) as T };
  };
  /** Rules apply once the read model lists them at the version the write answered. */
  const inForce = (rule: { id: string; version: number }, as = admin) =>
    eventually(async () => {
      const res = await call<RuleView>('GET', `/v1/ingest/rules/${rule.id}`, as);
      return res.status === 200 && res.body.version === rule.version;
    });
  const define = async (body: Record<string, unknown>, as = admin) => {
    const res = await call<RuleView>('POST', '/v1/ingest/rules', as, body);
    expect(res.status).toBe(201);
    await inForce(res.body, as);
    return res.body;
  };
  const ingest = (entity: string, records: unknown[], as = writer) =>
    call<Result>('POST', `/v1/ingest/${entity}`, as, { source: 'crm', records });
  const rejectionsOf = (syncId: string) =>
    call<Page<Rejection>>('GET', `/v1/ingest/rejections?syncId=${syncId}`, admin).then((r) => r.body.items);

  beforeAll(async () => {
    identity = await startTestIdentity();
    [a, b] = await Promise.all([createTestTenant(identity), createTestTenant(identity)]);
    const [w, bw] = await Promise.all([
      createTestApiKey(identity, a, ['ingest-bot']),
      createTestApiKey(identity, b, ['ingest-bot']),
    ]);
    writer = { 'x-api-key': w.apiKey };
    admin = { authorization: `Bearer ${a.owner.accessToken}` };
    bAdmin = { authorization: `Bearer ${b.owner.accessToken}` };
    bWriter = { 'x-api-key': bw.apiKey };
    ingestion = await startIngestion(identity);
    producer = await upstreamProducer();
  });

  afterAll(async () => {
    await producer?.stop();
    await ingestion?.stop();
    await identity?.stop();
  });

  it('refuses a rule that cannot compile, naming the field, and asks for records:admin first', async () => {
    const refused = async (body: Record<string, unknown>) => {
      const res = await call<{ code: string; fields: FieldError[] }>('POST', '/v1/ingest/rules', admin, body);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('RULE.INVALID');
      return res.body.fields.map((f) => f.field);
    };
    expect(await refused({ entity: 'account', field: 'name', kind: 'regex', pattern: '(a)\\1' })).toEqual([
      'pattern',
    ]);
    expect(await refused({ entity: 'account', field: 'name', kind: 'regex', pattern: '[unclosed' })).toEqual([
      'pattern',
    ]);
    expect(await refused({ entity: 'account', field: 'mrr', kind: 'range', min: 10, max: 1 })).toEqual([
      'min',
    ]);
    expect(await refused({ entity: 'account', field: 'emial', kind: 'not_null' })).toEqual(['field']);

    const malformed = await call<{ fields: FieldError[] }>('POST', '/v1/ingest/rules', admin, {
      entity: 'account',
      field: 'name',
      kind: 'sometimes',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields.map((f) => f.field)).toEqual(['kind']);
    expect((await call('POST', '/v1/ingest/rules', {}, { kind: 'sometimes' })).status).toBe(401);
    const bot = await call('POST', '/v1/ingest/rules', writer, {
      entity: 'account',
      field: 'name',
      kind: 'not_null',
    });
    expect(bot.status).toBe(403);
  });

  it('rejects records over REST with the rule id, field and message, and lists them in rejections', async () => {
    const email = await define({
      id: 'owner-email',
      entity: 'account',
      field: 'ownerEmail',
      kind: 'regex',
      pattern: '\\.example$',
      message: 'owner e-mail must be on a company domain',
    });
    const uniqueDomain = await define({
      id: 'unique-domain',
      entity: 'account',
      field: 'domain',
      kind: 'unique_in_tenant',
    });
    expect(
      (await call<Page<RuleView>>('GET', '/v1/ingest/rules?entity=account', admin)).body.items.map(
        (r) => r.id,
      ),
    ).toEqual(expect.arrayContaining([email.id, uniqueDomain.id]));

    const res = await ingest('accounts', [
      account('r-good'),
      account('r-bad-mail', { ownerEmail: 'owner@gmail.com' }),
      account('r-twin-1', { domain: 'twins.example' }),
      account('r-twin-2', { domain: 'twins.example' }),
    ]);
    expect(res.status).toBe(207);
    expect(res.body.accepted).toBe(2);
    expect(res.body.rejected).toEqual([
      {
        index: 1,
        externalId: 'r-bad-mail',
        errors: [
          {
            ruleId: 'owner-email',
            field: 'ownerEmail',
            errors: ['owner e-mail must be on a company domain'],
          },
        ],
      },
      {
        index: 3,
        externalId: 'r-twin-2',
        errors: [
          {
            ruleId: 'unique-domain',
            field: 'domain',
            errors: ['domain "twins.example" is already used by account r-twin-1'],
          },
        ],
      },
    ]);
    const listed = await eventually(async () => {
      const items = await rejectionsOf(res.body.syncId);
      return items.length === 2 && items;
    });
    expect(listed.flatMap((r) => r.errors.map((e) => [r.externalId, e.ruleId, e.field]))).toEqual(
      expect.arrayContaining([
        ['r-bad-mail', 'owner-email', 'ownerEmail'],
        ['r-twin-2', 'unique-domain', 'domain'],
      ]),
    );

    // Against what the tenant already holds: another record may not take the domain; its holder may resend it.
    await eventually(async () => (await call('GET', '/v1/records/account/r-twin-1', admin)).status === 200);
    const later = await ingest('accounts', [
      account('r-twin-3', { domain: 'twins.example' }),
      account('r-twin-1', { domain: 'twins.example', mrr: 150 }),
    ]);
    expect(later.body.rejected.map((r) => [r.externalId, r.errors[0]?.ruleId])).toEqual([
      ['r-twin-3', 'unique-domain'],
    ]);
    expect(later.body.accepted).toBe(1);
  });

  it('changing a rule leaves what was accepted under the old one as it was', async () => {
    const cap = await define({
      id: 'mrr-cap',
      entity: 'account',
      field: 'mrr',
      kind: 'range',
      min: 0,
      max: 5000,
    });
    const before = await ingest('accounts', [account('c-big', { mrr: 4000 })]);
    expect(before.status).toBe(200);

    const changed = await call<RuleView>('PUT', '/v1/ingest/rules/mrr-cap', admin, {
      entity: 'account',
      field: 'mrr',
      kind: 'range',
      min: 0,
      max: 1000,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: 'mrr-cap', max: 1000 });
    expect(changed.body.version).toBeGreaterThan(cap.version);
    await inForce(changed.body);

    const after = await ingest('accounts', [account('c-big-2', { mrr: 4000 })]);
    expect(after.body.rejected[0]?.errors).toEqual([
      { ruleId: 'mrr-cap', field: 'mrr', errors: ['mrr must be between 0 and 1000'] },
    ]);
    const kept = await call<{ status: string; data: { mrr: number }; versions: number }>(
      'GET',
      '/v1/records/account/c-big',
      admin,
    );
    expect(kept.body).toMatchObject({ status: 'active', data: { mrr: 4000 }, versions: 1 });

    expect((await call('DELETE', '/v1/ingest/rules/mrr-cap', admin)).status).toBe(204);
    await eventually(async () => (await call('GET', '/v1/ingest/rules/mrr-cap', admin)).status === 404);
    expect((await ingest('accounts', [account('c-big-2', { mrr: 4000 })])).body.accepted).toBe(1);
  });

  it('applies the same rules to records from upstream Kafka topics', async () => {
    await define({
      id: 'industry-list',
      entity: 'account',
      field: 'industry',
      kind: 'allowed_values',
      values: ['RETAIL'],
    });
    const source = ingestion.sources[0]!;
    await producer.send({
      topic: upstreamTopic(source, 'account'),
      messages: [
        {
          key: 'k-mining',
          value: JSON.stringify(account('k-mining', { industry: 'MINING' })),
          headers: { [HEADER.tenantId]: a.tenantId },
        },
      ],
    });
    const rejection = await eventually(async () => {
      const res = await call<Page<Rejection>>('GET', `/v1/ingest/rejections?source=${source}`, admin);
      return res.body.items.find((r) => r.externalId === 'k-mining');
    }, 60_000);
    expect(rejection).toMatchObject({
      via: 'kafka',
      errors: [{ ruleId: 'industry-list', field: 'industry', errors: ['industry must be one of "RETAIL"'] }],
    });
  });

  it('runs (a+)+$ in linear time: a long hostile input gets an ordinary answer', async () => {
    await define({ id: 'evil-text', entity: 'feedback', field: 'text', kind: 'regex', pattern: '(a+)+$' });
    await define({ id: 'evil-name', entity: 'account', field: 'name', kind: 'regex', pattern: '(a+)+$' });
    const ok = await ingest('accounts', [account('evil-host', { name: 'aaaa' })]);
    expect(ok.body.accepted).toBe(1);
    // Feedback text is the longest field the schema lets through (10 000 characters).
    const res = await ingest('feedback', [
      {
        externalId: 'fb-evil',
        accountExternalId: 'evil-host',
        at: '2025-06-02T00:00:00Z',
        channel: 'ticket',
        text: `${'a'.repeat(9_999)}!`,
      },
      {
        externalId: 'fb-fine',
        accountExternalId: 'evil-host',
        at: '2025-06-02T00:00:00Z',
        channel: 'ticket',
        text: 'a'.repeat(10_000),
      },
    ]);
    expect(res.status).toBe(207);
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected.map((r) => [r.externalId, r.errors[0]?.ruleId])).toEqual([
      ['fb-evil', 'evil-text'],
    ]);

    // The adapter the ingest path calls, over the 50 000 characters no schema would pass.
    const rules = ingestion.app.get<RecordRules>(RECORD_RULES);
    const [hostile, benign] = await rules.check(a.tenantId, 'account', [
      { externalId: 'x-1', payload: { externalId: 'x-1', name: `${'a'.repeat(50_000)}!` } },
      { externalId: 'x-2', payload: { externalId: 'x-2', name: 'a'.repeat(50_000) } },
    ]);
    expect(hostile?.map((v) => v.ruleId)).toEqual(['evil-name']);
    expect(benign).toEqual([]);
  });

  it("keeps each tenant's rules to itself", async () => {
    const secret = await define({
      id: 'a-secret-rule',
      entity: 'account',
      field: 'name',
      kind: 'regex',
      pattern: 'a-only-marker',
    });
    expect((await call('GET', `/v1/ingest/rules/${secret.id}`, bAdmin)).status).toBe(404);
    const put = await call('PUT', `/v1/ingest/rules/${secret.id}`, bAdmin, {
      entity: 'account',
      field: 'name',
      kind: 'not_null',
    });
    expect(put.status).toBe(404);
    expect((await call('DELETE', `/v1/ingest/rules/${secret.id}`, bAdmin)).status).toBe(404);
    const bList = await call<Page<RuleView>>('GET', '/v1/ingest/rules', bAdmin);
    expect(bList.body.items.map((r) => r.id)).not.toContain(secret.id);
    // A's rules never judge B's records.
    const bBatch = await ingest('accounts', [account('b-1', { name: 'no marker here' })], bWriter);
    expect(bBatch.body.accepted).toBe(1);
    expect((await call<RuleView>('GET', `/v1/ingest/rules/${secret.id}`, admin)).body.version).toBe(
      secret.version,
    );
  });
});
