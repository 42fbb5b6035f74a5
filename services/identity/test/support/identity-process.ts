import { freePort, repoRoot, uniqueName } from '@foresight/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { Pool } from 'pg';

export interface IdentityProcess {
  url: string;
  grpcTarget: string;
  adminToken: string;
  encryptionKey: string;
  schema: string;
  mongoUrl: string;
  process: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * identity as its own OS process, from its sources (no build step to race other suites on), with
 * a private event-store schema and Mongo database, so runs sharing the servers never meet.
 */
export async function startIdentity(env: Record<string, string> = {}): Promise<IdentityProcess> {
  // freePort() closes the port it found: a suite starting in parallel may take it first. Retry then.
  for (let attempt = 1; ; attempt++) {
    const identity = await spawnIdentity(env);
    try {
      await waitUntilReady(identity);
      return identity;
    } catch (err) {
      await identity.stop();
      if (attempt >= 3 || !identity.log().includes('EADDRINUSE')) throw err;
    }
  }
}

async function spawnIdentity(env: Record<string, string>): Promise<IdentityProcess> {
  const id = uniqueName('idt').replace(/-/g, '_').toLowerCase();
  const [port, grpcPort] = [await freePort(), await freePort()];
  const mongoUrl = withDatabase(process.env['MONGO_URL']!, `identity_${id}`);
  const schema = `es_${id}`;
  const adminToken = randomBytes(32).toString('hex');
  const encryptionKey = randomBytes(32).toString('base64');
  const logFile = join(mkdtempSync(join(tmpdir(), 'identity-test-')), 'identity.log');
  const out = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(repoRoot, 'services/identity/src/main.ts')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        GRPC_PORT: String(grpcPort),
        HOST: '127.0.0.1',
        MONGO_URL: mongoUrl,
        EVENTSTORE_SCHEMA: schema,
        IDENTITY_ADMIN_TOKEN: adminToken,
        IDENTITY_ENCRYPTION_KEY: encryptionKey,
        // Cheap hashing keeps the suite fast; bench/identity measures the production cost.
        ARGON2_MEMORY_KIB: '8192',
        ARGON2_ITERATIONS: '1',
        LAST_USED_FLUSH_MS: '200',
        ACTIVITY_FLUSH_MS: '200',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const identity: IdentityProcess = {
    url: `http://127.0.0.1:${port}`,
    grpcTarget: `127.0.0.1:${grpcPort}`,
    adminToken,
    encryptionKey,
    schema,
    mongoUrl,
    process: child,
    log: () => readFileSync(logFile, 'utf8'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await dropStores(schema, mongoUrl);
    },
  };
  return identity;
}

async function waitUntilReady(identity: IdentityProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline && identity.process.exitCode === null) {
    try {
      const res = await fetch(`${identity.url}/health/ready`, { signal: AbortSignal.timeout(3000) });
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `identity did not get ready (${last})\n${identity.log().split('\n').slice(-30).join('\n')}`,
  );
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function dropStores(schema: string, mongoUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: process.env['EVENTSTORE_URL'], max: 1 });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await pool.end();
  }
  const conn = await mongoose.createConnection(mongoUrl, { serverSelectionTimeoutMS: 5000 }).asPromise();
  try {
    // Bounded: a Mongo-wire server that stopped answering must not hold the suite up; the database is
    // uniquely named, so leaving it behind harms nobody.
    await Promise.race([
      conn.dropDatabase(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`dropping ${mongoUrl} took over 15 s`)), 15_000).unref(),
      ),
    ]).catch((err: Error) => console.warn(`[identity test] ${err.message}; left behind`));
  } finally {
    await conn.close(true);
  }
}
