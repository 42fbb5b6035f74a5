import 'reflect-metadata';
import { createEventStore } from '@foresight/eventstore';
import mongoose from 'mongoose';
import {
  alwaysLeader,
  EnvelopePublisher,
  EventRelay,
  kafkaBroker,
  MongoLeaseElection,
  MongoRelayCheckpoints,
  RelayCheckpointStore,
  stderrLogger,
} from '../../src';
import { Counted } from '../support/test-contracts';

/**
 * A relay in its own process, so tests can SIGKILL it. Prints `leader`, `standby` and one
 * `published <position> <events>` line per acknowledged batch; configured by environment. With
 * STALL_AT_POSITION=p, the first checkpoint save at or past global position p prints `stalled` and
 * never completes: the batch is on Kafka, its checkpoint is not — the window a crash must survive.
 */
async function main() {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`relay worker: ${name} is not set`);
    return value;
  };
  const mongo = await mongoose.createConnection(env('MONGO_URL')).asPromise();
  const store = createEventStore(env('EVENTSTORE_URL'), { schema: env('ES_SCHEMA') });
  const broker = kafkaBroker({
    clientId: 'relay-worker',
    brokers: env('KAFKA_BROKERS').split(','),
    logger: stderrLogger,
  });
  const publisher = new EnvelopePublisher(broker.producer());
  await publisher.connect();
  const name = env('RELAY_NAME');
  const election = process.env['LEASES']
    ? new MongoLeaseElection({
        connection: mongo,
        name: `relay:${name}`,
        collection: process.env['LEASES'],
        ttlMs: Number(process.env['LEASE_TTL_MS'] ?? 3000),
        logger: stderrLogger,
      })
    : alwaysLeader();
  const relay = new EventRelay({
    name,
    source: 'relay-worker',
    store,
    publisher,
    routes: { [Counted.type]: env('TOPIC') },
    checkpoints: stallable(new MongoRelayCheckpoints(mongo, env('CHECKPOINTS'))),
    election,
    batchSize: Number(process.env['BATCH_SIZE'] ?? 100),
    retry: { initialDelayMs: 200, maxDelayMs: 2000 },
    logger: stderrLogger,
    onMetric: (m) => {
      if (m.name === 'relay.leader') console.log(m.leader ? 'leader' : 'standby');
      if (m.name === 'relay.published') console.log(`published ${m.position} ${m.events}`);
    },
  });
  relay.start();
  console.log(`ready ${election.instanceId}`);
  const shutdown = async () => {
    await relay.stop();
    await publisher.close();
    await store.close();
    await mongo.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
}

function stallable(checkpoints: RelayCheckpointStore): RelayCheckpointStore {
  const stallAt = process.env['STALL_AT_POSITION'];
  if (!stallAt) return checkpoints;
  return {
    load: (relay) => checkpoints.load(relay),
    save: async (relay, checkpoint, position) => {
      if (position < BigInt(stallAt)) return checkpoints.save(relay, checkpoint, position);
      console.log('stalled');
      await new Promise(() => undefined);
    },
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
