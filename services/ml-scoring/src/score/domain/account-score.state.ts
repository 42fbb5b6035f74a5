import type { AccountFeatures, AccountVocSignals } from '@foresight/contracts';

export interface AccountScoring {
  /** The tenant the stream belongs to; null before its first event. */
  tenantId: string | null;
  features: AccountFeatures | null;
  voc: AccountVocSignals | null;
  vocRevision: number | null;
  lastScore: { probability: number; modelVersion: string } | null;
}

export const initialAccountScoring = (): AccountScoring => ({
  tenantId: null,
  features: null,
  voc: null,
  vocRevision: null,
  lastScore: null,
});
