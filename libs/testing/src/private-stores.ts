/**
 * Drops a test run's private event-store schema and Mongo database. The drivers load here, on first
 * use, so that importing `@foresight/testing` does not load them into every test.
 */
export async function dropPrivateStores(schema: string, mongoUrl: string): Promise<void> {
  const [{ Pool }, { default: mongoose }] = await Promise.all([import('pg'), import('mongoose')]);
  const pool = new Pool({ connectionString: process.env['EVENTSTORE_URL'], max: 1 });
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => pool.end());
  const conn = await mongoose.createConnection(mongoUrl, { serverSelectionTimeoutMS: 5000 }).asPromise();
  await conn.dropDatabase().finally(() => conn.close());
}
