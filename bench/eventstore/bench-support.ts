import { infra } from '@foresight/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { NewEvent } from '@foresight/eventstore';

export async function eventstoreUrl(): Promise<string> {
  return process.env['EVENTSTORE_URL'] ?? (await infra()).eventstoreUrl;
}

export function benchSchema(kind: string): string {
  return `bench_es_${kind}_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
}

export async function sql(url: string, text: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A typical lifecycle event: ~300 bytes of data, the metadata every event carries. */
export function payload(i: number): NewEvent {
  return {
    id: uuidv7(),
    type: 'AccountScored',
    data: {
      accountId: `acc-${i}`,
      model: { id: 'churn-gbt', version: 7 },
      probability: Math.round(Math.random() * 1000) / 1000,
      confidence: 'high',
      topFeatures: [
        { name: 'days_active_30d', contribution: -0.31 },
        { name: 'nps_last', contribution: -0.12 },
        { name: 'tickets_open', contribution: 0.08 },
      ],
    },
    metadata: {
      tenantId: 'tenant-bench',
      correlationId: uuidv7(),
      actor: 'ml-scoring',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    },
    occurredAt: new Date(),
  };
}

export interface Row {
  label: string;
  /** Events per second, in the order of `columns`; the first column is the baseline. */
  values: number[];
}

/** One line per case: the baseline, then each candidate with its ratio to the baseline. */
export function printTable(title: string, columns: string[], rows: Row[]): void {
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
  const head = ['', `${columns[0]} ev/s`];
  for (const c of columns.slice(1)) head.push(`${c} ev/s`, 'ratio');
  const body = rows.map((r) => {
    const cells = [r.label, fmt(r.values[0]!)];
    for (const v of r.values.slice(1)) cells.push(fmt(v), (v / r.values[0]!).toFixed(2));
    return cells;
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-+-'));
  for (const b of body) console.log(line(b));
}

export async function timed(fn: () => Promise<number>): Promise<number> {
  const start = process.hrtime.bigint();
  const events = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return events / seconds;
}
