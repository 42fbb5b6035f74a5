/**
 * Issue 5's slice under a steady load: N synthetic accounts arrive from upstream at a fixed rate and
 * flow through all six services (separate processes, real Kafka / event store / Mongo-wire server).
 * Prints upstream record → report NOTIFIED latency p50/p90/p99 and the throughput.
 *
 *   node -r @swc-node/register bench/e2e/slice.bench.ts [accounts=80] [accountsPerSecond=2] [seed=5]
 *
 * One account's arrival is a bundle, sent the way its systems would: the CRM posts the account and
 * its contracts over REST, the product-analytics pipeline publishes its usage on
 * `upstream.product.usage`, the survey tool posts its feedback over REST. Latency starts when the
 * bundle's first record leaves (conservative: it includes sending the rest of the bundle) and ends
 * at the report's `notifiedAt` (report-engine's record of the webhook's delivery); the webhook's
 * arrival at the tenant's receiver is printed beside it. The load is open-loop: bundles start on
 * schedule whether or not earlier ones have finished. Target (issue 5): p99 ≤ 500 ms.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AccountRecord } from '@foresight/contracts';
import { generate } from '@foresight/datagen';
import {
  bootstrapTenant,
  buildServices,
  dropIsolatedTopology,
  call,
  configureWebhook,
  exportToEnv,
  infra,
  ingestRest,
  listReports,
  percentile,
  isolatedTopology,
  RunningService,
  sliceUrls,
  startTopology,
  toUpstream,
  uniqueName,
  UpstreamProducer,
  UpstreamRecords,
  WebhookReceiver,
} from '@foresight/testing';

const [accounts = 80, perSecond = 2, seed = 5] = process.argv.slice(2).map(Number);
const WARM_UP = 5;

function stats(samples: readonly number[]) {
  const at = (p: number) => percentile(samples, p);
  return { n: samples.length, p50: at(50), p90: at(90), p99: at(99), max: at(100) };
}

async function main(): Promise<void> {
  const settings = await infra();
  exportToEnv(settings);
  buildServices();
  const runId = uniqueName('bench-e2e');
  const topology = await isolatedTopology(runId, settings.mongoUrl, {
    LOG_LEVEL: 'warn',
    NOTIFY_RETRY_BASE_SECONDS: '1',
  });
  const running: RunningService[] = [];
  const logDir = mkdtempSync(join(tmpdir(), 'foresight-bench-e2e-'));
  const receiver = new WebhookReceiver();
  const upstream = new UpstreamProducer(settings.kafkaBrokers);
  try {
    const bootStarted = Date.now();
    await startTopology(topology, { logDir, onStart: (s) => running.push(s) });
    console.log(
      `six services ready in ${((Date.now() - bootStarted) / 1000).toFixed(1)} s (logs: ${logDir})`,
    );
    const urls = sliceUrls(topology);
    const slug = runId.replace(/[^a-z0-9-]/g, '');
    const tenant = await bootstrapTenant(urls.identity, topology.adminToken, {
      slug,
      displayName: 'Bench',
      ownerEmail: `owner@${slug}.example`,
    });
    receiver.secret = await configureWebhook(urls.notifications, tenant.ownerToken, await receiver.start());
    await upstream.connect();

    const data = generate({ seed, accounts: accounts + WARM_UP, weeks: 13, now: new Date() });
    const records = toUpstream(data, [tenant.ownerEmail]);
    const byAccount = <T extends { accountExternalId: string }>(rows: readonly T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(r.accountExternalId, [...(m.get(r.accountExternalId) ?? []), r]);
      return m;
    };
    const contracts = byAccount(records.contract);
    const usage = byAccount(records.usage);
    const feedback = byAccount(records.feedback);

    /** Canonical account id → when its bundle started; bundle durations; records sent. */
    const startedAt = new Map<string, number>();
    const bundleMs: number[] = [];
    let sentRecords = 0;
    const sendBundle = async (account: AccountRecord): Promise<void> => {
      const t0 = Date.now();
      const out = await call<{ results: { id: string | null }[]; rejected: unknown[] }>(
        'POST',
        `${urls.ingestion}/v1/ingest/accounts`,
        { apiKey: tenant.ingestKey, body: { source: 'crm', records: [account] } },
      );
      const accountId = out.results[0]?.id;
      if (!accountId)
        throw new Error(`account ${account.externalId} was rejected: ${JSON.stringify(out.rejected)}`);
      startedAt.set(accountId, t0);
      const own = (m: Map<string, unknown[]>) => m.get(account.externalId) ?? [];
      const c = own(contracts) as UpstreamRecords['contract'];
      const u = own(usage) as UpstreamRecords['usage'];
      const f = own(feedback) as UpstreamRecords['feedback'];
      if (c.length) await ingestRest(urls.ingestion, tenant.ingestKey, 'contract', 'crm', c);
      if (u.length) await upstream.send(tenant.tenantId, 'product', 'usage', u);
      if (f.length) await ingestRest(urls.ingestion, tenant.ingestKey, 'feedback', 'surveys', f);
      sentRecords += 1 + own(contracts).length + own(usage).length + own(feedback).length;
      bundleMs.push(Date.now() - t0);
    };

    const listAll = () => listReports(urls.reportEngine, tenant.ownerToken);
    /** Until no report is waiting for its notification and nothing changed for `quietMs`. */
    const settle = async (quietMs: number, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      let last = '';
      let since = Date.now();
      for (;;) {
        const all = await listAll();
        const sig = all.map((r) => `${r.reportId}:${r.status}`).join(',');
        const pending = all.some((r) => r.status === 'INCOMING' || r.status === 'CREATED');
        if (sig !== last) [last, since] = [sig, Date.now()];
        if (!pending && Date.now() - since >= quietMs) return all;
        if (Date.now() > deadline) return all;
        await sleep(250);
      }
    };

    // Warm-up: a few accounts end to end, so connections, JIT and the model's first scores are hot.
    for (const account of records.account.slice(0, WARM_UP)) await sendBundle(account);
    const warm = await settle(3000, 60_000);
    const warmIds = new Set(warm.map((r) => r.reportId));
    startedAt.clear();
    bundleMs.length = 0;
    sentRecords = 0;

    // The measured run: one bundle every 1/perSecond s, open loop.
    const measured = records.account.slice(WARM_UP);
    const runStarted = Date.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < measured.length; i++) {
      const due = runStarted + (i * 1000) / perSecond;
      if (due > Date.now()) await sleep(due - Date.now());
      inFlight.push(sendBundle(measured[i]!));
    }
    await Promise.all(inFlight);
    const sendEnded = Date.now();
    const all = (await settle(5000, 180_000)).filter((r) => !warmIds.has(r.reportId));

    const notified = all.filter((r) => r.notifiedAt && startedAt.has(r.subject.accountId));
    const latencies = notified.map((r) => Date.parse(r.notifiedAt!) - startedAt.get(r.subject.accountId)!);
    const hookAt = new Map<string, number>();
    for (const w of receiver.received) {
      const id = (w.body['data'] as { reportId?: string } | undefined)?.reportId;
      if (w.verified && id && !hookAt.has(id)) hookAt.set(id, w.at);
    }
    const hookLatencies = notified
      .filter((r) => hookAt.has(r.reportId))
      .map((r) => hookAt.get(r.reportId)! - startedAt.get(r.subject.accountId)!);
    const lastNotified = Math.max(...notified.map((r) => Date.parse(r.notifiedAt!)));
    const byKind: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    for (const r of all) {
      byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
      byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    }
    const runSeconds = (sendEnded - runStarted) / 1000;
    const ms = (v: number) => v.toFixed(0);
    const row = (name: string, s: ReturnType<typeof stats>) => ({
      case: name,
      n: s.n,
      'p50 ms': ms(s.p50),
      'p90 ms': ms(s.p90),
      'p99 ms': ms(s.p99),
      'max ms': ms(s.max),
    });

    console.log(
      `\nload: ${measured.length} accounts at ${perSecond}/s (open loop, after ${WARM_UP} warm-up accounts); ` +
        `${sentRecords} upstream records in ${runSeconds.toFixed(1)} s = ${(sentRecords / runSeconds).toFixed(0)} records/s offered`,
    );
    console.log(
      `reports: ${all.length} by kind ${JSON.stringify(byKind)}, by status ${JSON.stringify(byStatus)}`,
    );
    console.table([
      row('upstream record → report NOTIFIED', stats(latencies)),
      row('upstream record → webhook at receiver', stats(hookLatencies)),
      row('sending one bundle (part of the above)', stats(bundleMs)),
    ]);
    const span = (lastNotified - runStarted) / 1000;
    console.log(
      `throughput: ${notified.length} reports notified in ${span.toFixed(1)} s = ${(notified.length / span).toFixed(2)} reports/s; ` +
        `${receiver.received.filter((w) => w.verified).length} verified webhooks (warm-up included), ` +
        `${receiver.received.filter((w) => !w.verified).length} refused`,
    );
    console.log(
      `target p99 ≤ 500 ms: ${stats(latencies).p99 <= 500 ? 'met' : 'NOT met'} at ${perSecond} accounts/s`,
    );
  } finally {
    await upstream.disconnect().catch(() => undefined);
    await receiver.stop();
    await Promise.all(running.map((s) => s.stop()));
    await dropIsolatedTopology(topology, settings.eventstoreUrl);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
