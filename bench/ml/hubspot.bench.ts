/**
 * The training pipeline on HubSpot's prospect-conversion data (../shared/data/hubspot): for each
 * algorithm, 5-fold stratified CV ROC-AUC and PR-AUC on the training part, held-out (20 %) test AUC,
 * time of the whole `train()` (5 CV fits + final fit + importance), batch and single-row predict
 * µs/row — twice:
 *  (a) as given: every company's usage aggregated over all the files hold (what the published
 *      baseline did; customers' usage after they became customers leaks the label);
 *  (b) leakage-safe: each customer's usage cut strictly before its CLOSEDATE; each prospect's cut at a
 *      cut-off drawn with a seeded PRNG from the customers' close dates (uniformly, one per prospect),
 *      so both classes are observed "as of" dates from the same distribution.
 * (b+) adds recency features (last 90 days' usage, days since first/last usage): fair at scoring
 *      time, but a customer here is observed at the moment it converts, mid-trial, so they partly
 *      measure "is trialling now"; (b) is the like-for-like row against scikit-learn's ≈ 0.88.
 * Features in (a)/(b): employee range (ordinal), industry (one-hot, min 10 rows), log10 web rank, and
 * aggregateUsage over all usage before the cut-off (log1p counts, per-area sum/mean/max/std).
 * Label: 1 = in customers.csv (CONVERSION). Default configuration of each algorithm, seed 42. Wall
 * times depend on what else runs on the machine; the cpu figure is this process's own.
 * Run: node -r @swc-node/register bench/ml/hubspot.bench.ts
 */
import { readHubspot } from '@foresight/datagen';
import {
  hubspotSamples,
  isRecencyFeature,
} from '../../services/ml-scoring/src/model/domain/training/hubspot-samples';
import {
  Algorithm,
  ALGORITHMS,
  predict,
  train,
  TrainingSample,
} from '../../services/ml-scoring/src/model/domain/training';

const data = readHubspot();
if (!data.available) {
  console.log(data.reason);
  process.exit(0);
}

function timeUs(fn: () => void, rows: number, repeats: number): number {
  fn(); // warm-up: JIT and the compiled-artifact cache
  const start = process.hrtime.bigint();
  for (let r = 0; r < repeats; r++) fn();
  return Number(process.hrtime.bigint() - start) / 1000 / (rows * repeats);
}

interface Row {
  variant: string;
  algorithm: Algorithm;
  cvAuc: string;
  cvPrAuc: string;
  testAuc: string;
  testPrAuc: string;
  trainSeconds: string;
  batchUs: string;
  batchFactorsUs: string;
  singleUs: string;
  detail: string;
}

function run(variant: string, samples: TrainingSample[], features: string[]): Row[] {
  const positives = samples.filter((s) => s.label === 1).length;
  console.log(`${variant}: ${samples.length} companies, ${positives} customers, ${features.length} features`);
  return ALGORITHMS.map((algorithm) => {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const result = train(samples, { algorithm, seed: 42, features });
    const trainSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    const trainCpu = (used.user + used.system) / 1e6;
    if (!result.ok) throw new Error(`${algorithm}: ${result.reason}`);
    const m = result.model;
    const rows = samples.map((s) => s.features);
    const batchUs = timeUs(() => predict(m.artifact, rows, 0), rows.length, 5);
    const batchFactorsUs = timeUs(() => predict(m.artifact, rows, 5), rows.length, 3);
    const some = rows.slice(0, 1000);
    const singleUs = timeUs(() => some.forEach((r) => predict(m.artifact, [r], 5)), some.length, 3);
    const model = m.artifact.model;
    const detail =
      model.algorithm === 'gbdt'
        ? `${model.trees.length} trees`
        : model.algorithm === 'random_forest'
          ? `${model.trees.length} trees`
          : `${m.artifact.preprocessor.columns.length} columns`;
    return {
      variant,
      algorithm,
      cvAuc: `${m.metrics.cv.rocAuc.mean.toFixed(3)} ± ${m.metrics.cv.rocAuc.std.toFixed(3)}`,
      cvPrAuc: `${m.metrics.cv.prAuc.mean.toFixed(3)} ± ${m.metrics.cv.prAuc.std.toFixed(3)}`,
      testAuc: m.metrics.test.rocAuc.toFixed(3),
      testPrAuc: m.metrics.test.prAuc.toFixed(3),
      trainSeconds: `${trainSeconds.toFixed(1)} (cpu ${trainCpu.toFixed(1)})`,
      batchUs: batchUs.toFixed(2),
      batchFactorsUs: batchFactorsUs.toFixed(2),
      singleUs: singleUs.toFixed(1),
      detail,
    };
  });
}

const companies = data.accounts.map((a) => ({ ...a, employeeRange: a.employeeRange as string | null }));
const asGiven = hubspotSamples(companies, data.usage, 'as_given');
const leakageSafe = hubspotSamples(companies, data.usage, 'leakage_safe', 42);
const all = Object.keys(leakageSafe[0]?.features ?? {}).sort();
const published = all.filter((f) => !isRecencyFeature(f));
const table = [
  ...run('(a) as given', asGiven, published),
  ...run('(b) leakage-safe', leakageSafe, published),
  ...run('(b+) leakage-safe + recency', leakageSafe, all),
];
const header = [
  'variant',
  'algorithm',
  'CV ROC-AUC',
  'CV PR-AUC',
  'test ROC-AUC',
  'test PR-AUC',
  'train s wall (cpu), 5-fold CV + fit',
  'batch µs/row',
  'batch+factors µs/row',
  'single µs/row',
  'model',
];
const lines = table.map((r) => [
  r.variant,
  r.algorithm,
  r.cvAuc,
  r.cvPrAuc,
  r.testAuc,
  r.testPrAuc,
  r.trainSeconds,
  r.batchUs,
  r.batchFactorsUs,
  r.singleUs,
  r.detail,
]);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const l of lines) console.log(`| ${l.join(' | ')} |`);
