import { exportToEnv, infra } from '@foresight/testing';
import { performance } from 'node:perf_hooks';
import { IdentityClient } from '../../services/identity/test/support/identity-client';
import { IdentityProcess, startIdentity } from '../../services/identity/test/support/identity-process';

export { createTenant, PASSWORD, signIn } from '../../services/identity/test/support/tenant-fixture';

/** identity as its own process on the local (or given) infrastructure, private stores, dropped at the end. */
export async function benchIdentity(
  env: Record<string, string>,
): Promise<{ identity: IdentityProcess; client: IdentityClient }> {
  if (!process.env['KAFKA_BROKERS'] || !process.env['EVENTSTORE_URL'] || !process.env['MONGO_URL'])
    exportToEnv(await infra());
  const identity = await startIdentity(env);
  return { identity, client: new IdentityClient(identity) };
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export interface Summary {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

export function row(
  name: string,
  s: Summary,
  extra: Record<string, string | number> = {},
): Record<string, string | number> {
  const ms = (v: number) => v.toFixed(v < 10 ? 3 : 1);
  return {
    case: name,
    n: s.n,
    'p50 ms': ms(s.p50),
    'p90 ms': ms(s.p90),
    'p99 ms': ms(s.p99),
    'max ms': ms(s.max),
    ...extra,
  };
}

export function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
