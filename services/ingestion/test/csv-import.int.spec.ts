import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE } from '@foresight/backbone';
import type { EventStore } from '@foresight/eventstore';
import { readHubspot } from '@foresight/datagen';
import {
  createTestApiKey,
  createTestTenant,
  repoRoot,
  startTestIdentity,
  TestIdentity,
  TestTenant,
} from '@foresight/testing';
import { accountIdFor } from '../src/record/domain/record-key';
import { streams } from '../src/shared/streams';
import { eventually, Ingestion, startIngestion } from './support/ingestion-harness';

interface Summary {
  resumedAfterLine: number | null;
  rows: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  rejections: {
    line: number | null;
    externalId: string | null;
    errors: { field: string; errors: string[] }[];
  }[];
  syncCount: number;
  syncIds: string[];
}

const hubspot = readHubspot();
const describeIfData = hubspot.available ? describe : describe.skip;

/** The CLI as a person runs it: `bin/foresight import …`, output captured. */
function cli(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
} {
  const child = spawn(join(repoRoot, 'bin/foresight'), ['import', ...args], {
    cwd: repoRoot,
    env: { ...process.env, FORESIGHT_API_KEY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

async function importOk(args: string[]): Promise<Summary> {
  const { done } = cli([...args, '--json']);
  const { code, stdout, stderr } = await done;
  if (code !== 0) throw new Error(`foresight import exited ${code}: ${stderr}`);
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Summary;
}

describeIfData('ingestion: CSV import through bin/foresight', () => {
  let identity: TestIdentity;
  let ingestion: Ingestion;
  let tenant: TestTenant;
  let url: string;
  let apiKey: string;
  let reader: Record<string, string>;
  let work: string;

  beforeAll(async () => {
    identity = await startTestIdentity();
    tenant = await createTestTenant(identity);
    apiKey = (await createTestApiKey(identity, tenant, ['ingest-bot'])).apiKey;
    reader = { authorization: `Bearer ${tenant.owner.accessToken}` };
    ingestion = await startIngestion(identity);
    await ingestion.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(ingestion.app.getHttpServer().address() as AddressInfo).port}`;
    work = mkdtempSync(join(tmpdir(), 'csv-import-'));
  }, 120_000);

  afterAll(async () => {
    if (work) rmSync(work, { recursive: true, force: true });
    await ingestion?.stop();
    await identity?.stop();
  });

  const common = () => ['--url', url, '--api-key', apiKey, '--state-dir', join(work, 'state')];

  it('loads the HubSpot customers, then their usage killed mid-run and resumed: every row exactly once', async () => {
    if (!hubspot.available) return;
    const customers = await importOk([
      'account',
      join(hubspot.dir, 'customers.csv'),
      '--mapping',
      'hubspot-customers',
      '--source',
      'crm',
      '--batch',
      '50',
      ...common(),
    ]);
    // The published file has customers with a negative MRR (credits): the account contract refuses
    // them, so they are rejected with their line and field, and the others are stored.
    const customerRows = hubspot.accounts.filter((a) => a.lifecycle === 'customer');
    const negative = customerRows.filter((a) => (a.mrr ?? 0) < 0).map((a) => a.id);
    const customerIds = customerRows.filter((a) => (a.mrr ?? 0) >= 0).map((a) => a.id);
    expect(customers).toMatchObject({
      rows: customerRows.length,
      accepted: customerIds.length,
      rejected: negative.length,
    });
    expect(customers.rejections.map((r) => [r.externalId, r.errors.map((e) => e.field)])).toEqual(
      expect.arrayContaining(negative.map((id) => [id, ['mrr', 'arr']])),
    );
    const one = await ingestion.call<{ data: Record<string, unknown> }>(
      'GET',
      `/v1/records/account/${customerIds[0]}`,
      reader,
    );
    const expected = hubspot.accounts.find((a) => a.id === customerIds[0])!;
    expect(one.body.data).toMatchObject({ lifecycle: 'customer', mrr: expected.mrr, arr: expected.arr });

    // A slice of usage_actions.csv: the customers' rows, as the published file has them.
    const lines = readFileSync(join(hubspot.dir, 'usage_actions.csv'), 'utf8').split('\n');
    const header = lines[0]!;
    const idColumn = header.split(',').indexOf('id');
    const known = new Set(customerIds);
    const rows = lines
      .slice(1)
      .filter((l) => known.has(l.split(',')[idColumn] ?? ''))
      .slice(0, 2000);
    const usageFile = join(work, 'usage-slice.csv');
    writeFileSync(usageFile, [header, ...rows].join('\n') + '\n');
    const args = [
      'usage',
      usageFile,
      '--mapping',
      'hubspot-usage',
      '--source',
      'product',
      '--batch',
      '50',
      ...common(),
    ];

    // Killed once four batches are acknowledged (the resume state says so).
    const first = cli(args);
    const stateDir = join(work, 'state');
    const acknowledged = () => {
      const file = existsSync(stateDir) ? readdirSync(stateDir).find((f) => f.endsWith('.json')) : undefined;
      if (!file) return 0;
      try {
        return (JSON.parse(readFileSync(join(stateDir, file), 'utf8')) as { lastLine: number }).lastLine;
      } catch {
        return 0;
      }
    };
    await eventually(async () => acknowledged() > 200, 60_000);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');

    const resumed = await importOk(args);
    expect(resumed.resumedAfterLine).toBeGreaterThan(200);
    expect(resumed.rows).toBe(rows.length);
    expect(resumed.rejected).toBe(0);

    // Stored: one usage period per row, no more, no less, across the killed and the resumed run.
    const store = ingestion.app.get<EventStore>(EVENT_STORE);
    const perAccount = new Map<string, number>();
    for (const row of rows) {
      const id = row.split(',')[idColumn]!;
      perAccount.set(id, (perAccount.get(id) ?? 0) + 1);
    }
    let stored = 0;
    for (const [externalId, count] of perAccount) {
      const events = await store.read(streams.usage(accountIdFor(tenant.tenantId, externalId)));
      const periods = events.filter((e) => e.type === 'UsageRecorded').length;
      expect({ externalId, periods }).toEqual({ externalId, periods: count });
      stored += periods;
    }
    expect(stored).toBe(rows.length);

    // The sync history agrees: the batches of both runs accepted each row once between them.
    const batches = await eventually(async () => {
      const res = await ingestion.call<{ items: { accepted: number; source: string }[] }>(
        'GET',
        '/v1/ingest/batches?entity=usage&limit=200',
        reader,
      );
      const sum = res.body.items.reduce((n, b) => n + b.accepted, 0);
      return sum === rows.length ? res.body.items : null;
    });
    expect(batches.every((b) => b.source === 'product')).toBe(true);
  }, 240_000);

  it('rejects rows with bad quoting, a wrong column count or a bad number by line and field, and imports the rest', async () => {
    const file = join(work, 'malformed.csv');
    writeFileSync(
      file,
      [
        'Key,Company,Stage,Revenue',
        'mal-1,One,customer,10',
        'mal-2,"Bad "quote" Co",customer,10',
        'mal-3,Three,customer',
        'mal-4,Four,customer,lots',
        'mal-5,"Five, Inc",customer,12.5',
        'mal-6,Six,lead,1',
        '',
      ].join('\n'),
    );
    const summary = await importOk([
      'account',
      file,
      '--map',
      'Key=externalId',
      '--map',
      'Company=name',
      '--map',
      'Stage=lifecycle',
      '--map',
      'Revenue=mrr',
      '--source',
      'sheet',
      ...common(),
    ]);
    expect(summary).toMatchObject({ rows: 6, accepted: 2, rejected: 4 });
    expect(summary.rejections.map((r) => ({ line: r.line, fields: r.errors.map((e) => e.field) }))).toEqual([
      { line: 3, fields: ['(quoting)'] },
      { line: 4, fields: ['(columns)'] },
      { line: 5, fields: ['mrr'] },
      { line: 7, fields: ['lifecycle'] },
    ]);
    expect(summary.rejections[2]?.errors[0]?.errors[0]).toContain('must be a number, got "lots"');
    // The records read model follows the batch within about a second.
    for (const [externalId, name] of [
      ['mal-1', 'One'],
      ['mal-5', 'Five, Inc'],
    ] as const) {
      const res = await eventually(async () => {
        const r = await ingestion.call<{ data: { name: string } }>(
          'GET',
          `/v1/records/account/${externalId}`,
          reader,
        );
        return r.status === 200 ? r : null;
      });
      expect(res.body.data.name).toBe(name);
    }
    const missing = await ingestion.call('GET', '/v1/records/account/mal-4', reader);
    expect(missing.status).toBe(404);
  }, 120_000);
});
