import type { UsageSample } from '@foresight/contracts';

export interface UsagePeriod {
  sample: UsageSample;
  hash: string;
}

/** An account's usage periods (keyed by normalised period start) and what was last published of them. */
export interface AccountUsage {
  periods: Readonly<Record<string, UsagePeriod>>;
  featuresHash: string | null;
}

export const initialUsage = (): AccountUsage => ({ periods: {}, featuresHash: null });
