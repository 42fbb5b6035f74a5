/**
 * CSV import throughput, client → API → appended: a generated accounts file imported by
 * `bin/foresight import` (a child process, as a person runs it) into ingestion in-process on real
 * PostgreSQL, FerretDB and Kafka, then the same file again (every row unchanged: the cost of a
 * resumed or repeated import).
 *
 *   node -r @swc-node/register bench/ingestion/csv-import.bench.ts [rows=100000] [batch=500]
 *
 * Prints rows/s for each pass and the time until the records read model had the last row.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApiKey, createTestTenant, repoRoot, startTestIdentity } from '@foresight/testing';
import { eventually, startIngestion } from '../../services/ingestion/test/support/ingestion-harness';

const INDUSTRIES = ['COMPUTER_SOFTWARE', 'MARKETING_AND_ADVERTISING', 'HIGHER_EDUCATION', 'RETAIL', ''];
const RANGES = ['2 to 5', '6 to 10', '11 to 25', '26 to 50', '51 to 200', '201 to 1000', '10,001 or more'];

function generate(file: string, rows: number): void {
  const lines = ['id,company,industry,employees,rank,mrr,stage'];
  for (let i = 0; i < rows; i++) {
    const range = RANGES[i % RANGES.length]!;
    lines.push(
      [
        `bench-${i}`,
        `"Bench Company ${i}, Inc"`,
        INDUSTRIES[i % INDUSTRIES.length],
        range.includes(',') ? `"${range}"` : range,
        String(1000 + ((i * 7919) % 5_000_000)),
        (((i * 37) % 5000) + 0.5).toFixed(2),
        i % 4 === 0 ? 'customer' : 'prospect',
      ].join(','),
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

function runImport(args: string[]): Promise<{ summary: Record<string, number>; wallMs: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(join(repoRoot, 'bin/foresight'), ['import', ...args, '--json'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) =>
      code === 0
        ? resolve({ summary: JSON.parse(out.trim()) as Record<string, number>, wallMs: Date.now() - started })
        : reject(new Error(`foresight import exited ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 100_000);
  const batch = process.argv[3] ?? '500';
  const work = mkdtempSync(join(tmpdir(), 'csv-bench-'));
  const file = join(work, 'accounts.csv');
  generate(file, rows);
  const identity = await startTestIdentity();
  const ingestion = await startIngestion(identity);
  try {
    const tenant = await createTestTenant(identity);
    const { apiKey } = await createTestApiKey(identity, tenant, ['ingest-bot']);
    await ingestion.app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(ingestion.app.getHttpServer().address() as AddressInfo).port}`;
    const args = [
      'account',
      file,
      '--source',
      'bench',
      '--batch',
      batch,
      '--url',
      url,
      '--api-key',
      apiKey,
      '--state-dir',
      join(work, 'state'),
      ...['id=externalId', 'company=name', 'industry=industry', 'employees=employeeRange', 'rank=webRank']
        .concat(['mrr=mrr', 'stage=lifecycle'])
        .flatMap((m) => ['--map', m]),
    ];
    console.log(`${rows} rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB, batches of ${batch}`);
    const first = await runImport(args);
    const lastId = `bench-${rows - 1}`;
    const visible = Date.now();
    await eventually(async () => {
      const res = await ingestion.call('GET', `/v1/records/account/${lastId}`, {
        authorization: `Bearer ${tenant.owner.accessToken}`,
      });
      return res.status === 200;
    }, 600_000);
    const lagMs = Date.now() - visible;
    const second = await runImport(args);
    const line = (name: string, r: { summary: Record<string, number>; wallMs: number }) =>
      console.log(
        `${name.padEnd(22)} ${String(r.summary['rows']).padStart(7)} rows  accepted ${r.summary['accepted']}  ` +
          `unchanged ${r.summary['unchanged']}  rejected ${r.summary['rejected']}  ` +
          `${(r.wallMs / 1000).toFixed(1)} s wall  ${Math.round((r.summary['rows']! / r.wallMs) * 1000)} rows/s ` +
          `(CLI's own: ${r.summary['rowsPerSecond']} rows/s)`,
      );
    line('new accounts', first);
    console.log(`${'read model caught up'.padEnd(22)} ${lagMs} ms after the import ended`);
    line('same file again', second);
  } finally {
    await ingestion.stop();
    await identity.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
