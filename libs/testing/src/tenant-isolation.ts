import { DynamicModule, ExceptionFilter, PipeTransform, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, MODULE_PATH, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './infra';
import { uniqueName } from './names';
import { dropPrivateStores } from './private-stores';
import { freePort } from './scratch-mongo';

/** Headers that authenticate as one principal: `{ authorization: 'Bearer <jwt>' }` or `{ 'x-api-key': key }`. */
export interface TenantCaller {
  tenantId: string;
  headers: Record<string, string>;
}

export interface TenantIsolationOptions {
  /** The service in-process (`createService(...)`); initialised here if it is not yet. */
  app: NestFastifyApplication;
  /** A principal of tenant A holding every permission the routes need (an owner), so no probe passes for lack of one. */
  caller: TenantCaller;
  /** Tenant B, whose data A must never reach. */
  victim: {
    tenantId: string;
    /** B's resource ids by path-parameter name (`reportId`, `id`, …); other parameters get random UUIDs. */
    params?: Record<string, string>;
    /** Strings that must appear in no response to A: B's ids, names, e-mails (B's tenant id is always one). */
    markers?: string[];
  };
  /** Bodies per route (`POST /v1/reports`), so validated DTOs get past validation to the tenant check. */
  bodies?: Record<string, Record<string, unknown>>;
  /** Routes left out, each with the reason (printed in the report). */
  skip?: Record<string, string>;
  /** Runs after every probe: e.g. read B's resources as B and check nothing changed. */
  victimIntact?: () => Promise<void>;
}

export interface ProbeResult {
  probe: 'anonymous' | 'victim-ids' | 'victim-tenant';
  url: string;
  status: number;
}

export interface RouteReport {
  route: string;
  kind: 'public' | 'guarded' | 'skipped';
  note?: string;
  probes: ProbeResult[];
}

export interface TenantIsolationReport {
  routes: RouteReport[];
  /** Empty when every guarded route kept tenant B's data from tenant A. */
  violations: string[];
}

interface NestRoute {
  method: string;
  path: string;
  isPublic: boolean;
  permissions: string[];
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// libs/auth's metadata keys and options token: plain strings there, repeated here because the
// platform libs' own tests import this lib (an import back would be a cycle).
const IS_PUBLIC = 'foresight:public';
const REQUIRED_PERMISSIONS = 'foresight:permissions';
const AUTH_OPTIONS = 'foresight:auth-options';

function joinPath(...parts: (string | undefined)[]): string {
  const joined = parts
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}

const asArray = (v: string | string[] | undefined): string[] =>
  v === undefined ? [''] : Array.isArray(v) ? v : [v];

/** Every controller method Nest maps, with what the guard reads from it (public, permissions). */
function nestRoutes(app: NestFastifyApplication): NestRoute[] {
  const container = app.get(ModulesContainer);
  const config = (app as unknown as { config?: { getGlobalPrefix(): string } }).config;
  const globalPrefix = config?.getGlobalPrefix() ?? '';
  const routes: NestRoute[] = [];
  for (const module of container.values()) {
    const modulePath = Reflect.getMetadata(MODULE_PATH + container.applicationId, module.metatype) as
      string | undefined;
    for (const wrapper of module.controllers.values()) {
      const ctrl = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!ctrl) continue;
      const ctrlPaths = asArray(Reflect.getMetadata(PATH_METADATA, ctrl) as string | string[] | undefined);
      const classPublic = Reflect.getMetadata(IS_PUBLIC, ctrl) === true;
      const classPerms = (Reflect.getMetadata(REQUIRED_PERMISSIONS, ctrl) as string[] | undefined) ?? [];
      for (const name of Object.getOwnPropertyNames(ctrl.prototype)) {
        const handler = (ctrl.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const handlerPublic = Reflect.getMetadata(IS_PUBLIC, handler) as boolean | undefined;
        const perms = (Reflect.getMetadata(REQUIRED_PERMISSIONS, handler) as string[] | undefined) ?? [];
        for (const c of ctrlPaths)
          for (const m of asArray(
            Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined,
          ))
            routes.push({
              method: RequestMethod[method],
              path: joinPath(globalPrefix, modulePath, c, m),
              isPublic: handlerPublic ?? classPublic,
              permissions: [...classPerms, ...perms],
            });
      }
    }
  }
  return routes;
}

/**
 * Fastify's whole route table, Nest's routes and those registered on Fastify directly alike, read
 * from its printed tree (one node per line, four characters of indent per level, methods in
 * parentheses): the one listing Fastify offers after the fact.
 */
export function fastifyRoutes(tree: string): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:[│ ] {3})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const [, indent = '', segment = '', methods] = m;
    stack.length = indent.length / 4;
    stack.push(segment);
    for (const method of methods?.split(', ') ?? [])
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url: stack.join('') });
  }
  return routes;
}

