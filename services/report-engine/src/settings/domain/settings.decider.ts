import { Command, Decider, DomainError, Event } from '@foresight/domain';
import { ReportSettings, settingsProblems } from '../../report/domain/report-settings';

export const SETTINGS_STREAM_CATEGORY = 'settings';

/** One stream per tenant: every version of its report settings, newest last. */
export function settingsStream(tenantId: string): string {
  return `${SETTINGS_STREAM_CATEGORY}-${tenantId}`;
}

export type ChangeSettings = Command<
  'ChangeSettings',
  { tenantId: string; settings: ReportSettings; by: string; at: string }
>;

/** Carries the whole settings, so any version can be read from its one event. */
export type ReportSettingsChanged = Event<
  'ReportSettingsChanged',
  { tenantId: string; version: number; settings: ReportSettings; by: string; changedAt: string }
>;

export interface SettingsState {
  /** 0 while the tenant runs on the defaults. */
  version: number;
  settings: ReportSettings | null;
  changedBy: string | null;
  changedAt: string | null;
}

export const initialSettings = (): SettingsState => ({
  version: 0,
  settings: null,
  changedBy: null,
  changedAt: null,
});

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function decideSettings(command: ChangeSettings, state: SettingsState): ReportSettingsChanged[] {
  const { tenantId, settings, by, at } = command.data;
  const problems = settingsProblems(settings);
  if (problems.length)
    throw new DomainError('SETTINGS.INVALID', problems.join('; '), 'invalid', {
      fields: problems.map((p) => p.slice(0, p.indexOf(':'))),
    });
  // Saving what is already in force is not a new version (a retried PUT).
  if (state.settings && canonical(state.settings) === canonical(settings)) return [];
  return [
    {
      type: 'ReportSettingsChanged',
      data: { tenantId, version: state.version + 1, settings, by, changedAt: at },
    },
  ];
}

export function evolveSettings(_state: SettingsState, event: ReportSettingsChanged): SettingsState {
  const { version, settings, by, changedAt } = event.data;
  return { version, settings, changedBy: by, changedAt };
}

export const settingsDecider: Decider<SettingsState, ChangeSettings, ReportSettingsChanged> = {
  initialState: initialSettings,
  decide: decideSettings,
  evolve: evolveSettings,
};
