import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { Client } from 'pg';
import { infra, uniqueName } from '../src';

describe('the infrastructure infra() hands to tests', () => {
  it('carries a Kafka message from a producer to a consumer group', async () => {
    const { kafkaBrokers } = await infra();
    const kafka = new Kafka({ clientId: 'infra-test', brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
    const topic = uniqueName('infra-test');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    const consumer = kafka.consumer({ groupId: uniqueName('infra-test-group') });
    try {
      await producer.connect();
      await producer.send({
        topic,
        acks: -1,
        messages: [{ key: 'acct-1', value: 'hello', headers: { 'fs-type': 'Greeting' } }],
      });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = await new Promise<{ key: string; value: string; type: string }>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) =>
            resolve({
              key: String(message.key),
              value: String(message.value),
              type: String(message.headers?.['fs-type']),
            }),
        });
      });
      expect(received).toEqual({ key: 'acct-1', value: 'hello', type: 'Greeting' });
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('writes and reads a row in PostgreSQL', async () => {
    const { eventstoreUrl } = await infra();
    const client = new Client({ connectionString: eventstoreUrl });
    await client.connect();
    const table = uniqueName('infra_test').replace(/-/g, '_');
    try {
      await client.query(`create table ${table} (id text primary key, body jsonb not null)`);
      await client.query(`insert into ${table} values ($1, $2)`, ['acct-1', { mrr: 290.5 }]);
      const { rows } = await client.query(`select id, body from ${table}`);
      expect(rows).toEqual([{ id: 'acct-1', body: { mrr: 290.5 } }]);
      // The event store's subscribers rely on idle transactions being cut off.
      const { rows: setting } = await client.query(`show idle_in_transaction_session_timeout`);
      expect(setting[0].idle_in_transaction_session_timeout).not.toBe('0');
    } finally {
      await client.query(`drop table if exists ${table}`);
      await client.end();
    }
  });

  it('saves and queries a mongoose document', async () => {
    const { mongoUrl } = await infra();
    const conn = await mongoose.createConnection(mongoUrl).asPromise();
    const Account = conn.model(
      uniqueName('infra_accounts'),
      new mongoose.Schema({ tenantId: String, name: String, mrr: Number, tags: [String] }),
    );
    try {
      await Account.create([
        { tenantId: 't1', name: 'Acme', mrr: 290, tags: ['pro'] },
        { tenantId: 't1', name: 'Globex', mrr: 40, tags: [] },
        { tenantId: 't2', name: 'Initech', mrr: 900, tags: ['pro'] },
      ]);
      const found = await Account.find({ tenantId: 't1', mrr: { $gt: 100 } }).lean();
      expect(found.map((a) => a.name)).toEqual(['Acme']);
    } finally {
      await Account.collection.drop().catch(() => undefined);
      await conn.close();
    }
  });
});
