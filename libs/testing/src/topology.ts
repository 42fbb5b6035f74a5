import { randomBytes } from 'node:crypto';
import { DEFAULT_PORTS, RunningService, ServiceName, SERVICES, startService, waitReady } from './services';
import { freePort } from './scratch-mongo';

/** Secrets and addresses that tie the six services together (identity signs, the others verify). */
export interface TopologyEnv {
  ports: Record<ServiceName, number>;
  identityGrpcPort: number;
  adminToken: string;
  encryptionKey: string;
  /** Seals notifications' webhook signing secrets at rest; absent (an older demo's secrets): stored as given. */
  notificationsKey?: string;
  /** Extra variables for every service. */
  env?: NodeJS.ProcessEnv;
  /** Extra variables for one service (they win over `env`). */
  perService?: Partial<Record<ServiceName, NodeJS.ProcessEnv>>;
}

type Secrets = Pick<TopologyEnv, 'adminToken' | 'encryptionKey' | 'notificationsKey'>;

export function newSecrets(): Secrets {
  return {
    adminToken: randomBytes(32).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
    notificationsKey: randomBytes(32).toString('base64'),
  };
}

/** Free ports for every service, so a test topology runs beside a demo or another test. */
export async function freeTopology(env: NodeJS.ProcessEnv = {}): Promise<TopologyEnv> {
  const ports = {} as Record<ServiceName, number>;
  for (const name of SERVICES) ports[name] = await freePort();
  return { ports, identityGrpcPort: await freePort(), ...newSecrets(), env };
}

export function defaultTopology(secrets: Secrets): TopologyEnv {
  return { ports: { ...DEFAULT_PORTS }, identityGrpcPort: 50051, ...secrets };
}

/** The environment one service of the topology starts with. */
export function envFor(name: ServiceName, t: TopologyEnv): NodeJS.ProcessEnv {
  const identity = {
    IDENTITY_GRPC_URL: `127.0.0.1:${t.identityGrpcPort}`,
    IDENTITY_JWKS_URL: `http://127.0.0.1:${t.ports.identity}/.well-known/jwks.json`,
  };
  const own =
    name === 'identity'
      ? {
          GRPC_PORT: String(t.identityGrpcPort),
          IDENTITY_ADMIN_TOKEN: t.adminToken,
          IDENTITY_ENCRYPTION_KEY: t.encryptionKey,
        }
      : name === 'notifications' && t.notificationsKey
        ? { NOTIFICATIONS_ENCRYPTION_KEY: t.notificationsKey }
        : {};
  return { ...t.env, ...t.perService?.[name], ...identity, ...own };
}

/**
 * A topology whose data nobody else sees: its own event-store schemas, Mongo database and consumer
 * groups, so an e2e run shares the broker and servers with other suites without mixing state.
 */
export async function isolatedTopology(
  runId: string,
  mongoUrl: string,
  env: NodeJS.ProcessEnv = {},
): Promise<TopologyEnv> {
  const id = runId.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const mongo = new URL(mongoUrl);
  mongo.pathname = `/${id}`;
  const t = await freeTopology({
    ...env,
    MONGO_URL: mongo.toString(),
    CONSUMER_GROUP_SUFFIX: id,
    // Its groups are new: without this they would replay every earlier run's messages on shared topics.
    CONSUMER_NEW_GROUP_START: 'end',
  });
  t.perService = Object.fromEntries(
    SERVICES.map((name) => [name, { EVENTSTORE_SCHEMA: `es_${name.replace(/-/g, '_')}_${id}`.slice(0, 56) }]),
  );
  return t;
}

/** Removes what an isolated topology stored: its event-store schemas and its Mongo database. */
export async function dropIsolatedTopology(t: TopologyEnv, eventstoreUrl: string): Promise<void> {
  const [{ Client }, { default: mongoose }] = await Promise.all([import('pg'), import('mongoose')]);
  const pg = new Client({ connectionString: eventstoreUrl });
  await pg.connect();
  try {
    for (const name of SERVICES) {
      const schema = t.perService?.[name]?.EVENTSTORE_SCHEMA;
      if (schema) await pg.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined);
    }
  } finally {
    await pg.end();
  }
  if (!t.env?.MONGO_URL) return;
  const conn = await mongoose.createConnection(t.env.MONGO_URL).asPromise();
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
}

/**
 * Starts services as separate processes wired to each other: identity first (the others fetch its
 * signing keys), then the rest in parallel; resolves when every /health/ready is green.
 */
export async function startTopology(
  t: TopologyEnv,
  opts: {
    services?: readonly ServiceName[];
    logDir?: string;
    timeoutMs?: number;
    /** Called as each process starts (before it is ready): pid files, cleanup lists. */
    onStart?: (svc: RunningService) => void;
  } = {},
): Promise<RunningService[]> {
  const names = opts.services ?? SERVICES;
  const running: RunningService[] = [];
  const start = (name: ServiceName) => {
    const svc = startService(name, { port: t.ports[name], env: envFor(name, t), logDir: opts.logDir });
    running.push(svc);
    opts.onStart?.(svc);
    return svc;
  };
  try {
    if (names.includes('identity')) await waitReady(start('identity'), opts.timeoutMs ?? 90_000);
    await Promise.all(
      names.filter((n) => n !== 'identity').map((n) => waitReady(start(n), opts.timeoutMs ?? 90_000)),
    );
    return running;
  } catch (err) {
    await Promise.all(running.map((s) => s.stop()));
    throw err;
  }
}
