import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, ReadModels } from '@foresight/backbone';
import { EventStore, handle } from '@foresight/eventstore';
import { integrationDecider } from '../../domain/integration.decider';
import { integrationError } from '../../integration.errors';
import { integrationIdFor, integrationStream } from '../../integration-id';
import { integrationsProjection } from '../../projections/integrations.projection';
import { ColumnMappingView } from './column-mapping.view';
import { SaveColumnMappingCommand } from './save-column-mapping.command';

/** Saves a named column mapping on the source's integration stream; reads come from the read model. */
@Injectable()
export class SaveColumnMappingHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  async execute(command: SaveColumnMappingCommand): Promise<ColumnMappingView> {
    const { tenantId, source, name, entity, actor, at } = command.input;
    const integrationId = integrationIdFor(tenantId, source);
    await handle(
      this.store,
      integrationStream(integrationId),
      integrationDecider,
      {
        type: 'SaveColumnMapping',
        data: { integrationId, source, name, entity, fields: command.fields, actor, at: at.toISOString() },
      },
      { metadata: { tenantId, actor, correlationId: integrationId }, occurredAt: at },
    );
    return { source, name, entity, fields: command.fields, savedBy: actor, savedAt: at.toISOString() };
  }

  async one(tenantId: string, source: string, name: string): Promise<ColumnMappingView> {
    const doc = await this.readModels.of(integrationsProjection).findById(tenantId, `${tenantId}:${source}`);
    const mapping = doc?.mappings.find((m) => m.name === name);
    if (!mapping)
      throw integrationError('MAPPING_NOT_FOUND', `no mapping ${name} saved for source ${source}`, {
        source,
        name,
      });
    return {
      source,
      name,
      entity: mapping.entity,
      fields: JSON.parse(mapping.fields) as Record<string, unknown>,
      savedBy: mapping.savedBy,
      savedAt: mapping.savedAt,
    };
  }
}
