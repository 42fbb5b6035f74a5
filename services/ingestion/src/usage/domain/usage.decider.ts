import { aggregateUsage, AccountFeatures } from '@foresight/contracts';
import { assertNever, Decider } from '@foresight/domain';
import { contentHash } from '../../record/domain/content-hash';
import { UsageCommand } from './usage.commands';
import { AccountFeaturesComputed, UsageEvent, UsageRecorded } from './usage.events';
import { AccountUsage, initialUsage, UsagePeriod } from './usage.state';

export const periodOf = (at: string): string => new Date(at).toISOString();

/**
 * Features as of the account's latest usage period, not the wall clock: the same usage always gives
 * the same numbers, so a re-sent or replayed history publishes nothing new, and a historical backfill
 * is scored as of its own time. (A silent account is not re-scored until usage or its record moves.)
 */
export function featuresOf(
  command: UsageCommand,
  periods: Readonly<Record<string, UsagePeriod>>,
): AccountFeatures | null {
  const samples = Object.values(periods).map((p) => p.sample);
  if (samples.length === 0) return null;
  const asOf = Object.keys(periods).reduce((latest, p) => (p > latest ? p : latest));
  const { accountId, firmographics, lookbackDays } = command.data;
  const features = aggregateUsage(accountId, samples, { asOf, lookbackDays });
  return firmographics ? { ...features, firmographics } : features;
}

function computed(
  command: UsageCommand,
  state: AccountUsage,
  periods: Readonly<Record<string, UsagePeriod>>,
): AccountFeaturesComputed[] {
  const features = featuresOf(command, periods);
  if (!features) return [];
  const featuresHash = contentHash(features);
  if (featuresHash === state.featuresHash) return [];
  const { accountId, accountExternalId, at } = command.data;
  return [
    {
      type: 'AccountFeaturesComputed',
      data: { accountId, accountExternalId, features, featuresHash, computedAt: at },
    },
  ];
}

export function decide(command: UsageCommand, state: AccountUsage): UsageEvent[] {
  switch (command.type) {
    case 'RecordUsage': {
      const { accountId, accountExternalId, source, at } = command.data;
      const periods: Record<string, UsagePeriod> = { ...state.periods };
      const recorded: UsageRecorded[] = [];
      for (const sample of command.data.samples) {
        const period = periodOf(sample.at);
        const hash = contentHash({ actions: sample.actions, users: sample.users });
        const previous = periods[period];
        if (previous?.hash === hash) continue;
        recorded.push({
          type: 'UsageRecorded',
          data: {
            accountId,
            accountExternalId,
            source,
            period,
            actions: sample.actions,
            users: sample.users,
            contentHash: hash,
            previousHash: previous?.hash ?? null,
            recordedAt: at,
          },
        });
        periods[period] = { sample: { ...sample, at: period }, hash };
      }
      if (recorded.length === 0) return [];
      return [...recorded, ...computed(command, state, periods)];
    }
    case 'RefreshFeatures':
      return computed(command, state, state.periods);
    default:
      return assertNever(command, 'usage command');
  }
}

export function evolve(state: AccountUsage, event: UsageEvent): AccountUsage {
  switch (event.type) {
    case 'UsageRecorded': {
      const { period, actions, users, contentHash: hash } = event.data;
      return {
        ...state,
        periods: { ...state.periods, [period]: { sample: { at: period, actions, users }, hash } },
      };
    }
    case 'AccountFeaturesComputed':
      return { ...state, featuresHash: event.data.featuresHash };
    default:
      return assertNever(event, 'usage event');
  }
}

export const usageDecider: Decider<AccountUsage, UsageCommand, UsageEvent> = {
  initialState: initialUsage,
  decide,
  evolve,
};
