import { describeIf, freePort, uniqueName } from '@foresight/testing';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { RedisRateLimiter } from '../src/rate-limit/redis.rate-limiter';
import { limitForRpm } from '../src/rate-limit/token-bucket';

function redisServerOnPath(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** REDIS_URL when given; else a redis-server of the test's own (Debian's `redis-server` package). */
describeIf(
  !!process.env['REDIS_URL'] || redisServerOnPath(),
  'no REDIS_URL and no redis-server on PATH (apt-get install redis-server)',
)('RedisRateLimiter (shared buckets)', () => {
  let server: ChildProcess | undefined;
  let url: string;
  const prefix = `${uniqueName('rl')}:`;
  const limiters: RedisRateLimiter[] = [];
  const instance = () => {
    const limiter = new RedisRateLimiter(url, prefix, () => undefined, 200);
    limiters.push(limiter);
    return limiter;
  };

  beforeAll(async () => {
    if (process.env['REDIS_URL']) {
      url = process.env['REDIS_URL'];
      return;
    }
    const port = await freePort();
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    url = `redis://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await Promise.all(limiters.map((l) => l.close()));
    server?.kill('SIGKILL');
  });

  it("makes two instances of a service share one tenant's bucket", async () => {
    const [a, b] = [instance(), instance()];
    await Promise.all([a.ready(), b.ready()]);
    const limit = limitForRpm(10);
    const decisions = [];
    for (let i = 0; i < 12; i++) decisions.push(await (i % 2 ? b : a).consume('tenant-1', limit));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(decisions.slice(10).map((d) => [d.allowed, d.remaining, d.retryAfterSeconds])).toEqual([
      [false, 0, 6],
      [false, 0, 6],
    ]);
    // Another tenant has a bucket of its own.
    expect((await b.consume('tenant-2', limit)).remaining).toBe(9);
  });

  it("falls back to the instance's own bucket when Redis is away, rather than refusing or hanging", async () => {
    if (!server) return; // an external Redis is not ours to stop
    const limiter = instance();
    await limiter.ready();
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));
    const decision = await limiter.consume('tenant-3', limitForRpm(5));
    expect(decision).toMatchObject({ allowed: true, limit: 5, remaining: 4 });
  });
});
