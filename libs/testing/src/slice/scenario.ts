import { generate } from '@foresight/datagen';
import { call, waitFor } from './http';
import {
  getReport,
  listReports,
  provideFeedback,
  configureWebhook,
  ReportDetail,
  ReportSummary,
} from './reports';
import { bootstrapTenant, SliceTenant } from './tenant';
import { ingestRest, removeAccountRest, toUpstream, UpstreamProducer, UpstreamRecords } from './upstream';
import { WebhookReceiver } from './webhook-receiver';

export interface SliceUrls {
  identity: string;
  ingestion: string;
  reportEngine: string;
  notifications: string;
  mlScoring: string;
  vocSignals: string;
}

export interface ScenarioOptions {
  urls: SliceUrls;
  adminToken: string;
  kafkaBrokers: readonly string[];
  slug: string;
  seed?: number;
  accounts?: number;
  weeks?: number;
  /** Called between steps (the demo prints, the e2e test kills and restarts a service). */
  onStep?: (step: string, detail?: Record<string, unknown>) => void | Promise<void>;
  timeoutMs?: number;
}

export interface ScenarioResult {
  tenant: SliceTenant;
  accounts: number;
  /** Accounts ml-scoring has a score for. */
  scored: number;
  ingested: Record<string, number>;
  rejected: number;
  reports: ReportSummary[];
  notified: ReportDetail[];
  feedbackReport: ReportDetail;
  staleReport: ReportDetail;
  /**
   * distinctNotifications: deliveries by notification id (a report escalated from PARTIAL to
   * CRITICAL churn is told again, in a second notification; each notification arrives once).
   */
  webhooks: { received: number; verified: number; distinctReports: number; distinctNotifications: number };
  /** Upstream send → report NOTIFIED, per notified report (ms). */
  latenciesMs: number[];
  receiver: WebhookReceiver;
  /** What the upstream systems sent, so a caller can send later changes to the same records. */
  records: UpstreamRecords;
}

export const NEGATIVE_NPS_COMMENT = 'Support has been terrible and we are considering cancelling.';

const ACTIVE = new Set(['CREATED', 'NOTIFIED', 'FEEDBACK_PROVIDED']);

/**
 * The walking skeleton, end to end, through public interfaces only: identity's API creates the
 * tenant, upstream records arrive over REST and Kafka, scores become reports, reports become signed
 * webhooks, the owner gives feedback, an upstream removal makes a report stale.
 */
