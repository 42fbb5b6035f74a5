import type { CsvFieldSource } from '@foresight/contracts';

export interface SavedMapping {
  entity: string;
  fields: Record<string, CsvFieldSource>;
}

export type Integration =
  { status: 'UNKNOWN' } | { status: 'REGISTERED'; mappings: Readonly<Record<string, SavedMapping>> };

export const initialIntegration = (): Integration => ({ status: 'UNKNOWN' });
