import { AccessChanged, AccessChangedPayload, Topics } from '@foresight/contracts';
import { EnvelopePublisher, kafkaBroker, silentLogger } from '@foresight/messaging';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AccessChangesConsumer } from '../src/access/access-changes.consumer';

const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

/** Every instance hears every change: each a consumer group of its own, on the real broker. */
describe('AccessChangesConsumer', () => {
  const tenantId = randomUUID();
  const publisher = new EnvelopePublisher(
    kafkaBroker({ clientId: 'auth-test', brokers, logger: silentLogger }).producer(),
  );
  const running: AccessChangesConsumer[] = [];

  function instance(replayMs: number): { consumer: AccessChangesConsumer; seen: AccessChangedPayload[] } {
    const seen: AccessChangedPayload[] = [];
    const consumer = new AccessChangesConsumer({
      serviceName: 'auth-test',
      brokers,
      replayMs,
      logger: silentLogger,
      // The topic is shared with everyone's tests: keep only this run's tenant.
      onChange: (change) => change.tenantId === tenantId && seen.push(change),
    });
    running.push(consumer);
    return { consumer, seen };
  }

  async function publish(subjectId: string, changedAt = new Date()): Promise<void> {
    const payload: AccessChangedPayload = {
      kind: 'api_key_revoked',
      tenantId,
      subjectId,
      keyPrefix: 'abcd1234',
      changedAt: changedAt.toISOString(),
    };
    await publisher.publish(Topics.identityAccess, [
      {
        key: tenantId,
        payload,
        envelope: {
          eventId: uuidv7(),
          type: AccessChanged.type,
          schemaVersion: AccessChanged.schemaVersion,
          tenantId,
          occurredAt: payload.changedAt,
          correlationId: uuidv7(),
          causationId: null,
          source: 'auth-test',
        },
      },
    ]);
  }

  async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  beforeAll(() => publisher.connect());
  afterAll(async () => {
    await Promise.all(running.map((c) => c.stop()));
    await publisher.close();
  });

  it('delivers each change to every instance, not to one of a shared group', async () => {
    const a = instance(0);
    const b = instance(0);
    await Promise.all([a.consumer.start(), b.consumer.start()]);
    expect(a.consumer.groupId).not.toBe(b.consumer.groupId);
    const sent = Date.now();
    await publish('key-live');
    await until(() => a.seen.length > 0 && b.seen.length > 0);
    console.log(`[auth] AccessChanged reached both instances in ${Date.now() - sent} ms`);
    expect(a.seen.map((c) => c.subjectId)).toEqual(['key-live']);
    expect(b.seen.map((c) => c.subjectId)).toEqual(['key-live']);
  });

  it('replays the recent past to an instance that starts later, and not beyond its window', async () => {
    await publish('key-before-start');
    const late = instance(60_000);
    const blind = instance(1);
    await new Promise((r) => setTimeout(r, 20));
    await Promise.all([late.consumer.start(), blind.consumer.start()]);
    await publish('key-after-start');
    await until(() => late.seen.length >= 3 && blind.seen.some((c) => c.subjectId === 'key-after-start'));
    expect(late.seen.map((c) => c.subjectId)).toEqual(['key-live', 'key-before-start', 'key-after-start']);
    expect(blind.seen.map((c) => c.subjectId)).toEqual(['key-after-start']);
  });
});
