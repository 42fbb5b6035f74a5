import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from './csv';
import { defaultHubspotDir, readHubspot } from './hubspot';

describe('parseCsv', () => {
  it('keeps commas and doubled quotes inside quoted fields', () => {
    expect(parseCsv('a,b,c\n1,"10,001 or more",""\n2,"say ""hi""",x\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '10,001 or more', ''],
      ['2', 'say "hi"', 'x'],
    ]);
  });
});

describe('readHubspot', () => {
  it('answers "not available" with the reason when the folder is absent', () => {
    const missing = join(tmpdir(), 'no-such-hubspot-dir');
    const result = readHubspot(missing);
    expect(result).toEqual({
      available: false,
      dir: missing,
      reason: expect.stringContaining('customers.csv'),
    });
  });

  it('maps the three files into accounts, weekly usage and the customer label', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hubspot-'));
    writeFileSync(
      join(dir, 'customers.csv'),
      'CLOSEDATE,MRR,ALEXA_RANK,EMPLOYEE_RANGE,INDUSTRY,id\n2019-06-20,290,309343,201 to 1000,Other,199\n',
    );
    writeFileSync(
      join(dir, 'noncustomers.csv'),
      'ALEXA_RANK,EMPLOYEE_RANGE,INDUSTRY,id\n16000001,"10,001 or more","",4916\n16000001,1,"",4916\n',
    );
    writeFileSync(
      join(dir, 'usage_actions.csv'),
      'WHEN_TIMESTAMP,ACTIONS_CRM_CONTACTS,ACTIONS_CRM_COMPANIES,ACTIONS_CRM_DEALS,ACTIONS_EMAIL,USERS_CRM_CONTACTS,USERS_CRM_COMPANIES,USERS_CRM_DEALS,USERS_EMAIL,id\n' +
        '2020-06-01 00:00:00.000,278,0,34,0,2,0,2,0,199\n',
    );
    const result = readHubspot(dir);
    if (!result.available) throw new Error(result.reason);
    expect(result.accounts).toEqual([
      expect.objectContaining({
        id: '199',
        lifecycle: 'customer',
        mrr: 290,
        arr: 3480,
        webRank: 309343,
        employeeRange: '201 to 1000',
        industry: 'Other',
        closeDate: '2019-06-20',
      }),
      expect.objectContaining({
        id: '4916',
        lifecycle: 'prospect',
        mrr: null,
        webRank: null,
        employeeRange: '10,001 or more',
        industry: null,
      }),
    ]);
    expect(result.usage).toEqual([
      {
        accountId: '199',
        at: '2020-06-01T00:00:00.000Z',
        actions: { contacts: 278, companies: 0, deals: 34, email: 0 },
        users: { contacts: 2, companies: 0, deals: 2, email: 0 },
      },
    ]);
    expect(result.isCustomer.get('199')).toBe(true);
    expect(result.isCustomer.get('4916')).toBe(false);
  });

  it('finds the shared data set next to the repository by default', () => {
    expect(defaultHubspotDir()).toMatch(/shared[/\\]data[/\\]hubspot$/);
  });
});

const real = readHubspot();
(real.available ? describe : describe.skip)('the real HubSpot data set', () => {
  if (!real.available) console.warn(`[skipped] ${real.reason}`);
  it('has the published sizes: 200 customers, 5,000 distinct non-customers, 25,387 usage rows', () => {
    if (!real.available) return;
    expect(real.accounts.filter((a) => a.lifecycle === 'customer')).toHaveLength(200);
    expect(real.accounts.filter((a) => a.lifecycle === 'prospect')).toHaveLength(5000);
    expect(real.usage).toHaveLength(25_387);
  });
});
