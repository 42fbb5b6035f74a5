import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CONFIG } from '@foresight/service-kit';
import type { MlScoringConfig } from '../../../config';
import { AdoptBaselineHandler } from './adopt-baseline.handler';

/**
 * Runs in onModuleInit, which Nest finishes for every module before any onApplicationBootstrap:
 * consumers start there, so no event is scored before a model is served.
 */
@Injectable()
export class AdoptBaselineOnStart implements OnModuleInit {
  constructor(
    private readonly handler: AdoptBaselineHandler,
    @Inject(CONFIG) private readonly config: MlScoringConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.handler.execute({
      seed: this.config.BASELINE_SEED,
      accounts: this.config.BASELINE_ACCOUNTS,
      weeks: this.config.BASELINE_WEEKS,
      asOf: this.config.BASELINE_AS_OF,
    });
  }
}
