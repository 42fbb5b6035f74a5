import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import type { TenantModelCommand } from './tenant-model.commands';
import { modelIdFor, slotOfModelId, tenantModelDecider } from './tenant-model.decider';
import type { TenantModelEvent, TenantModelTrained, TrainingStarted } from './tenant-model.events';

const spec = DeciderSpecification.for(tenantModelDecider);
const at = '2026-01-05T10:00:00.000Z';
const by = 'owner@acme.test';
const A = modelIdFor('CHURN', 'all', 'a'.repeat(64));
const B = modelIdFor('CHURN', 'all', 'b'.repeat(64));

const started = (modelId: string): TrainingStarted => ({
  type: 'TrainingStarted',
  data: {
    modelId,
    outcome: 'CHURN',
    segment: 'all',
    config: { algorithm: 'gbdt' },
    horizonDays: 90,
    lookbackDays: 90,
    requestedBy: by,
    startedAt: at,
  },
});
const trained = (modelId: string): TenantModelTrained =>
  ({
    type: 'TenantModelTrained',
    data: { modelId, version: `${modelId}-v` },
  }) as unknown as TenantModelTrained;
const promoted = (modelId: string, previousModelId: string | null = null): TenantModelEvent => ({
  type: 'TenantModelPromoted',
  data: { modelId, version: `${modelId}-v`, previousModelId, by, promotedAt: at },
});
const retired = (modelId: string, replacedBy: string | null = null): TenantModelEvent => ({
  type: 'TenantModelRetired',
  data: { modelId, replacedBy, by, retiredAt: at },
});
const cmd = (type: 'PromoteModel' | 'RetireModel' | 'ShadowModel', modelId: string): TenantModelCommand => ({
  type,
  data: { modelId, by, at },
});

describe('tenant model decider', () => {
  it('starts a run once: the same model id again records nothing', () => {
    const start: TenantModelCommand = {
      type: 'StartTraining',
      data: { ...started(A).data, by, at },
    } as TenantModelCommand;
    spec
      .given([])
      .when(start)
      .then([started(A)]);
    spec
      .given([started(A)])
      .when(start)
      .thenNothingHappened();
  });

  it('records a failure with its reason only while the run is training', () => {
    const fail: TenantModelCommand = {
      type: 'FailTraining',
      data: { modelId: A, reason: 'too few positives', trainingSet: null, profile: null, failedAt: at },
    };
    spec
      .given([started(A)])
      .when(fail)
      .then([{ type: 'TrainingFailed', data: fail.data } as TenantModelEvent]);
    spec
      .given([started(A), trained(A)])
      .when(fail)
      .thenNothingHappened();
  });

  it('promotes a trained model; promoting another retires the first in the same append', () => {
    spec
      .given([started(A), trained(A)])
      .when(cmd('PromoteModel', A))
      .then([promoted(A)]);
    spec
      .given([started(A), trained(A), promoted(A), started(B), trained(B)])
      .when(cmd('PromoteModel', B))
      .then([retired(A, B), promoted(B, A)]);
  });

  it('refuses to promote a run that is still training, failed or retired', () => {
    spec
      .given([started(A)])
      .when(cmd('PromoteModel', A))
      .thenThrows(DomainError, (e) => e.code === 'MODEL.INVALID_TRANSITION');
    spec
      .given([started(A), trained(A), retired(A)])
      .when(cmd('PromoteModel', A))
      .thenThrows(DomainError, (e) => e.code === 'MODEL.INVALID_TRANSITION');
  });

  it('does not know a model of another slot (or tenant): not found', () => {
    spec
      .given([])
      .when(cmd('RetireModel', A))
      .thenThrows(DomainError, (e) => e.code === 'MODEL.NOT_FOUND');
  });

  it('retiring the promoted model leaves the slot without one; shadowing needs a trained model', () => {
    const state = [started(A), trained(A), promoted(A), retired(A)].reduce(
      tenantModelDecider.evolve,
      tenantModelDecider.initialState(),
    );
    expect(state.promoted).toBeNull();
    spec
      .given([started(A), trained(A)])
      .when(cmd('ShadowModel', A))
      .then([{ type: 'ModelShadowed', data: { modelId: A, by, at } }]);
    spec
      .given([started(A), trained(A), promoted(A)])
      .when(cmd('ShadowModel', A))
      .thenThrows(DomainError, (e) => e.code === 'MODEL.INVALID_TRANSITION');
  });

  it('model ids name their slot', () => {
    expect(slotOfModelId(A)).toEqual({ outcome: 'CHURN', segment: 'all' });
    expect(slotOfModelId(modelIdFor('EXPANSION', 'all', 'c'.repeat(64)))).toEqual({
      outcome: 'EXPANSION',
      segment: 'all',
    });
    expect(slotOfModelId('churn-baseline')).toBeNull();
  });
});
