import { KeyedLock, Semaphore } from './concurrency';

const tick = () => new Promise((r) => setImmediate(r));

describe('KeyedLock', () => {
  it('lets one holder of a key in at a time, in arrival order, and leaves other keys free', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const releaseA = await lock.acquire(['a', 'b']);
    const second = lock.acquire(['b']).then((release) => (log.push('b taken'), release));
    const other = lock.acquire(['c']).then((release) => (log.push('c taken'), release));
    await tick();
    expect(log).toEqual(['c taken']);
    releaseA();
    (await second)();
    (await other)();
    expect(log).toEqual(['c taken', 'b taken']);
  });
});

describe('Semaphore', () => {
  it('never runs more than its limit at once', async () => {
    const sem = new Semaphore(2);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        sem.run(async () => {
          peak = Math.max(peak, ++running);
          await tick();
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });
});
