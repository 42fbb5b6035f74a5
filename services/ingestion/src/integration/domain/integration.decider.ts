import { assertNever, Decider } from '@foresight/domain';
import { IntegrationCommand } from './integration.commands';
import { IntegrationCategory, IntegrationEvent } from './integration.events';
import { initialIntegration, Integration } from './integration.state';

const CATEGORY_HINTS: readonly [RegExp, IntegrationCategory][] = [
  [/crm|salesforce|hubspot|pipedrive|dynamics/, 'crm'],
  [/product|analytics|amplitude|mixpanel|segment|heap|usage/, 'product_analytics'],
  [/support|zendesk|intercom|freshdesk|helpdesk|ticket/, 'support'],
  [/survey|nps|typeform|qualtrics|delighted/, 'survey'],
  [/partner|clearbit|zoominfo|bombora|g2|enrich|intent/, 'data_partner'],
];

/**
 * The category of a source the tenant never described, from its name: sources are named after the
 * system (`crm`, `zendesk`, `product-analytics`); anything else is taken for a file drop.
 */
export function categoryOf(source: string): IntegrationCategory {
  return CATEGORY_HINTS.find(([hint]) => hint.test(source))?.[1] ?? 'file';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An integration is a source of one tenant. It comes into being with its first saved mapping;
 * re-saving a mapping unchanged is a no-op, so a script can PUT its mappings on every run.
 */
export function decide(command: IntegrationCommand, state: Integration): IntegrationEvent[] {
  switch (command.type) {
    case 'SaveColumnMapping': {
      const { integrationId, source, name, entity, fields, actor, at } = command.data;
      const saved = state.status === 'REGISTERED' ? state.mappings[name] : undefined;
      if (saved && saved.entity === entity && same(saved.fields, fields)) return [];
      return [
        ...(state.status === 'UNKNOWN'
          ? [
              {
                type: 'IntegrationRegistered' as const,
                data: { integrationId, source, provider: source, category: categoryOf(source), at },
              },
            ]
          : []),
        {
          type: 'ColumnMappingSaved',
          data: { integrationId, source, name, entity, fields, savedBy: actor, savedAt: at },
        },
      ];
    }
    default:
      return assertNever(command.type as never, 'integration command');
  }
}

export function evolve(state: Integration, event: IntegrationEvent): Integration {
  switch (event.type) {
    case 'IntegrationRegistered':
      return { status: 'REGISTERED', mappings: {} };
    case 'ColumnMappingSaved': {
      const mappings = state.status === 'REGISTERED' ? state.mappings : {};
      return {
        status: 'REGISTERED',
        mappings: {
          ...mappings,
          [event.data.name]: { entity: event.data.entity, fields: event.data.fields },
        },
      };
    }
    default:
      return assertNever(event, 'integration event');
  }
}

export const integrationDecider: Decider<Integration, IntegrationCommand, IntegrationEvent> = {
  initialState: initialIntegration,
  decide,
  evolve,
};