function fill(path: string, values: (param: string) => string): string {
  return path.replace(/:([A-Za-z0-9_]+)\??/g, (_m, name: string) => encodeURIComponent(values(name)));
}

/**
 * Proves, for every route a service has, that a principal of tenant A cannot reach tenant B's data.
 * Routes come from Fastify's own table, so a route added later is covered without touching the
 * suite; each is matched to its controller method to learn whether it is public. Every guarded route is called three ways:
 *
 * - anonymous: must answer 401 (it really is guarded);
 * - as A with B's resource ids in the path: 403/404 when the path names a resource (400/422 for a
 *   body the route rejects), any non-5xx answer otherwise;
 * - as A naming tenant B wherever a client could (path `tenantId`, `?tenantId=`, body `tenantId`,
 *   `x-tenant-id`): 403/404 (400/422 for a rejected body).
 *
 * No answer to A may contain one of B's markers, no answer may be a 5xx, and a 403 for a permission
 * A lacks counts as a failure: it would prove nothing.
 */
export async function checkTenantIsolation(options: TenantIsolationOptions): Promise<TenantIsolationReport> {
  const { app, caller, victim } = options;
  const fastify = app.getHttpAdapter().getInstance();
  await app.init();
  await fastify.ready();
  const registered = fastifyRoutes(fastify.printRoutes({ commonPrefix: false }));

  const nest = nestRoutes(app);
  let publicPaths: readonly string[] = [];
  try {
    publicPaths = app.get<{ publicPaths: readonly string[] }>(AUTH_OPTIONS, { strict: false }).publicPaths;
  } catch {
    // No AuthModule in this app: then nothing is public by path, and every probe says so.
  }
  const markers = [victim.tenantId, ...(victim.markers ?? [])].filter(Boolean);
  const violations: string[] = [];
  const reports: RouteReport[] = [];

  const send = async (method: string, url: string, headers: Record<string, string>, payload?: object) => {
    for (let attempt = 0; ; attempt++) {
      const res = await fastify.inject({ method: method as 'GET', url, headers, payload });
      // A tenant's rate limit is a fact of life, not an isolation failure: wait it out (bounded).
      if (res.statusCode !== 429 || attempt >= 3) return res;
      await new Promise((r) => setTimeout(r, Number(res.headers['retry-after'] ?? 1) * 1000));
    }
  };

  for (const { method, url } of registered) {
    const key = `${method} ${url}`;
    if (options.skip?.[key]) {
      reports.push({ route: key, kind: 'skipped', note: options.skip[key], probes: [] });
      continue;
    }
    const meta = nest.find((r) => r.method === method && r.path === url);
    const underPublicPath = publicPaths.some((p) => url === p || url.startsWith(`${p}/`));
    if (!meta) {
      // Registered on Fastify directly (the OpenAPI UI): outside Nest, hence outside the guard.
      if (url === '/docs' || url.startsWith('/docs/') || underPublicPath) {
        reports.push({ route: key, kind: 'public', note: 'not a Nest route', probes: [] });
      } else {
        violations.push(`${key}: registered outside Nest's controllers, so the auth guard never sees it`);
        reports.push({ route: key, kind: 'guarded', note: 'unmatched', probes: [] });
      }
      continue;
    }
    if (meta.isPublic || underPublicPath) {
      reports.push({ route: key, kind: 'public', probes: [] });
      continue;
    }

    const probes: ProbeResult[] = [];
    const body = options.bodies?.[key] ?? {};
    const hasBody = BODY_METHODS.has(method);
    const namesResource = /:[A-Za-z0-9_]+/.test(url);
    const acceptable = (status: number, strict: boolean) =>
      (hasBody && (status === 400 || status === 422)) ||
      status === 403 ||
      status === 404 ||
      (!strict && status < 500 && status !== 401);
    const check = async (
      probe: ProbeResult['probe'],
      path: string,
      headers: Record<string, string>,
      payload: object | undefined,
      strict: boolean,
    ) => {
      const res = await send(method, path, headers, hasBody ? payload : undefined);
      probes.push({ probe, url: path, status: res.statusCode });
      const text = res.body;
      if (probe === 'anonymous') {
        if (res.statusCode !== 401)
          violations.push(`${key}: answered ${res.statusCode} without credentials (expected 401)`);
        return;
      }
      // Echoing what A itself sent (an id in the path) reveals nothing; anything else of B's does.
      const sent = `${path} ${JSON.stringify(payload ?? {})} ${Object.values(headers).join(' ')}`;
      const leaked = markers.filter((m) => text.includes(m) && !sent.includes(m));
      if (leaked.length)
        violations.push(
          `${key} [${probe}]: the answer (${res.statusCode}) contains tenant B's ${leaked.join(', ')}`,
        );
      if (res.statusCode === 401)
        violations.push(`${key} [${probe}]: 401 — tenant A's credentials were not accepted`);
      else if (res.statusCode === 403 && /AUTH\.FORBIDDEN/.test(text))
        violations.push(
          `${key} [${probe}]: tenant A lacks ${meta.permissions.join(', ')}; the probe proves nothing`,
        );
      else if (!acceptable(res.statusCode, strict))
        violations.push(
          `${key} [${probe}]: answered ${res.statusCode}, expected 403/404${hasBody ? '/400/422' : ''}`,
        );
    };

    const randomIds = new Map<string, string>();
    const randomId = (name: string) => {
      let id = randomIds.get(name);
      if (!id) randomIds.set(name, (id = randomUUID()));
      return id;
    };
    const path = fill(
      url,
      (name) => victim.params?.[name] ?? (/^tenant(Id)?$/i.test(name) ? victim.tenantId : randomId(name)),
    );
    await check('anonymous', path, {}, body, true);
    await check('victim-ids', path, caller.headers, body, namesResource);
    await check(
      'victim-tenant',
      `${path}${path.includes('?') ? '&' : '?'}tenantId=${encodeURIComponent(victim.tenantId)}`,
      { ...caller.headers, 'x-tenant-id': victim.tenantId },
      { ...body, tenantId: victim.tenantId },
      true,
    );
    reports.push({ route: key, kind: 'guarded', probes });
  }

  if (options.victimIntact) {
    try {
      await options.victimIntact();
    } catch (err) {
      violations.push(`tenant B's data changed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { routes: reports, violations };
}

/** One line per route, for the test log: what was checked and how each probe answered. */
export function formatIsolationReport(service: string, report: TenantIsolationReport): string {
  const lines = report.routes.map((r) => {
    const probes = r.probes.map((p) => `${p.probe}=${p.status}`).join(' ');
    return `  ${r.kind.padEnd(7)} ${r.route}${probes ? `  ${probes}` : ''}${r.note ? `  (${r.note})` : ''}`;
  });
  const guarded = report.routes.filter((r) => r.kind === 'guarded').length;
  return `[tenant-isolation] ${service}: ${report.routes.length} routes, ${guarded} guarded and probed\n${lines.join('\n')}`;
}

/** What `createTestApp` needs from `@foresight/service-kit` (passed in: service-kit's tests import this lib). */
export interface ServiceKitParts {
  loadConfig<C extends object>(
    cls: new () => C,
    env?: NodeJS.ProcessEnv,
    defaults?: Partial<Record<keyof C, unknown>>,
  ): C;
  createValidationPipe(): PipeTransform;
  DomainErrorFilter: new () => ExceptionFilter;
}

/**
 * The service in-process as `createService` builds it (validated config, validation pipe, domain
 * error filter, logger) minus the OpenAPI UI: under Jest on Node 20, `@fastify/static` cannot load
 * its ESM-only dependency. The UI is registered outside Nest anyway, so no guarded route is lost.
 * `kit` is `import * as kit from '@foresight/service-kit'`.
 */
export async function createTestApp<C extends object>(
  def: {
    name: string;
    configClass: new () => C;
    defaults?: Partial<Record<keyof C, unknown>>;
    module: (config: C) => DynamicModule;
  },
  env: NodeJS.ProcessEnv,
  kit: ServiceKitParts,
): Promise<NestFastifyApplication> {
  const [{ NestFactory }, { FastifyAdapter }, { Logger }] = await Promise.all([
    import('@nestjs/core'),
    import('@nestjs/platform-fastify'),
    import('nestjs-pino'),
  ]);
  const config = kit.loadConfig(def.configClass, env, def.defaults);
  const app = await NestFactory.create<NestFastifyApplication>(def.module(config), new FastifyAdapter(), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(kit.createValidationPipe());
  app.useGlobalFilters(new kit.DomainErrorFilter());
  return app;
}

/** A service run from its sources (no build step to race other suites on), as its own OS process. */
export interface SourceProcess {
  name: string;
  url: string;
  process: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

export async function startFromSources(
  name: string,
  env: Record<string, string>,
  onStop: () => Promise<void> = async () => undefined,
): Promise<SourceProcess> {
  const port = env['PORT'] ?? String(await freePort());
  const logFile = join(mkdtempSync(join(tmpdir(), `${name}-test-`)), `${name}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(repoRoot, `services/${name}/src/main.ts`)],
    {
      cwd: repoRoot,
      env: { ...process.env, HOST: '127.0.0.1', ...env, PORT: port },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const svc: SourceProcess = {
    name,
    url: `http://127.0.0.1:${port}`,
    process: child,
    log: () => readFileSync(logFile, 'utf8'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await onStop();
    },
  };
  const deadline = Date.now() + 90_000;
  let last = '';
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`${svc.url}/health/ready`, { signal: AbortSignal.timeout(3000) });
      if (res.ok) return svc;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await svc.stop();
  throw new Error(`${name} did not get ready (${last})\n${svc.log().split('\n').slice(-30).join('\n')}`);
}

export interface TestIdentity extends SourceProcess {
  grpcTarget: string;
  jwksUrl: string;
  adminToken: string;
  /** The variables another service needs to trust this identity. */
  authEnv: Record<string, string>;
}

/**
 * identity as a process with a private event-store schema and Mongo database (dropped on stop), so
 * runs sharing the servers never meet; cheap password hashing, since sign-in speed is not the point.
 */
export async function startTestIdentity(env: Record<string, string> = {}): Promise<TestIdentity> {
  const id = uniqueName('idt').replace(/-/g, '_').toLowerCase();
  const [port, grpcPort] = [await freePort(), await freePort()];
  const mongo = new URL(process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017/foresight');
  mongo.pathname = `/identity_${id}`;
  const schema = `es_${id}`;
  const adminToken = randomBytes(32).toString('hex');
  const svc = await startFromSources(
    'identity',
    {
      PORT: String(port),
      GRPC_PORT: String(grpcPort),
      MONGO_URL: mongo.toString(),
      EVENTSTORE_SCHEMA: schema,
      IDENTITY_ADMIN_TOKEN: adminToken,
      IDENTITY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      ARGON2_MEMORY_KIB: '8192',
      ARGON2_ITERATIONS: '1',
      ...env,
    },
    async () => {
      await dropPrivateStores(schema, mongo.toString());
    },
  );
  const jwksUrl = `${svc.url}/.well-known/jwks.json`;
  const grpcTarget = `127.0.0.1:${grpcPort}`;
  return {
    ...svc,
    grpcTarget,
    jwksUrl,
    adminToken,
    authEnv: { IDENTITY_GRPC_URL: grpcTarget, IDENTITY_JWKS_URL: jwksUrl },
  };
}

export interface TestTenant {
  tenantId: string;
  slug: string;
  displayName: string;
  owner: { userId: string; email: string; accessToken: string; refreshToken: string };
}

async function call<T>(
  identity: TestIdentity,
  method: string,
  path: string,
  bearer: string | undefined,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${identity.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`identity ${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** Through identity's REST API, as a client would: tenant with an invited owner, accepted, signed in. */
export async function createTestTenant(
  identity: TestIdentity,
  tier: 'free' | 'pro' | 'enterprise' = 'enterprise',
): Promise<TestTenant> {
  const slug = uniqueName('t').toLowerCase();
  const displayName = `Tenant ${slug}`;
  const email = `owner@${slug}.example.com`;
  const password = randomBytes(12).toString('hex');
  const created = await call<{
    tenant: { tenantId: string };
    owner: { invitationToken: string; userId: string };
  }>(identity, 'POST', '/v1/tenants', identity.adminToken, {
    slug,
    displayName,
    domain: `${slug}.example.com`,
    tier,
    owner: { email },
  });
  await call(identity, 'POST', '/v1/invitations/accept', undefined, {
    token: created.owner.invitationToken,
    password,
  });
  const session = await call<{ accessToken: string; refreshToken: string; userId: string }>(
    identity,
    'POST',
    '/v1/auth/login',
    undefined,
    {
      email,
      password,
      tenant: slug,
    },
  );
  return {
    tenantId: created.tenant.tenantId,
    slug,
    displayName,
    owner: {
      userId: session.userId ?? created.owner.userId,
      email,
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
    },
  };
}

/** A key owned by the tenant's owner; returns the full key (shown once) and its id. */
export async function createTestApiKey(
  identity: TestIdentity,
  tenant: TestTenant,
  roles: string[] = ['owner'],
): Promise<{ apiKey: string; keyId: string; prefix: string }> {
  const created = await call<{ apiKey: string; key: { keyId: string; prefix: string } }>(
    identity,
    'POST',
    '/v1/api-keys',
    tenant.owner.accessToken,
    { name: uniqueName('key'), roles },
  );
  return { apiKey: created.apiKey, keyId: created.key.keyId, prefix: created.key.prefix };
}

export async function revokeTestApiKey(
  identity: TestIdentity,
  tenant: TestTenant,
  keyId: string,
): Promise<void> {
  await call(identity, 'POST', `/v1/api-keys/${keyId}/revoke`, tenant.owner.accessToken, { reason: 'test' });
}

/** Signs the owner out: the session's access tokens must stop working everywhere. */
export async function logoutTestOwner(identity: TestIdentity, tenant: TestTenant): Promise<void> {
  await call(identity, 'POST', '/v1/auth/logout', undefined, { refreshToken: tenant.owner.refreshToken });
}

/** The platform operator suspends (or reactivates) the tenant. */
export async function setTestTenantStatus(
  identity: TestIdentity,
  tenant: TestTenant,
  action: 'suspend' | 'reactivate',
): Promise<void> {
  await call(
    identity,
    'POST',
    `/v1/tenants/${tenant.tenantId}/${action}`,
    identity.adminToken,
    action === 'suspend' ? { reason: 'test' } : {},
  );
}

/**
 * Tenants A (the caller: its owner's real JWT, every permission) and B (the victim: its id, slug,
 * name and owner's e-mail as markers), for `checkTenantIsolation`. Enterprise tier, so the probes
 * stay far below the rate limit.
 */
export async function isolationTenants(
  identity: TestIdentity,
): Promise<Pick<TenantIsolationOptions, 'caller' | 'victim'> & { a: TestTenant; b: TestTenant }> {
  const [a, b] = await Promise.all([createTestTenant(identity), createTestTenant(identity)]);
  return {
    a,
    b,
    caller: { tenantId: a.tenantId, headers: { authorization: `Bearer ${a.owner.accessToken}` } },
    victim: { tenantId: b.tenantId, markers: [b.slug, b.displayName, b.owner.email, b.owner.userId] },
  };
}
