import { generate } from '@foresight/datagen';
import { ChurnModel, train } from './churn-model';
import { demoTrainingSet } from './demo-training-set';
import type { TrainingSetDescription } from './model.events';

export interface BaselineSettings {
  /** Seeds both the generated accounts and the training (split, batch order). */
  seed: number;
  accounts: number;
  weeks: number;
  /**
   * The generated data's "now". Fixed rather than today's date: the data, hence the model version,
   * must be the same on every instance and every restart.
   */
  asOf: string;
}

/** The baseline churn model on seeded demo accounts: deterministic for given settings. */
export function trainBaseline(
  settings: BaselineSettings,
  now: string,
): { model: ChurnModel; trainingSet: TrainingSetDescription } {
  const lookbackDays = settings.weeks * 7;
  const data = generate({
    seed: `baseline-${settings.seed}`,
    accounts: settings.accounts,
    weeks: settings.weeks,
    now: settings.asOf,
  });
  const set = demoTrainingSet(data, { asOf: settings.asOf, lookbackDays });
  const model = train(set.rows, set.labels, { now, seed: settings.seed });
  return {
    model,
    trainingSet: {
      source: 'demo',
      seed: settings.seed,
      accounts: settings.accounts,
      weeks: settings.weeks,
      asOf: settings.asOf,
      lookbackDays,
      rows: set.rows.length,
      positives: set.labels.filter((l) => l === 1).length,
    },
  };
}
