import { IncomingRecord, MAX_RAW_CHARS, rawOf, verdictOf } from './record-verdict';

const account = {
  externalId: 'crm-42',
  name: 'Northwind Analytics',
  domain: 'northwind.example',
  lifecycle: 'customer',
  mrr: 2000,
  ownerEmail: 'dana@acme.example',
};
const incoming = (value: unknown, op: 'upsert' | 'delete' = 'upsert'): IncomingRecord => ({
  op,
  value,
  index: 0,
  origin: 'api:s#0',
});
const fields = (v: ReturnType<typeof verdictOf>) => (v.ok ? [] : v.errors.map((e) => e.field).sort());

describe('verdictOf', () => {
  it('accepts a valid account, dropping null fields (absent and null both mean unknown)', () => {
    const verdict = verdictOf('account', incoming({ ...account, industry: null }));
    expect(verdict).toEqual({
      ok: true,
      op: 'upsert',
      externalId: 'crm-42',
      payload: account,
      accountExternalId: null,
    });
  });

  it('names every bad field of a record, and refuses fields the contract does not know', () => {
    const verdict = verdictOf(
      'account',
      incoming({ ...account, lifecycle: 'lead', mrr: -1, ownerEmail: 'nope', favouriteColour: 'red' }),
    );
    expect(verdict.ok).toBe(false);
    expect(fields(verdict)).toEqual(['favouriteColour', 'lifecycle', 'mrr', 'ownerEmail']);
    expect(verdict).toMatchObject({ externalId: 'crm-42' });
  });

  it('names nested fields of usage rows, and names a usage row by account and period', () => {
    const verdict = verdictOf(
      'usage',
      incoming({
        accountExternalId: 'crm-42',
        at: '2025-06-02T00:00:00Z',
        actions: { contacts: 1, companies: 0, deals: -3, email: 0 },
        users: { contacts: 1, companies: 0, deals: 0 },
      }),
    );
    expect(fields(verdict)).toEqual(['actions.deals', 'users.email']);
    expect(verdict).toMatchObject({ externalId: 'crm-42@2025-06-02T00:00:00Z' });
  });

  it('checks what the schema cannot: renewal after start, an NPS answer with a score', () => {
    const contract = {
      externalId: 'ctr-1',
      accountExternalId: 'crm-42',
      arr: 100,
      startDate: '2025-06-01T00:00:00Z',
      renewalDate: '2025-01-01T00:00:00Z',
      status: 'active',
    };
    expect(fields(verdictOf('contract', incoming(contract)))).toEqual(['renewalDate']);
    const nps = {
      externalId: 'f-1',
      accountExternalId: 'crm-42',
      at: '2025-06-01T00:00:00Z',
      channel: 'nps',
      text: 'ok',
    };
    expect(fields(verdictOf('feedback', incoming(nps)))).toEqual(['score']);
    expect(verdictOf('feedback', incoming({ ...nps, score: 9 }))).toMatchObject({
      ok: true,
      accountExternalId: 'crm-42',
    });
  });

  it('refuses what is not a record at all', () => {
    expect(fields(verdictOf('account', incoming('just text')))).toEqual(['(record)']);
    expect(fields(verdictOf('account', incoming([account])))).toEqual(['(record)']);
    expect(
      fields(
        verdictOf('account', { ...incoming('{"externalId":'), unreadable: 'not valid JSON: Unexpected end' }),
      ),
    ).toEqual(['(record)']);
    // PostgreSQL's jsonb refuses U+0000: the record is rejected instead of failing its batch.
    expect(fields(verdictOf('account', incoming({ ...account, name: 'a\u0000b' })))).toEqual(['(record)']);
  });

  it('a removal needs only a well-formed external id; usage rows cannot be removed', () => {
    expect(verdictOf('account', incoming({ externalId: 'crm-42' }, 'delete'))).toEqual({
      ok: true,
      op: 'delete',
      externalId: 'crm-42',
      accountExternalId: null,
    });
    expect(fields(verdictOf('account', incoming({ externalId: '' }, 'delete')))).toEqual(['externalId']);
    expect(fields(verdictOf('usage', incoming({ accountExternalId: 'crm-42' }, 'delete')))).toEqual([
      '(record)',
    ]);
  });

  const errorsOf = (v: ReturnType<typeof verdictOf>) => (v.ok ? [] : v.errors);

  it('answers a value of the wrong type with its type error alone, not every rule it then breaks', () => {
    expect(errorsOf(verdictOf('account', incoming({ ...account, mrr: 'lots' })))).toEqual([
      { field: 'mrr', errors: [expect.stringMatching(/^mrr must be a number/)] },
    ]);
    // A value of the right type still gets the rule it breaks.
    expect(errorsOf(verdictOf('account', incoming({ ...account, mrr: -1 })))).toEqual([
      { field: 'mrr', errors: ['mrr must not be less than 0'] },
    ]);
  });

  it('names a missing usage key, or a key missing inside it, as required', () => {
    const week = { accountExternalId: 'crm-42', at: '2025-06-02T00:00:00Z' };
    expect(errorsOf(verdictOf('usage', incoming(week)))).toEqual([
      { field: 'actions', errors: ['actions is required'] },
      { field: 'users', errors: ['users is required'] },
    ]);
    const counts = { contacts: 1, companies: 0, deals: 0, email: 0 };
    const { companies: _dropped, ...withoutCompanies } = counts;
    expect(
      errorsOf(verdictOf('usage', incoming({ ...week, actions: withoutCompanies, users: counts }))),
    ).toEqual([{ field: 'actions.companies', errors: ['actions.companies is required'] }]);
  });

  it('refuses a subscription that ends before it starts', () => {
    const sub = {
      externalId: 'sub-1',
      accountExternalId: 'crm-42',
      product: 'Core',
      plan: 'Pro',
      units: 3,
      status: 'cancelled',
      mrr: 10,
      startDate: '2025-03-01T00:00:00Z',
    };
    expect(verdictOf('subscription', incoming(sub)).ok).toBe(true);
    expect(
      errorsOf(verdictOf('subscription', incoming({ ...sub, endDate: '2025-02-01T00:00:00Z' }))),
    ).toEqual([{ field: 'endDate', errors: ['endDate must be after startDate'] }]);
  });
});

describe('rawOf', () => {
  it('keeps the record as JSON text, or the text itself when it was not JSON, bounded in size', () => {
    expect(rawOf(incoming({ $where: 1, 'a.b': 2 }))).toBe('{"$where":1,"a.b":2}');
    expect(rawOf({ ...incoming('{"oops'), unreadable: 'not valid JSON' })).toBe('{"oops');
    const huge = rawOf(incoming({ text: 'x'.repeat(MAX_RAW_CHARS * 2) }));
    expect(huge.length).toBeLessThan(MAX_RAW_CHARS + 20);
    expect(huge.endsWith('…(truncated)')).toBe(true);
  });
});
