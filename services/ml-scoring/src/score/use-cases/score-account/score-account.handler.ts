import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import { EventStore, handle } from '@foresight/eventstore';
import { CONFIG } from '@foresight/service-kit';
import type { MlScoringConfig } from '../../../config';
import { PromotedModels } from '../../../model/promoted-models';
import { accountScoreDecider, scoreStream } from '../../domain/account-score.decider';
import type { AccountScoreEvent } from '../../domain/account-score.events';
import type { ScoreAccountRequest } from './score-account.command';

@Injectable()
export class ScoreAccountHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly models: PromotedModels,
    @Inject(CONFIG) private readonly config: MlScoringConfig,
  ) {}

  /**
   * Keyed by (account, model version, input event): a redelivered input finds its events already on
   * the stream and appends nothing, while the same input under a newly promoted model scores again.
   */
  async execute(request: ScoreAccountRequest, now = new Date()): Promise<AccountScoreEvent[]> {
    const model = this.models.churnModel();
    const { tenantId, accountId, input, cause, origin } = request;
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
          model: { version: model.version, scorer: model.artifact },
          minChange: this.config.SCORE_MIN_CHANGE,
          at: now.toISOString(),
        },
      },
      {
        metadata: { tenantId, ...origin, actor: 'ml-scoring' },
        idempotencyKey: `score:${accountId}:${model.version}:${cause.eventId}`,
      },
    );
    return result.events;
  }
}
