import 'reflect-metadata';
import mongoose from 'mongoose';
import { EventConsumer, kafkaBroker, MongoInbox, stderrLogger } from '../../src';
import { counterProjection } from '../support/counter.projection';
import { Counted } from '../support/test-contracts';

/**
 * A consumer in its own process, building the counter read model. With STALL_AT=n it prints
 * `stalled` after the effect of its n-th event and then hangs inside the handler — mid-chunk, after
 * effects whose inbox entries and offset commit have not been written — so a test can SIGKILL it there.
 * Every handler call also bumps an unguarded counter, so the test can see redeliveries happened.
 */
async function main() {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`consumer worker: ${name} is not set`);
    return value;
  };
  const mongo = await mongoose.createConnection(env('MONGO_URL')).asPromise();
  const project = counterProjection(mongo, env('READ_MODEL'));
  const calls = mongo.collection<{ _id: string; n: number }>(env('CALLS'));
  const stallAt = Number(process.env['STALL_AT'] ?? 0);
  let handled = 0;
  const consumer = new EventConsumer({
    broker: kafkaBroker({
      clientId: 'consumer-worker',
      brokers: env('KAFKA_BROKERS').split(','),
      logger: stderrLogger,
    }),
    groupId: env('GROUP'),
    inbox: new MongoInbox(mongo, env('INBOX')),
    chunkSize: Number(process.env['CHUNK_SIZE'] ?? 100),
    // The broker's minimum: the restarted worker waits this long for the killed member to be dropped.
    sessionTimeoutMs: 6000,
    logger: stderrLogger,
    handlers: [
      {
        type: Counted.type,
        topic: env('TOPIC'),
        handle: async (event) => {
          await calls.updateOne({ _id: 'calls' }, { $inc: { n: 1 } }, { upsert: true });
          await project(event as Parameters<typeof project>[0]);
          if (++handled === stallAt) {
            console.log('stalled');
            await new Promise(() => undefined);
          }
        },
      },
    ],
  });
  await consumer.start();
  console.log('started');
  process.once(
    'SIGTERM',
    () =>
      void consumer
        .stop()
        .then(() => mongo.close())
        .then(() => process.exit(0)),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
