import { AccountScored, RecordRemoved, RecordUpserted, Topics } from '@foresight/contracts';
import {
  createTestTenant,
  SourceProcess,
  startTestIdentity,
  TestIdentity,
  TestTenant,
  uniqueName,
} from '@foresight/testing';
import { randomUUID } from 'node:crypto';
import {
  callApi as call,
  deliveryIdOf,
  eventually,
  isolated,
  Receiver,
  sleep,
  startIsolated,
  startReceiver,
  Upstream,
} from '@foresight/testing';
import { CONSUMER_GROUPS } from '../src/consumer-groups';

/**
 * The walking skeleton's report half, across real processes: identity, notifications and
 * report-engine from their sources, real Kafka, PostgreSQL and FerretDB, and a webhook receiver that
 * checks every signature. Upstream events are produced with real envelope headers, as ingestion's
 * and ml-scoring's relays publish them.
 */
describe('report-engine: score → report → signed webhook → NOTIFIED → feedback → STALE', () => {
  const deployment = uniqueName('re').toLowerCase();
  const reportEngine = isolated('report-engine', deployment, CONSUMER_GROUPS);
  // notifications' one consumer (services never import each other, tests neither).
  const notifier = isolated('notifications', deployment, {
    requests: { name: 'report-notification-requests', topics: [Topics.reportNotificationRequests] },
  });
  let identity: TestIdentity;
  let tenant: TestTenant;
  let receiver: Receiver;
  let upstream: Upstream;
  let notifications: SourceProcess;
  let reports: SourceProcess;
  let token: string;

  const accountId = randomUUID();
  const recordId = randomUUID();
  const accountName = `Northwind ${deployment}`;
  const firstScore = randomUUID();

  const score = (account: string, probability: number) => ({
    accountId: account,
    outcome: 'CHURN',
    probability,
    prediction: 1,
    confidence: 'high',
    modelVersion: 'churn-lr-test',
    topContributors: [
      { feature: 'actionsTrend', contribution: 0.9 },
      { feature: 'rollingSentiment', contribution: 0.4 },
      { feature: 'arr', contribution: -0.2 },
    ],
    scoredAt: new Date().toISOString(),
  });
  const accountRecord = (account: string, record: string, name: string) => ({
    recordId: record,
    entity: 'account',
    source: 'crm',
    externalId: `acc-${record.slice(0, 8)}`,
    accountId: account,
    at: new Date().toISOString(),
    change: 'created',
    changedFields: [],
    data: { name, lifecycle: 'customer', arr: 48_000, industry: 'Software', ownerEmail: tenant.owner.email },
  });
  const publishScore = (account: string, probability: number, eventId?: string) =>
    upstream.publish(
      Topics.scoringAccountScores,
      account,
      { type: AccountScored.type, tenantId: tenant.tenantId, eventId, source: 'ml-scoring' },
      score(account, probability),
    );
  const publishAccount = (account: string, record: string, name: string) =>
    upstream.publish(
      Topics.ingestionRecords,
      account,
      {
        type: RecordUpserted.type,
        tenantId: tenant.tenantId,
        stream: `record-${record}`,
        source: 'ingestion',
      },
      accountRecord(account, record, name),
    );

  type Summary = { reportId: string; status: string; kind: string; subject: { accountId: string } };
  const reportsOf = async (account: string) => {
    const res = await call<{ items: Summary[] }>(reports.url, 'GET', '/v1/reports?owner=me', token);
    expect(res.status).toBe(200);
    return res.body.items.filter((r) => r.subject.accountId === account);
  };
  const reportOf = async (id: string) => {
    const res = await call<Record<string, unknown>>(reports.url, 'GET', `/v1/reports/${id}`, token);
    expect(res.status).toBe(200);
    return res.body as {
      status: string;
      latest: { score: number; values: Record<string, unknown> };
      notified: {
        notificationId: string;
        channel: string;
        snapshot: { score: number; values: Record<string, unknown> };
      } | null;
      nextBestActions: { id: string }[];
      feedback: { outcome: string; by: string; note: string | null } | null;
      reason: string | null;
      timeline: { type: string; status: string }[];
    };
  };
  const deliveriesFor = (reportId: string) =>
    receiver.requests.filter((r) => (r.delivery.data as { reportId?: string }).reportId === reportId);

  beforeAll(async () => {
    identity = await startTestIdentity();
    tenant = await createTestTenant(identity);
    token = tenant.owner.accessToken;
    receiver = await startReceiver();
    upstream = await Upstream.connect();
    [notifications, reports] = await Promise.all([
      startIsolated(notifier, 'notifications', {
        ...identity.authEnv,
        NOTIFY_POLL_MS: '200',
        NOTIFY_RETRY_BASE_SECONDS: '0.5',
      }),
      startIsolated(reportEngine, 'report-engine', identity.authEnv),
    ]);
    const configured = await call<{ secret: string }>(
      notifications.url,
      'PUT',
      '/v1/notifications/webhook',
      token,
      {
        url: receiver.url,
      },
    );
    expect(configured.status).toBe(200);
    receiver.secrets.push(configured.body.secret);
  });

  afterAll(async () => {
    if (process.env['PRINT_SERVICE_LOGS']) for (const s of [reports, notifications]) console.log(s?.log());
    await Promise.all([reports?.stop(), notifications?.stop()]);
    await Promise.all([reportEngine.drop(), notifier.drop()]);
    await Promise.all([upstream?.close(), receiver?.close(), identity?.stop()]);
  });

  let reportId: string;

  it('a critical churn score creates exactly one report, even when the same and a second high score arrive', async () => {
    await publishAccount(accountId, recordId, accountName);
    const first = await publishScore(accountId, 0.93, firstScore);
    await upstream.send(Topics.scoringAccountScores, accountId, first, score(accountId, 0.93));
    await publishScore(accountId, 0.95);

    const [report] = await eventually(async () => {
      const found = await reportsOf(accountId);
      expect(found.map((r) => r.status)).toEqual([expect.stringMatching(/CREATED|NOTIFIED/)]);
      return found;
    });
    reportId = report!.reportId;
    expect(report).toMatchObject({ kind: 'CRITICAL_CHURN' });
    const one = await reportOf(reportId);
    expect(one.nextBestActions.length).toBeGreaterThan(0);
    expect(one.latest.values).toMatchObject({ accountName, ownerEmail: tenant.owner.email, arr: 48_000 });
  });

  it('the owner gets exactly one signed webhook, and the report becomes NOTIFIED with a snapshot', async () => {
    const notified = await eventually(async () => {
      const r = await reportOf(reportId);
      expect(r.status).toBe('NOTIFIED');
      return r;
    });
    const deliveries = deliveriesFor(reportId);
    expect(deliveries).toHaveLength(1);
    const [delivery] = deliveries;
    expect(delivery!.verified.ok).toBe(true);
    expect(deliveryIdOf(delivery!)).toBe(notified.notified!.notificationId);
    expect(delivery!.delivery).toMatchObject({
      type: 'report.notification',
      tenantId: tenant.tenantId,
      recipient: tenant.owner.email,
      data: { reportId, accountId, accountName, kind: 'CRITICAL_CHURN', ownerEmail: tenant.owner.email },
    });
    expect(notified.notified).toMatchObject({ channel: 'webhook' });
    expect([0.93, 0.95]).toContain(notified.notified!.snapshot.score);
    expect(notified.notified!.snapshot.values).toMatchObject({ accountName, ownerEmail: tenant.owner.email });

    // A later score moves the latest data; the notified-at snapshot stays what the owner was told.
    const told = notified.notified!.snapshot.score;
    await publishScore(accountId, 0.97);
    await eventually(async () => expect((await reportOf(reportId)).latest.score).toBe(0.97));
    const after = await reportOf(reportId);
    expect(after.notified!.snapshot.score).toBe(told);
    expect(await reportsOf(accountId)).toHaveLength(1);
    await sleep(1000);
    expect(deliveriesFor(reportId)).toHaveLength(1);
  });

  it('refuses feedback that is not one of the outcomes, naming the field', async () => {
    const res = await call<{ code: string; fields: { field: string }[] }>(
      reports.url,
      'POST',
      `/v1/reports/${reportId}/feedback`,
      token,
      { outcome: 'MAYBE' },
    );
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f) => f.field)).toEqual(['outcome']);
  });

  it('owner feedback ACCEPTED → FEEDBACK_PROVIDED, and the timeline lists every transition', async () => {
    const res = await call<{ status: string; feedback: { outcome: string; by: string; note: string } }>(
      reports.url,
      'POST',
      `/v1/reports/${reportId}/feedback`,
      token,
      { outcome: 'ACCEPTED', note: 'booked a call with their VP' },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'FEEDBACK_PROVIDED',
      feedback: { outcome: 'ACCEPTED', by: tenant.owner.email, note: 'booked a call with their VP' },
    });
    const { timeline } = await reportOf(reportId);
    const steps = timeline.filter((e) => e.type !== 'LatestDataRefreshed');
    expect(steps.map((e) => [e.type, e.status])).toEqual([
      ['SignalReceived', 'INCOMING'],
      ['ReportCreated', 'CREATED'],
      ['NotificationRequested', 'CREATED'],
      ['ReportNotified', 'NOTIFIED'],
      ['FeedbackProvided', 'FEEDBACK_PROVIDED'],
    ]);
    expect(timeline.filter((e) => e.type === 'LatestDataRefreshed').length).toBeGreaterThanOrEqual(1);
  });

  it('RecordRemoved marks the open report STALE; feedback on it is then refused with 409', async () => {
    await upstream.publish(
      Topics.ingestionRecords,
      accountId,
      {
        type: RecordRemoved.type,
        tenantId: tenant.tenantId,
        stream: `record-${recordId}`,
        source: 'ingestion',
      },
      {
        recordId,
        entity: 'account',
        source: 'crm',
        externalId: `acc-${recordId.slice(0, 8)}`,
        accountId,
        at: new Date().toISOString(),
        reason: 'deleted in the CRM',
      },
    );
    const stale = await eventually(async () => {
      const r = await reportOf(reportId);
      expect(r.status).toBe('STALE');
      return r;
    });
    expect(stale.reason).toMatch(/removed at its source.*deleted in the CRM/);
    const refused = await call<{ code: string }>(
      reports.url,
      'POST',
      `/v1/reports/${reportId}/feedback`,
      token,
      {
        outcome: 'DISMISSED',
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('REPORT.INVALID_TRANSITION');

    // A score arriving after the removal brings no new report back.
    await publishScore(accountId, 0.99);
    await sleep(1500);
    expect((await reportsOf(accountId)).map((r) => r.status)).toEqual(['STALE']);
  });

  it('a score that arrives before its account waits INCOMING, then is created and notified when the account arrives', async () => {
    const lateAccount = randomUUID();
    await publishScore(lateAccount, 0.9);
    const incoming = await eventually(async () => {
      const res = await call<{ items: Summary[] }>(reports.url, 'GET', '/v1/reports?status=INCOMING', token);
      const found = res.body.items.filter((r) => r.subject.accountId === lateAccount);
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(deliveriesFor(incoming.reportId)).toHaveLength(0);

    await publishAccount(lateAccount, randomUUID(), `Contoso ${deployment}`);
    await eventually(async () => expect((await reportOf(incoming.reportId)).status).toBe('NOTIFIED'));
    expect(deliveriesFor(incoming.reportId)).toHaveLength(1);
    expect(deliveriesFor(incoming.reportId)[0]!.delivery.data).toMatchObject({
      accountName: `Contoso ${deployment}`,
    });
  });

  it("pages through the owner's reports newest first, and filters by status and kind", async () => {
    const page = (query: string) =>
      call<{ items: Summary[]; nextCursor?: string }>(reports.url, 'GET', `/v1/reports?${query}`, token);
    const first = await page('owner=me&limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await page(`owner=me&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]!.reportId).not.toBe(first.body.items[0]!.reportId);
    expect(second.body.nextCursor).toBeUndefined();
    // The later report (Contoso) comes first.
    expect(first.body.items[0]!.status).toBe('NOTIFIED');
    expect(second.body.items[0]!.reportId).toBe(reportId);

    expect((await page('status=STALE')).body.items.map((r) => r.reportId)).toEqual([reportId]);
    expect((await page('kind=UPSELL')).body.items).toEqual([]);
    const bad = await call<{ fields: { field: string }[] }>(
      reports.url,
      'GET',
      '/v1/reports?status=LOST',
      token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.field)).toEqual(['status']);
  });
});
