import { AccountBatch, MAX_BATCH } from './upstream-records';
import { parse } from '../registry';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import './ingestion-events';

const account = {
  externalId: 'crm-42',
  name: 'Acme',
  lifecycle: 'customer',
  mrr: 290,
  ownerEmail: 'owner@acme.example',
};

function errorsOf(batch: object): string[] {
  const flat = (errs: ReturnType<typeof validateSync>, prefix = ''): string[] =>
    errs.flatMap((e) => [
      ...(e.constraints ? [`${prefix}${e.property}`] : []),
      ...flat(e.children ?? [], `${prefix}${e.property}.`),
    ]);
  return flat(validateSync(plainToInstance(AccountBatch, batch)));
}

describe('upstream record batches', () => {
  it('accept a well-formed batch', () => {
    expect(errorsOf({ source: 'crm', records: [account] })).toEqual([]);
  });

  it('name the record and field that is wrong', () => {
    const errors = errorsOf({
      source: 'CRM!',
      records: [account, { ...account, externalId: '', lifecycle: 'lead', mrr: -1, ownerEmail: 'nope' }],
    });
    expect(errors.sort()).toEqual(
      [
        'source',
        'records.1.externalId',
        'records.1.lifecycle',
        'records.1.mrr',
        'records.1.ownerEmail',
      ].sort(),
    );
  });

  it(`refuse empty batches and batches over ${MAX_BATCH} records`, () => {
    expect(errorsOf({ source: 'crm', records: [] })).toEqual(['records']);
    expect(
      errorsOf({ source: 'crm', records: Array.from({ length: MAX_BATCH + 1 }, () => account) }),
    ).toEqual(['records']);
  });
});

describe('integration events of ingestion', () => {
  it('validate nested account features', () => {
    const result = parse('AccountFeaturesChanged', {
      accountId: '0193a6f0-0000-7000-8000-000000000001',
      features: { accountId: 'x' },
    });
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['features.asOf', 'features.actions']));
  });
});
