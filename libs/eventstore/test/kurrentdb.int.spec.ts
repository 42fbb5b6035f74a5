import { describeIf, infra } from '@foresight/testing';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { EventStore } from '../src/event-store.port';
import { KurrentDbEventStore } from '../src/kurrentdb/kurrentdb-event-store.adapter';
import { eventStoreContract } from './event-store.contract';

const KURRENTDB_IMAGE = 'docker.kurrent.io/kurrent-latest/kurrentdb:25.1';

/**
 * Jest needs the decision while collecting tests, so the Docker probe runs synchronously in a child
 * process, and only when a socket or DOCKER_HOST could possibly answer.
 */
function dockerEngineAnswersSync(): boolean {
  if (!process.env['DOCKER_HOST'] && !existsSync('/var/run/docker.sock')) return false;
  try {
    execFileSync(
      process.execPath,
      [
        '-e',
        "require('testcontainers').getContainerRuntimeClient().then(() => process.exit(0), () => process.exit(1))",
      ],
      { stdio: 'ignore', timeout: 15_000 },
    );
    return true;
  } catch {
    return false;
  }
}

const configured = Boolean(process.env['KURRENTDB_URL']);
const runnable = configured || dockerEngineAnswersSync();

describeIf(
  runnable,
  'KurrentDB contract suite: KURRENTDB_URL is not set and no Docker engine answers, so the KurrentDB adapter is NOT tested in this run',
)('KurrentDB event store: contract', () => {
  let container: { stop(): Promise<unknown> } | undefined;

  async function kurrentUrl(): Promise<string> {
    const fromInfra = (await infra()).kurrentdbUrl;
    if (fromInfra) return fromInfra;
    const { GenericContainer, Wait } = await import('testcontainers');
    const started = await new GenericContainer(KURRENTDB_IMAGE)
      .withEnvironment({ KURRENTDB_INSECURE: 'true', KURRENTDB_RUN_PROJECTIONS: 'None' })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
      .start();
    container = started;
    return `kurrentdb://${started.getHost()}:${started.getMappedPort(2113)}?tls=false`;
  }

  eventStoreContract(
    async (): Promise<EventStore> => new KurrentDbEventStore(await kurrentUrl()),
    async (store) => {
      await store.close();
      await container?.stop();
    },
  );
});
