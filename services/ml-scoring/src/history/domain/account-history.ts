import type { OutcomeFactName, UsageMetric } from '@foresight/contracts';

/** Where an input came from in the producer's store: what a score's lineage points back to. */
export interface EventPosition {
  stream: string;
  revision: number;
}

/** One version of the account record, as ingestion recorded it at `at`. */
export interface AccountVersion {
  at: string;
  lifecycle: 'customer' | 'prospect' | null;
  closeDate: string | null;
  mrr: number | null;
  arr: number | null;
  industry: string | null;
  employeeRange: string | null;
  webRank: number | null;
  /** The record was removed or became unresolvable at `at`. */
  gone: boolean;
  position: EventPosition;
}

/** One usage row with the business time it covers (not when ingestion received it). */
export interface UsageEntry {
  at: string;
  actions: Readonly<Record<UsageMetric, number>>;
  users: Readonly<Record<UsageMetric, number>>;
  position: EventPosition;
}

export interface OutcomeFactEntry {
  factId: string;
  fact: OutcomeFactName;
  subjectType: 'account' | 'contract' | 'subscription';
  amountBefore: number | null;
  amountAfter: number | null;
  /** When it happened in the business; labels are placed by this time. */
  effectiveAt: string;
  position: EventPosition;
}

/**
 * Everything ml-scoring keeps of one account to build features and labels as of any past moment.
 * Versions, rows and facts are sorted by time, so "strictly before t" is a prefix.
 */
export interface AccountHistory {
  accountId: string;
  versions: AccountVersion[];
  usage: UsageEntry[];
  facts: OutcomeFactEntry[];
}

export const emptyHistory = (accountId: string): AccountHistory => ({
  accountId,
  versions: [],
  usage: [],
  facts: [],
});
