import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { contentHash } from './content-hash';
import { RecordCommand } from './record.commands';
import { decide, recordDecider } from './record.decider';
import { RecordEvent } from './record.events';
import { accountIdFor, RecordKey, recordIdFor } from './record-key';

const spec = DeciderSpecification.for(recordDecider);
const key: RecordKey = {
  tenantId: 'tenant-a',
  source: 'salesforce',
  entity: 'account',
  externalId: '001ABC',
};
const recordId = recordIdFor(key);
const accountId = recordId;
const account = {
  name: 'Northwind Analytics',
  domain: 'northwind.example',
  employeeRange: '51 to 200',
  arr: 24000,
};
const t = (minute: number) => `2025-06-16T09:${String(minute).padStart(2, '0')}:00.000Z`;

const receive = (payload: Record<string, unknown>, minute = 1, k: RecordKey = key): RecordCommand => ({
  type: 'ReceiveRecord',
  data: { key: k, payload, at: t(minute), changeId: changeId(minute) },
});
const changeId = (minute: number) => `0190a1b2-0000-7000-8000-${String(minute).padStart(12, '0')}`;
const remove: RecordCommand = {
  type: 'RemoveRecord',
  data: { key, reason: 'deleted in CRM', at: t(5), changeId: changeId(5) },
};
const unresolvable: RecordCommand = {
  type: 'MarkUnresolvable',
  data: { key, reason: 'domain matches 2 accounts', at: t(6) },
};

const created: RecordEvent = {
  type: 'SourceCreated',
  data: { recordId, key, accountId, contentHash: contentHash(account), payload: account, receivedAt: t(1) },
};
const removed: RecordEvent = {
  type: 'SourceRemoved',
  data: { recordId, key, accountId, reason: 'deleted in CRM', removedAt: t(5) },
};
const markedUnresolvable: RecordEvent = {
  type: 'SourceUnresolvable',
  data: { recordId, key, accountId, reason: 'domain matches 2 accounts', detectedAt: t(6) },
};

describe('record never seen', () => {
  it('a received record → Source_Created with its content hash', () => {
    spec.given([]).when(receive(account)).then(created);
  });

  it('removal and unresolvability of an account are recorded even if never loaded (seed: [*] → Source_Removed)', () => {
    spec.given([]).when(remove).then(removed);
    spec.given([]).when(unresolvable).then(markedUnresolvable);
  });

  it('a removal addressed to a known record (REST DELETE) is refused for one never received', () => {
    spec
      .given([])
      .when({ type: 'RemoveRecord', data: { key, onlyIfKnown: true, at: t(5), changeId: changeId(5) } })
      .thenThrows(DomainError, (e) => e.code === 'RECORD.UNKNOWN' && e.kind === 'not_found');
  });

  it('a contract belongs to the account it names; removing one never received is refused', () => {
    const contractKey: RecordKey = { ...key, entity: 'contract', externalId: 'C-1' };
    const contract = { accountExternalId: '001ABC', arr: 1200, status: 'active' };
    spec
      .given([])
      .when(receive(contract, 1, contractKey))
      .then({
        type: 'SourceCreated',
        data: {
          recordId: recordIdFor(contractKey),
          key: contractKey,
          accountId,
          contentHash: contentHash(contract),
          payload: contract,
          receivedAt: t(1),
        },
      });
    spec
      .given([])
      .when({ type: 'RemoveRecord', data: { key: contractKey, at: t(2), changeId: changeId(2) } })
      .thenThrows(DomainError, (e) => e.code === 'RECORD.UNKNOWN' && e.kind === 'not_found');
    spec
      .given([])
      .when(receive({ arr: 1 }, 1, contractKey))
      .thenThrows(DomainError, (e) => e.code === 'RECORD.NO_ACCOUNT');
  });

  it('a feedback record is also captured as feedback, on creation and on every change', () => {
    const feedbackKey: RecordKey = { ...key, entity: 'feedback', externalId: 'F-1' };
    const item = { accountExternalId: '001ABC', channel: 'nps', score: 3, text: 'slow', at: t(0) };
    const id = recordIdFor(feedbackKey);
    const events: RecordEvent[] = [
      {
        type: 'SourceCreated',
        data: {
          recordId: id,
          key: feedbackKey,
          accountId,
          contentHash: contentHash(item),
          payload: item,
          receivedAt: t(1),
        },
      },
      {
        type: 'FeedbackCaptured',
        data: { recordId: id, key: feedbackKey, accountId, feedback: item, receivedAt: t(1) },
      },
    ];
    spec
      .given([])
      .when(receive(item, 1, feedbackKey))
      .then(events);
    spec
      .given(events)
      .when(receive(item, 2, feedbackKey))
      .thenNothingHappened();
    const edited = { ...item, score: 4 };
    spec
      .given(events)
      .when(receive(edited, 3, feedbackKey))
      .then([
        {
          type: 'SourceUpdated',
          data: {
            recordId: id,
            key: feedbackKey,
            accountId,
            contentHash: contentHash(edited),
            previousHash: contentHash(item),
            changedFields: ['score'],
            payload: edited,
            receivedAt: t(3),
          },
        },
        {
          type: 'FeedbackCaptured',
          data: { recordId: id, key: feedbackKey, accountId, feedback: edited, receivedAt: t(3) },
        },
      ]);
  });
});

