import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { DEFAULT_REPORT_SETTINGS, ReportSettings } from '../../report/domain/report-settings';
import { ChangeSettings, ReportSettingsChanged, settingsDecider } from './settings.decider';

const spec = DeciderSpecification.for(settingsDecider);
const change = (settings: ReportSettings, at = '2025-06-16T09:00:00.000Z'): ChangeSettings => ({
  type: 'ChangeSettings',
  data: { tenantId: 't-1', settings, by: 'admin@t1.test', at },
});
const tuned: ReportSettings = {
  ...DEFAULT_REPORT_SETTINGS,
  thresholds: { ...DEFAULT_REPORT_SETTINGS.thresholds, CRITICAL_CHURN: { enter: 0.9, exit: 0.75 } },
  renewalWindowDays: 60,
};
const first: ReportSettingsChanged = {
  type: 'ReportSettingsChanged',
  data: {
    tenantId: 't-1',
    version: 1,
    settings: tuned,
    by: 'admin@t1.test',
    changedAt: '2025-06-16T09:00:00.000Z',
  },
};

describe('settings of a tenant that saved none', () => {
  it('saving settings makes version 1', () => {
    spec.given([]).when(change(tuned)).then(first);
  });

  it('refuses an exit not below its enter, naming the field', () => {
    const flapping = {
      ...tuned,
      thresholds: { ...tuned.thresholds, UPSELL: { enter: 0.7, exit: 0.7 } },
    };
    spec
      .given([])
      .when(change(flapping))
      .thenThrows(
        DomainError,
        (e) =>
          e.code === 'SETTINGS.INVALID' &&
          (e.details?.['fields'] as string[]).includes('thresholds.UPSELL.exit'),
      );
  });

  it('refuses a partial churn entry above the critical one, a window of 0 days and a TTL of 0', () => {
    const bad = {
      ...tuned,
      thresholds: { ...tuned.thresholds, PARTIAL_CHURN: { enter: 0.95, exit: 0.5 } },
      renewalWindowDays: 0,
      ttlDays: { ...tuned.ttlDays, EXPANSION: 0 },
    };
    spec
      .given([])
      .when(change(bad))
      .thenThrows(DomainError, (e) =>
        ['thresholds.PARTIAL_CHURN.enter', 'renewalWindowDays', 'ttlDays.EXPANSION'].every((f) =>
          (e.details?.['fields'] as string[]).includes(f),
        ),
      );
  });
});

describe('settings at version 1', () => {
  it('a change makes version 2; the same settings again are not a new version', () => {
    const again = { ...tuned, renewalWindowDays: 30 };
    spec
      .given([first])
      .when(change(again, '2025-06-17T09:00:00.000Z'))
      .then({
        type: 'ReportSettingsChanged',
        data: { ...first.data, version: 2, settings: again, changedAt: '2025-06-17T09:00:00.000Z' },
      });
    spec.given([first]).when(change(tuned)).thenNothingHappened();
  });
});
