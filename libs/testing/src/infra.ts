import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Connection settings for the real services a test runs against. */
export interface InfraSettings {
  kafkaBrokers: string[];
  eventstoreUrl: string;
  mongoUrl: string;
  /** Only when a KurrentDB is reachable (KURRENTDB_URL, or a container); its suites skip otherwise. */
  kurrentdbUrl?: string;
  source: 'env' | 'testcontainers' | 'local';
}

export const repoRoot = resolve(__dirname, '../../..');

function fromEnv(env: NodeJS.ProcessEnv): InfraSettings | undefined {
  const { KAFKA_BROKERS, EVENTSTORE_URL, MONGO_URL, KURRENTDB_URL } = env;
  if (!KAFKA_BROKERS || !EVENTSTORE_URL || !MONGO_URL) return undefined;
  return {
    kafkaBrokers: KAFKA_BROKERS.split(',').map((b) => b.trim()),
    eventstoreUrl: EVENTSTORE_URL,
    mongoUrl: MONGO_URL,
    kurrentdbUrl: KURRENTDB_URL || undefined,
    source: 'env',
  };
}

/** True when a Docker engine answers; the docker CLI alone (as on our CI machines) is not enough. */
export async function dockerEngineAnswers(): Promise<boolean> {
  if (!process.env['DOCKER_HOST'] && !existsSync('/var/run/docker.sock')) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await Promise.race([
      getContainerRuntimeClient(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('docker timeout')), 5000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

async function fromTestcontainers(): Promise<InfraSettings> {
  const [{ GenericContainer, Wait }, { KafkaContainer }, { PostgreSqlContainer }, { MongoDBContainer }] =
    await Promise.all([
      import('testcontainers'),
      import('@testcontainers/kafka'),
      import('@testcontainers/postgresql'),
      import('@testcontainers/mongodb'),
    ]);
  const [kafka, pg, mongo, kurrent] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
    new PostgreSqlContainer('postgres:17')
      .withDatabase('foresight')
      .withUsername('foresight')
      .withPassword('foresight')
      .withCommand(['postgres', '-c', 'idle_in_transaction_session_timeout=60s', '-c', 'max_connections=200'])
      .start(),
    new MongoDBContainer('mongo:8').start(),
    new GenericContainer('docker.kurrent.io/kurrent-latest/kurrentdb:25.1')
      .withEnvironment({ KURRENTDB_INSECURE: 'true', KURRENTDB_RUN_PROJECTIONS: 'None' })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
      .start(),
  ]);
  return {
    kafkaBrokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
    eventstoreUrl: pg.getConnectionUri(),
    mongoUrl: `${mongo.getConnectionString()}/foresight?directConnection=true`,
    kurrentdbUrl: `kurrentdb://${kurrent.getHost()}:${kurrent.getMappedPort(2113)}?tls=false`,
    source: 'testcontainers',
  };
}

function fromLocalScripts(): InfraSettings {
  const dir = join(repoRoot, 'infra/local');
  // `up` is idempotent: when everything already runs it only says so.
  execFileSync(join(dir, 'up'), { stdio: ['ignore', 'inherit', 'inherit'] });
  const printed = execFileSync(join(dir, 'env'), { encoding: 'utf8' });
  const env: Record<string, string> = {};
  for (const line of printed.split('\n')) {
    const [, name, value] = /^(?:export\s+)?([A-Z_]+)=["']?([^"']*)["']?$/.exec(line.trim()) ?? [];
    if (name && value !== undefined) env[name] = value;
  }
  const settings = fromEnv(env);
  if (!settings)
    throw new Error(`infra/local/env printed no KAFKA_BROKERS/EVENTSTORE_URL/MONGO_URL:\n${printed}`);
  return { ...settings, source: 'local' };
}

let resolved: Promise<InfraSettings> | undefined;

/**
 * Where tests find Kafka, the event store and Mongo: env vars when set; else testcontainers when a
 * Docker engine answers; else the project's own local scripts (which start what is missing).
 */
export function infra(): Promise<InfraSettings> {
  resolved ??= (async () =>
    fromEnv(process.env) ?? ((await dockerEngineAnswers()) ? fromTestcontainers() : fromLocalScripts()))();
  return resolved;
}

/** Exposes resolved settings as the env vars services and child processes read. */
export function exportToEnv(s: InfraSettings): void {
  process.env['KAFKA_BROKERS'] = s.kafkaBrokers.join(',');
  process.env['EVENTSTORE_URL'] = s.eventstoreUrl;
  process.env['MONGO_URL'] = s.mongoUrl;
  if (s.kurrentdbUrl) process.env['KURRENTDB_URL'] = s.kurrentdbUrl;
}
