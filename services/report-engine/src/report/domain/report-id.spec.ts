import { reportIdFor } from './report-id';

describe('reportIdFor', () => {
  const slot = {
    tenantId: 'tenant-a',
    subject: { type: 'account' as const, id: 'acc-1' },
    family: 'CHURN' as const,
  };

  it('is the same for the same tenant, subject, family and generation, so racing signals meet on one stream', () => {
    expect(reportIdFor({ ...slot }, 0)).toBe(reportIdFor(slot, 0));
    expect(reportIdFor(slot, 0)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('differs by generation, family, subject and tenant', () => {
    const ids = new Set([
      reportIdFor(slot, 0),
      reportIdFor(slot, 1),
      reportIdFor({ ...slot, family: 'EXPANSION' }, 0),
      reportIdFor({ ...slot, subject: { type: 'account', id: 'acc-2' } }, 0),
      reportIdFor({ ...slot, subject: { type: 'contract', id: 'acc-1' } }, 0),
      reportIdFor({ ...slot, tenantId: 'tenant-b' }, 0),
    ]);
    expect(ids.size).toBe(6);
  });

  it('refuses a generation that is not a whole number', () => {
    expect(() => reportIdFor(slot, -1)).toThrow(RangeError);
    expect(() => reportIdFor(slot, 1.5)).toThrow(RangeError);
  });
});
