import { registry } from '@foresight/observability';
import { Counter, Histogram } from 'prom-client';

export const authMetrics = {
  /** identity's changedAt → this instance applying the change: the revocation latency, per instance. */
  accessChangeLag: new Histogram<'kind'>({
    name: 'foresight_auth_access_change_lag_seconds',
    help: 'Seconds from an access change at identity to this instance invalidating its caches',
    labelNames: ['kind'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60],
    registers: [registry],
  }),
  refusals: new Counter<'code'>({
    name: 'foresight_auth_refusals_total',
    help: 'Requests refused by the auth guard, by error code',
    labelNames: ['code'],
    registers: [registry],
  }),
} as const;
