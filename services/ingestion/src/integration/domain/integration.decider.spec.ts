import { DeciderSpecification } from '@foresight/testing';
import { SaveColumnMapping } from './integration.commands';
import { categoryOf, integrationDecider } from './integration.decider';
import { IntegrationEvent } from './integration.events';

const spec = DeciderSpecification.for(integrationDecider);
const at = '2026-01-05T10:00:00.000Z';
const save = (name: string, column: string): SaveColumnMapping => ({
  type: 'SaveColumnMapping',
  data: {
    integrationId: 'int-1',
    source: 'hubspot',
    name,
    entity: 'account',
    fields: { mrr: { column } },
    actor: 'key:abcd',
    at,
  },
});
const registered: IntegrationEvent = {
  type: 'IntegrationRegistered',
  data: { integrationId: 'int-1', source: 'hubspot', provider: 'hubspot', category: 'crm', at },
};
const saved = (name: string, column: string): IntegrationEvent => ({
  type: 'ColumnMappingSaved',
  data: {
    integrationId: 'int-1',
    source: 'hubspot',
    name,
    entity: 'account',
    fields: { mrr: { column } },
    savedBy: 'key:abcd',
    savedAt: at,
  },
});

describe('integration', () => {
  it('comes into being with its first saved mapping, categorised from the source name', () => {
    spec
      .given([])
      .when(save('deals', 'MRR'))
      .then([registered, saved('deals', 'MRR')]);
  });

  it('replaces a mapping saved under the same name, and ignores one saved unchanged', () => {
    spec
      .given([registered, saved('deals', 'MRR')])
      .when(save('deals', 'Revenue'))
      .then(saved('deals', 'Revenue'));
    spec
      .given([registered, saved('deals', 'MRR')])
      .when(save('deals', 'MRR'))
      .thenNothingHappened();
  });

  it('takes unknown source names for file drops', () => {
    expect([
      categoryOf('zendesk'),
      categoryOf('product'),
      categoryOf('nps-surveys'),
      categoryOf('sheet'),
    ]).toEqual(['support', 'product_analytics', 'survey', 'file']);
  });
});
