import { aggregateUsage } from '@foresight/contracts';
import { readHubspot, UsageEvent } from '@foresight/datagen';
import { describeIf } from '@foresight/testing';
import { train } from './churn-model';
import { featureRow } from './feature-vector';

const hubspot = readHubspot();

/**
 * The published baseline on this data set (seed 002): class-balanced logistic regression, stratified
 * 80/20 split, test ROC-AUC 0.951 (5-fold CV 0.962 ± 0.016). Same preparation as theirs: customers
 * with MRR ≤ 0 dropped, all usage aggregated per id, MRR and close date not used as features.
 */
describeIf(hubspot.available, hubspot.available ? '' : `${hubspot.reason} — HubSpot benchmark skipped`)(
  'churn model on the HubSpot data set (customers vs non-customers)',
  () => {
    it('reaches a holdout ROC-AUC comparable to the published 0.951', () => {
      if (!hubspot.available) return;
      const byId = new Map<string, UsageEvent[]>();
      for (const u of hubspot.usage) {
        const list = byId.get(u.accountId);
        if (list) list.push(u);
        else byId.set(u.accountId, [u]);
      }
      const asOf = hubspot.usage.reduce((m, u) => (u.at > m ? u.at : m), '');
      const accounts = hubspot.accounts.filter((a) => a.lifecycle === 'prospect' || (a.mrr ?? 0) > 0);
      const rows = accounts.map((a) =>
        featureRow({
          ...aggregateUsage(a.id, byId.get(a.id) ?? [], { asOf, lookbackDays: 3650 }),
          firmographics: {
            employeeRange: a.employeeRange,
            industry: a.industry,
            webRank: a.webRank,
            arr: null,
          },
        }),
      );
      const labels = accounts.map((a) => (hubspot.isCustomer.get(a.id) ? 1 : 0));

      const now = '2025-01-01T00:00:00.000Z';
      const model = train(rows, labels, { now, seed: 42 });
      const repeats = [1, 2, 3, 4, 5].map((seed) => train(rows, labels, { now, seed }).metrics.rocAuc);
      const mean = repeats.reduce((a, b) => a + b, 0) / repeats.length;
      const sd = Math.sqrt(repeats.reduce((a, b) => a + (b - mean) ** 2, 0) / (repeats.length - 1));
      const m = model.metrics;
      console.log(
        [
          `HubSpot: ${accounts.length} companies, ${labels.filter((l) => l === 1).length} customers, ${model.featureNames.length} features`,
          `holdout (seed 42, ${m.evaluatedRows} rows): ROC-AUC ${m.rocAuc.toFixed(4)}, log loss ${m.logLoss.toFixed(4)}, ` +
            `precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)}, F1 ${m.f1.toFixed(3)} at ${model.threshold}`,
          `5 more stratified 80/20 splits: ROC-AUC ${mean.toFixed(4)} ± ${sd.toFixed(4)} (published: test 0.951, CV 0.962 ± 0.016)`,
        ].join('\n'),
      );
      expect(m.rocAuc).toBeGreaterThan(0.93);
      expect(mean).toBeGreaterThan(0.93);
    });
  },
);
