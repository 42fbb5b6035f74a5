import { categoryIndex, CategoricalEncoding, fitCategorical, OTHER_CATEGORY } from './categorical';
import { employeeRangeOrdinal, looksLikeEmployeeRange } from './employee-range';
import { fitImputation } from './impute';
import { fitScaler } from './scale';
import type { FeatureRecord, FeatureValue, Imputation, Scaling } from './types';

/** One input feature's recipe; `kind` says how its value becomes output columns. */
export type ColumnRecipe =
  | {
      kind: 'numeric' | 'employee_range';
      source: string;
      fill: number;
      center: number;
      scale: number;
      /** Adds a `<source>_missing` 0/1 column after the value column. */
      missingIndicator: boolean;
    }
  | ({ kind: 'categorical'; source: string } & CategoricalEncoding);

/** The fitted preprocessing, plain JSON: stored in the artifact and replayed at prediction. */
export interface Preprocessor {
  recipes: ColumnRecipe[];
  /** Names of the output columns, in matrix order: `x`, `x_missing`, `industry=RETAIL`, `industry=(other)`. */
  columns: string[];
  /** For each output column, the index of the recipe (input feature) it came from. */
  sourceOf: number[];
}

export interface PreprocessOptions {
  imputation: Imputation;
  imputationConstant: number;
  scaling: Scaling;
  minCategoryCount: number;
}

/** A row-major n × d matrix. */
export interface Matrix {
  data: Float64Array;
  rows: number;
  cols: number;
}

function numericValue(v: FeatureValue | undefined, kind: 'numeric' | 'employee_range'): number {
  if (v === null || v === undefined) return Number.NaN;
  if (kind === 'employee_range') return typeof v === 'string' ? (employeeRangeOrdinal(v) ?? Number.NaN) : v;
  return typeof v === 'number' ? v : Number.NaN;
}

/**
 * Fits the feature recipes on training rows only (so cross-validation never sees a fold's own
 * statistics): a numeric feature is imputed then scaled; a string feature whose values all read as
 * employee ranges becomes the 1–9 ordinal (then imputed and scaled like a number); any other string
 * feature is one-hot encoded with a minimum frequency. Indicator columns stay 0/1, unscaled, so a
 * coefficient on one reads directly as "being in this category adds this much".
 */
export function fitPreprocessor(
  rows: readonly FeatureRecord[],
  features: readonly string[],
  options: PreprocessOptions,
): Preprocessor {
  const recipes: ColumnRecipe[] = [];
  for (const source of features) {
    const strings = new Set<string>();
    for (const r of rows) {
      const v = r[source];
      if (typeof v === 'string') strings.add(v);
    }
    if (strings.size > 0 && !looksLikeEmployeeRange(strings)) {
      const values = rows.map((r) => {
        const v = r[source];
        return typeof v === 'string' && v.trim() !== '' ? v : null;
      });
      recipes.push({
        kind: 'categorical',
        source,
        ...fitCategorical(values, options.minCategoryCount, options.imputation === 'mode'),
      });
      continue;
    }
    const kind = strings.size > 0 ? 'employee_range' : 'numeric';
    const raw = rows.map((r) => numericValue(r[source], kind));
    const missing = raw.some((v) => Number.isNaN(v));
    const fill = fitImputation(raw, options.imputation, options.imputationConstant);
    const filled = raw.map((v) => (Number.isNaN(v) ? fill : v));
    const { center, scale } = fitScaler(filled, options.scaling);
    recipes.push({
      kind,
      source,
      fill,
      center,
      scale,
      missingIndicator: missing && options.imputation === 'auto',
    });
  }
  const columns: string[] = [];
  const sourceOf: number[] = [];
  recipes.forEach((r, k) => {
    const add = (name: string) => {
      columns.push(name);
      sourceOf.push(k);
    };
    if (r.kind === 'categorical') {
      for (const c of r.categories) add(`${r.source}=${c}`);
      add(`${r.source}=${OTHER_CATEGORY}`);
    } else {
      add(r.source);
      if (r.missingIndicator) add(`${r.source}_missing`);
    }
  });
  return { recipes, columns, sourceOf };
}

/**
 * Rows → one flat matrix in a single pass: the only place a row is read as an object; every model
 * then works on the typed array. Absent keys count as missing; unseen categories light "(other)".
 */
export function transform(pre: Preprocessor, rows: readonly FeatureRecord[]): Matrix {
  const d = pre.columns.length;
  const data = new Float64Array(rows.length * d);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as FeatureRecord;
    let j = i * d;
    for (const r of pre.recipes) {
      const v = row[r.source];
      if (r.kind === 'categorical') {
        const value = typeof v === 'string' && v.trim() !== '' ? v : null;
        data[j + categoryIndex(r, value)] = 1;
        j += r.categories.length + 1;
      } else {
        const x = numericValue(v, r.kind);
        const missing = Number.isNaN(x);
        data[j++] = ((missing ? r.fill : x) - r.center) / r.scale;
        if (r.missingIndicator) data[j++] = missing ? 1 : 0;
      }
    }
  }
  return { data, rows: rows.length, cols: d };
}
