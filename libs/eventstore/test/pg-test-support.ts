import { infra, uniqueName } from '@foresight/testing';
import { Client } from 'pg';

/** A schema name no other run uses (schemas are the unit of isolation on the shared PostgreSQL). */
export function uniqueSchema(prefix = 'es_test'): string {
  return uniqueName(prefix).replace(/-/g, '_');
}

export async function pgUrl(): Promise<string> {
  return (await infra()).eventstoreUrl;
}

export async function withClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: await pgUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await withClient((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(20);
    }
  }
}
