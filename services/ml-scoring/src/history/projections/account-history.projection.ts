import type {
  OutcomeObservedPayload,
  RecordRemovedPayload,
  RecordUnresolvablePayload,
  RecordUpsertedPayload,
  UsageRecordedPayload,
} from '@foresight/contracts';
import { assertNever } from '@foresight/domain';
import { defineProjection, ProjectionEvent } from '@foresight/projections';
import {
  AccountHistory,
  AccountVersion,
  emptyHistory,
  EventPosition,
  OutcomeFactEntry,
  UsageEntry,
} from '../domain/account-history';

export type AccountHistoryDoc = AccountHistory;

export type HistoryEvent =
  | ProjectionEvent<'RecordUpserted', RecordUpsertedPayload>
  | ProjectionEvent<'RecordRemoved', RecordRemovedPayload>
  | ProjectionEvent<'RecordUnresolvable', RecordUnresolvablePayload>
  | ProjectionEvent<'UsageRecorded', UsageRecordedPayload>
  | ProjectionEvent<'OutcomeObserved', OutcomeObservedPayload>;

export const HISTORY_EVENT_TYPES = [
  'RecordUpserted',
  'RecordRemoved',
  'RecordUnresolvable',
  'UsageRecorded',
  'OutcomeObserved',
] as const satisfies readonly HistoryEvent['type'][];

const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const byTime = <T extends { at: string }>(a: T, b: T) => Date.parse(a.at) - Date.parse(b.at);

function versionOf(
  e: HistoryEvent,
  position: EventPosition,
  previous: AccountVersion | undefined,
): AccountVersion {
  if (e.type !== 'RecordUpserted')
    return { ...(previous ?? blankVersion(position)), at: e.data.at, gone: true, position };
  const d = e.data.data;
  const lifecycle = text(d['lifecycle']);
  return {
    at: e.data.at,
    lifecycle: lifecycle === 'customer' || lifecycle === 'prospect' ? lifecycle : null,
    closeDate: text(d['closeDate']),
    mrr: num(d['mrr']),
    arr: num(d['arr']),
    industry: text(d['industry']),
    employeeRange: text(d['employeeRange']),
    webRank: num(d['webRank']),
    gone: false,
    position,
  };
}

function blankVersion(position: EventPosition): AccountVersion {
  return {
    at: new Date(0).toISOString(),
    lifecycle: null,
    closeDate: null,
    mrr: null,
    arr: null,
    industry: null,
    employeeRange: null,
    webRank: null,
    gone: false,
    position,
  };
}

/**
 * Each account's record versions, usage rows and outcome facts with their times, fed from ingestion's
 * topics: the raw material of point-in-time training sets and of tenant-model features. Rebuilt by
 * replaying those topics; a redelivery is skipped by the source stream's revision.
 */
export const accountHistoryProjection = defineProjection<AccountHistoryDoc, HistoryEvent>({
  name: 'ml-account-history',
  version: 1,
  collectionBase: 'ml_account_history',
  handles: HISTORY_EVENT_TYPES,
  // Tenant in the id: an account id another tenant reuses must never land on this document.
  id: (e) => `${e.tenantId}:${e.data.accountId}`,
  evolve(current, e) {
    const doc = current ?? emptyHistory(e.data.accountId);
    const position = { stream: e.stream, revision: e.revision };
    switch (e.type) {
      case 'RecordUpserted':
      case 'RecordRemoved':
      case 'RecordUnresolvable': {
        // Contracts and subscriptions reach ml-scoring as outcome facts; only the account's own record is a feature source.
        if (e.data.entity !== 'account') return current;
        const version = versionOf(e, position, doc.versions[doc.versions.length - 1]);
        return { ...doc, versions: [...doc.versions, version].sort(byTime) };
      }
      case 'UsageRecorded': {
        const incoming: UsageEntry[] = e.data.rows.map((r) => ({
          at: new Date(r.at).toISOString(),
          actions: { ...r.actions },
          users: { ...r.users },
          position,
        }));
        // A re-sent period replaces the row recorded for it before.
        const replaced = new Set(incoming.map((r) => r.at));
        return {
          ...doc,
          usage: [...doc.usage.filter((r) => !replaced.has(r.at)), ...incoming].sort(byTime),
        };
      }
      case 'OutcomeObserved': {
        const d = e.data;
        if (doc.facts.some((f) => f.factId === d.factId)) return current;
        const fact: OutcomeFactEntry = {
          factId: d.factId,
          fact: d.fact,
          subjectType: d.subjectType,
          amountBefore: d.amountBefore ?? null,
          amountAfter: d.amountAfter ?? null,
          effectiveAt: d.effectiveAt,
          position,
        };
        const facts = [...doc.facts, fact].sort(
          (a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt),
        );
        return { ...doc, facts };
      }
      default:
        return assertNever(e, 'history event');
    }
  },
});
