import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildServices,
  dropIsolatedTopology,
  envFor,
  infra,
  isolatedTopology,
  mainOf,
  RunningService,
  SERVICES,
  startScratchMongo,
  startService,
  startTopology,
  TopologyEnv,
  uniqueName,
  waitReady,
} from '../src';

const eventstoreUrl = async () => (await infra()).eventstoreUrl;

async function readiness(svc: RunningService): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${svc.url}/health/ready`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * Readiness right after start-up, asked again for a few seconds: with six services booting on two
 * cores, one probe can miss its 1.5 s Mongo ping; an orchestrator asks again too (failureThreshold).
 */
async function settledReadiness(
  svc: RunningService,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const seen = await readiness(svc);
    if (seen.status === 200 || Date.now() > deadline) return seen;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('the six service shells, as separate processes', () => {
  beforeAll(() => buildServices());

  it('each boots green, and turns 503 naming mongo when its Mongo server stops', async () => {
    const mongo = await startScratchMongo();
    let topology: TopologyEnv | undefined;
    const logDir = mkdtempSync(join(tmpdir(), 'foresight-shells-'));
    const running: RunningService[] = [];
    try {
      // Its own schemas, database and groups: nothing of a demo on the same servers is touched.
      topology = await isolatedTopology(uniqueName('shells'), mongo.url, { HEALTH_TIMEOUT_MS: '1500' });
      await startTopology(topology, { logDir, onStart: (svc) => running.push(svc) });
      for (const svc of running) {
        const { status, body } = await settledReadiness(svc);
        expect({ service: svc.name, status, info: body['info'] }).toEqual({
          service: svc.name,
          status: 200,
          info: { kafka: { status: 'up' }, eventstore: { status: 'up' }, mongo: { status: 'up' } },
        });
        const live = await fetch(`${svc.url}/health/live`);
        expect(live.status).toBe(200);
        const docs = await fetch(`${svc.url}/docs/openapi.json`);
        expect(((await docs.json()) as { info: { title: string } }).info.title).toBe(`Foresight ${svc.name}`);
      }

      await mongo.stop();

      for (const svc of running) {
        const { status, body } = await readiness(svc);
        expect({
          service: svc.name,
          status,
          mongo: (body['error'] as Record<string, { status: string }>)?.['mongo']?.status,
        }).toEqual({
          service: svc.name,
          status: 503,
          mongo: 'down',
        });
        // The other dependencies are still reported up, so the operator sees which one failed.
        expect(body['info']).toMatchObject({ kafka: { status: 'up' }, eventstore: { status: 'up' } });
        // Liveness ignores dependencies: a Mongo outage must not get the process restarted.
        expect((await fetch(`${svc.url}/health/live`)).status).toBe(200);
      }
    } finally {
      await Promise.all(running.map((svc) => svc.stop()));
      await mongo.stop().catch(() => undefined);
      // The scratch Mongo server is gone with its data; the event-store schemas are left to drop.
      if (topology) await dropIsolatedTopology({ ...topology, env: {} }, await eventstoreUrl());
    }
  });

  it('each stops at boot with a message naming a bad variable', async () => {
    const settings = await infra();
    for (const name of SERVICES) {
      const run = spawnSync(process.execPath, [mainOf(name)], {
        env: {
          ...process.env,
          KAFKA_BROKERS: settings.kafkaBrokers.join(','),
          PORT: 'eighty',
          MONGO_URL: 'http://not-mongo',
        },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect({ service: name, exit: run.status }).toEqual({ service: name, exit: 1 });
      expect(run.stderr).toContain(`${name}: failed to start`);
      expect(run.stderr).toMatch(/PORT: .*\(got "eighty"\)/);
      expect(run.stderr).toMatch(/MONGO_URL: must be a mongodb:\/\/ URL/);
    }
  });

  it('shuts down on SIGTERM by itself, closing its connections, without needing a SIGKILL', async () => {
    const topology = await isolatedTopology(uniqueName('sigterm'), (await infra()).mongoUrl);
    try {
      const svc = startService('identity', {
        port: topology.ports.identity,
        env: envFor('identity', topology),
        logDir: mkdtempSync(join(tmpdir(), 'foresight-term-')),
      });
      await waitReady(svc, 60_000);
      // Nest runs the shutdown hooks, then re-raises the signal: a clean stop ends by SIGTERM (or exit 0), never SIGKILL.
      const status = await svc.stop('SIGTERM', 15_000);
      expect(status).toEqual(status.signal ? { code: null, signal: 'SIGTERM' } : { code: 0, signal: null });
    } finally {
      await dropIsolatedTopology(topology, await eventstoreUrl());
    }
  });
});
