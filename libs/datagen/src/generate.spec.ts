import { EMPLOYEE_RANGES, USAGE_AREAS } from './dataset';
import { accountBundles, generate, generateStream } from './generate';

const now = '2025-06-18T12:00:00.000Z';
const options = { seed: 42, accounts: 300, weeks: 26, now };
const data = generate(options);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('generate', () => {
  it('is deterministic: the same seed gives identical data, another seed different data', () => {
    expect(generate(options)).toEqual(data);
    const other = generate({ ...options, seed: 43 });
    expect(other.accounts).not.toEqual(data.accounts);
    expect(other.usage).not.toEqual(data.usage);
  });

  it('keeps account i the same whatever the total size, so a bigger run extends a smaller one', () => {
    const small = generate({ ...options, accounts: 10 });
    expect(small.accounts).toEqual(data.accounts.slice(0, 10));
  });

  it('produces realistic, well-formed accounts', () => {
    expect(data.accounts).toHaveLength(300);
    expect(new Set(data.accounts.map((a) => a.id)).size).toBe(300);
    expect(new Set(data.accounts.map((a) => a.domain)).size).toBe(300);
    const customers = data.accounts.filter((a) => a.lifecycle === 'customer');
    expect(customers.length / data.accounts.length).toBeGreaterThan(0.7);
    expect(customers.length / data.accounts.length).toBeLessThan(0.9);
    for (const a of data.accounts) {
      expect(a.domain).toMatch(/^[a-z0-9-]+\.example$/);
      expect(a.ownerEmail).toMatch(/@vendor\.example$/);
      if (a.employeeRange !== null) expect(EMPLOYEE_RANGES).toContain(a.employeeRange);
      if (a.lifecycle === 'customer') {
        expect(a.mrr).toBeGreaterThan(0);
        expect(a.arr).toBeCloseTo((a.mrr ?? 0) * 12, 1);
        expect(a.closeDate! < now).toBe(true);
      } else {
        expect([a.mrr, a.arr, a.closeDate]).toEqual([null, null, null]);
      }
    }
  });

  it('gives every customer contracts that renew after now', () => {
    const customers = new Set(data.accounts.filter((a) => a.lifecycle === 'customer').map((a) => a.id));
    expect(new Set(data.contracts.map((c) => c.accountId))).toEqual(customers);
    for (const c of data.contracts) {
      expect(c.renewalDate > now.slice(0, 10)).toBe(true);
      expect(c.startDate <= now.slice(0, 10)).toBe(true);
    }
  });

  it('emits weekly usage stamped Monday 00:00 UTC, never after now, with no active users where nothing was done', () => {
    for (const u of data.usage) {
      const at = new Date(u.at);
      expect(at.getUTCDay()).toBe(1);
      expect(u.at <= now).toBe(true);
      for (const area of USAGE_AREAS) if (u.actions[area] === 0) expect(u.users[area]).toBe(0);
    }
    expect(data.feedback.every((f) => f.at <= now)).toBe(true);
  });

  it('shows declining usage for churners and steady usage for the rest', () => {
    const churns = new Map(data.truth.map((t) => [t.accountId, t.churns]));
    const trend = (accountId: string) => {
      const rows = data.usage.filter((u) => u.accountId === accountId);
      const total = (i: number) => USAGE_AREAS.reduce((s, a) => s + (rows[i]?.actions[a] ?? 0), 0);
      const n = rows.length;
      const early = mean([0, 1, 2, 3].map(total));
      const late = mean([n - 4, n - 3, n - 2, n - 1].map(total));
      return late / Math.max(1, early);
    };
    const full = data.truth.filter(
      (t) => data.usage.filter((u) => u.accountId === t.accountId).length === 26,
    );
    const churnerRatio = mean(full.filter((t) => churns.get(t.accountId)).map((t) => trend(t.accountId)));
    const stayerRatio = mean(full.filter((t) => !churns.get(t.accountId)).map((t) => trend(t.accountId)));
    expect(churnerRatio).toBeLessThan(0.5);
    expect(stayerRatio).toBeGreaterThan(0.8);
  });

  it('makes feedback track the hidden churn propensity: churners give lower NPS and file more tickets', () => {
    const churns = new Map(data.truth.map((t) => [t.accountId, t.churns]));
    const nps = (churner: boolean) =>
      mean(
        data.feedback
          .filter((f) => f.channel === 'nps' && churns.get(f.accountId) === churner)
          .map((f) => f.score ?? 0),
      );
    const ticketsPer = (churner: boolean) =>
      data.feedback.filter((f) => f.channel === 'ticket' && churns.get(f.accountId) === churner).length /
      data.truth.filter((t) => t.churns === churner).length;
    expect(nps(true)).toBeLessThan(nps(false) - 2);
    expect(ticketsPer(true)).toBeGreaterThan(ticketsPer(false) * 1.5);
    const churnRate = data.truth.filter((t) => t.churns).length / data.truth.length;
    expect(churnRate).toBeGreaterThan(0.1);
    expect(churnRate).toBeLessThan(0.35);
  });

  it('refuses nonsense sizes and dates', () => {
    expect(() => generate({ ...options, accounts: -1 })).toThrow(RangeError);
    expect(() => generate({ ...options, weeks: 0 })).toThrow(RangeError);
    expect(() => generate({ ...options, now: 'not a date' })).toThrow(RangeError);
  });
});

describe('generateStream', () => {
  it('yields the same accounts as generate, one bundle at a time', async () => {
    const streamed = [];
    for await (const bundle of generateStream({ ...options, accounts: 25 })) streamed.push(bundle);
    expect(streamed).toEqual([...accountBundles({ ...options, accounts: 25 })]);
    expect(streamed.map((b) => b.account)).toEqual(data.accounts.slice(0, 25));
    expect(streamed.flatMap((b) => b.usage)).toEqual(generate({ ...options, accounts: 25 }).usage);
  });
});
