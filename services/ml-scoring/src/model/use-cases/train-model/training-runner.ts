import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { AccountHistories } from '../../../history/account-histories';
import { buildTrainingSet, TrainingSet } from '../../domain/point-in-time';
import type { TrainingStarted } from '../../domain/tenant-model.events';
import { DataProfile, train } from '../../domain/training';
import { ModelArtifacts } from '../../model-artifacts';
import { ModelSlots } from '../shared/model-slots';

/**
 * A run after its TrainingStarted is recorded: build the point-in-time set from the tenant's history
 * as of the run's start, train, store the artifact, record ModelTrained or TrainingFailed. Every
 * append is keyed by the model id, so a run executed twice (a retry, a second instance) records once.
 */
@Injectable()
export class TrainingRunner {
  private readonly logger = new Logger('Training');
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly slots: ModelSlots,
    private readonly histories: AccountHistories,
    private readonly artifacts: ModelArtifacts,
  ) {}

  /** Starts the run in the background; the caller has already answered 202. */
  start(tenantId: string, run: TrainingStarted['data']): void {
    const job = this.run(tenantId, run).catch((error: unknown) =>
      this.logger.error(`training run ${run.modelId} could not record its end: ${String(error)}`),
    );
    this.running.add(job);
    void job.finally(() => this.running.delete(job));
  }

  /** Resolves when every run this instance started has ended (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async run(tenantId: string, run: TrainingStarted['data']): Promise<void> {
    const { modelId, outcome, segment } = run;
    const slot = { outcome, segment };
    const origin = { actor: 'ml-scoring', causationId: modelId };
    const progress = (step: string, fraction: number, detail: string | null, n: number) =>
      this.slots.decide(
        tenantId,
        slot,
        {
          type: 'RecordTrainingProgress',
          data: { modelId, step, fraction, detail, at: new Date().toISOString() },
        },
        origin,
        `progress:${modelId}:${n}`,
      );
    let set: TrainingSet | null = null;
    try {
      const histories = await this.histories.all(tenantId);
      set = buildTrainingSet(histories, {
        outcome,
        horizonDays: run.horizonDays,
        lookbackDays: run.lookbackDays,
        asOf: run.startedAt,
      });
      const d = set.description;
      await progress(
        'training-set',
        0.1,
        `${d.rows} samples (${d.positives} positive) from ${d.accounts} accounts, cut-offs ${d.cutoffs.first ?? '-'} … ${d.cutoffs.last ?? '-'}`,
        0,
      );
      const steps: { step: string; fraction: number }[] = [];
      const started = performance.now();
      // Synchronous and CPU-bound: the pipeline's steps are recorded once it returns.
      const result = train(set.samples, run.config, (p) => steps.push(p));
      const trainingMs = Math.round(performance.now() - started);
      for (const [i, s] of coarse(steps).entries())
        await progress(s.step, 0.1 + 0.85 * s.fraction, null, i + 1);

      if (!result.ok) {
        this.logger.warn(`training run ${modelId} failed: ${result.reason}`);
        await this.fail(tenantId, run, result.reason, set, result.profile ?? null);
        return;
      }
      const m = result.model;
      const stream = await this.artifacts.save(tenantId, {
        modelId,
        fingerprint: m.fingerprint,
        artifact: m.artifact,
      });
      await this.slots.decide(
        tenantId,
        slot,
        {
          type: 'CompleteTraining',
          data: {
            trained: {
              modelId,
              version: `${modelId}-${m.fingerprint.slice(0, 12)}`,
              outcome,
              segment,
              algorithm: run.config.algorithm,
              trainedAt: new Date().toISOString(),
              trainingMs,
              trainingSet: set.description,
              config: run.config,
              featureList: m.featureList,
              threshold: m.threshold,
              metrics: m.metrics,
              split: m.split,
              curves: m.curves,
              profile: m.profile,
              importance: m.importance,
              fingerprint: m.fingerprint,
              artifactStream: stream,
            },
          },
        },
        origin,
        `trained:${modelId}`,
      );
      this.logger.log(
        `trained ${modelId} (${run.config.algorithm}, ${outcome}) in ${trainingMs} ms on ${set.description.rows} samples: ` +
          `CV ROC-AUC ${m.metrics.cv.rocAuc.mean.toFixed(4)} ± ${m.metrics.cv.rocAuc.std.toFixed(4)}, test ROC-AUC ${m.metrics.test.rocAuc.toFixed(4)}`,
      );
    } catch (error) {
      this.logger.error(`training run ${modelId} crashed: ${String(error)}`);
      await this.fail(tenantId, run, `training crashed: ${String(error)}`, set, null);
    }
  }

  private async fail(
    tenantId: string,
    run: TrainingStarted['data'],
    reason: string,
    set: TrainingSet | null,
    profile: DataProfile | null,
  ): Promise<void> {
    await this.slots.decide(
      tenantId,
      { outcome: run.outcome, segment: run.segment },
      {
        type: 'FailTraining',
        data: buildFailure(profile, run.modelId, reason, set),
      },
      { actor: 'ml-scoring', causationId: run.modelId },
      `failed:${run.modelId}`,
    );
  }
}

function buildFailure(profile: DataProfile | null, modelId: string, reason: string, set: TrainingSet | null) {
  return {
    modelId,
    reason,
    trainingSet: set?.description ?? null,
    profile,
    failedAt: new Date().toISOString(),
  };
}

/** One progress event per pipeline step (the last report of each), not one per tree. */
function coarse(steps: readonly { step: string; fraction: number }[]): { step: string; fraction: number }[] {
  const last = new Map<string, number>();
  for (const s of steps) last.set(s.step, s.fraction);
  return [...last.entries()].map(([step, fraction]) => ({ step, fraction }));
}
