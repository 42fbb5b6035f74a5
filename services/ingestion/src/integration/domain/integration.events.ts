import type { CsvFieldSource } from '@foresight/contracts';
import { Event } from '@foresight/domain';

/** Seed 004 `integrations.category`, plus `file` for sources that are only ever CSV files. */
export const INTEGRATION_CATEGORIES = [
  'crm',
  'product_analytics',
  'support',
  'survey',
  'data_partner',
  'file',
] as const;
export type IntegrationCategory = (typeof INTEGRATION_CATEGORIES)[number];

/** The tenant's first explicit act on a source (saving a mapping): provider and category are fixed then. */
export type IntegrationRegistered = Event<
  'IntegrationRegistered',
  { integrationId: string; source: string; provider: string; category: IntegrationCategory; at: string }
>;

/** A named column mapping for CSV files of this source; a later save of the same name replaces it. */
export type ColumnMappingSaved = Event<
  'ColumnMappingSaved',
  {
    integrationId: string;
    source: string;
    name: string;
    entity: string;
    fields: Record<string, CsvFieldSource>;
    savedBy: string;
    savedAt: string;
  }
>;

export type IntegrationEvent = IntegrationRegistered | ColumnMappingSaved;

export const INTEGRATION_EVENT_TYPES = [
  'IntegrationRegistered',
  'ColumnMappingSaved',
] as const satisfies readonly IntegrationEvent['type'][];
