import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerEngineAnswers, repoRoot } from './infra';

export interface ScratchMongo {
  url: string;
  /** Stops the server for real (process kill or container stop). */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => (s.destroy(), resolve(false)));
      s.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

/**
 * A Mongo-wire server of the test's own, for tests that stop "the Mongo server" without taking the
 * shared one away from everyone else: a MongoDB container when Docker answers, else
 * `infra/local/mongo-scratch` (mongod, or FerretDB on SQLite).
 */
export async function startScratchMongo(): Promise<ScratchMongo> {
  if (await dockerEngineAnswers()) {
    const { MongoDBContainer } = await import('@testcontainers/mongodb');
    const container = await new MongoDBContainer('mongo:8').start();
    return {
      url: `${container.getConnectionString()}/foresight?directConnection=true`,
      stop: async () => void (await container.stop()),
    };
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'foresight-mongo-'));
  const child = spawn(join(repoRoot, 'infra/local/mongo-scratch'), [String(port), dir], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForPort(port, 15_000);
  return {
    url: `mongodb://127.0.0.1:${port}/foresight`,
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
