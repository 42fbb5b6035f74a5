export type TenantModelStatus = 'training' | 'failed' | 'trained' | 'shadow' | 'promoted' | 'retired';

/** One serving slot (tenant × outcome × segment): every model trained for it and which one serves. */
export interface ModelSlot {
  models: Record<string, { status: TenantModelStatus; version: string | null }>;
  promoted: string | null;
}

export const initialModelSlot = (): ModelSlot => ({ models: {}, promoted: null });
