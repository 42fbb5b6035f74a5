import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { contentHash } from './content-hash';
import { RecordCommand } from './record.commands';
import { recordDecider } from './record.decider';
import { RecordEvent } from './record.events';
import { RecordKey, recordIdFor } from './record-key';

const spec = DeciderSpecification.for(recordDecider);
const key: RecordKey = {
  tenantId: 'tenant-a',
  source: 'salesforce',
  entity: 'account',
  externalId: '001ABC',
};
const recordId = recordIdFor(key);
const account = {
  name: 'Northwind Analytics',
  domain: 'northwind.example',
  employeeRange: '51 to 200',
  arr: 24000,
};
const t = (minute: number) => `2025-06-16T09:${String(minute).padStart(2, '0')}:00.000Z`;

const receive = (payload: Record<string, unknown>, minute = 1): RecordCommand => ({
  type: 'ReceiveRecord',
  data: { key, payload, at: t(minute) },
});
const remove: RecordCommand = { type: 'RemoveRecord', data: { key, reason: 'deleted in CRM', at: t(5) } };
const unresolvable: RecordCommand = {
  type: 'MarkUnresolvable',
  data: { key, reason: 'domain matches 2 accounts', at: t(6) },
};

const created: RecordEvent = {
  type: 'SourceCreated',
  data: { recordId, key, contentHash: contentHash(account), payload: account, receivedAt: t(1) },
};
const removed: RecordEvent = {
  type: 'SourceRemoved',
  data: { recordId, key, reason: 'deleted in CRM', removedAt: t(5) },
};
const markedUnresolvable: RecordEvent = {
  type: 'SourceUnresolvable',
  data: { recordId, key, reason: 'domain matches 2 accounts', detectedAt: t(6) },
};

describe('record never seen', () => {
  it('a received record → Source_Created with its content hash', () => {
    spec.given([]).when(receive(account)).then(created);
  });

  it('removal and unresolvability are recorded even for a record never loaded (seed: [*] → Source_Removed)', () => {
    spec.given([]).when(remove).then(removed);
    spec.given([]).when(unresolvable).then(markedUnresolvable);
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
      .then({
        type: 'SourceUpdated',
        data: {
          recordId,
          key,
          contentHash: contentHash(renewed),
          previousHash: contentHash(account),
          changedFields: ['arr'],
          payload: renewed,
          receivedAt: t(3),
        },
      });
  });

  it('RemoveRecord → Source_Removed; MarkUnresolvable → Source_Unresolvable', () => {
    spec.given([created]).when(remove).then(removed);
    spec.given([created]).when(unresolvable).then(markedUnresolvable);
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
  it('gives one stream per (tenant, source, entity, external id)', () => {
    expect(recordIdFor({ ...key })).toBe(recordId);
    expect(recordIdFor({ ...key, source: 'hubspot' })).not.toBe(recordId);
    expect(recordIdFor({ ...key, tenantId: 'tenant-b' })).not.toBe(recordId);
  });
});