export async function runScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const step = async (name: string, detail?: Record<string, unknown>) => o.onStep?.(name, detail);
  const timeoutMs = o.timeoutMs ?? 120_000;
  const tenant = await bootstrapTenant(o.urls.identity, o.adminToken, {
    slug: o.slug,
    displayName: `Demo ${o.slug}`,
    ownerEmail: `owner@${o.slug}.example`,
  });
  await step('tenant', { tenantId: tenant.tenantId, owner: tenant.ownerEmail });
  /** A probe that yields the owner's reports once none is waiting to be notified, two polls running. */
  const settledReports = () => {
    let previous = '';
    return async () => {
      const mine = await listReports(o.urls.reportEngine, tenant.ownerToken, { owner: 'me' });
      const pending = !mine.length || mine.some((r) => r.status === 'CREATED' || r.status === 'INCOMING');
      const seen = mine.map((r) => `${r.reportId}:${r.status}`).join(',');
      const settled = !pending && seen === previous;
      previous = seen;
      return settled ? mine : undefined;
    };
  };

  const receiver = new WebhookReceiver();
  const hookUrl = await receiver.start();
  receiver.secret = await configureWebhook(o.urls.notifications, tenant.ownerToken, hookUrl);
  await step('webhook', { url: hookUrl });

  const data = generate({
    seed: o.seed ?? 7,
    accounts: o.accounts ?? 40,
    weeks: o.weeks ?? 13,
    now: new Date(),
  });
  const records = toUpstream(data, [tenant.ownerEmail]);
  const half = Math.ceil(records.account.length / 2);
  /** Per canonical account id: when its upstream data was last sent (latency starts there). */
  const sentAt = new Map<string, number>();
  const externalIdOf = new Map<string, string>();
  const upstream = new UpstreamProducer(o.kafkaBrokers);
  await upstream.connect();
  const ingested: Record<string, number> = {};
  let rejected = 0;
  try {
    // Accounts: half from the CRM's REST integration, half from its Kafka feed; the rest follows both ways too.
    const viaRest = await ingestRest(
      o.urls.ingestion,
      tenant.ingestKey,
      'account',
      'crm',
      records.account.slice(0, half),
    );
    await upstream.send(tenant.tenantId, 'crm', 'account', records.account.slice(half));
    // Contracts, usage and feedback name their account: ingestion refuses them until it knows it.
    for (const account of records.account.slice(half))
      await waitFor(
        `account ${account.externalId} to arrive over Kafka`,
        async () =>
          call('GET', `${o.urls.ingestion}/v1/records/account/${account.externalId}`, {
            token: tenant.ownerToken,
          }).then(() => true),
        { timeoutMs },
      );
    const contracts = await ingestRest(
      o.urls.ingestion,
      tenant.ingestKey,
      'contract',
      'crm',
      records.contract,
    );
    const usageRest = records.usage.filter((_, i) => i % 2 === 0);
    const usageKafka = records.usage.filter((_, i) => i % 2 === 1);
    const usage = await ingestRest(o.urls.ingestion, tenant.ingestKey, 'usage', 'product', usageRest);
    await upstream.send(tenant.tenantId, 'product', 'usage', usageKafka);
    const feedback = await ingestRest(
      o.urls.ingestion,
      tenant.ingestKey,
      'feedback',
      'surveys',
      records.feedback,
    );
    // Seats and contacts from the billing system and CRM, buying intent from a data partner: the
    // inputs of UPSELL and EXPANSION reports.
    const subscriptions = await ingestRest(
      o.urls.ingestion,
      tenant.ingestKey,
      'subscription',
      'billing',
      records.subscription,
    );
    const contacts = await ingestRest(o.urls.ingestion, tenant.ingestKey, 'contact', 'crm', records.contact);
    const intent = await ingestRest(
      o.urls.ingestion,
      tenant.ingestKey,
      'intent_signal',
      'intent',
      records.intent_signal,
    );
    const now = Date.now();
    // Reports name the canonical account id; ingestion tells which upstream account it is.
    for (const a of records.account) {
      const rec = await call<{ accountId: string }>(
        'GET',
        `${o.urls.ingestion}/v1/records/account/${a.externalId}`,
        {
          token: tenant.ownerToken,
        },
      );
      externalIdOf.set(rec.accountId, a.externalId);
      sentAt.set(rec.accountId, now);
    }
    ingested['account'] = viaRest.accepted + (records.account.length - half);
    ingested['contract'] = contracts.accepted;
    ingested['usage'] = usage.accepted + usageKafka.length;
    ingested['feedback'] = feedback.accepted;
    ingested['subscription'] = subscriptions.accepted;
    ingested['contact'] = contacts.accepted;
    ingested['intent_signal'] = intent.accepted;
    rejected = [viaRest, contracts, usage, feedback, subscriptions, contacts, intent].reduce(
      (n, batch) => n + batch.rejected.length,
      0,
    );
    await step('ingested', { ...ingested, rejected });

    // Step 4: a detractor's comment on an account that so far looked fine.
    const target = [...data.truth].sort((a, b) => a.churnPropensity - b.churnPropensity)[
      Math.floor(data.truth.length / 2)
    ];
    if (target) {
      await ingestRest(o.urls.ingestion, tenant.ingestKey, 'feedback', 'surveys', [
        {
          externalId: `${target.accountId}-nps-demo`,
          accountExternalId: target.accountId,
          at: new Date().toISOString(),
          channel: 'nps',
          score: 3,
          text: NEGATIVE_NPS_COMMENT,
        },
      ]);
      for (const [accountId, externalId] of externalIdOf)
        if (externalId === target.accountId) sentAt.set(accountId, Date.now());
      await step('negative-nps', { account: target.accountId });
    }

    // Step 3: every account has a score (read from ml-scoring, not assumed from what was sent).
    const accountIds = [...externalIdOf.keys()];
    const scored = await waitFor(
      'every account to be scored',
      async () => {
        const found = await Promise.all(
          accountIds.map((id) =>
            call('GET', `${o.urls.mlScoring}/v1/scores/${id}`, { token: tenant.ownerToken }).then(
              () => true,
              () => false,
            ),
          ),
        );
        const count = found.filter(Boolean).length;
        return count === accountIds.length ? count : undefined;
      },
      { timeoutMs, everyMs: 500 },
    );
    await step('scored', { accounts: scored });

    // Steps 5–6: reports appear and get notified; wait until nothing is left un-notified and the
    // list has stopped growing (a score just published may not have opened its report yet).
    const notifiedReports = await waitFor('reports to be created and notified', settledReports(), {
      timeoutMs,
      everyMs: 500,
    });
    const notified: ReportDetail[] = [];
    for (const r of notifiedReports.filter((r) => r.status === 'NOTIFIED'))
      notified.push(await getReport(o.urls.reportEngine, tenant.ownerToken, r.reportId));
    await step('notified', { reports: notifiedReports.length, notified: notified.length });
    if (notified.length < 2)
      throw new Error(`expected at least two notified reports, got ${notified.length}`);

    // Step 7: the owner acts on one report.
    const first = notified[0]!;
    await provideFeedback(
      o.urls.reportEngine,
      tenant.ownerToken,
      first.reportId,
      'ACCEPTED',
      'Calling them this week',
    );
    const feedbackReport = await waitFor('feedback to show', async () => {
      const r = await getReport(o.urls.reportEngine, tenant.ownerToken, first.reportId);
      return r.status === 'FEEDBACK_PROVIDED' ? r : undefined;
    });
    await step('feedback', { reportId: first.reportId });

    // Step 8: the CRM removes the account of another open report.
    const second = notified[1]!;
    await removeAccountRest(
      o.urls.ingestion,
      tenant.ingestKey,
      'crm',
      externalIdOf.get(second.subject.accountId)!,
    );
    const staleReport = await waitFor('the report to turn stale', async () => {
      const r = await getReport(o.urls.reportEngine, tenant.ownerToken, second.reportId);
      return r.status === 'STALE' ? r : undefined;
    });
    await step('stale', { reportId: second.reportId });

    const latenciesMs = notified
      .map((r) => {
        const at = r.notified ? Date.parse(r.notified.at) : undefined;
        const sent = sentAt.get(r.subject.accountId);
        return at !== undefined && sent !== undefined ? at - sent : undefined;
      })
      .filter((x): x is number => x !== undefined && x >= 0);
    // A score that arrived late (the NPS answer's) may have opened a report after step 6: let it
    // reach the owner before counting, rather than report it half-way; webhooks are counted after.
    const reports = await waitFor('late reports to be notified', settledReports(), {
      timeoutMs,
      everyMs: 500,
    });
    const verified = receiver.received.filter((w) => w.verified);
    return {
      tenant,
      accounts: records.account.length,
      scored,
      ingested,
      rejected,
      reports,
      notified,
      feedbackReport,
      staleReport,
      webhooks: {
        received: receiver.received.length,
        verified: verified.length,
        // The webhook body is { id, type, tenantId, recipient, createdAt, data: { reportId, ... } }.
        distinctReports: new Set(
          verified.map((w) => String((w.body['data'] as { reportId?: string })?.reportId)),
        ).size,
        distinctNotifications: new Set(verified.map((w) => String(w.body['id']))).size,
      },
      latenciesMs,
      receiver,
      records,
    };
  } finally {
    await upstream.disconnect();
  }
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function isActive(status: string): boolean {
  return ACTIVE.has(status);
}
