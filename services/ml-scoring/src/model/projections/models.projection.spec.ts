import { trainBaseline } from '../domain/baseline-training';
import { BASELINE_MODEL_ID, decide, PLATFORM_TENANT } from '../domain/model.decider';
import { initialModelLineage } from '../domain/model.state';
import { modelsProjection } from './models.projection';

const at = '2025-07-01T08:00:00.000Z';
const { model, trainingSet } = trainBaseline(
  { seed: 3, accounts: 300, weeks: 26, asOf: '2025-06-16T09:00:00.000Z' },
  at,
);
const { featureNames, means, stds, weights, bias, threshold } = model;
const [trained, promoted] = decide(
  {
    type: 'AdoptBaseline',
    data: {
      trained: {
        modelId: BASELINE_MODEL_ID,
        version: model.version,
        outcome: 'CHURN',
        algorithm: 'logistic_regression',
        trainedAt: at,
        trainingMs: 40,
        trainingSet,
        artifact: { featureNames, means, stds, weights, bias, threshold },
        metrics: model.metrics,
      },
      at,
    },
  },
  initialModelLineage(),
);
const asProjected = (e: typeof trained, revision: number) =>
  ({
    id: `e${revision}`,
    type: e!.type,
    data: e!.data,
    stream: `model-${BASELINE_MODEL_ID}`,
    revision,
    tenantId: PLATFORM_TENANT,
    occurredAt: new Date(at),
  }) as Parameters<typeof modelsProjection.evolve>[1];

describe('ml-models projection', () => {
  it('lists a trained model with its metrics, then marks it promoted', () => {
    const doc = modelsProjection.evolve(null, asProjected(trained, 0));
    expect(doc).toMatchObject({
      modelId: BASELINE_MODEL_ID,
      version: model.version,
      status: 'trained',
      promotedAt: null,
      trainingMs: 40,
      featureCount: featureNames.length,
      metrics: { rocAuc: model.metrics.rocAuc },
    });
    expect(doc).not.toHaveProperty('artifact');
    expect(modelsProjection.evolve(doc, asProjected(promoted, 1))).toMatchObject({
      status: 'promoted',
      promotedAt: at,
    });
  });

  it('puts both events of a version on one document', () => {
    expect(modelsProjection.id(asProjected(trained, 0))).toBe(modelsProjection.id(asProjected(promoted, 1)));
  });

  it('marks a promoted version retired when another takes its place, and promoted again if it returns', () => {
    const live = modelsProjection.evolve(
      modelsProjection.evolve(null, asProjected(trained, 0)),
      asProjected(promoted, 1),
    );
    const retiredAt = '2025-08-01T08:00:00.000Z';
    const retired = modelsProjection.evolve(live, {
      ...asProjected(promoted, 2),
      type: 'ModelRetired',
      data: {
        modelId: BASELINE_MODEL_ID,
        version: model.version,
        replacedBy: 'churn-lr-000000000000',
        retiredAt,
      },
    } as Parameters<typeof modelsProjection.evolve>[1]);
    expect(retired).toMatchObject({ status: 'retired', retiredAt, promotedAt: at });
    expect(modelsProjection.evolve(retired, asProjected(promoted, 3))).toMatchObject({
      status: 'promoted',
      retiredAt: null,
    });
  });
});
