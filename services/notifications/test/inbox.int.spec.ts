import { ReportNotificationRequested, Topics } from '@foresight/contracts';
import {
  callApi as call,
  createTestTenant,
  eventually,
  Heard,
  isolated,
  listen,
  SourceProcess,
  startIsolated,
  startTestIdentity,
  TestIdentity,
  TestTenant,
  uniqueName,
  Upstream,
} from '@foresight/testing';
import { randomUUID } from 'node:crypto';
import { CONSUMER_GROUPS } from '../src/consumer-groups';

interface Item {
  id: string;
  subjectId: string;
  accountName: string;
  seenAt: string | null;
  readAt: string | null;
}
interface SseEvent {
  id: string;
  event: string;
  data: Item;
}

/** An EventSource as a browser runs it: bearer token, optional Last-Event-ID, events parsed as they arrive. */
function openStream(url: string, token: string, lastEventId?: string) {
  const events: SseEvent[] = [];
  const controller = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const opened = fetch(`${url}/v1/inbox/stream`, { headers, signal: controller.signal }).then(async (res) => {
    const status = res.status;
    if (!res.body) return status;
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const field = (name: string) =>
              block
                .split('\n')
                .find((l) => l.startsWith(`${name}: `))
                ?.slice(name.length + 2);
            const data = field('data');
            if (data)
              events.push({
                id: field('id') ?? '',
                event: field('event') ?? '',
                data: JSON.parse(data) as Item,
              });
          }
        }
      } catch {
        // aborted by close()
      }
    })();
    return status;
  });
  return { events, opened, close: () => controller.abort() };
}

/**
 * The in-app channel: notifications as a process on real Kafka, PostgreSQL and FerretDB, no webhook
 * and no SMTP configured. The owner is still reached — in their inbox, pushed live over SSE — and the
 * delivery is published naming `in_app`, which is what makes the report NOTIFIED.
 */
