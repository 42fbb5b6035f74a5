import { accountActivity, event } from './support/account-activity.projection';

const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
const opened = event(
  'AccountOpened',
  { accountId: 'a1', name: 'Acme' },
  { stream: 'account-a1', revision: 0, occurredAt: t(1) },
);

describe('account-activity projection', () => {
  describe('with no document', () => {
    it('opening an account starts a document with zero counters', () => {
      expect(accountActivity.evolve(null, opened)).toEqual({
        accountId: 'a1',
        name: 'Acme',
        usageTotal: 0,
        usageEvents: 0,
        notes: 0,
        lastActivityAt: t(1).toISOString(),
      });
    });

    it('usage before the opening starts an unnamed document', () => {
      const usage = event(
        'UsageRecorded',
        { accountId: 'a1', count: 5 },
        { stream: 'account-a1', revision: 1, occurredAt: t(2) },
      );
      expect(accountActivity.evolve(null, usage)).toMatchObject({ name: '', usageTotal: 5, usageEvents: 1 });
    });

    it('a note about an unknown account creates nothing', () => {
      const note = event('NoteAdded', { accountIds: ['a1'], text: 'hi' }, { stream: 'note-n1', revision: 0 });
      expect(accountActivity.evolve(null, note)).toBeNull();
    });
  });

  describe('with an open account', () => {
    const doc = accountActivity.evolve(null, opened)!;

    it('adds usage and counts usage events', () => {
      const usage = event(
        'UsageRecorded',
        { accountId: 'a1', count: 7 },
        { stream: 'account-a1', revision: 1, occurredAt: t(3) },
      );
      expect(accountActivity.evolve(doc, usage)).toMatchObject({
        usageTotal: 7,
        usageEvents: 1,
        lastActivityAt: t(3).toISOString(),
      });
    });

    it('counts notes', () => {
      const note = event(
        'NoteAdded',
        { accountIds: ['a1', 'a2'], text: 'call them' },
        { stream: 'note-n1', revision: 0 },
      );
      expect(accountActivity.evolve(doc, note)).toMatchObject({ notes: 1, name: 'Acme' });
    });

    it('closing the account deletes the document', () => {
      const closed = event('AccountClosed', { accountId: 'a1' }, { stream: 'account-a1', revision: 1 });
      expect(accountActivity.evolve(doc, closed)).toBeNull();
    });
  });

  it('routes a note to every account it mentions', () => {
    const note = event(
      'NoteAdded',
      { accountIds: ['a1', 'a2'], text: 'x' },
      { stream: 'note-n1', revision: 0 },
    );
    expect(accountActivity.id(note)).toEqual(['a1', 'a2']);
    expect(accountActivity.id(opened)).toBe('a1');
  });
});
