import { SourceProcess, startFromSources, uniqueName } from '@foresight/testing';
import { deleteGroups } from './kafka';

export interface PrivateStores {
  /** Mongo URL of a database only this run uses. */
  mongoUrl: string;
  schema: string;
  groupSuffix: string;
  /** Variables that point the service at them. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A private event-store schema, Mongo database and consumer-group suffix, so runs sharing the servers never meet. */
export function privateStores(prefix: string, consumerGroups: (suffix: string) => string[]): PrivateStores {
  const id = uniqueName(prefix).replace(/-/g, '_').toLowerCase();
  const mongo = new URL(process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017/foresight');
  mongo.pathname = `/${id}`;
  const schema = `es_${id}`;
  const groupSuffix = id;
  return {
    mongoUrl: mongo.toString(),
    schema,
    groupSuffix,
    env: {
      MONGO_URL: mongo.toString(),
      EVENTSTORE_SCHEMA: schema,
      CONSUMER_GROUP_SUFFIX: groupSuffix,
      // New groups skip earlier runs' messages on the shared topics (poison ones cost retries).
      CONSUMER_NEW_GROUP_START: 'end',
    },
    async drop() {
      const [{ Pool }, { default: mongoose }] = await Promise.all([import('pg'), import('mongoose')]);
      const pool = new Pool({ connectionString: process.env['EVENTSTORE_URL'], max: 1 });
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => pool.end());
      const conn = await mongoose
        .createConnection(mongo.toString(), { serverSelectionTimeoutMS: 5000 })
        .asPromise();
      await conn.dropDatabase().finally(() => conn.close());
      await deleteGroups(consumerGroups(groupSuffix));
    },
  };
}

/** voc-signals as its own process, on private stores that are dropped when it stops. */
export async function startVocSignals(authEnv: Record<string, string>): Promise<SourceProcess> {
  const stores = privateStores('voc', (suffix) => [`voc-signals.analyse-feedback.${suffix}`]);
  return startFromSources('voc-signals', { ...authEnv, ...stores.env, LOG_LEVEL: 'warn' }, () =>
    stores.drop(),
  );
}
