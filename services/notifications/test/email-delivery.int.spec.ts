import { ReportNotificationRequested, Topics } from '@foresight/contracts';
import {
  callApi as call,
  createTestTenant,
  eventually,
  Heard,
  isolated,
  listen,
  sleep,
  SmtpInbox,
  SourceProcess,
  startIsolated,
  startSmtpInbox,
  startTestIdentity,
  TestIdentity,
  TestTenant,
  uniqueName,
  Upstream,
} from '@foresight/testing';
import { randomUUID } from 'node:crypto';
import { CONSUMER_GROUPS } from '../src/consumer-groups';

interface LogEntry {
  notificationId: string;
  channel: string;
  recipient: string;
  status: string;
  history: { event: string; attempt: number | null; detail: string | null }[];
}

/**
 * The e-mail channel against two real SMTP servers (libs/testing smtp-inbox) as primary and
 * secondary, with notifications as its own process on real Kafka, PostgreSQL and FerretDB. The tenant
 * has no webhook: the owner is still reached, by e-mail, and the delivery is published naming the channel.
 */
describe('notifications: e-mail over SMTP, with failover to a secondary server', () => {
  const deployment = isolated('notifications', uniqueName('ntfm').toLowerCase(), CONSUMER_GROUPS);
  let identity: TestIdentity;
  let tenant: TestTenant;
  let primary: SmtpInbox;
  let secondary: SmtpInbox;
  let upstream: Upstream;
  let service: SourceProcess;
  let outcomes: { heard: Heard[]; stop(): Promise<void> };

  const request = (reportId: string, accountName: string) => ({
    reportId,
    accountId: randomUUID(),
    accountName,
    kind: 'CRITICAL_CHURN',
    ownerEmail: tenant.owner.email,
    score: 0.93,
    title: `Critical churn risk: ${accountName} (93% churn probability)`,
    summary: `${accountName} scores 93% for churn.`,
    requestedAt: new Date().toISOString(),
  });
  const publish = (reportId: string, accountName: string) =>
    upstream.publish(
      Topics.reportNotificationRequests,
      reportId,
      { type: ReportNotificationRequested.type, tenantId: tenant.tenantId, source: 'report-engine' },
      request(reportId, accountName),
    );
  const emailOf = (reportId: string) =>
    eventually(async () => {
      const res = await call<{ items: LogEntry[] }>(
        service.url,
        'GET',
        `/v1/notifications?subjectId=${reportId}`,
        tenant.owner.accessToken,
      );
      expect(res.status).toBe(200);
      const email = res.body.items.find((i) => i.channel === 'email');
      expect(email?.status).toBe('DELIVERED');
      return email!;
    }, 30_000);
  const mailsAbout = (inbox: SmtpInbox, accountName: string) =>
    inbox.to(tenant.owner.email).filter((m) => m.text.includes(accountName));
  const emailOutcomes = (reportId: string) =>
    outcomes.heard.filter((h) => h.payload['subjectId'] === reportId && h.payload['channel'] === 'email');

  beforeAll(async () => {
    identity = await startTestIdentity();
    tenant = await createTestTenant(identity);
    [primary, secondary] = await Promise.all([startSmtpInbox(), startSmtpInbox()]);
    upstream = await Upstream.connect();
    outcomes = await listen(Topics.notifications, () => [tenant.tenantId]);
    service = await startIsolated(deployment, 'notifications', {
      ...identity.authEnv,
      NOTIFY_POLL_MS: '100',
      NOTIFY_MAX_ATTEMPTS: '2',
      NOTIFY_RETRY_BASE_SECONDS: '60',
      SMTP_HOST: primary.host,
      SMTP_PORT: String(primary.port),
      SMTP_SECONDARY_HOST: secondary.host,
      SMTP_SECONDARY_PORT: String(secondary.port),
      SMTP_FROM: 'alerts@foresight.test',
      SMTP_TIMEOUT_MS: '2000',
    });
  });

  afterAll(async () => {
    await service?.stop();
    await deployment.drop();
    await Promise.all([
      outcomes?.stop(),
      upstream?.close(),
      primary?.close(),
      secondary?.close(),
      identity?.stop(),
    ]);
  });

  it('e-mails the report to its owner once, however often the request is redelivered, and publishes the delivery', async () => {
    const reportId = randomUUID();
    const accountName = `Northwind ${uniqueName('acct')}`;
    const first = await publish(reportId, accountName);
    await upstream.send(Topics.reportNotificationRequests, reportId, first, request(reportId, accountName));
    const email = await emailOf(reportId);
    await upstream.send(Topics.reportNotificationRequests, reportId, first, request(reportId, accountName));
    await sleep(1500);

    const mails = mailsAbout(primary, accountName);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      from: 'alerts@foresight.test',
      to: [tenant.owner.email.toLowerCase()],
      subject: `[Foresight] New report: ${accountName}`,
      messageId: `<${email.notificationId}@foresight.notifications>`,
    });
    expect(mails[0]!.text).toContain(`${accountName} scores 93% for churn.`);
    expect(mails[0]!.html).toContain('<h2>Critical churn risk');
    expect(mailsAbout(secondary, accountName)).toHaveLength(0);
    expect(email.history.at(-1)?.detail).toMatch(/^smtp primary accepted: 250/);

    await eventually(async () => expect(emailOutcomes(reportId)).toHaveLength(1));
    expect(emailOutcomes(reportId)[0]).toMatchObject({
      type: 'NotificationDelivered',
      payload: {
        notificationId: email.notificationId,
        channel: 'email',
        recipient: tenant.owner.email.toLowerCase(),
      },
    });
  });

  it('delivers through the secondary server, once, when the primary is down, and the stream says so', async () => {
    await primary.close();
    const reportId = randomUUID();
    const accountName = `Contoso ${uniqueName('acct')}`;
    await publish(reportId, accountName);
    const email = await emailOf(reportId);
    await sleep(1000);

    expect(mailsAbout(secondary, accountName)).toHaveLength(1);
    expect(mailsAbout(primary, accountName)).toHaveLength(0);
    const delivered = email.history.find((h) => h.event === 'NotificationDelivered');
    expect(delivered?.attempt).toBe(1);
    expect(delivered?.detail).toMatch(/^smtp primary failed: .+; smtp secondary accepted: 250/);
    await eventually(async () => expect(emailOutcomes(reportId)).toHaveLength(1));
  });
});