describe('ACTIVE', () => {
  it('an unchanged re-send is a no-op, whatever the key order', () => {
    const reordered = {
      arr: 24000,
      employeeRange: '51 to 200',
      domain: 'northwind.example',
      name: 'Northwind Analytics',
    };
    spec.given([created]).when(receive(reordered, 2)).thenNothingHappened();
  });

  it('a changed record → Source_Updated naming the fields that changed', () => {
    const renewed = { ...account, arr: 30000 };
    spec
      .given([created])
      .when(receive(renewed, 3))
      .then([
        {
          type: 'SourceUpdated',
          data: {
            recordId,
            key,
            accountId,
            contentHash: contentHash(renewed),
            previousHash: contentHash(account),
            changedFields: ['arr'],
            payload: renewed,
            receivedAt: t(3),
          },
        },
        {
          type: 'OutcomeObserved',
          data: {
            recordId,
            key,
            accountId,
            factId: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
            fact: 'arr_changed',
            amountBefore: 24000,
            amountAfter: 30000,
            effectiveAt: t(3),
            observedAt: t(3),
          },
        },
      ]);
  });

  it('a contract moved to another account is keyed by its new account', () => {
    const contractKey: RecordKey = { ...key, entity: 'contract', externalId: 'C-2' };
    const before = { accountExternalId: '001ABC', arr: 1200 };
    const after = { accountExternalId: '002XYZ', arr: 1200 };
    const history: RecordEvent = {
      type: 'SourceCreated',
      data: {
        recordId: recordIdFor(contractKey),
        key: contractKey,
        accountId,
        contentHash: contentHash(before),
        payload: before,
        receivedAt: t(1),
      },
    };
    spec
      .given([history])
      .when(receive(after, 2, contractKey))
      .then({
        type: 'SourceUpdated',
        data: {
          recordId: recordIdFor(contractKey),
          key: contractKey,
          accountId: accountIdFor('tenant-a', '002XYZ'),
          contentHash: contentHash(after),
          previousHash: contentHash(before),
          changedFields: ['accountExternalId'],
          payload: after,
          receivedAt: t(2),
        },
      });
  });

  it('RemoveRecord → Source_Removed; MarkUnresolvable → Source_Unresolvable', () => {
    spec.given([created]).when(remove).then(removed);
    spec
      .given([created])
      .when({ ...remove, data: { ...remove.data, onlyIfKnown: true } } as RecordCommand)
      .then(removed);
    spec.given([created]).when(unresolvable).then(markedUnresolvable);
  });
});

describe('ACTIVE: addressed removals (REST DELETE)', () => {
  const addressed = (source: string, resolveSource: boolean): RecordCommand => ({
    type: 'RemoveRecord',
    data: { key: { ...key, source }, onlyIfKnown: true, resolveSource, at: t(5), changeId: changeId(5) },
  });

  it('without a source, removes the record as the source that holds it, never rewriting it', () => {
    spec
      .given([created])
      .when(addressed('api', true))
      .then({ ...removed, data: { ...removed.data, reason: null } });
  });

  it("naming another source than the holder's is refused, naming the field", () => {
    spec
      .given([created])
      .when(addressed('hubspot', false))
      .thenThrows(
        DomainError,
        (e) =>
          e.code === 'RECORD.SOURCE_MISMATCH' &&
          e.kind === 'conflict' &&
          e.details?.['field'] === 'source' &&
          e.details['heldBy'] === 'salesforce',
      );
  });
});

