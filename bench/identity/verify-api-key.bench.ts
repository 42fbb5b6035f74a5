/**
 * identity.v1.Access/VerifyApiKey as a guard calls it on a cache miss (gRPC client from libs/auth),
 * against identity running as its own process on the real stores.
 *
 *   node -r @swc-node/register bench/identity/verify-api-key.bench.ts [keys=200] [warm-rounds=20] [concurrency=32]
 *
 * - baseline: a malformed key, refused before any lookup: the gRPC round trip alone, same run.
 * - cold: the first verification of each key: its stream is read from PostgreSQL and folded (the
 *   tenant and role streams are already cached by then; one row shows the very first call too).
 * - warm: the same keys again, from identity's in-memory cache; sequential, then `concurrency` in flight.
 */
import { performance } from 'node:perf_hooks';
import { benchIdentity, createTenant, row, shuffle, summarise, timed } from './bench-support';

const [keyCount = 200, warmRounds = 20, concurrency = 32] = process.argv.slice(2).map(Number);

async function main(): Promise<void> {
  const { identity, client } = await benchIdentity({
    TIER_POLICIES: JSON.stringify({ enterprise: { maxApiKeysPerUser: 100_000, rateLimitRpm: 10_000_000 } }),
    LOG_LEVEL: 'warn',
  });
  try {
    const tenant = await createTenant(client, 'enterprise');
    const keys: string[] = [];
    for (let i = 0; i < keyCount; i++) {
      const res = await client.post<{ apiKey: string }>(
        '/v1/api-keys',
        { name: `bench ${i}`, roles: ['ingest-bot', 'analyst'] },
        { bearer: tenant.owner.accessToken },
      );
      if (res.status !== 201) throw new Error(`key creation failed: ${res.status} ${res.text}`);
      keys.push(res.body.apiKey);
    }
    const verify = async (key: string) => {
      const answer = await client.access.verifyApiKey(key);
      if (!answer.valid && !key.startsWith('x')) throw new Error(`refused: ${answer.reason}`);
    };

    // Warms the gRPC channel and the JIT before anything is measured.
    for (let i = 0; i < 500; i++) await verify('x-malformed');
    const baseline: number[] = [];
    for (let i = 0; i < keyCount * warmRounds; i++) baseline.push(await timed(() => verify('x-malformed')));

    const cold: number[] = [];
    for (const key of keys) cold.push(await timed(() => verify(key)));

    const warm: number[] = [];
    for (let r = 0; r < warmRounds; r++)
      for (const key of shuffle(keys)) warm.push(await timed(() => verify(key)));

    const concurrent: number[] = [];
    const order = Array.from({ length: warmRounds }, () => shuffle(keys)).flat();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < order.length) {
          const key = order[next++]!;
          concurrent.push(await timed(() => verify(key)));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    console.log(
      `\nVerifyApiKey over gRPC, identity as a process; ${keyCount} keys, node ${process.version}\n`,
    );
    console.table([
      row('baseline: malformed key (round trip only)', summarise(baseline)),
      row('cold: first verification of each key', summarise(cold), { 'first call ms': cold[0]!.toFixed(2) }),
      row('warm: sequential', summarise(warm)),
      row(`warm: ${concurrency} in flight`, summarise(concurrent), {
        'verifications/s': Math.round(order.length / seconds),
      }),
    ]);
  } finally {
    client.close();
    await identity.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
