import { outcomeFactsOf } from './outcome-facts';

const at = '2025-07-01T12:00:00.000Z';
const names = (facts: ReturnType<typeof outcomeFactsOf>) => facts.map((f) => f.fact);

describe('outcomeFactsOf: accounts', () => {
  const prospect = { name: 'Acme', lifecycle: 'prospect', mrr: 100 };
  const customer = { name: 'Acme', lifecycle: 'customer', mrr: 100 };

  it('prospect → customer is converted, effective at the close date when there is one', () => {
    expect(outcomeFactsOf('account', prospect, { ...customer, closeDate: '2025-06-20' }, at)).toEqual([
      { fact: 'converted', amountBefore: null, amountAfter: null, effectiveAt: '2025-06-20T00:00:00.000Z' },
    ]);
    expect(outcomeFactsOf('account', prospect, customer, at)[0]).toMatchObject({ effectiveAt: at });
  });

  it('customer → prospect, or removed while a customer, is lifecycle_left_customer', () => {
    expect(names(outcomeFactsOf('account', customer, prospect, at))).toEqual(['lifecycle_left_customer']);
    expect(names(outcomeFactsOf('account', customer, null, at))).toEqual(['lifecycle_left_customer']);
    expect(outcomeFactsOf('account', prospect, null, at)).toEqual([]);
  });

  it('a new account, or one whose lifecycle and amounts stay, implies nothing', () => {
    expect(outcomeFactsOf('account', null, customer, at)).toEqual([]);
    expect(outcomeFactsOf('account', customer, { ...customer, name: 'Acme Inc' }, at)).toEqual([]);
  });

  it('an amount change is arr_changed in annual terms (MRR × 12 without ARR)', () => {
    expect(outcomeFactsOf('account', customer, { ...customer, mrr: 150 }, at)).toEqual([
      { fact: 'arr_changed', amountBefore: 1200, amountAfter: 1800, effectiveAt: at },
    ]);
  });
});

describe('outcomeFactsOf: contracts', () => {
  const active = { arr: 12000, status: 'active', startDate: '2025-01-01', renewalDate: '2026-01-01' };

  it('renewal date moved later while active is contract_renewed, effective when it was due', () => {
    expect(outcomeFactsOf('contract', active, { ...active, renewalDate: '2027-01-01' }, at)).toEqual([
      {
        fact: 'contract_renewed',
        amountBefore: 12000,
        amountAfter: 12000,
        effectiveAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    expect(outcomeFactsOf('contract', active, { ...active, renewalDate: '2025-12-01' }, at)).toEqual([]);
    expect(
      outcomeFactsOf(
        'contract',
        active,
        { ...active, status: 'pending_renewal', renewalDate: '2027-01-01' },
        at,
      ),
    ).toEqual([]);
  });

  it('renewed at a new price is contract_renewed and arr_changed', () => {
    const renewed = { ...active, arr: 15000, renewalDate: '2027-01-01' };
    expect(names(outcomeFactsOf('contract', active, renewed, at))).toEqual([
      'contract_renewed',
      'arr_changed',
    ]);
    expect(outcomeFactsOf('contract', active, renewed, at)[1]).toMatchObject({
      amountBefore: 12000,
      amountAfter: 15000,
    });
  });

  it('cancelled or removed is contract_ended, once', () => {
    const cancelled = { ...active, status: 'cancelled' };
    expect(outcomeFactsOf('contract', active, cancelled, at)).toEqual([
      { fact: 'contract_ended', amountBefore: 12000, amountAfter: null, effectiveAt: at },
    ]);
    expect(names(outcomeFactsOf('contract', active, null, at))).toEqual(['contract_ended']);
    expect(outcomeFactsOf('contract', cancelled, null, at)).toEqual([]);
    expect(outcomeFactsOf('contract', cancelled, { ...cancelled, arr: 1 }, at)).toEqual([]);
    expect(outcomeFactsOf('contract', null, active, at)).toEqual([]);
  });
});

describe('outcomeFactsOf: subscriptions', () => {
  const sub = { plan: 'Pro', units: 10, status: 'active', mrr: 500, startDate: '2025-03-01' };

  it('a new subscription is subscription_added, effective at its start', () => {
    expect(outcomeFactsOf('subscription', null, sub, at)).toEqual([
      {
        fact: 'subscription_added',
        amountBefore: null,
        amountAfter: 6000,
        effectiveAt: '2025-03-01T00:00:00.000Z',
      },
    ]);
    expect(outcomeFactsOf('subscription', null, { ...sub, status: 'cancelled' }, at)).toEqual([]);
  });

  it('MRR up is upgraded, down is downgraded; units decide only at the same MRR', () => {
    expect(names(outcomeFactsOf('subscription', sub, { ...sub, mrr: 700 }, at))).toEqual([
      'subscription_upgraded',
    ]);
    expect(names(outcomeFactsOf('subscription', sub, { ...sub, mrr: 300, units: 20 }, at))).toEqual([
      'subscription_downgraded',
    ]);
    expect(names(outcomeFactsOf('subscription', sub, { ...sub, units: 12 }, at))).toEqual([
      'subscription_upgraded',
    ]);
    expect(names(outcomeFactsOf('subscription', sub, { ...sub, units: 8 }, at))).toEqual([
      'subscription_downgraded',
    ]);
    expect(outcomeFactsOf('subscription', sub, { ...sub, plan: 'Pro 2025' }, at)).toEqual([]);
  });

  it('cancelled or removed is subscription_ended, effective at its end date when given', () => {
    expect(
      outcomeFactsOf('subscription', sub, { ...sub, status: 'cancelled', endDate: '2025-06-30' }, at),
    ).toEqual([
      {
        fact: 'subscription_ended',
        amountBefore: 6000,
        amountAfter: null,
        effectiveAt: '2025-06-30T00:00:00.000Z',
      },
    ]);
    expect(names(outcomeFactsOf('subscription', sub, null, at))).toEqual(['subscription_ended']);
  });
});

describe('outcomeFactsOf: other entities', () => {
  it.each(['contact', 'intent_signal', 'feedback'] as const)('%s changes imply no outcome', (entity) => {
    expect(outcomeFactsOf(entity, { a: 1 }, { a: 2 }, at)).toEqual([]);
  });
});
