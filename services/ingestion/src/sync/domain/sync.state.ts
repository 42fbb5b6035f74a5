export type Sync = { status: 'OPEN' } | { status: 'COMPLETED' };

export const initialSync = (): Sync => ({ status: 'OPEN' });
