import { parse, Topics } from '@foresight/contracts';
import type { RecordedEvent } from '@foresight/eventstore';
import { ingestionRoutes } from '../../integration.routes';
import { decide as decideUsage, usageDecider } from '../../usage/domain/usage.decider';
import { decide as decideRecord, recordDecider } from '../domain/record.decider';
import { RecordEvent } from '../domain/record.events';
import { accountIdFor, RecordKey, recordIdFor } from '../domain/record-key';

const tenantId = '5f0c1c2e-8a4b-4f7d-9e21-3b6a0d9c7e14';
const at = '2025-06-16T09:00:00.000Z';
const accountId = accountIdFor(tenantId, 'crm-42');

const stored = (e: { type: string; data: unknown }, revision = 0): RecordedEvent => ({
  id: `evt-${revision}`,
  stream: `record-x`,
  type: e.type,
  data: e.data,
  metadata: { tenantId },
  revision,
  position: 1n,
  checkpoint: '1',
  occurredAt: new Date(at),
  recordedAt: new Date(at),
});

const CHANGE_ID = '0190a1b2-0000-7000-8000-000000000001';

function decide(key: RecordKey, payloads: Record<string, unknown>[]): RecordEvent[] {
  let state = recordDecider.initialState();
  const all: RecordEvent[] = [];
  for (const payload of payloads) {
    const events = decideRecord(
      { type: 'ReceiveRecord', data: { key, payload, at, changeId: CHANGE_ID } },
      state,
    );
    state = events.reduce(recordDecider.evolve, state);
    all.push(...events);
  }
  return all;
}

/** What a consumer would get: the route's payload through the contract's own validation. */
function published(e: { type: string; data: unknown }) {
  const route = ingestionRoutes(stored(e));
  if (!route) return undefined;
  const parsed = parse(route.type!, JSON.parse(JSON.stringify(route.payload)) as object);
  if (!parsed.ok) throw new Error(`${route.type}: ${JSON.stringify(parsed.errors)}`);
  return { topic: route.topic, type: route.type, key: route.key, payload: parsed.value };
}

describe('ingestion routes', () => {
  const account = {
    externalId: 'crm-42',
    name: 'Acme',
    lifecycle: 'customer',
    ownerEmail: 'dana@acme.example',
  };
  const key: RecordKey = { tenantId, source: 'crm', entity: 'account', externalId: 'crm-42' };

  it('publish Source_Created / Source_Updated as RecordUpserted keyed by the account, valid per contract', () => {
    const [created, updated] = decide(key, [account, { ...account, name: 'Acme Inc' }]);
    expect(published(created!)).toMatchObject({
      topic: Topics.ingestionRecords,
      type: 'RecordUpserted',
      key: accountId,
      payload: { change: 'created', changedFields: [], accountId, entity: 'account', data: account },
    });
    expect(published(updated!)).toMatchObject({
      payload: { change: 'updated', changedFields: ['name'], data: { name: 'Acme Inc' } },
    });
  });

  it('publish a removal as RecordRemoved, keyed by the account of the record', () => {
    const contractKey: RecordKey = { ...key, entity: 'contract', externalId: 'ctr-1' };
    const [created] = decide(contractKey, [{ accountExternalId: 'crm-42', arr: 10 }]);
    const state = recordDecider.evolve(recordDecider.initialState(), created!);
    const [removed] = decideRecord(
      { type: 'RemoveRecord', data: { key: contractKey, reason: 'gone', at, changeId: CHANGE_ID } },
      state,
    );
    expect(published(removed!)).toMatchObject({
      type: 'RecordRemoved',
      key: accountId,
      payload: { entity: 'contract', externalId: 'ctr-1', accountId, reason: 'gone' },
    });
  });

  it('publish outcome facts as OutcomeObserved keyed by the account, valid per contract', () => {
    const contractKey: RecordKey = { ...key, entity: 'contract', externalId: 'ctr-9' };
    const contract = {
      accountExternalId: 'crm-42',
      arr: 1000,
      status: 'active',
      startDate: '2025-01-01T00:00:00Z',
      renewalDate: '2026-01-01T00:00:00Z',
    };
    const events = decide(contractKey, [contract, { ...contract, status: 'cancelled' }]);
    const ended = events.find((e) => e.type === 'OutcomeObserved');
    expect(published(ended!)).toMatchObject({
      topic: Topics.ingestionOutcomeFacts,
      type: 'OutcomeObserved',
      key: accountId,
      payload: {
        fact: 'contract_ended',
        subjectType: 'contract',
        subjectId: recordIdFor(contractKey),
        accountId,
        amountBefore: 1000,
        amountAfter: null,
        at,
      },
    });
  });

  it('publish a feedback record twice over: RecordUpserted, and FeedbackReceived for voice of customer', () => {
    const feedbackKey: RecordKey = { ...key, entity: 'feedback', externalId: 'nps-1' };
    const item = {
      accountExternalId: 'crm-42',
      channel: 'nps',
      score: 3,
      text: 'slow',
      at: '2025-06-10T00:00:00Z',
    };
    const [upserted, captured] = decide(feedbackKey, [item]);
    expect(published(upserted!)?.type).toBe('RecordUpserted');
    expect(published(captured!)).toMatchObject({
      topic: Topics.ingestionFeedback,
      type: 'FeedbackReceived',
      key: accountId,
      payload: { accountId, channel: 'nps', score: 3, text: 'slow', at: '2025-06-10T00:00:00Z' },
    });
  });

  it('publish each recorded period as UsageRecorded with its own time, and computed features as AccountFeaturesChanged', () => {
    const events = decideUsage(
      {
        type: 'RecordUsage',
        data: {
          accountId,
          accountExternalId: 'crm-42',
          source: 'product',
          samples: [
            {
              at: '2025-06-02T00:00:00Z',
              actions: { contacts: 5, companies: 1, deals: 0, email: 2 },
              users: { contacts: 2, companies: 1, deals: 0, email: 1 },
            },
          ],
          firmographics: { employeeRange: '51 to 200', industry: null, webRank: null, arr: 24000 },
          lookbackDays: 90,
          at,
        },
      },
      usageDecider.initialState(),
    );
    expect(events.map((e) => e.type)).toEqual(['UsageRecorded', 'AccountFeaturesComputed']);
    expect(published(events[0]!)).toMatchObject({
      topic: Topics.ingestionUsage,
      type: 'UsageRecorded',
      key: accountId,
      payload: {
        accountId,
        accountExternalId: 'crm-42',
        source: 'product',
        rows: [
          {
            at: '2025-06-02T00:00:00.000Z',
            actions: { contacts: 5, companies: 1, deals: 0, email: 2 },
            users: { contacts: 2, companies: 1, deals: 0, email: 1 },
          },
        ],
        at,
      },
    });
    expect(published(events[1]!)).toMatchObject({
      topic: Topics.ingestionAccountFeatures,
      type: 'AccountFeaturesChanged',
      key: accountId,
      payload: { accountId, features: { samples: 1, totalActions: 8, firmographics: { arr: 24000 } } },
    });
  });
});
