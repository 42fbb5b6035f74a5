import type { CsvFieldSource } from '@foresight/contracts';
import { Command } from '@foresight/domain';

export type SaveColumnMapping = Command<
  'SaveColumnMapping',
  {
    integrationId: string;
    source: string;
    name: string;
    entity: string;
    fields: Record<string, CsvFieldSource>;
    actor: string;
    at: string;
  }
>;

export type IntegrationCommand = SaveColumnMapping;
