import { DEFAULT_RETRY, delayBefore } from './retry.policy';

describe('delayBefore', () => {
  it('doubles from the initial delay for each further attempt', () => {
    const policy = { attempts: 6, initialDelayMs: 100, maxDelayMs: 10_000 };
    expect([2, 3, 4, 5, 6].map((n) => delayBefore(n, policy))).toEqual([100, 200, 400, 800, 1600]);
  });

  it('never waits longer than the cap', () => {
    expect(delayBefore(30, DEFAULT_RETRY)).toBe(DEFAULT_RETRY.maxDelayMs);
  });
});
