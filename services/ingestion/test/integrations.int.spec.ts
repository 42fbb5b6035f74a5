import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestApiKey,
  createTestTenant,
  repoRoot,
  startTestIdentity,
  TestIdentity,
  TestTenant,
} from '@foresight/testing';
import { eventually, Ingestion, startIngestion } from './support/ingestion-harness';

interface IntegrationItem {
  source: string;
  category: string;
  status: string;
  lastSyncId: string | null;
  lastSyncStatus: string | null;
  syncs: number;
  recordsSynced: number;
  recordsRejected: number;
  mappings: { name: string; entity: string }[];
}

describe('ingestion: integrations, saved column mappings and sync history per integration', () => {
  let identity: TestIdentity;
  let ingestion: Ingestion;
  let tenant: TestTenant;
  let other: TestTenant;
  let apiKey: string;
  let writer: Record<string, string>;
  let reader: Record<string, string>;
  let work: string;

  beforeAll(async () => {
    identity = await startTestIdentity();
    [tenant, other] = await Promise.all([createTestTenant(identity), createTestTenant(identity)]);
    apiKey = (await createTestApiKey(identity, tenant, ['ingest-bot'])).apiKey;
    writer = { 'x-api-key': apiKey };
    reader = { authorization: `Bearer ${tenant.owner.accessToken}` };
    ingestion = await startIngestion(identity);
    work = mkdtempSync(join(tmpdir(), 'integrations-'));
  }, 120_000);

  afterAll(async () => {
    if (work) rmSync(work, { recursive: true, force: true });
    await ingestion?.stop();
    await identity?.stop();
  });

  /** The harness speaks GET/POST/DELETE; mappings are PUT. */
  const put = async <T = Record<string, unknown>>(url: string, body: unknown, as = writer) => {
    const res = await ingestion.app.inject({
      method: 'PUT',
      url,
      headers: { ...as, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    return { status: res.statusCode, body: JSON.parse(res.body) as T };
  };

  const integrations = async () =>
    (
      await ingestion.call<{ items: IntegrationItem[]; nextCursor: string | null }>(
        'GET',
        '/v1/integrations',
        reader,
      )
    ).body;

  it('lists each source that synced, with its last sync, totals and category; batches filter by it', async () => {
    const good = { externalId: 'int-1', name: 'One', lifecycle: 'customer' };
    const first = await ingestion.call<{ syncId: string }>('POST', '/v1/ingest/accounts', writer, {
      source: 'crm',
      records: [good, { externalId: 'int-2', name: 'Two', lifecycle: 'lead' }],
    });
    expect(first.status).toBe(207);
    const other = await ingestion.call<{ syncId: string }>('POST', '/v1/ingest/accounts', writer, {
      source: 'zendesk',
      records: [{ externalId: 'int-3', name: 'Three', lifecycle: 'prospect' }],
    });
    expect(other.status).toBe(200);

    const page = await eventually(async () => {
      const p = await integrations();
      return p.items.length === 2 ? p : null;
    });
    expect(page.nextCursor).toBeNull();
    expect(page.items).toEqual([
      expect.objectContaining({
        source: 'crm',
        category: 'crm',
        status: 'connected',
        lastSyncId: first.body.syncId,
        lastSyncStatus: 'partial',
        syncs: 1,
        recordsSynced: 1,
        recordsRejected: 1,
      }),
      expect.objectContaining({ source: 'zendesk', category: 'support', lastSyncId: other.body.syncId }),
    ]);

    const batches = await ingestion.call<{ items: { syncId: string; source: string }[] }>(
      'GET',
      '/v1/ingest/batches?integration=crm',
      reader,
    );
    expect(batches.body.items.map((b) => b.syncId)).toEqual([first.body.syncId]);

    const firstPage = await ingestion.call<{ items: IntegrationItem[]; nextCursor: string }>(
      'GET',
      '/v1/integrations?limit=1',
      reader,
    );
    const second = await ingestion.call<{ items: IntegrationItem[]; nextCursor: string | null }>(
      'GET',
      `/v1/integrations?limit=1&cursor=${firstPage.body.nextCursor}`,
      reader,
    );
    expect([...firstPage.body.items, ...second.body.items].map((i) => i.source)).toEqual(['crm', 'zendesk']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('saves a column mapping that foresight import --mapping uses, and refuses an unusable one by field', async () => {
    const mapping = {
      entity: 'account',
      fields: {
        externalId: { column: 'Key' },
        name: { template: 'Sheet company {Key}' },
        lifecycle: { value: 'prospect' },
        webRank: { column: 'Rank', nullValues: ['n/a'] },
      },
    };
    const saved = await put('/v1/integrations/sheet/mappings/sheet-accounts', mapping);
    expect(saved.status).toBe(200);
    const bad = await put<{ code: string; fields: { field: string }[] }>(
      '/v1/integrations/sheet/mappings/broken',
      {
        entity: 'account',
        fields: { mrr: { column: 'MRR', type: 'money' }, name: { column: 'A', value: 'B' } },
      },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('INGESTION.INVALID_MAPPING');
    expect(bad.body.fields.map((f) => f.field)).toEqual(['fields.mrr.type', 'fields.name']);
    const badName = await put<{ fields: { field: string }[] }>(
      '/v1/integrations/sheet/mappings/Not%20A%20Name',
      mapping,
    );
    expect(badName.status).toBe(400);
    expect(badName.body.fields.map((f) => f.field)).toEqual(['name']);

    await eventually(async () => {
      const res = await ingestion.call('GET', '/v1/integrations/sheet/mappings/sheet-accounts', writer);
      return res.status === 200;
    });
    await ingestion.app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(ingestion.app.getHttpServer().address() as AddressInfo).port}`;
    const file = join(work, 'sheet.csv');
    writeFileSync(file, 'Key,Rank\nsh-1,12\nsh-2,n/a\n');
    const summary = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(
        join(repoRoot, 'bin/foresight'),
        [
          'import',
          'account',
          file,
          '--source',
          'sheet',
          '--mapping',
          'sheet-accounts',
          '--url',
          url,
          '--json',
        ],
        { cwd: work, env: { ...process.env, FORESIGHT_API_KEY: apiKey }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('close', (code) => resolve({ code, out, err }));
    });
    expect(summary.err).not.toContain('foresight import:');
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.out.trim())).toMatchObject({ rows: 2, accepted: 2, rejected: 0 });
    const record = await eventually(async () => {
      const res = await ingestion.call<{ data: Record<string, unknown> }>(
        'GET',
        '/v1/records/account/sh-1',
        reader,
      );
      return res.status === 200 ? res.body.data : null;
    });
    expect(record).toMatchObject({ name: 'Sheet company sh-1', lifecycle: 'prospect', webRank: 12 });

    const sheet = await eventually(async () => {
      const found = (await integrations()).items.find((i) => i.source === 'sheet');
      return found && found.syncs === 1 ? found : null;
    });
    expect(sheet).toMatchObject({
      category: 'file',
      recordsSynced: 2,
      mappings: [{ name: 'sheet-accounts', entity: 'account' }],
    });
  });

  it("keeps each tenant's mapping under the same name its own, and needs credentials", async () => {
    const asOther = { authorization: `Bearer ${other.owner.accessToken}` };
    const url = '/v1/integrations/crm/mappings/same-name';
    const mapping = (column: string) => ({ entity: 'account', fields: { externalId: { column } } });
    expect((await put(url, mapping('Other Secret Column'), asOther)).status).toBe(200);
    expect((await put(url, mapping('Own Column'))).status).toBe(200);
    expect((await put(url, mapping('Anyone'), {})).status).toBe(401);
    const read = async (headers: Record<string, string>) =>
      eventually(async () => {
        const res = await ingestion.call<{ fields: { externalId: { column: string } } }>('GET', url, headers);
        return res.status === 200 ? res.body.fields.externalId.column : null;
      });
    expect(await read(writer)).toBe('Own Column');
    expect(await read(asOther)).toBe('Other Secret Column');
  });
});
