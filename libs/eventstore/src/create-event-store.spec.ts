import { createEventStore } from './create-event-store';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.adapter';
import { PostgresEventStore } from './postgres/postgres-event-store.adapter';

describe('createEventStore', () => {
  it.each(['postgres://u:p@localhost:5432/db', 'postgresql://localhost/db'])(
    '%s → PostgreSQL',
    async (url) => {
      const store = createEventStore(url, { schema: 'es_identity' });
      expect(store).toBeInstanceOf(PostgresEventStore);
      expect((store as PostgresEventStore).schema).toBe('es_identity');
      await store.close();
    },
  );

  it.each([
    'kurrentdb://localhost:2113?tls=false',
    'esdb://localhost:2113?tls=false',
    'kurrentdb+discover://h:2113',
  ])('%s → KurrentDB', async (url) => {
    const store = createEventStore(url);
    expect(store).toBeInstanceOf(KurrentDbEventStore);
    await store.close();
  });

  it('refuses other schemes without echoing the password', () => {
    expect(() => createEventStore('mysql://user:secret@host/db')).toThrow(
      /Unsupported event store URL scheme/,
    );
    expect(() => createEventStore('mysql://user:secret@host/db')).not.toThrow(/secret/);
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => createEventStore('postgres://localhost/db', { schema: 'es-identity' })).toThrow(
      /Invalid event store schema/,
    );
  });
});
