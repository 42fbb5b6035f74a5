import { forEachLimited } from './concurrency';

/**
 * Jobs grouped by the stream they write: streams run concurrently (at most `limit` at once), the
 * jobs of one stream one after another in the order they were queued, so a batch that names one
 * record twice applies its versions in batch order.
 */
export class StreamQueues {
  private readonly queues = new Map<string, (() => Promise<void>)[]>();

  enqueue(stream: string, job: () => Promise<void>): void {
    const queue = this.queues.get(stream);
    if (queue) queue.push(job);
    else this.queues.set(stream, [job]);
  }

  async run(limit: number): Promise<void> {
    await forEachLimited([...this.queues.values()], limit, async (jobs) => {
      for (const job of jobs) await job();
    });
  }
}
