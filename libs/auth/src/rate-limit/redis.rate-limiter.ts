import Redis from 'ioredis';
import { InMemoryRateLimiter } from './in-memory.rate-limiter';
import { RateLimiter } from './rate-limiter.port';
import { BucketLimit, decide, RateDecision } from './token-bucket';

/**
 * The token bucket of token-bucket.ts in one atomic script, on Redis's clock (instances' clocks
 * disagree; Redis's is one). Returns [allowed, tokens-left as a string, since Lua numbers become
 * integers in replies]. The key expires once the bucket would be full again: a missing key is a
 * full bucket.
 */
const TAKE = `
local capacity = tonumber(ARGV[1])
local refill = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1])
local at = tonumber(b[2])
if tokens == nil or at == nil then
  tokens = capacity
else
  tokens = math.min(capacity, tokens + math.max(0, now - at) * refill)
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / refill) + 1000)
return { allowed, tostring(tokens) }
`;

type Log = (message: string) => void;

interface TakeCommand {
  takeToken(key: string, capacity: number, refillPerMs: number): Promise<[number, string]>;
}

/**
 * Buckets shared by every instance of the service (REDIS_URL). Redis being slow or away must not
 * take the service down with it: after `timeoutMs` the decision falls back to this instance's own
 * bucket (over-admitting by at most the instance count while Redis is out), and says so in the log.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis & TakeCommand;
  private readonly fallback: InMemoryRateLimiter;
  private lastWarning = 0;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly warn: Log = () => undefined,
    timeoutMs = 100,
  ) {
    this.redis = new Redis(url, {
      // Fail fast instead of queueing behind a reconnect: the fallback answers meanwhile.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: timeoutMs,
      lazyConnect: false,
    }) as Redis & TakeCommand;
    this.redis.on('error', (err: Error) => this.warnOnce(`redis: ${err.message}`));
    this.redis.defineCommand('takeToken', { numberOfKeys: 1, lua: TAKE });
    this.fallback = new InMemoryRateLimiter();
  }

  async consume(key: string, limit: BucketLimit): Promise<RateDecision> {
    try {
      const [allowed, tokens] = await this.redis.takeToken(
        `${this.prefix}${key}`,
        limit.capacity,
        limit.refillPerMs,
      );
      return decide(Number(tokens), allowed === 1, limit);
    } catch (err) {
      this.warnOnce(
        `rate limit from this instance only (redis: ${err instanceof Error ? err.message : String(err)})`,
      );
      return this.fallback.consume(key, limit);
    }
  }

  /** Resolves once connected, so a start-up with a wrong REDIS_URL says so before traffic arrives. */
  async ready(timeoutMs = 5000): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis not ready after ${timeoutMs} ms`)), timeoutMs);
      this.redis.once('ready', () => (clearTimeout(timer), resolve()));
    });
  }

  async close(): Promise<void> {
    await this.fallback.close();
    // Nothing to flush: every command was awaited by its request.
    this.redis.disconnect();
  }

  private warnOnce(message: string): void {
    const now = Date.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.warn(message);
  }
}
