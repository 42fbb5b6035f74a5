/**
 * The outcome ledger in `make demo`: the CRM renews the contract behind a revenue-at-risk report,
 * ingestion turns that into a `contract_renewed` fact, the report engine records the report's outcome
 * from it, and the outcome summary shows what the reports were worth.
 */
import { call, HttpError, ScenarioResult, signInOwner, SliceUrls, waitFor } from '@foresight/testing';

/** An ISO date (or date-time) plus whole days, in the form it came in. */
function addDays(iso: string, days: number): string {
  const moved = new Date(Date.parse(iso) + days * 86_400_000).toISOString();
  return iso.length === 10 ? moved.slice(0, 10) : moved;
}

interface OutcomeView {
  reportId: string;
  kind: string;
  outcome: string;
  revenueImpact: number;
  verification: string;
  confirmed: boolean;
}

interface Figures {
  withOutcome: number;
  confirmed: number;
  precision: number | null;
  revenueAtRiskSaved: number;
  expansionWon: number;
}

export interface OutcomeStep {
  accountName: string | null;
  contractExternalId: string;
  outcome: OutcomeView;
  summary: { total: Figures; byKind: (Figures & { kind: string })[] };
}

export async function runOutcomeStep(urls: SliceUrls, r: ScenarioResult): Promise<OutcomeStep | string> {
  const report = r.reports.find(
    (x) =>
      x.kind === 'REVENUE_AT_RISK' &&
      x.subject.type === 'contract' &&
      (x.status === 'NOTIFIED' || x.status === 'FEEDBACK_PROVIDED' || x.status === 'CREATED'),
  );
  if (!report) return 'no open REVENUE_AT_RISK report this run';
  let token = await signInOwner(urls.identity, r.tenant);
  // ingestion's records read model trails its streams (minutes behind under the slice's load), so a
  // contract the CRM sent may not be readable yet: search until it is.
  const find = async () => {
    for (const c of r.records.contract) {
      const rec = await call<{ recordId: string }>(
        'GET',
        `${urls.ingestion}/v1/records/contract/${c.externalId}`,
        { token },
      ).catch((err: unknown) => {
        if (err instanceof HttpError && err.status === 404) return null;
        throw err;
      });
      if (rec?.recordId === report.subject.id) return c;
    }
    return undefined;
  };
  const contract = await waitFor(`the contract behind report ${report.reportId}`, find, {
    timeoutMs: 180_000,
    everyMs: 2000,
  }).catch(() => undefined);
  if (!contract)
    return `the contract behind REVENUE_AT_RISK report ${report.reportId} (${report.subject.id}) was not readable among the ${r.records.contract.length} the CRM sent`;
  // Renewed for another year, still active: ingestion derives `contract_renewed` from the change.
  await call('POST', `${urls.ingestion}/v1/ingest/contracts`, {
    apiKey: r.tenant.ingestKey,
    body: {
      source: 'crm',
      records: [{ ...contract, status: 'active', renewalDate: addDays(contract.renewalDate, 365) }],
    },
  });
  const outcome = await waitFor(
    `the outcome of report ${report.reportId}`,
    () =>
      call<OutcomeView>('GET', `${urls.reportEngine}/v1/reports/${report.reportId}/outcome`, { token }).catch(
        (err: unknown) => {
          if (err instanceof HttpError && err.status === 404) return undefined;
          throw err;
        },
      ),
    { timeoutMs: 120_000, everyMs: 500 },
  );
  token = await signInOwner(urls.identity, r.tenant);
  const summary = await call<OutcomeStep['summary']>('GET', `${urls.reportEngine}/v1/outcomes/summary`, {
    token,
  });
  return { accountName: report.accountName, contractExternalId: contract.externalId, outcome, summary };
}

export function printOutcomeStep(o: OutcomeStep): void {
  console.log(
    `\nOutcome ledger: the CRM renewed contract ${o.contractExternalId} (${o.accountName ?? 'account'}) behind a REVENUE_AT_RISK report → ` +
      `outcome ${o.outcome.outcome}, ${o.outcome.verification}, revenue impact ${o.outcome.revenueImpact}`,
  );
  const pct = (p: number | null) => (p === null ? '—' : `${Math.round(p * 100)} %`);
  console.log(
    `Outcome summary: ${o.summary.total.withOutcome} reports with an outcome, precision ${pct(o.summary.total.precision)}, ` +
      `revenue at risk saved ${o.summary.total.revenueAtRiskSaved}, expansion won ${o.summary.total.expansionWon}`,
  );
  for (const k of o.summary.byKind)
    console.log(
      `  ${k.kind.padEnd(16)} ${k.withOutcome} with an outcome, ${k.confirmed} confirmed, precision ${pct(k.precision)}`,
    );
}
