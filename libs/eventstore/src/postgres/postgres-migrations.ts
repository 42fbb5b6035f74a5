import type { Pool } from 'pg';

/** A schema name becomes an identifier and a NOTIFY channel (`<schema>_events`, at most 63 bytes). */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,55}$/;

export function assertValidSchema(schema: string): void {
  if (!SCHEMA_NAME.test(schema))
    throw new Error(
      `Invalid event store schema ${JSON.stringify(schema)}: use lower-case letters, digits and '_' ` +
        `(at most 56 characters, not starting with a digit), e.g. es_identity`,
    );
}

interface Migration {
  version: number;
  name: string;
  sql: (schema: string) => string;
}

/** Append-only: a released migration is never edited, a change is a new version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'streams and events',
    sql: (s) => `
      CREATE TABLE "${s}".streams (
        stream_name text PRIMARY KEY,
        category text NOT NULL,
        -- Revision of the stream's last event; the row is the optimistic-concurrency lock.
        revision bigint NOT NULL,
        -- Tenant of the first event: streams belong to the tenant that created them.
        tenant_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE SEQUENCE "${s}".events_position_seq AS bigint;
      CREATE TABLE "${s}".events (
        position bigint PRIMARY KEY DEFAULT nextval('"${s}".events_position_seq'),
        -- Readers only see rows whose transaction is older than every running one (see README).
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_name text NOT NULL,
        category text NOT NULL,
        revision bigint NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        -- Serves read(stream): forwards, backwards, from a revision.
        CONSTRAINT events_stream_revision_unique UNIQUE (stream_name, revision),
        -- Serves the idempotent-append lookup; an id is recorded once in the whole store.
        CONSTRAINT events_event_id_unique UNIQUE (event_id)
      );
      ALTER SEQUENCE "${s}".events_position_seq OWNED BY "${s}".events.position;
      -- Serves readAll / subscribeAll: WHERE (transaction_id, position) > checkpoint ORDER BY both.
      CREATE INDEX events_global_order ON "${s}".events (transaction_id, position);
      -- Serves readAll / subscribeAll filtered by category (projections of one stream type).
      CREATE INDEX events_category_order ON "${s}".events (category, transaction_id, position);
    `,
  },
];

/**
 * Brings the schema to the latest version. Every step runs in one transaction under an advisory
 * lock keyed by the schema, so processes starting together wait for each other and each migration
 * is applied exactly once.
 */
export async function migrate(pool: Pool, schema: string): Promise<number[]> {
  assertValidSchema(schema);
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('foresight.eventstore.migrate:' || $1, 0))`,
      [schema],
    );
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${schema}".migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM "${schema}".migrations`);
    const done = new Set(rows.map((r) => r.version));
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql(schema));
      await client.query(`INSERT INTO "${schema}".migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
