import { Command, Decider, DomainError, Event } from '@foresight/domain';

/** The seed's engine operations run as admin batch jobs (engine_reports_load, _notify, _audit, _delete). */
export const JOB_OPERATIONS = ['load', 'notify', 'audit', 'delete'] as const;
export type JobOperation = (typeof JOB_OPERATIONS)[number];

/** Which reports a bulk delete takes; every field narrows, none given means none is taken. */
export interface DeleteFilter {
  kind?: string;
  status?: string;
  accountId?: string;
  ownerEmail?: string;
}

export interface JobCounts {
  /** Items (accounts or reports) looked at. */
  processed: number;
  /** Items on which the run appended at least one event. */
  changed: number;
  /** Items whose state refused the step (e.g. deleting an INCOMING report). */
  skipped: number;
  /** Items that threw; their ids are in the run's log, the job carries on. */
  failed: number;
}

export const JOB_STREAM_CATEGORY = 'job';
export const jobStream = (jobId: string) => `${JOB_STREAM_CATEGORY}-${jobId}`;

export type StartJob = Command<
  'StartJob',
  {
    jobId: string;
    tenantId: string;
    operation: JobOperation;
    filter: DeleteFilter | null;
    requestedBy: string;
    /** The moment the run judges as of (TTL, renewal windows); the request's time unless given. */
    asOf: string;
    /** When it started (wall clock): its duration runs from here. */
    at: string;
  }
>;
/** After each page: the cumulative counts and the last item done, where a resumed run picks up. */
export type RecordProgress = Command<
  'RecordProgress',
  { jobId: string; counts: JobCounts; cursor: string; at: string }
>;
export type CompleteJob = Command<'CompleteJob', { jobId: string; at: string }>;
export type JobCommand = StartJob | RecordProgress | CompleteJob;

export type JobStarted = Event<
  'JobStarted',
  {
    jobId: string;
    tenantId: string;
    operation: JobOperation;
    filter: DeleteFilter | null;
    requestedBy: string;
    asOf: string;
    startedAt: string;
  }
>;
export type JobProgressed = Event<
  'JobProgressed',
  { jobId: string; counts: JobCounts; cursor: string; at: string }
>;
export type JobCompleted = Event<
  'JobCompleted',
  { jobId: string; counts: JobCounts; durationMs: number; completedAt: string }
>;
export type JobEvent = JobStarted | JobProgressed | JobCompleted;

export type Job =
  | { status: 'NONE' }
  | {
      status: 'RUNNING' | 'COMPLETED';
      jobId: string;
      tenantId: string;
      operation: JobOperation;
      filter: DeleteFilter | null;
      requestedBy: string;
      asOf: string;
      startedAt: string;
      counts: JobCounts;
      cursor: string | null;
      lastProgressAt: string | null;
      completedAt: string | null;
      durationMs: number | null;
    };

export const ZERO_COUNTS: JobCounts = { processed: 0, changed: 0, skipped: 0, failed: 0 };

const conflict = (jobId: string, why: string) =>
  new DomainError('JOB.INVALID_TRANSITION', `Job ${jobId}: ${why}`, 'conflict', { jobId });

export function decideJob(command: JobCommand, state: Job): JobEvent[] {
  const { jobId } = command.data;
  switch (command.type) {
    case 'StartJob': {
      if (state.status !== 'NONE') return [];
      const { at, ...rest } = command.data;
      return [{ type: 'JobStarted', data: { ...rest, startedAt: at } }];
    }
    case 'RecordProgress': {
      if (state.status === 'NONE') throw conflict(jobId, 'not started');
      if (state.status === 'COMPLETED') throw conflict(jobId, 'already completed');
      // Two runners of one job (a restart racing the old process): the cursor only moves forward.
      if (state.cursor !== null && command.data.cursor <= state.cursor) return [];
      const { counts, cursor, at } = command.data;
      return [{ type: 'JobProgressed', data: { jobId, counts, cursor, at } }];
    }
    case 'CompleteJob': {
      if (state.status === 'NONE') throw conflict(jobId, 'not started');
      if (state.status === 'COMPLETED') return [];
      const durationMs = Math.max(0, Date.parse(command.data.at) - Date.parse(state.startedAt));
      return [
        {
          type: 'JobCompleted',
          data: { jobId, counts: state.counts, durationMs, completedAt: command.data.at },
        },
      ];
    }
    default: {
      const never: never = command;
      throw new Error(`unknown job command ${String((never as { type?: unknown }).type)}`);
    }
  }
}

export function evolveJob(state: Job, event: JobEvent): Job {
  switch (event.type) {
    case 'JobStarted': {
      const { startedAt, ...rest } = event.data;
      return {
        status: 'RUNNING',
        ...rest,
        startedAt,
        counts: ZERO_COUNTS,
        cursor: null,
        lastProgressAt: null,
        completedAt: null,
        durationMs: null,
      };
    }
    case 'JobProgressed':
      if (state.status === 'NONE') return state;
      return {
        ...state,
        counts: event.data.counts,
        cursor: event.data.cursor,
        lastProgressAt: event.data.at,
      };
    case 'JobCompleted':
      if (state.status === 'NONE') return state;
      return {
        ...state,
        status: 'COMPLETED',
        counts: event.data.counts,
        completedAt: event.data.completedAt,
        durationMs: event.data.durationMs,
      };
    default: {
      const never: never = event;
      return never;
    }
  }
}

export const jobDecider: Decider<Job, JobCommand, JobEvent> = {
  initialState: () => ({ status: 'NONE' }),
  decide: decideJob,
  evolve: evolveJob,
};
