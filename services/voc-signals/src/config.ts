import { IsOptional, Matches } from 'class-validator';
import { AuthConfig } from '@foresight/auth';

/**
 * voc-signals's environment; the shared variables (ports, brokers, stores) come from BaseConfig, and
 * identity's addresses, the JWT issuer/audience and REDIS_URL from AuthConfig.
 */
export class VocSignalsConfig extends AuthConfig {
  /** PostgreSQL schema of the service's event store (one per service; tests use their own). */
  @Matches(/^[a-z_][a-z0-9_]{0,55}$/, { message: 'must be a lower-case PostgreSQL identifier' })
  EVENTSTORE_SCHEMA = 'es_voc_signals';

  /**
   * Appended to the consumer-group names. Empty in deployments (every instance shares the group);
   * test runs set a unique one, so runs sharing a broker never split each other's partitions.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{0,60}$/, { message: 'must be at most 60 letters, digits, ".", "_" or "-"' })
  CONSUMER_GROUP_SUFFIX = '';
}

export const vocSignalsDefaults = { PORT: 3006 };
