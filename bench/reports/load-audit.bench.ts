/**
 * Load and audit throughput of report-engine's admin batch jobs, on real Kafka, the PostgreSQL event
 * store and the Mongo-wire server (report-engine in-process, an isolated deployment).
 *
 *   node -r @swc-node/register bench/reports/load-audit.bench.ts [accounts=1000]
 *
 * Seeds N accounts (an account record and a churn score of 0.9 each) through Kafka as ingestion and
 * ml-scoring publish them and waits for the N reports the reactive path raises (reports/s), then
 * times: a load job over the N scored accounts (each judged again; nothing changes: the cost of an
 * idempotent run), a second load, and an audit job as of 200 days later (every open report past its
 * TTL: N expiries). Prints accounts or reports per second and each job's own duration.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccountScored, RecordUpserted, Topics } from '@foresight/contracts';
import * as kit from '@foresight/service-kit';
import {
  createTestApp,
  createTestTenant,
  eventually,
  isolated,
  startTestIdentity,
  uniqueName,
  Upstream,
} from '@foresight/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../../services/report-engine/src/app.module';
import { ReportEngineConfig, reportEngineDefaults } from '../../services/report-engine/src/config';
import { CONSUMER_GROUPS } from '../../services/report-engine/src/consumer-groups';

interface Job {
  jobId: string;
  status: string;
  counts: { processed: number; changed: number; failed: number };
  durationMs: number | null;
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1000);
  const deployment = isolated('report-engine', uniqueName('rebench').toLowerCase(), CONSUMER_GROUPS);
  const identity = await startTestIdentity();
  const tenant = await createTestTenant(identity);
  const headers = { authorization: `Bearer ${tenant.owner.accessToken}` };
  const app: NestFastifyApplication = await createTestApp(
    {
      name: 'report-engine',
      configClass: ReportEngineConfig,
      defaults: reportEngineDefaults,
      module: (config) => AppModule.register(config),
    },
    { ...process.env, ...identity.authEnv, LOG_LEVEL: 'error', ...deployment.env },
    kit,
  );
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  const upstream = await Upstream.connect();
  const call = async (method: 'GET' | 'POST', url: string, payload?: object) =>
    (await fastify.inject({ method, url, headers, ...(payload ? { payload } : {}) })).json() as Record<
      string,
      unknown
    >;
  const count = async (status: string) => {
    let total = 0;
    let cursor: string | undefined;
    do {
      const page = await call(
        'GET',
        `/v1/reports?limit=200&status=${status}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      total += (page['items'] as unknown[]).length;
      cursor = page['nextCursor'] as string | undefined;
    } while (cursor);
    return total;
  };
  const job = async (operation: string, body: object = {}): Promise<{ job: Job; wallMs: number }> => {
    const started = Date.now();
    const { jobId } = (await call('POST', `/v1/admin/reports/${operation}`, body)) as { jobId: string };
    const done = await eventually(
      async () => {
        const j = (await call('GET', `/v1/admin/jobs/${jobId}`)) as unknown as Job;
        if (j.status !== 'COMPLETED') throw new Error('running');
        return j;
      },
      3_600_000,
      250,
    );
    return { job: done, wallMs: Date.now() - started };
  };

  try {
    const seeded = Date.now();
    for (let i = 0; i < n; i++) {
      const accountId = randomUUID();
      await upstream.publish(
        Topics.ingestionRecords,
        accountId,
        { type: RecordUpserted.type, tenantId: tenant.tenantId, stream: `record-${accountId}` },
        {
          recordId: accountId,
          entity: 'account',
          source: 'crm',
          externalId: `bench-${i}`,
          accountId,
          at: new Date().toISOString(),
          change: 'created',
          changedFields: [],
          data: { name: `Bench ${i}`, lifecycle: 'customer', ownerEmail: tenant.owner.email },
        },
      );
      await upstream.publish(
        Topics.scoringAccountScores,
        accountId,
        { type: AccountScored.type, tenantId: tenant.tenantId, stream: `score-${accountId}` },
        {
          accountId,
          outcome: 'CHURN',
          probability: 0.9,
          prediction: 1,
          confidence: 'high',
          modelVersion: 'bench',
          topContributors: [],
          scoredAt: new Date().toISOString(),
        },
      );
    }
    await eventually(
      async () => {
        const created = await count('CREATED');
        if (created < n) throw new Error(`${created}/${n}`);
      },
      3_600_000,
      1000,
    );
    const reactiveMs = Date.now() - seeded;
    const rate = (items: number, ms: number) => `${((items / Math.max(ms, 1)) * 1000).toFixed(1)}/s`;
    console.log(
      `reactive: ${n} accounts scored → ${n} reports CREATED in ${reactiveMs} ms (${rate(n, reactiveMs)})`,
    );
    for (const run of ['load (first)', 'load (second)']) {
      const { job: j, wallMs } = await job('load');
      console.log(
        `${run}: ${j.counts.processed} accounts, ${j.counts.changed} changed, ${j.counts.failed} failed, ` +
          `job ${j.durationMs} ms (${rate(j.counts.processed, j.durationMs ?? wallMs)}), wall ${wallMs} ms`,
      );
    }
    const { job: audit, wallMs } = await job('audit', {
      at: new Date(Date.now() + 200 * 86_400_000).toISOString(),
    });
    console.log(
      `audit (+200 days): ${audit.counts.processed} open reports, ${audit.counts.changed} expired, ` +
        `${audit.counts.failed} failed, job ${audit.durationMs} ms (${rate(audit.counts.processed, audit.durationMs ?? wallMs)}), wall ${wallMs} ms`,
    );
  } finally {
    await app.close();
    await upstream.close();
    await deployment.drop();
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
