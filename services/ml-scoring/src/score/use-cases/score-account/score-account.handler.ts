import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EVENT_STORE } from '@foresight/backbone';
import { EventStore, handle } from '@foresight/eventstore';
import { CONFIG } from '@foresight/service-kit';
import type { MlScoringConfig } from '../../../config';
import { AccountHistories } from '../../../history/account-histories';
import { BASELINE_MODEL_ID } from '../../../model/domain/model.decider';
import { featuresAsOf } from '../../../model/domain/point-in-time';
import { PromotedModels } from '../../../model/promoted-models';
import { ServedTenantModel, ServingModels } from '../../../model/serving-models';
import type { AccountHistory } from '../../../history/domain/account-history';
import type { ScoringModel, TenantScoringModel } from '../../domain/account-score.commands';
import { accountScoreDecider, scoreStream } from '../../domain/account-score.decider';
import type { AccountScoreEvent } from '../../domain/account-score.events';
import type { ScoreAccountRequest } from './score-account.command';

@Injectable()
export class ScoreAccountHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly models: PromotedModels,
    private readonly serving: ServingModels,
    private readonly histories: AccountHistories,
    @Inject(CONFIG) private readonly config: MlScoringConfig,
  ) {}

  /**
   * Keyed by (account, model versions, input event): a redelivered input finds its events already on
   * the stream and appends nothing, while the same input under a newly promoted model scores again.
   */
  async execute(request: ScoreAccountRequest, now = new Date()): Promise<AccountScoreEvent[]> {
    const { tenantId, accountId, input, cause, origin } = request;
    const at = now.toISOString();
    const { models, shadows } = await this.modelsFor(tenantId, accountId, at);
    const versions = createHash('sha256')
      .update([...models, ...shadows].map((m) => m.version).join(','))
      .digest('hex')
      .slice(0, 16);
    const result = await handle(
      this.store,
      scoreStream(accountId),
      accountScoreDecider,
      {
        type: 'ScoreAccount',
        data: {
          tenantId,
          accountId,
          input,
          cause,
          models,
          shadows,
          minChange: this.config.SCORE_MIN_CHANGE,
          at,
        },
      },
      {
        metadata: { tenantId, ...origin, actor: 'ml-scoring' },
        idempotencyKey: `score:${accountId}:${versions}:${cause.eventId}`,
      },
    );
    return result.events;
  }

  /**
   * The tenant's promoted model per outcome, fed the features its history gives as of now; CHURN
   * falls back to the platform baseline, by name, when the tenant has no promoted CHURN model or
   * ml-scoring holds no history for the account.
   */
  private async modelsFor(
    tenantId: string,
    accountId: string,
    at: string,
  ): Promise<{ models: ScoringModel[]; shadows: TenantScoringModel[] }> {
    const [promoted, candidates, history] = await Promise.all([
      this.serving.promoted(tenantId),
      this.serving.shadows(tenantId),
      this.histories.of(tenantId, accountId),
    ]);
    const tenantModel = (m: ServedTenantModel, h: AccountHistory): TenantScoringModel => ({
      kind: 'tenant',
      outcome: m.outcome,
      modelId: m.modelId,
      version: m.version,
      segment: m.segment,
      artifact: m.artifact,
      inputs: featuresAsOf(h, at, m.lookbackDays),
    });
    const out: ScoringModel[] = history ? promoted.map((m) => tenantModel(m, history)) : [];
    const shadows = history ? candidates.map((m) => tenantModel(m, history)) : [];
    if (!out.some((m) => m.outcome === 'CHURN')) {
      const baseline = this.models.churnModel();
      const hasChurnModel = promoted.some((m) => m.outcome === 'CHURN');
      out.push({
        kind: 'baseline',
        outcome: 'CHURN',
        modelId: BASELINE_MODEL_ID,
        version: baseline.version,
        scorer: baseline.artifact,
        fallbackReason: hasChurnModel
          ? "platform baseline: ml-scoring holds no record or usage history for this account, which the tenant's CHURN model reads"
          : 'platform baseline: the tenant has no promoted CHURN model',
      });
    }
    return { models: out, shadows };
  }
}
