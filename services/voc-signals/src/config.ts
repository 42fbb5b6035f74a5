import { Matches } from 'class-validator';
import { AuthConfig } from '@foresight/auth';

/**
 * voc-signals's environment; the shared variables (ports, brokers, stores) come from BaseConfig, and
 * identity's addresses, the JWT issuer/audience and REDIS_URL from AuthConfig.
 */
export class VocSignalsConfig extends AuthConfig {
  /** PostgreSQL schema of the service's event store (one per service; tests use their own). */
  @Matches(/^[a-z_][a-z0-9_]{0,55}$/, { message: 'must be a lower-case PostgreSQL identifier' })
  EVENTSTORE_SCHEMA = 'es_voc_signals';
}

export const vocSignalsDefaults = { PORT: 3006 };
