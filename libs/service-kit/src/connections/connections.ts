import { Kafka, logLevel } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import { Pool } from 'pg';
import { BaseConfig } from '../config/config';

export const KAFKA = Symbol('KAFKA');
export const MONGO_CONNECTION = Symbol('MONGO_CONNECTION');
export const EVENTSTORE_PROBE = Symbol('EVENTSTORE_PROBE');

/** The minimum readiness needs from the event store, whichever adapter backs it. */
export interface EventStoreProbe {
  readonly kind: 'postgres' | 'kurrentdb';
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function createKafka(config: BaseConfig, clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: config.KAFKA_BROKERS,
    logLevel: logLevel.WARN,
    connectionTimeout: 3000,
    // Startup should not hang forever on a missing broker, but a short blip must not kill the service.
    retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5000 },
  });
}

/**
 * Opens the Mongo connection, retrying while the server comes up: mongoose does not retry a failed
 * initial connection by itself, but once connected the driver reconnects on its own.
 */
export async function connectMongo(url: string, poolSize = 10, attempts = 20): Promise<Connection> {
  for (let attempt = 1; ; attempt++) {
    const conn = mongoose.createConnection(url, {
      serverSelectionTimeoutMS: 3000,
      autoIndex: true,
      maxPoolSize: poolSize,
    });
    try {
      await conn.asPromise();
      return conn;
    } catch (err) {
      await conn.close().catch(() => undefined);
      if (attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export function createEventStoreProbe(url: string): EventStoreProbe {
  if (/^postgres(ql)?:/.test(url)) {
    const pool = new Pool({
      connectionString: url,
      max: 2,
      connectionTimeoutMillis: 2000,
      idleTimeoutMillis: 10000,
    });
    // An idle client's socket error must not crash the process; the next ping reports it.
    pool.on('error', () => undefined);
    return {
      kind: 'postgres',
      ping: async () => void (await pool.query('select 1')),
      close: () => pool.end(),
    };
  }
  let client: import('@kurrent/kurrentdb-client').KurrentDBClient | undefined;
  const get = async () => {
    const { KurrentDBClient } = await import('@kurrent/kurrentdb-client');
    client ??= KurrentDBClient.connectionString(url.replace(/^esdb/, 'kurrentdb'));
    return client;
  };
  return {
    kind: 'kurrentdb',
    ping: async () => {
      const c = await get();
      for await (const _ of c.readAll({ maxCount: 1 })) break;
    },
    close: async () => void (await client?.dispose()),
  };
}
