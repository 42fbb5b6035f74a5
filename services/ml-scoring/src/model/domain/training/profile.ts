import type { DataProfile, FeatureProfile, TrainingSample } from './types';

/**
 * Data-quality profile stored with the model: rows, class balance, duplicates, and per feature its
 * kind, how often it is missing (null or absent) and how many distinct values it takes.
 */
export function profileData(
  samples: readonly TrainingSample[],
  features: readonly string[],
  duplicates: DataProfile['duplicates'] = { ids: 0, conflictingLabels: 0 },
): DataProfile {
  const rows = samples.length;
  const positives = samples.reduce((n, s) => n + s.label, 0);
  const out: Record<string, FeatureProfile> = {};
  for (const name of features) {
    let missing = 0;
    let strings = 0;
    const distinct = new Set<number | string>();
    for (const s of samples) {
      const v = s.features[name];
      if (v === null || v === undefined) missing++;
      else {
        if (typeof v === 'string') strings++;
        distinct.add(v);
      }
    }
    out[name] = {
      kind: strings > 0 ? 'categorical' : 'numeric',
      missing,
      missingFraction: rows > 0 ? missing / rows : 0,
      distinct: distinct.size,
    };
  }
  return {
    rows,
    positives,
    negatives: rows - positives,
    positiveRate: rows > 0 ? positives / rows : 0,
    duplicates,
    features: out,
  };
}

/** Every feature name any sample carries, sorted. */
export function featureNames(samples: readonly TrainingSample[]): string[] {
  const names = new Set<string>();
  for (const s of samples) for (const k of Object.keys(s.features)) names.add(k);
  return [...names].sort();
}
