import { defaultHubspotDir, parseCsvRecords } from '@foresight/datagen';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { employeeRangeOrdinal, looksLikeEmployeeRange } from './employee-range';

describe('employeeRangeOrdinal', () => {
  it('orders the nine HubSpot buckets 1–9 as spelled in the exports', () => {
    const spellings = [
      '1',
      '2 to 5',
      '6 to 10',
      '11 to 25',
      '26 to 50',
      '51 to 200',
      '201 to 1000',
      '1001 to 10000',
      '10,001 or more',
    ];
    expect(spellings.map(employeeRangeOrdinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('reads other spellings of the same buckets by their lower bound', () => {
    expect(employeeRangeOrdinal('10001+')).toBe(9);
    expect(employeeRangeOrdinal('1,001-10,000')).toBe(8);
    expect(employeeRangeOrdinal(' 201 - 1000 ')).toBe(7);
    expect(employeeRangeOrdinal('2-5')).toBe(2);
  });

  it('answers null for missing or unreadable values', () => {
    expect(employeeRangeOrdinal(null)).toBeNull();
    expect(employeeRangeOrdinal('')).toBeNull();
    expect(employeeRangeOrdinal('lots')).toBeNull();
    expect(looksLikeEmployeeRange(['RETAIL'])).toBe(false);
    expect(looksLikeEmployeeRange(['2 to 5', '', '10,001 or more'])).toBe(true);
  });

  const dir = defaultHubspotDir();
  const file = join(dir, 'noncustomers.csv');
  (existsSync(file) ? it : it.skip)(
    'maps every EMPLOYEE_RANGE spelling in the HubSpot files (skipped without ../shared)',
    () => {
      const values = new Set<string>();
      for (const name of ['customers.csv', 'noncustomers.csv'])
        for (const row of parseCsvRecords(readFileSync(join(dir, name), 'utf8')))
          if (row['EMPLOYEE_RANGE']?.trim()) values.add(row['EMPLOYEE_RANGE']);
      const unread = [...values].filter((v) => employeeRangeOrdinal(v) === null);
      expect(unread).toEqual([]);
      expect(new Set([...values].map(employeeRangeOrdinal)).size).toBe(values.size);
    },
  );
});
