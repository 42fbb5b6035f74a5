import { Controller } from '@nestjs/common';
import { GrpcMethod, RpcException } from '@nestjs/microservices';
import type { Metadata } from '@grpc/grpc-js';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { AuthError, Authenticator, credentialOf } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import { OUTCOMES, Outcome, FeatureValues } from '../../domain/point-in-time';
import type { Prediction } from '../../domain/training';
import { ModelSelector, PredictHandler } from './predict.handler';
import { MAX_PREDICT_BATCH } from './predict.query';

interface WireFeatures {
  account_id?: string;
  numbers?: Record<string, number>;
  categories?: Record<string, string>;
}
interface WireSelector {
  model_id?: string;
  outcome?: string;
}

const MODEL_ID = /^[a-z0-9_-]{1,80}$/;

function fail(code: GrpcStatus, message: string): never {
  throw new RpcException({ code, message });
}

function selectorOf(wire: WireSelector | undefined): ModelSelector {
  const modelId = wire?.model_id || undefined;
  const outcome = wire?.outcome || undefined;
  if (modelId && outcome) fail(GrpcStatus.INVALID_ARGUMENT, 'model: give model_id or outcome, not both');
  if (modelId && !MODEL_ID.test(modelId))
    fail(GrpcStatus.INVALID_ARGUMENT, 'model.model_id is not a model id');
  if (outcome && !(OUTCOMES as readonly string[]).includes(outcome))
    fail(GrpcStatus.INVALID_ARGUMENT, `model.outcome must be one of ${OUTCOMES.join(', ')}`);
  return { modelId, outcome: outcome as Outcome | undefined };
}

function valuesOf(
  wire: WireFeatures | undefined,
  field: string,
): { accountId: string; values: FeatureValues } {
  if (!wire?.account_id) fail(GrpcStatus.INVALID_ARGUMENT, `${field}.account_id is required`);
  const values: FeatureValues = {};
  for (const [k, v] of Object.entries(wire.numbers ?? {}))
    if (Number.isFinite(v)) values[k] = v;
    else fail(GrpcStatus.INVALID_ARGUMENT, `${field}.numbers.${k} must be a finite number`);
  for (const [k, v] of Object.entries(wire.categories ?? {})) values[k] = v;
  return { accountId: wire.account_id, values };
}

const wirePrediction = (p: Prediction & { accountId: string }) => ({
  account_id: p.accountId,
  probability: p.probability,
  prediction: p.prediction,
  confidence: p.confidence,
  top_factors: p.topFactors.map((f) => ({ feature: f.feature, contribution: f.contribution })),
});

/**
 * `scoring.v1.Scoring`: the REST predict routes' rules over gRPC. The HTTP guard does not run here,
 * so the credential in the call metadata is checked first (UNAUTHENTICATED, then PERMISSION_DENIED),
 * before the request is read; the tenant is the credential's.
 */
@Controller()
export class PredictGrpcController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly handler: PredictHandler,
  ) {}

  @GrpcMethod('Scoring', 'Predict')
  async predict(
    request: { model?: WireSelector; account?: WireFeatures },
    metadata: Metadata,
  ): Promise<object> {
    const principal = await this.authenticate(metadata);
    const selector = selectorOf(request.model);
    const account = valuesOf(request.account, 'account');
    const { model, predictions } = await this.run(() =>
      this.handler.values(principal.tenantId, [account], selector),
    );
    const [p] = predictions;
    return {
      model_id: model.modelId,
      model_version: model.version,
      outcome: model.outcome,
      prediction: p ? wirePrediction(p) : null,
    };
  }

  @GrpcMethod('Scoring', 'PredictBatch')
  async predictBatch(
    request: { model?: WireSelector; accounts?: WireFeatures[] },
    metadata: Metadata,
  ): Promise<object> {
    const principal = await this.authenticate(metadata);
    const selector = selectorOf(request.model);
    const wire = request.accounts ?? [];
    if (wire.length < 1 || wire.length > MAX_PREDICT_BATCH)
      fail(GrpcStatus.INVALID_ARGUMENT, `accounts must hold 1–${MAX_PREDICT_BATCH} accounts`);
    const accounts = wire.map((a, i) => valuesOf(a, `accounts.${i}`));
    const { model, predictions } = await this.run(() =>
      this.handler.values(principal.tenantId, accounts, selector),
    );
    return {
      model_id: model.modelId,
      model_version: model.version,
      outcome: model.outcome,
      predictions: predictions.map(wirePrediction),
    };
  }

  private async authenticate(metadata: Metadata): Promise<Principal> {
    const header = (name: string) => metadata.get(name).map(String);
    const credential = credentialOf({
      authorization: header('authorization'),
      'x-api-key': header('x-api-key'),
    });
    if (!credential)
      fail(GrpcStatus.UNAUTHENTICATED, 'send `authorization: Bearer <jwt | API key>` or `x-api-key`');
    try {
      const { principal } = await this.authenticator.authenticate(credential, ['models:read']);
      if (!principal.permissions.includes('models:read'))
        fail(GrpcStatus.PERMISSION_DENIED, 'missing permission models:read');
      return principal;
    } catch (error) {
      if (error instanceof AuthError)
        fail(error.status === 401 ? GrpcStatus.UNAUTHENTICATED : GrpcStatus.PERMISSION_DENIED, error.message);
      throw error;
    }
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError)
        fail(error.kind === 'not_found' ? GrpcStatus.NOT_FOUND : GrpcStatus.INVALID_ARGUMENT, error.message);
      throw error;
    }
  }
}
