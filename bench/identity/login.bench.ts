/**
 * Sign-in latency with the production argon2id cost (identity's defaults: 19 MiB, 2 passes,
 * 1 lane), identity as its own process on the real stores, over HTTP.
 *
 *   node -r @swc-node/register bench/identity/login.bench.ts [samples=40]
 *
 * - baseline: argon2id verify of the same cost in this process, nothing else: the floor.
 * - login: the full POST /v1/auth/login (claim lookup, user stream, verify, session append, JWT).
 * - wrong password and unknown email: both must cost about what a login costs, or the timing
 *   would tell which emails have accounts.
 */
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { benchIdentity, createTenant, PASSWORD, row, summarise, timed } from './bench-support';

const [samples = 40] = process.argv.slice(2).map(Number);
const COST = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

async function main(): Promise<void> {
  const { identity, client } = await benchIdentity({
    ARGON2_MEMORY_KIB: String(COST.memoryCost),
    ARGON2_ITERATIONS: String(COST.timeCost),
    ARGON2_PARALLELISM: String(COST.parallelism),
    // Wrong passwords are part of the run: no lockout in the middle of it.
    LOGIN_MAX_ATTEMPTS: '100',
    TIER_POLICIES: JSON.stringify({ pro: { rateLimitRpm: 1_000_000 } }),
    LOG_LEVEL: 'warn',
  });
  try {
    const tenant = await createTenant(client, 'pro');
    const login = (email: string, password: string) =>
      client.post('/v1/auth/login', { email, password, tenant: tenant.slug });
    const phc = await hash(PASSWORD, { algorithm: Algorithm.Argon2id, ...COST });
    for (let i = 0; i < 3; i++) await login(tenant.owner.email, PASSWORD);

    const baseline: number[] = [];
    const ok: number[] = [];
    const wrong: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so drift (other load on the machine) hits every case alike.
    for (let i = 0; i < samples; i++) {
      baseline.push(await timed(() => verify(phc, PASSWORD)));
      ok.push(
        await timed(async () => {
          const res = await login(tenant.owner.email, PASSWORD);
          if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
        }),
      );
      wrong.push(await timed(() => login(tenant.owner.email, `wrong ${i}`)));
      unknown.push(await timed(() => login(`nobody-${i}-${Date.now()}@example.com`, `wrong ${i}`)));
    }
    // The owner's failures were counted; one good login leaves the account clean.
    await login(tenant.owner.email, PASSWORD);

    console.log(
      `\nSign-in, argon2id m=${COST.memoryCost} KiB t=${COST.timeCost} p=${COST.parallelism}; node ${process.version}\n`,
    );
    console.table([
      row('baseline: argon2id verify alone (in-process)', summarise(baseline)),
      row('login: POST /v1/auth/login, right password', summarise(ok)),
      row('wrong password (401)', summarise(wrong)),
      row('unknown email (401)', summarise(unknown)),
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
