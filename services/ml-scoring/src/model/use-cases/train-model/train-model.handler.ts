import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import type { TrainingStarted } from '../../domain/tenant-model.events';
import { ModelSlots } from '../shared/model-slots';
import { trainModelCommand } from './train-model.command';
import type { TrainModelRequest } from './train-model.request';
import { TrainingRunner } from './training-runner';

export interface TrainModel {
  principal: Principal;
  body: TrainModelRequest;
  /** The client's Idempotency-Key, else the request id: the same key finds the same run. */
  requestKey: string;
  requestId: string;
}

@Injectable()
export class TrainModelHandler {
  constructor(
    private readonly slots: ModelSlots,
    private readonly runner: TrainingRunner,
  ) {}

  /** Records the run, then trains in the background; answers with the run's model id at once. */
  async execute(request: TrainModel, now = new Date()): Promise<{ modelId: string; status: 'training' }> {
    const { principal } = request;
    const command = trainModelCommand(principal, request.body, request.requestKey, now.toISOString());
    const { modelId, outcome, segment } = command.data;
    const result = await this.slots.decide(
      principal.tenantId,
      { outcome, segment },
      command,
      { actor: command.data.by, correlationId: request.requestId, causationId: request.requestId },
      `train:${modelId}`,
    );
    const started = result.events.find((e): e is TrainingStarted => e.type === 'TrainingStarted');
    if (started) this.runner.start(principal.tenantId, started.data);
    return { modelId, status: 'training' };
  }
}
