import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { JobEvent, jobDecider, ZERO_COUNTS } from './job.decider';

const spec = DeciderSpecification.for(jobDecider);
const jobId = 'job-1';
const started: JobEvent = {
  type: 'JobStarted',
  data: {
    jobId,
    tenantId: 't-1',
    operation: 'audit',
    filter: null,
    requestedBy: 'admin@t1.test',
    asOf: '2025-09-01T00:00:00.000Z',
    startedAt: '2025-06-16T09:00:00.000Z',
  },
};
const counts = { ...ZERO_COUNTS, processed: 100, changed: 3 };
const progressed: JobEvent = {
  type: 'JobProgressed',
  data: { jobId, counts, cursor: 'r-100', at: '2025-06-16T09:00:05.000Z' },
};

describe('job not started', () => {
  it('StartJob starts it; progress before a start is refused', () => {
    spec
      .given([])
      .when({ type: 'StartJob', data: { ...started.data, at: started.data.startedAt } } as never)
      .then(started);
    spec
      .given([])
      .when({ type: 'RecordProgress', data: { jobId, counts, cursor: 'r-1', at: 'x' } })
      .thenThrows(DomainError, (e) => e.code === 'JOB.INVALID_TRANSITION');
  });
});

describe('job RUNNING', () => {
  it('records progress with the cursor a resumed run starts after; never moves the cursor back', () => {
    spec
      .given([started])
      .when({
        type: 'RecordProgress',
        data: { jobId, counts, cursor: 'r-100', at: '2025-06-16T09:00:05.000Z' },
      })
      .then(progressed);
    spec
      .given([started, progressed])
      .when({
        type: 'RecordProgress',
        data: { jobId, counts, cursor: 'r-050', at: '2025-06-16T09:00:06.000Z' },
      })
      .thenNothingHappened();
  });

  it('completes with the counts so far and the duration from its start', () => {
    spec
      .given([started, progressed])
      .when({ type: 'CompleteJob', data: { jobId, at: '2025-06-16T09:00:07.500Z' } })
      .then({
        type: 'JobCompleted',
        data: { jobId, counts, durationMs: 7500, completedAt: '2025-06-16T09:00:07.500Z' },
      });
  });
});

describe('job COMPLETED', () => {
  const done: JobEvent = {
    type: 'JobCompleted',
    data: { jobId, counts, durationMs: 7500, completedAt: '2025-06-16T09:00:07.500Z' },
  };

  it('a second completion is a no-op; progress after it is refused', () => {
    spec
      .given([started, progressed, done])
      .when({ type: 'CompleteJob', data: { jobId, at: '2025-06-16T09:01:00.000Z' } })
      .thenNothingHappened();
    spec
      .given([started, progressed, done])
      .when({ type: 'RecordProgress', data: { jobId, counts, cursor: 'r-200', at: 'x' } })
      .thenThrows(DomainError, (e) => e.code === 'JOB.INVALID_TRANSITION');
  });
});
