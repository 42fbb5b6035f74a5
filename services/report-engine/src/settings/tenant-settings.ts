import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import { EventStore } from '@foresight/eventstore';
import { ReportSettings } from '../report/domain/report-settings';
import {
  ReportSettingsChanged,
  settingsDecider,
  SettingsState,
  settingsStream,
} from './domain/settings.decider';

/** The deployment's defaults (REPORT_THRESHOLDS over the built-in ones), for tenants that saved none. */
export const DEFAULT_SETTINGS = Symbol('DEFAULT_SETTINGS');

export interface SettingsInForce {
  /** 0: the defaults. */
  version: number;
  settings: ReportSettings;
  changedBy: string | null;
  changedAt: string | null;
}

/**
 * The one reader of a tenant's settings stream, for views and for every use case that needs a
 * threshold: read on each call, so a saved change applies to the next score without a restart.
 */
@Injectable()
export class TenantSettings {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DEFAULT_SETTINGS) private readonly defaults: ReportSettings,
  ) {}

  async state(tenantId: string): Promise<SettingsState> {
    const events = await this.store.read(settingsStream(tenantId));
    return events.reduce(
      (s, e) => settingsDecider.evolve(s, { type: e.type, data: e.data } as ReportSettingsChanged),
      settingsDecider.initialState(),
    );
  }

  async of(tenantId: string): Promise<SettingsInForce> {
    const s = await this.state(tenantId);
    return { ...s, settings: s.settings ?? this.defaults };
  }
}