describe('REMOVED', () => {
  it('a repeated removal is a no-op', () => {
    spec.given([created, removed]).when(remove).thenNothingHappened();
  });

  it('a record that reappears upstream is created again', () => {
    spec
      .given([created, removed])
      .when(receive(account, 7))
      .then({ ...created, data: { ...created.data, receivedAt: t(7) } });
  });

  it('cannot become unresolvable', () => {
    spec
      .given([created, removed])
      .when(unresolvable)
      .thenThrows(DomainError, (e) => e.code === 'RECORD.INVALID_TRANSITION' && e.kind === 'conflict');
  });
});

describe('UNRESOLVABLE', () => {
  it('the same content again changes nothing; changed content is an update that may now resolve', () => {
    spec.given([created, markedUnresolvable]).when(receive(account, 8)).thenNothingHappened();
    const fixed = { ...account, domain: 'northwind-analytics.example' };
    spec
      .given([created, markedUnresolvable])
      .when(receive(fixed, 8))
      .then({
        type: 'SourceUpdated',
        data: {
          recordId,
          key,
          accountId,
          contentHash: contentHash(fixed),
          previousHash: contentHash(account),
          changedFields: ['domain'],
          payload: fixed,
          receivedAt: t(8),
        },
      });
  });

  it('a record first seen as unresolvable is created when its content arrives', () => {
    spec.given([markedUnresolvable]).when(receive(account)).then(created);
  });

  it('can still be removed, and a second unresolvable verdict is a no-op', () => {
    spec.given([created, markedUnresolvable]).when(remove).then(removed);
    spec.given([created, markedUnresolvable]).when(unresolvable).thenNothingHappened();
  });
});

describe('recordIdFor', () => {
  it('gives one stream per (tenant, entity, external id), whichever source sent the record', () => {
    expect(recordIdFor({ ...key })).toBe(recordId);
    expect(recordIdFor({ ...key, source: 'hubspot' })).toBe(recordId);
    expect(recordIdFor({ ...key, entity: 'contract' })).not.toBe(recordId);
    expect(recordIdFor({ ...key, tenantId: 'tenant-b' })).not.toBe(recordId);
  });

  it("an account's canonical id is its record id", () => {
    expect(accountIdFor('tenant-a', '001ABC')).toBe(recordId);
  });
});

describe('outcome facts', () => {
  const prospect = { ...account, lifecycle: 'prospect' };
  const asCustomer = { ...account, lifecycle: 'customer', closeDate: '2025-06-01T00:00:00Z' };
  const factsOf = (events: readonly RecordEvent[]) =>
    events.flatMap((e) => (e.type === 'OutcomeObserved' ? [e.data] : []));
  const fold = (events: RecordEvent[]) => events.reduce(recordDecider.evolve, recordDecider.initialState());

  it('a prospect turning customer → converted, effective at its close date', () => {
    const history = decide(receive(prospect, 1), recordDecider.initialState());
    const [fact] = factsOf(decide(receive(asCustomer, 2), fold(history)));
    expect(fact).toMatchObject({ fact: 'converted', effectiveAt: '2025-06-01T00:00:00.000Z', accountId });
  });

  it('the same change always carries the same fact id; another change another', () => {
    const history = fold(decide(receive(prospect, 1), recordDecider.initialState()));
    const once = factsOf(decide(receive(asCustomer, 2), history));
    const replayed = factsOf(decide(receive(asCustomer, 2), history));
    const later = factsOf(decide(receive(asCustomer, 3), history));
    expect(once[0]!.factId).toBe(replayed[0]!.factId);
    expect(later[0]!.factId).not.toBe(once[0]!.factId);
  });

  it('a customer account removed upstream → lifecycle_left_customer', () => {
    expect(factsOf(decide(remove, fold([created])))).toEqual([]);
    const customer = fold(
      decide(receive({ ...account, lifecycle: 'customer' }, 1), recordDecider.initialState()),
    );
    expect(factsOf(decide(remove, customer)).map((f) => f.fact)).toEqual(['lifecycle_left_customer']);
  });
});
