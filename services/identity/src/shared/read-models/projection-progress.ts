import type { ProjectionEvent } from '@foresight/projections';

interface Waiter {
  revision: number;
  resolve: () => void;
}

/**
 * What one projection runner of this process has applied, per stream, for read-your-writes waits.
 * Bounded: only the most recent streams are remembered, which is all a waiter that registers right
 * after its own append can need.
 */
export class ProjectionProgress {
  private readonly applied = new Map<string, number>();
  private readonly waiters = new Map<string, Waiter[]>();

  constructor(private readonly capacity = 10_000) {}

  record(events: readonly ProjectionEvent[]): void {
    for (const event of events) {
      const before = this.applied.get(event.stream) ?? -1;
      this.applied.delete(event.stream);
      this.applied.set(event.stream, Math.max(before, event.revision));
      const waiting = this.waiters.get(event.stream);
      if (!waiting) continue;
      const still = waiting.filter((w) => {
        if (w.revision > event.revision) return true;
        w.resolve();
        return false;
      });
      if (still.length) this.waiters.set(event.stream, still);
      else this.waiters.delete(event.stream);
    }
    while (this.applied.size > this.capacity) this.applied.delete(this.applied.keys().next().value!);
  }

  /** Resolves true once `stream` reached `revision`, false after `timeoutMs` (the caller answers anyway). */
  waitFor(stream: string, revision: number, timeoutMs: number): Promise<boolean> {
    if ((this.applied.get(stream) ?? -1) >= revision) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        const list = this.waiters.get(stream)?.filter((w) => w !== waiter);
        if (list?.length) this.waiters.set(stream, list);
        else this.waiters.delete(stream);
        resolve(false);
      }, timeoutMs);
      const waiter: Waiter = {
        revision,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      this.waiters.set(stream, [...(this.waiters.get(stream) ?? []), waiter]);
    });
  }
}
