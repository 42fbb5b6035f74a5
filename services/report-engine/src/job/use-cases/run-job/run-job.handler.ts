import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { AccountReadModels } from '../../../account/account-read-models';
import { reportsProjection } from '../../../report/projections/reports.projection';
import { AuditReportsHandler } from '../../../report/use-cases/audit-reports/audit-reports.handler';
import { RaiseReportHandler } from '../../../report/use-cases/raise-report/raise-report.handler';
import { Cause } from '../../../report/use-cases/shared/cause';
import { isRefusedTransition } from '../../../report/use-cases/shared/refused';
import { ReportLoader } from '../../../report/use-cases/shared/report-loader';
import { ReportStreams } from '../../../report/use-cases/shared/report-streams';
import { Job, JobCounts } from '../../domain/job.decider';
import { JobStreams } from '../../job-streams';
import { RunJobCommand } from './run-job.command';

type Running = Exclude<Job, { status: 'NONE' }>;
interface Item {
  id: string;
  accountId: string;
}

/** Items per page, and so per progress event: a restart repeats at most this many (idempotently). */
const PAGE = 100;
const OPEN = ['CREATED', 'NOTIFIED', 'FEEDBACK_PROVIDED'];

/**
 * The admin batch operations, each a job stream: load (every known account judged, as a score or a
 * record change would), notify (every report owed a notification), audit (every open report against
 * its sources and TTL, then its account judged again) and delete (every report matching a filter).
 * Each item runs through the same handler the reactive consumers use, with idempotency keys rooted
 * in the job id, so a second run changes nothing and a run resumed after a restart repeats its last
 * page without effect. Progress is recorded after every page.
 */
