import type { AccountFirmographics, UsageSample } from '@foresight/contracts';
import { Command } from '@foresight/domain';

interface FeatureInputs {
  accountId: string;
  accountExternalId: string;
  /** From the account record as it stands; null when it carries none. */
  firmographics: AccountFirmographics | null;
  lookbackDays: number;
  at: string;
}

/** Validated usage rows of one account, from a batch or an upstream topic. */
export type RecordUsage = Command<
  'RecordUsage',
  FeatureInputs & { source: string; samples: readonly UsageSample[] }
>;

/** The account record changed in a way the features carry (firmographics): recompute them. */
export type RefreshFeatures = Command<'RefreshFeatures', FeatureInputs>;

export type UsageCommand = RecordUsage | RefreshFeatures;
