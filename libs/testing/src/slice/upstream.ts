import { Kafka, logLevel, Producer } from 'kafkajs';
import {
  AccountRecord,
  ContactRecord,
  ContractRecord,
  FeedbackRecord,
  IntentSignalRecord,
  RecordEntity,
  UPSTREAM_OP_HEADER,
  UpstreamOp,
  upstreamTopic,
  SubscriptionRecord,
  UsageRecord,
} from '@foresight/contracts';
import type { Dataset } from '@foresight/datagen';
import { call } from './http';

export interface UpstreamRecords {
  account: AccountRecord[];
  contract: ContractRecord[];
  usage: UsageRecord[];
  feedback: FeedbackRecord[];
  subscription: SubscriptionRecord[];
  contact: ContactRecord[];
  intent_signal: IntentSignalRecord[];
}

const ENTITY_PATH: Record<RecordEntity, string> = {
  account: 'accounts',
  contract: 'contracts',
  usage: 'usage',
  feedback: 'feedback',
  subscription: 'subscriptions',
  contact: 'contacts',
  intent_signal: 'intent-signals',
};

/** A stable number in [0, 1) per text, so derived records are the same every run for the same data set. */
function unit(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/**
 * What a CRM, a product-analytics pipeline and a survey tool would send for a generated data set.
 * `owners` re-assigns account owners (e.g. to the demo tenant's real users, so they get the reports).
 */
export function toUpstream(data: Dataset, owners?: readonly string[]): UpstreamRecords {
  return {
    account: data.accounts.map((a, i) => ({
      externalId: a.id,
      name: a.name,
      domain: a.domain,
      industry: a.industry,
      employeeRange: a.employeeRange,
      webRank: a.webRank,
      lifecycle: a.lifecycle,
      closeDate: a.closeDate,
      mrr: a.mrr,
      arr: a.arr,
      ownerEmail: owners?.length ? owners[i % owners.length] : a.ownerEmail,
    })),
    contract: data.contracts.map((c) => ({
      externalId: c.id,
      accountExternalId: c.accountId,
      arr: c.arr,
      startDate: c.startDate,
      renewalDate: c.renewalDate,
      status: c.status,
    })),
    usage: data.usage.map((u) => ({
      accountExternalId: u.accountId,
      at: u.at,
      actions: u.actions,
      users: u.users,
    })),
    feedback: data.feedback.map((f) => ({
      externalId: f.id,
      accountExternalId: f.accountId,
      at: f.at,
      channel: f.channel,
      score: f.score,
      text: f.text,
    })),
    // The generator has no seats or intent; derive them: every customer holds one seat-based
    // subscription, about a quarter of them close to its seat limit (the UPSELL case), and those
    // also show buying intent on a review site.
    ...derivedRecords(data),
  };
}

function derivedRecords(data: Dataset): Pick<UpstreamRecords, 'subscription' | 'contact' | 'intent_signal'> {
  const customers = data.accounts.filter((a) => a.lifecycle === 'customer');
  const nearLimit = (id: string) => unit(`seats:${id}`) < 0.25;
  const lastUsage = new Map(data.usage.map((u) => [u.accountId, u.at]));
  return {
    subscription: customers.map((a) => {
      const limit = 50;
      const units = nearLimit(a.id)
        ? 47 + Math.floor(unit(`units:${a.id}`) * 4)
        : 10 + Math.floor(unit(`units:${a.id}`) * 25);
      return {
        externalId: `sub-${a.id}`,
        accountExternalId: a.id,
        product: 'Foresight CRM',
        plan: 'growth',
        units,
        unitLimit: limit,
        status: 'active' as const,
        mrr: units * 40,
        startDate: a.closeDate ?? '2024-01-01',
        endDate: null,
      };
    }),
    contact: customers.map((a) => ({
      externalId: `contact-${a.id}`,
      accountExternalId: a.id,
      name: `Champion of ${a.name}`,
      email: `champion@${a.domain ?? `${a.id.toLowerCase()}.example`}`,
      title: 'Head of Operations',
      role: 'champion' as const,
    })),
    intent_signal: customers
      .filter((a) => nearLimit(a.id))
      .map((a) => ({
        externalId: `intent-${a.id}`,
        accountExternalId: a.id,
        type: 'review_site' as const,
        strength: 70 + Math.floor(unit(`intent:${a.id}`) * 30),
        detectedAt: lastUsage.get(a.id) ?? a.closeDate ?? '2024-01-01T00:00:00.000Z',
      })),
  };
}

export interface BatchOutcome {
  accepted: number;
  unchanged: number;
  rejected: { index: number; externalId?: string; errors: unknown }[];
}

/** `POST /v1/ingest/<entity>` in batches, as an integration holding an API key would. */
export async function ingestRest<E extends RecordEntity>(
  ingestionUrl: string,
  apiKey: string,
  entity: E,
  source: string,
  records: readonly UpstreamRecords[E][number][],
  batchSize = 500,
): Promise<BatchOutcome> {
  const total: BatchOutcome = { accepted: 0, unchanged: 0, rejected: [] };
  for (let i = 0; i < records.length; i += batchSize) {
    const out = await call<BatchOutcome>('POST', `${ingestionUrl}/v1/ingest/${ENTITY_PATH[entity]}`, {
      apiKey,
      body: { source, records: records.slice(i, i + batchSize) },
    });
    total.accepted += out.accepted;
    total.unchanged += out.unchanged;
    total.rejected.push(...out.rejected.map((r) => ({ ...r, index: r.index + i })));
  }
  return total;
}

export async function removeAccountRest(
  ingestionUrl: string,
  apiKey: string,
  source: string,
  externalId: string,
) {
  return call(
    'DELETE',
    `${ingestionUrl}/v1/ingest/accounts/${encodeURIComponent(externalId)}?source=${source}`,
    { apiKey },
  );
}

/** An upstream system publishing straight onto `upstream.<source>.<entity>` (no Foresight envelope). */
export class UpstreamProducer {
  private readonly producer: Producer;

  constructor(brokers: readonly string[]) {
    this.producer = new Kafka({
      clientId: 'upstream-simulator',
      brokers: [...brokers],
      logLevel: logLevel.NOTHING,
    }).producer({
      idempotent: true,
      maxInFlightRequests: 1,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async send<E extends RecordEntity>(
    tenantId: string,
    source: string,
    entity: E,
    records: readonly UpstreamRecords[E][number][],
    op: UpstreamOp = 'upsert',
  ): Promise<void> {
    const key = (r: UpstreamRecords[E][number]) =>
      'accountExternalId' in r ? r.accountExternalId : r.externalId;
    for (let i = 0; i < records.length; i += 500) {
      await this.producer.send({
        topic: upstreamTopic(source, entity),
        acks: -1,
        messages: records.slice(i, i + 500).map((r) => ({
          key: key(r),
          value: JSON.stringify(r),
          headers: { 'fs-tenant-id': tenantId, [UPSTREAM_OP_HEADER]: op },
        })),
      });
    }
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}
