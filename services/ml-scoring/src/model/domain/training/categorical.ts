/** Token for a missing category when it is kept as a level of its own. */
export const MISSING_CATEGORY = '(missing)';
/** Column every rare or unseen category falls into. */
export const OTHER_CATEGORY = '(other)';

export interface CategoricalEncoding {
  /** Levels that get their own indicator, sorted; everything else maps to OTHER_CATEGORY. */
  categories: string[];
  /** What a missing value becomes: its own level (MISSING_CATEGORY) or an imputed level (the mode). */
  missingAs: string;
}

/**
 * One-hot with a minimum frequency (the industry encoder): a level seen in fewer than `minCount`
 * training rows is folded into "(other)", because a category with three rows is memorised, not
 * learned. `imputeWithMode` replaces a missing value with the most frequent level; otherwise missing
 * is a level of its own, which keeps "the CRM has no industry" as a signal.
 */
export function fitCategorical(
  values: readonly (string | null)[],
  minCount: number,
  imputeWithMode: boolean,
): CategoricalEncoding {
  const counts = new Map<string, number>();
  for (const v of values) {
    const key = v === null ? MISSING_CATEGORY : v;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let mode = OTHER_CATEGORY;
  let modeCount = 0;
  for (const [k, n] of [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (k !== MISSING_CATEGORY && n > modeCount) {
      mode = k;
      modeCount = n;
    }
  }
  const missingAs = imputeWithMode ? mode : MISSING_CATEGORY;
  if (imputeWithMode) {
    counts.set(mode, (counts.get(mode) ?? 0) + (counts.get(MISSING_CATEGORY) ?? 0));
    counts.delete(MISSING_CATEGORY);
  }
  const categories = [...counts.entries()]
    .filter(([, n]) => n >= minCount)
    .map(([k]) => k)
    .sort();
  return { categories, missingAs };
}

/** Index of the indicator a value lights: a category, or categories.length for "(other)". */
export function categoryIndex(encoding: CategoricalEncoding, value: string | null): number {
  const key = value === null ? encoding.missingAs : value;
  const i = encoding.categories.indexOf(key);
  return i >= 0 ? i : encoding.categories.length;
}
