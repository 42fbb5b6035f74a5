/**
 * What the auth guard costs a read endpoint on a warm cache: the same handler behind `@Public()`
 * (the baseline) and behind the guard with `@RequirePermissions`, called with a JWT and with an API
 * key, in one run, interleaved so drift hits every variant alike. The server is a child process so
 * the load generator does not share its event loop.
 *
 *   node -r @swc-node/register bench/auth/guard.bench.ts [seconds-per-round=4] [rounds=5]
 *
 * Latency percentiles come from every response's own time (autocannon's histogram has whole-ms
 * resolution, too coarse for sub-millisecond differences).
 */
import { Controller, Get } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { AuthModule, IDENTITY_ACCESS, Public, RequirePermissions } from '@foresight/auth';
import {
  API_KEY,
  IdentityAccessStandIn,
  JwksStandIn,
  keyPrincipal,
} from '../../libs/auth/test/support/identity-stand-in';

const rows = Array.from({ length: 10 }, (_, i) => ({
  id: `rep-${i}`,
  kind: 'CRITICAL_CHURN',
  status: 'NOTIFIED',
  accountId: `acc-${i}`,
  score: 0.87,
  owner: 'owner@example.com',
}));

@Controller('bench/reports')
class BenchController {
  @Public()
  @Get('public')
  open() {
    return rows;
  }

  @RequirePermissions('reports:read')
  @Get()
  guarded() {
    return rows;
  }
}

/** The server: the auth module as services wire it, minus Kafka; identity answers from a table. */
async function serve(): Promise<void> {
  const jwks = await new JwksStandIn().start();
  const identity = new IdentityAccessStandIn();
  // rpm high enough never to refuse: the bucket is still taken on every request.
  identity.keys.set(API_KEY, {
    valid: true,
    reason: '',
    principal: keyPrincipal({ permissions: ['reports:read'], rateLimitRpm: 1e9 }),
    cacheTtlSeconds: 3600,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [
      AuthModule.forRoot({
        serviceName: 'bench',
        identityGrpcUrl: '127.0.0.1:1',
        jwksUrl: jwks.url,
        issuer: 'foresight-identity',
        audience: 'foresight',
        kafkaBrokers: [],
        listenForAccessChanges: false,
        maxTokenTtlSeconds: 3600,
      }),
    ],
    controllers: [BenchController],
  })
    .overrideProvider(IDENTITY_ACCESS)
    .useValue(identity)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  const token = await jwks.sign({ perms: ['reports:read'], rpm: 1e9 }, { expiresIn: 3600 });
  process.send?.({ url: await app.getUrl(), token });
}

interface Sample {
  rps: number;
  latencies: number[];
  non2xx: number;
}

async function load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  connections: number,
): Promise<Sample> {
  const latencies: number[] = [];
  const instance = autocannon({ url, headers, duration: seconds, connections });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status < 300) latencies.push(ms);
  });
  const result = await instance;
  return { rps: result.requests.average, latencies, non2xx: result.non2xx };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 4);
  const rounds = Number(process.argv[3] ?? 5);
  const child = fork(__filename, ['serve'], { execArgv: process.execArgv, stdio: 'inherit' });
  const { url, token } = await new Promise<{ url: string; token: string }>((resolve) =>
    child.once('message', resolve as never),
  );
  const variants = {
    // The baseline carries the same bearer header: what differs is the guard, not the bytes parsed.
    'public (baseline)': { path: '/bench/reports/public', headers: { authorization: `Bearer ${token}` } },
    'guarded, JWT': { path: '/bench/reports', headers: { authorization: `Bearer ${token}` } },
    'guarded, API key': { path: '/bench/reports', headers: { 'x-api-key': API_KEY } },
  } as const;
  type Name = keyof typeof variants;

  for (const { path, headers } of Object.values(variants)) {
    const res = await fetch(`${url}${path}`, { headers });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    await load(`${url}${path}`, headers, 2, 10); // warm-up: JIT, caches
  }

  for (const connections of [10, 1]) {
    const collected = new Map<Name, { rps: number[]; latencies: number[]; non2xx: number }>();
    for (let round = 0; round < rounds; round++)
      for (const [name, { path, headers }] of Object.entries(variants) as [Name, (typeof variants)[Name]][]) {
        const s = await load(`${url}${path}`, headers, seconds, connections);
        const c = collected.get(name) ?? { rps: [], latencies: [], non2xx: 0 };
        c.rps.push(s.rps);
        c.latencies.push(...s.latencies);
        c.non2xx += s.non2xx;
        collected.set(name, c);
      }
    const stats = [...collected].map(([name, c]) => {
      const sorted = [...c.latencies].sort((a, b) => a - b);
      return {
        name,
        rps: c.rps.reduce((a, b) => a + b, 0) / c.rps.length,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        non2xx: c.non2xx,
      };
    });
    const base = stats[0]!;
    console.log(
      `\nauth guard, ${connections} connection(s), ${rounds} × ${seconds} s per variant, interleaved`,
    );
    const head = ['variant', 'req/s', 'ratio', 'p50 ms', 'p99 ms', '+p50 ms', '+p99 ms', 'non-2xx'];
    const body = stats.map((s) => [
      s.name,
      Math.round(s.rps).toLocaleString('en-US'),
      (s.rps / base.rps).toFixed(3),
      s.p50.toFixed(3),
      s.p99.toFixed(3),
      (s.p50 - base.p50).toFixed(3),
      (s.p99 - base.p99).toFixed(3),
      String(s.non2xx),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    console.log(line(head));
    for (const b of body) console.log(line(b));
  }
  child.kill();
}

if (process.argv[2] === 'serve') void serve();
else
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
