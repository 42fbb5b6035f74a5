import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import { EventStore, handle } from '@foresight/eventstore';
import { Job, JobCommand, jobDecider, JobEvent, jobStream, JOB_STREAM_CATEGORY } from './domain/job.decider';

/** Reads and writes job streams through the job decider. */
@Injectable()
export class JobStreams {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(jobId: string): Promise<Job> {
    const events = await this.store.read(jobStream(jobId));
    return events.reduce(
      (s, e) => jobDecider.evolve(s, { type: e.type, data: e.data } as JobEvent),
      jobDecider.initialState(),
    );
  }

  async decide(tenantId: string, command: JobCommand, actor: string): Promise<Job> {
    const result = await handle(this.store, jobStream(command.data.jobId), jobDecider, command, {
      metadata: { tenantId, actor },
    });
    return result.newState;
  }

  /** Every job whose stream has no JobCompleted: what a restart left running. */
  async unfinished(): Promise<string[]> {
    const running = new Set<string>();
    let after: string | undefined;
    for (;;) {
      const page = await this.store.readAll({
        after,
        limit: 1000,
        filter: { categories: [JOB_STREAM_CATEGORY], types: ['JobStarted', 'JobCompleted'] },
      });
      for (const e of page) {
        const { jobId } = e.data as { jobId: string };
        if (e.type === 'JobStarted') running.add(jobId);
        else running.delete(jobId);
      }
      if (page.length < 1000) return [...running];
      after = page[page.length - 1]?.checkpoint;
    }
  }
}
