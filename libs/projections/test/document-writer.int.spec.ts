import { Connection } from 'mongoose';
import { DocumentWriter, ProjectionEvent, TenantMismatchError, writerFor } from '../src';
import { event } from './support/account-activity.projection';
import { catalogOf, cleanUp, connect, uniqueProjection } from './support/fixture';

describe('DocumentWriter (real Mongo-wire server)', () => {
  let conn: Connection;
  const p = uniqueProjection();
  const collection = `${p.collectionBase}_v1_test`;
  let writer: DocumentWriter;

  beforeAll(async () => {
    conn = await connect();
    writer = await writerFor(catalogOf(conn), p, collection);
  });
  afterAll(async () => {
    await cleanUp(conn, p);
    await conn.close();
  });

  const docs = () => conn.collection(collection);
  const byId = (id: string) => docs().findOne({ _id: id as never });

  it('writes one document per account with its tenant and the revision it applied', async () => {
    await writer.apply(
      [
        event(
          'AccountOpened',
          { accountId: 'w1', name: 'Acme' },
          { stream: 'account-w1', revision: 0, tenantId: 't-a' },
        ),
        event(
          'UsageRecorded',
          { accountId: 'w1', count: 3 },
          { stream: 'account-w1', revision: 1, tenantId: 't-a' },
        ),
        event(
          'AccountOpened',
          { accountId: 'w2', name: 'Globex' },
          { stream: 'account-w2', revision: 0, tenantId: 't-b' },
        ),
        event(
          'NoteAdded',
          { accountIds: ['w1', 'w2'], text: 'x' },
          { stream: 'note-n1', revision: 0, tenantId: 't-a' },
        ),
      ].slice(0, 3),
    );
    expect(await byId('w1')).toMatchObject({
      tenantId: 't-a',
      name: 'Acme',
      usageTotal: 3,
      usageEvents: 1,
      _applied: { 'account-w1': 1 },
    });
    expect(await byId('w2')).toMatchObject({ tenantId: 't-b', name: 'Globex', usageTotal: 0 });
  });

  it('applies the same events twice without counting them twice, on the batch and the single-event path', async () => {
    const usage = [1, 2, 3].map((n) =>
      event(
        'UsageRecorded',
        { accountId: 'w3', count: 10 },
        { stream: 'account-w3', revision: n, tenantId: 't-a' },
      ),
    );
    const opened = event(
      'AccountOpened',
      { accountId: 'w3', name: 'Initech' },
      { stream: 'account-w3', revision: 0, tenantId: 't-a' },
    );
    await writer.apply([opened, ...usage]);
    const once = await byId('w3');
    const again = await writer.apply([opened, ...usage]);
    for (const e of usage) await writer.apply([e]);
    expect(again).toMatchObject({ applied: 0, skipped: 4, written: 0 });
    expect(await byId('w3')).toEqual(once);
    expect(once).toMatchObject({ usageTotal: 30, usageEvents: 3, _applied: { 'account-w3': 3 } });
  });

  it('deletes on AccountClosed and a late replay of earlier events does not bring the document back', async () => {
    const opened = event(
      'AccountOpened',
      { accountId: 'w4', name: 'Hooli' },
      { stream: 'account-w4', revision: 0, tenantId: 't-a' },
    );
    const usage = event(
      'UsageRecorded',
      { accountId: 'w4', count: 1 },
      { stream: 'account-w4', revision: 1, tenantId: 't-a' },
    );
    await writer.apply([opened, usage]);
    await writer.apply([
      event('AccountClosed', { accountId: 'w4' }, { stream: 'account-w4', revision: 2, tenantId: 't-a' }),
    ]);
    expect(await byId('w4')).toBeNull();
    await writer.apply([opened]);
    await writer.apply([opened, usage]);
    expect(await byId('w4')).toBeNull();
  });

  it('keeps per-stream revisions for a document fed by several streams', async () => {
    await writer.apply([
      event(
        'AccountOpened',
        { accountId: 'w5', name: 'Umbrella' },
        { stream: 'account-w5', revision: 0, tenantId: 't-a' },
      ),
      event(
        'NoteAdded',
        { accountIds: ['w5'], text: 'a' },
        { stream: 'note-n5', revision: 0, tenantId: 't-a' },
      ),
      event(
        'NoteAdded',
        { accountIds: ['w5'], text: 'b' },
        { stream: 'note-n6', revision: 0, tenantId: 't-a' },
      ),
    ]);
    // note-n6 rev 0 again is a replay; note-n5 rev 1 is new.
    await writer.apply([
      event(
        'NoteAdded',
        { accountIds: ['w5'], text: 'b' },
        { stream: 'note-n6', revision: 0, tenantId: 't-a' },
      ),
      event(
        'NoteAdded',
        { accountIds: ['w5'], text: 'c' },
        { stream: 'note-n5', revision: 1, tenantId: 't-a' },
      ),
    ]);
    expect(await byId('w5')).toMatchObject({
      notes: 3,
      _applied: { 'account-w5': 0, 'note-n5': 1, 'note-n6': 0 },
    });
  });

  it('loses no update when two writers in one process change the same documents at the same time', async () => {
    const ids = ['c1', 'c2', 'c3', 'c4'];
    await writer.apply(
      ids.map((id) =>
        event(
          'AccountOpened',
          { accountId: id, name: id },
          { stream: `account-${id}`, revision: 0, tenantId: 't-a' },
        ),
      ),
    );
    // Each writer owns its own usage streams, so every event is new and must be counted exactly once.
    const stream = (w: string, id: string) => `usage-${w}${id}`;
    const feed = (w: string): ProjectionEvent[][] =>
      Array.from({ length: 15 }, (_, rev) =>
        ids.map((id) =>
          event(
            'UsageRecorded',
            { accountId: id, count: 1 },
            { stream: stream(w, id), revision: rev, tenantId: 't-a' },
          ),
        ),
      );
    const other = await writerFor(catalogOf(conn), p, collection);
    const run = async (w: DocumentWriter, batches: ProjectionEvent[][]) => {
      let conflicts = 0;
      for (const b of batches) conflicts += (await w.apply(b)).conflicts;
      return conflicts;
    };
    const conflicts = await Promise.all([
      run(writer, feed('a')),
      run(other, feed('b')),
      run(
        other,
        feed('c').map((b) => b.slice(0, 1)),
      ),
    ]);
    for (const id of ids) {
      const doc = await byId(id);
      expect({ id, usage: doc?.['usageTotal'] }).toEqual({ id, usage: id === 'c1' ? 45 : 30 });
    }
    void conflicts;
  });

  it('refuses an event of another tenant for an existing document', async () => {
    await expect(
      writer.apply([
        event(
          'UsageRecorded',
          { accountId: 'w1', count: 1 },
          { stream: 'account-w1', revision: 9, tenantId: 't-b' },
        ),
      ]),
    ).rejects.toBeInstanceOf(TenantMismatchError);
    expect(await byId('w1')).toMatchObject({ tenantId: 't-a', usageTotal: 3 });
  });
});
