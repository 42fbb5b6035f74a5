import { validateTrainingConfig } from './config';
import type { TrainingConfig } from './types';

describe('validateTrainingConfig', () => {
  it('accepts a minimal and a full configuration', () => {
    expect(validateTrainingConfig({ algorithm: 'gbdt' })).toEqual([]);
    expect(
      validateTrainingConfig({
        algorithm: 'random_forest',
        hyperparameters: { trees: 50, maxDepth: 8 },
        features: ['a', 'b'],
        imputation: 'constant',
        imputationConstant: -1,
        scaling: 'robust',
        cvFolds: 3,
        testFraction: 0.25,
        threshold: { rule: 'target_precision', precision: 0.8 },
        seed: 7,
        minPositives: 20,
      }),
    ).toEqual([]);
  });

  it('names each bad field', () => {
    const bad = {
      algorithm: 'gbdt',
      hyperparameters: { trees: 10, learningRate: 0, maxDepth: 2.5 },
      features: ['a', 'a'],
      imputation: 'guess',
      scaling: 'log',
      cvFolds: 1,
      testFraction: 0.9,
      threshold: { rule: 'fixed', value: 1 },
      seed: -1,
      minPositives: 0,
    } as unknown as TrainingConfig;
    expect(validateTrainingConfig(bad).map((e) => e.field)).toEqual([
      'hyperparameters.trees',
      'hyperparameters.learningRate',
      'hyperparameters.maxDepth',
      'features',
      'imputation',
      'scaling',
      'cvFolds',
      'testFraction',
      'threshold.value',
      'seed',
      'minPositives',
    ]);
  });

  it('refuses an unknown algorithm and a hyperparameter of another algorithm', () => {
    expect(validateTrainingConfig({ algorithm: 'svm' } as unknown as TrainingConfig)[0]?.field).toBe(
      'algorithm',
    );
    const errors = validateTrainingConfig({
      algorithm: 'logistic_regression',
      hyperparameters: { trees: 10 },
    });
    expect(errors).toEqual([
      {
        field: 'hyperparameters.trees',
        errors: ['unknown for logistic_regression; known: C, maxIterations, balanced'],
      },
    ]);
  });
});
