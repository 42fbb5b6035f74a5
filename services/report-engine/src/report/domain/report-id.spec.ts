import { reportIdFor } from './report-id';

describe('reportIdFor', () => {
  const slot = { tenantId: 'tenant-a', accountId: 'acc-1', kind: 'CRITICAL_CHURN' as const };

  it('is the same for the same tenant, account, kind and generation, so racing scores meet on one stream', () => {
    expect(reportIdFor({ ...slot }, 0)).toBe(reportIdFor(slot, 0));
    expect(reportIdFor(slot, 0)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('differs by generation, kind, account and tenant', () => {
    const ids = new Set([
      reportIdFor(slot, 0),
      reportIdFor(slot, 1),
      reportIdFor({ ...slot, kind: 'PARTIAL_CHURN' }, 0),
      reportIdFor({ ...slot, accountId: 'acc-2' }, 0),
      reportIdFor({ ...slot, tenantId: 'tenant-b' }, 0),
    ]);
    expect(ids.size).toBe(5);
  });

  it('refuses a generation that is not a whole number', () => {
    expect(() => reportIdFor(slot, -1)).toThrow(RangeError);
    expect(() => reportIdFor(slot, 1.5)).toThrow(RangeError);
  });
});
