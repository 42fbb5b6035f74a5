import { CSV_PRESETS, mapCsvRow, mappingFromPairs, mappingProblems } from './csv-mapping';

const preset = (name: string) => {
  const mapping = CSV_PRESETS[name];
  if (!mapping) throw new Error(`no preset ${name}`);
  return mapping;
};

describe('HubSpot presets', () => {
  it('turn a customers.csv row into an account with ARR from MRR and no rank for the placeholder', () => {
    const row = {
      CLOSEDATE: '2019-03-22',
      MRR: '392.54',
      ALEXA_RANK: '16000001',
      EMPLOYEE_RANGE: '51 to 200',
      INDUSTRY: '',
      id: '147',
    };
    expect(mapCsvRow(preset('hubspot-customers'), row)).toEqual({
      ok: true,
      record: {
        externalId: '147',
        name: 'HubSpot company 147',
        employeeRange: '51 to 200',
        lifecycle: 'customer',
        closeDate: '2019-03-22',
        mrr: 392.54,
        arr: 4710.48,
      },
    });
  });

  it('turn a usage_actions.csv row into a usage record with UTC time and nested counts', () => {
    const row = {
      WHEN_TIMESTAMP: '2020-06-01 00:00:00.000',
      ACTIONS_CRM_CONTACTS: '278',
      ACTIONS_CRM_COMPANIES: '0',
      ACTIONS_CRM_DEALS: '34',
      ACTIONS_EMAIL: '0',
      USERS_CRM_CONTACTS: '2',
      USERS_CRM_COMPANIES: '0',
      USERS_CRM_DEALS: '2',
      USERS_EMAIL: '1',
      id: '616',
    };
    expect(mapCsvRow(preset('hubspot-usage'), row)).toEqual({
      ok: true,
      record: {
        accountExternalId: '616',
        at: '2020-06-01T00:00:00.000Z',
        actions: { contacts: 278, companies: 0, deals: 34, email: 0 },
        users: { contacts: 2, companies: 0, deals: 2, email: 1 },
      },
    });
  });

  it('name the header columns a file lacks', () => {
    expect(
      mappingProblems(preset('hubspot-customers'), ['ALEXA_RANK', 'EMPLOYEE_RANGE', 'INDUSTRY', 'id']),
    ).toEqual([
      { field: 'closeDate', errors: ["column CLOSEDATE is not in the file's header line"] },
      { field: 'mrr', errors: ["column MRR is not in the file's header line"] },
      { field: 'arr', errors: ["column MRR is not in the file's header line"] },
    ]);
  });
});

describe('--map pairs', () => {
  it('coerce by the entity field type unless a type is given', () => {
    const mapping = mappingFromPairs('account', [
      'Company=name',
      'Key=externalId',
      'Revenue=mrr',
      'Rank=rank:integer',
    ]);
    expect(mapCsvRow(mapping, { Company: ' Acme ', Key: 'a-1', Revenue: '12.5', Rank: '7' })).toEqual({
      ok: true,
      record: { name: 'Acme', externalId: 'a-1', mrr: 12.5, rank: 7 },
    });
  });

  it('report a bad number with the field and the column, keeping the other fields', () => {
    const mapping = mappingFromPairs('account', ['Key=externalId', 'Revenue=mrr', 'Rank=webRank']);
    expect(mapCsvRow(mapping, { Key: 'a-1', Revenue: 'lots', Rank: '3.5' })).toEqual({
      ok: false,
      record: { externalId: 'a-1' },
      errors: [
        { field: 'mrr', errors: ['mrr (column Revenue) must be a number, got "lots"'] },
        { field: 'webRank', errors: ['webRank (column Rank) must be a whole number, got "3.5"'] },
      ],
    });
  });

  it('refuse a pair without a field or with an unknown type', () => {
    expect(() => mappingFromPairs('account', ['MRR'])).toThrow('--map MRR: expected HEADER=field');
    expect(() => mappingFromPairs('account', ['MRR=mrr:money'])).toThrow('type must be one of');
  });
});
