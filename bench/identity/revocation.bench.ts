/**
 * How long a revocation takes to reach a guard in another process's position: identity's own guard
 * (libs/auth) caches the key's answer and learns of the revocation only from identity.access.v1
 * (event store → relay → Kafka → its consumer). The bar set by the issue: under a second.
 *
 *   node -r @swc-node/register bench/identity/revocation.bench.ts [samples=30]
 *
 * Each sample: a fresh key is used once (the guard caches it for up to 60 s), revoked, then polled
 * every 5 ms with the key until refused. Baseline in the same run: identity's VerifyApiKey, which
 * reads the key's stream, refuses on the first call after the revoke returns.
 */
import { performance } from 'node:perf_hooks';
import { benchIdentity, createTenant, row, summarise } from './bench-support';

const [samples = 30] = process.argv.slice(2).map(Number);

async function main(): Promise<void> {
  const { identity, client } = await benchIdentity({
    TIER_POLICIES: JSON.stringify({ enterprise: { maxApiKeysPerUser: 100_000, rateLimitRpm: 10_000_000 } }),
    LOG_LEVEL: 'warn',
  });
  try {
    const tenant = await createTenant(client, 'enterprise');
    const owner = { bearer: tenant.owner.accessToken };
    const guard: number[] = [];
    const grpc: number[] = [];
    for (let i = 0; i < samples; i++) {
      const created = await client.post<{ apiKey: string; key: { keyId: string } }>(
        '/v1/api-keys',
        { name: `r${i}`, roles: ['admin'] },
        owner,
      );
      const asKey = { apiKey: created.body.apiKey };
      if ((await client.get('/v1/tenant', asKey)).status !== 200)
        throw new Error('the key was not accepted before its revocation');
      await client.post(`/v1/api-keys/${created.body.key.keyId}/revoke`, {}, owner);
      const revokedAt = performance.now();
      const direct = await client.access.verifyApiKey(created.body.apiKey);
      grpc.push(direct.valid ? Number.POSITIVE_INFINITY : performance.now() - revokedAt);
      for (;;) {
        const res = await client.get('/v1/tenant', asKey);
        if (res.status === 401) break;
        if (performance.now() - revokedAt > 10_000)
          throw new Error('the guard still accepts the key after 10 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      guard.push(performance.now() - revokedAt);
    }
    console.log(`\nRevocation → refusal, identity as a process, ${samples} keys; node ${process.version}\n`);
    console.table([
      row('baseline: VerifyApiKey right after the revoke returned', summarise(grpc)),
      row('guard with a cached key, via identity.access.v1', summarise(guard)),
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