@Injectable()
export class RunJobHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RunJob');
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly jobs: JobStreams,
    private readonly readModels: ReadModels,
    private readonly accounts: AccountReadModels,
    private readonly raise: RaiseReportHandler,
    private readonly audit: AuditReportsHandler,
    private readonly loader: ReportLoader,
    private readonly streams: ReportStreams,
  ) {}

  /** Records the start and runs the job in the background; its progress is read with GET /v1/admin/jobs/:id. */
  async start(command: RunJobCommand): Promise<Job> {
    const { jobId, tenantId, operation, filter, requestedBy, asOf, at } = command;
    const job = await this.jobs.decide(
      tenantId,
      { type: 'StartJob', data: { jobId, tenantId, operation, filter, requestedBy, asOf, at } },
      requestedBy,
    );
    this.launch(jobId);
    return job;
  }

  /** The jobs a restart interrupted carry on from their last recorded page. */
  onApplicationBootstrap(): void {
    void this.jobs
      .unfinished()
      .then((ids) => {
        if (ids.length) this.logger.log(`resuming ${ids.length} interrupted job(s): ${ids.join(', ')}`);
        for (const id of ids) this.launch(id);
      })
      .catch((err: Error) => this.logger.error(`could not look for interrupted jobs: ${err.message}`));
  }

  /** Before the backbone closes the event store: the page in hand finishes and is recorded. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.running.values());
  }

  /** Waits for a job this process runs (tests, shutdown); resolves at once for one it does not. */
  async settled(jobId: string): Promise<void> {
    await this.running.get(jobId);
  }

  private launch(jobId: string): void {
    if (this.running.has(jobId)) return;
    const run = this.run(jobId)
      .catch((err: Error) => this.logger.error(`job ${jobId} stopped: ${err.message}`))
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, run);
  }

  private async run(jobId: string): Promise<void> {
    const job = await this.jobs.load(jobId);
    if (job.status !== 'RUNNING') return;
    const cause: Cause = { actor: job.requestedBy, correlationId: jobId };
    const now = new Date(job.asOf);
    const counts: JobCounts = { ...job.counts };
    let cursor = job.cursor;
    for (;;) {
      // Stopping mid-run leaves the job RUNNING at its last page: the next start resumes it.
      if (this.stopping) return;
      const page = await this.page(job, cursor);
      if (!page.length) break;
      const judged = new Set<string>();
      for (const item of page) {
        counts.processed++;
        try {
          const appended = await this.step(job, item, now, cause, judged);
          if (appended > 0) counts.changed++;
          else if (appended < 0) counts.skipped++;
        } catch (err) {
          counts.failed++;
          this.logger.error(
            `job ${jobId} (${job.operation}) failed on ${item.id}: ${(err as Error).message}`,
          );
        }
      }
      cursor = page[page.length - 1]?.id ?? cursor;
      await this.jobs.decide(
        job.tenantId,
        {
          type: 'RecordProgress',
          data: { jobId, counts: { ...counts }, cursor, at: new Date().toISOString() },
        },
        job.requestedBy,
      );
      if (page.length < PAGE) break;
    }
    await this.jobs.decide(
      job.tenantId,
      { type: 'CompleteJob', data: { jobId, at: new Date().toISOString() } },
      job.requestedBy,
    );
  }

  private async page(job: Running, cursor: string | null): Promise<Item[]> {
    const { tenantId } = job;
    if (job.operation === 'load')
      return (await this.accounts.accountIds(tenantId, cursor, PAGE)).map((id) => ({ id, accountId: id }));
    const filter: Record<string, unknown> = cursor ? { _id: { $gt: cursor } } : {};
    switch (job.operation) {
      case 'notify':
        filter['status'] = { $in: ['INCOMING', ...OPEN] };
        break;
      case 'audit':
        filter['status'] = { $in: OPEN };
        break;
      case 'delete': {
        const f = job.filter ?? {};
        if (f.kind) filter['kind'] = f.kind;
        if (f.status) filter['status'] = f.status;
        if (f.accountId) filter['accountId'] = f.accountId;
        if (f.ownerEmail) filter['ownerEmail'] = f.ownerEmail.toLowerCase();
        break;
      }
      default: {
        const never: never = job.operation;
        throw new Error(`unknown job operation ${String(never)}`);
      }
    }
    const docs = await this.readModels
      .of(reportsProjection)
      .find(tenantId, filter, { sort: { _id: 1 }, limit: PAGE });
    return docs.map((d) => ({ id: d._id, accountId: d.accountId }));
  }

  /** Events appended for the item; -1 when its state refused the step. */
  private async step(
    job: Running,
    item: Item,
    now: Date,
    cause: Cause,
    judged: Set<string>,
  ): Promise<number> {
    const { tenantId, jobId } = job;
    const judge = async () => {
      if (judged.has(item.accountId)) return 0;
      judged.add(item.accountId);
      return this.raise.execute({
        tenantId,
        accountId: item.accountId,
        triggerId: `${jobId}:${item.accountId}`,
        asOf: now.toISOString(),
        cause,
        now,
      });
    };
    switch (job.operation) {
      case 'load':
        return judge();
      case 'notify':
        return this.loader.load(tenantId, item.id, cause, jobId, now);
      case 'audit': {
        // Judge first, while the report is still open: its signal is refreshed or cleared on it. Judged
        // after a TTL expiry, the same old score would open the next generation at once, and a
        // report that aged out would come straight back; a new report needs a new signal or a load.
        const judgedNow = await judge();
        const ended = await this.audit.auditOne({
          tenantId,
          reportId: item.id,
          triggerId: jobId,
          cause,
          now,
        });
        return judgedNow + ended;
      }
      case 'delete':
        try {
          const { events } = await this.streams.decide(
            tenantId,
            {
              type: 'DeleteReport',
              data: {
                reportId: item.id,
                by: job.requestedBy,
                reason: `bulk delete ${jobId}`,
                at: now.toISOString(),
              },
            },
            cause,
            `${jobId}:delete:${item.id}`,
          );
          return events.length;
        } catch (err) {
          if (isRefusedTransition(err)) return -1;
          throw err;
        }
      default: {
        const never: never = job.operation;
        throw new Error(`unknown job operation ${String(never)}`);
      }
    }
  }
}
