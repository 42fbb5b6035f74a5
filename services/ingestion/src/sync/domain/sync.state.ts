export type Sync = { status: 'OPEN' } | { status: 'RUNNING' } | { status: 'COMPLETED' };

export const initialSync = (): Sync => ({ status: 'OPEN' });
