import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@foresight/backbone';
import { EventStore, handle } from '@foresight/eventstore';
import { currentTraceparent } from '@foresight/observability';
import { settingsDecider, settingsStream } from '../../domain/settings.decider';
import { SettingsInForce, TenantSettings } from '../../tenant-settings';
import { ChangeSettingsCommand } from './change-settings.command';

@Injectable()
export class ChangeSettingsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly settings: TenantSettings,
  ) {}

  async execute(command: ChangeSettingsCommand): Promise<SettingsInForce> {
    const { tenantId, settings, by, at, requestId } = command;
    const traceparent = currentTraceparent();
    await handle(
      this.store,
      settingsStream(tenantId),
      settingsDecider,
      { type: 'ChangeSettings', data: { tenantId, settings, by, at } },
      {
        metadata: {
          tenantId,
          actor: by,
          correlationId: requestId,
          ...(traceparent ? { traceparent } : {}),
        },
      },
    );
    return this.settings.of(tenantId);
  }
}