describe('notifications: the in-app inbox and its SSE stream', () => {
  const deployment = isolated('notifications', uniqueName('ntfx').toLowerCase(), CONSUMER_GROUPS);
  let identity: TestIdentity;
  let a: TestTenant;
  let b: TestTenant;
  let upstream: Upstream;
  let service: SourceProcess;
  let outcomes: { heard: Heard[]; stop(): Promise<void> };

  const publish = (tenant: TestTenant, accountName: string) => {
    const reportId = randomUUID();
    return upstream
      .publish(
        Topics.reportNotificationRequests,
        reportId,
        { type: ReportNotificationRequested.type, tenantId: tenant.tenantId, source: 'report-engine' },
        {
          reportId,
          accountId: randomUUID(),
          accountName,
          kind: 'CRITICAL_CHURN',
          ownerEmail: tenant.owner.email,
          score: 0.91,
          title: `Critical churn risk: ${accountName}`,
          summary: `${accountName} scores 91% for churn.`,
          requestedAt: new Date().toISOString(),
        },
      )
      .then(() => reportId);
  };
  const inbox = async (tenant: TestTenant, query = '') => {
    const res = await call<{ items: Item[]; nextCursor: string | null }>(
      service.url,
      'GET',
      `/v1/inbox${query}`,
      tenant.owner.accessToken,
    );
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    identity = await startTestIdentity();
    [a, b] = await Promise.all([createTestTenant(identity), createTestTenant(identity)]);
    upstream = await Upstream.connect();
    outcomes = await listen(Topics.notifications, () => [a.tenantId, b.tenantId]);
    service = await startIsolated(deployment, 'notifications', {
      ...identity.authEnv,
      NOTIFY_POLL_MS: '100',
      NOTIFY_MAX_ATTEMPTS: '1',
      INBOX_STREAM_POLL_MS: '100',
      NOTIFY_IN_APP: 'true',
    });
  });

  afterAll(async () => {
    await service?.stop();
    await deployment.drop();
    await Promise.all([outcomes?.stop(), upstream?.close(), identity?.stop()]);
  });

  it('pushes a new notification to its owner live, lists it, and publishes the in-app delivery; no webhook needed', async () => {
    const stream = openStream(service.url, a.owner.accessToken);
    expect(await stream.opened).toBe(200);
    const name = `Northwind ${uniqueName('acct')}`;
    const reportId = await publish(a, name);

    const pushed = await eventually(async () => {
      const event = stream.events.find((e) => e.data.subjectId === reportId);
      expect(event).toBeDefined();
      return event!;
    }, 30_000);
    stream.close();
    expect(pushed).toMatchObject({ event: 'notification', data: { accountName: name, readAt: null } });
    expect(pushed.id).toMatch(/^\d+$/);

    const listed = await eventually(async () => {
      const { items } = await inbox(a);
      expect(items.map((i) => i.subjectId)).toContain(reportId);
      return items;
    });
    expect(listed.find((i) => i.subjectId === reportId)?.id).toBe(pushed.data.id);
    expect((await inbox(b)).items.map((i) => i.subjectId)).not.toContain(reportId);

    await eventually(async () =>
      expect(
        outcomes.heard.filter(
          (h) => h.payload['subjectId'] === reportId && h.payload['channel'] === 'in_app',
        ),
      ).toHaveLength(1),
    );
    expect(
      outcomes.heard.find((h) => h.payload['subjectId'] === reportId && h.payload['channel'] === 'in_app'),
    ).toMatchObject({
      type: 'NotificationDelivered',
      payload: { notificationId: pushed.data.id, recipient: a.owner.email.toLowerCase() },
    });
  });

  it('marks an item seen then read for its owner only; anyone else gets 404', async () => {
    const reportId = await publish(a, `Contoso ${uniqueName('acct')}`);
    const item = await eventually(async () => {
      const found = (await inbox(a)).items.find((i) => i.subjectId === reportId);
      expect(found).toBeDefined();
      return found!;
    }, 30_000);

    const other = await call(service.url, 'POST', `/v1/inbox/${item.id}/read`, b.owner.accessToken);
    expect(other.status).toBe(404);

    const seen = await call<{ seenAt: string | null; readAt: string | null }>(
      service.url,
      'POST',
      `/v1/inbox/${item.id}/seen`,
      a.owner.accessToken,
    );
    expect(seen.status).toBe(200);
    expect(seen.body.seenAt).not.toBeNull();
    expect(seen.body.readAt).toBeNull();
    const read = await call<{ seenAt: string; readAt: string | null }>(
      service.url,
      'POST',
      `/v1/inbox/${item.id}/read`,
      a.owner.accessToken,
    );
    expect(read.body).toMatchObject({ seenAt: seen.body.seenAt, readAt: expect.any(String) });
    await eventually(async () =>
      expect((await inbox(a)).items.find((i) => i.id === item.id)).toMatchObject({
        readAt: read.body.readAt,
      }),
    );

    const bad = await call<{ fields: { field: string }[] }>(
      service.url,
      'POST',
      '/v1/inbox/not-an-id/seen',
      a.owner.accessToken,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.field)).toEqual(['id']);
  });

  it('resumes from Last-Event-ID: what was delivered while disconnected comes first, in order, nothing twice', async () => {
    const first = openStream(service.url, a.owner.accessToken);
    await first.opened;
    const before = await publish(a, `Fabrikam ${uniqueName('acct')}`);
    const lastSeen = await eventually(async () => {
      const e = first.events.find((x) => x.data.subjectId === before);
      expect(e).toBeDefined();
      return e!;
    }, 30_000);
    first.close();

    const missed = [
      await publish(a, `Tailspin ${uniqueName('acct')}`),
      await publish(a, `Wingtip ${uniqueName('acct')}`),
    ];
    await eventually(async () => {
      const ids = (await inbox(a)).items.map((i) => i.subjectId);
      expect(ids).toEqual(expect.arrayContaining(missed));
    }, 30_000);

    const resumed = openStream(service.url, a.owner.accessToken, lastSeen.id);
    expect(await resumed.opened).toBe(200);
    await eventually(async () =>
      expect(resumed.events.map((e) => e.data.subjectId)).toEqual(expect.arrayContaining(missed)),
    );
    resumed.close();
    const subjects = resumed.events.map((e) => e.data.subjectId);
    expect(subjects).not.toContain(before);
    expect(new Set(subjects).size).toBe(subjects.length);
    const ids = resumed.events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));

    const anonymous = await fetch(`${service.url}/v1/inbox/stream`);
    expect(anonymous.status).toBe(401);
  });
});
