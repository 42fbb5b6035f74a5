import { Transform, Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { AuthConfig } from '@foresight/auth';

const splitList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s && s !== 'none')
    : value;

/**
 * ingestion's environment; the shared variables (ports, brokers, stores) come from BaseConfig, and
 * identity's addresses, the JWT issuer/audience and REDIS_URL from AuthConfig.
 */
export class IngestionConfig extends AuthConfig {
  /** PostgreSQL schema of ingestion's event store (one per service; tests use their own). */
  @Matches(/^[a-z_][a-z0-9_]{0,55}$/, { message: 'must be a lower-case PostgreSQL identifier' })
  EVENTSTORE_SCHEMA = 'es_ingestion';

  /**
   * Upstream systems whose `upstream.<source>.<entity>` topics are consumed (all four entities each);
   * `none` consumes none.
   */
  @Transform(splitList)
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, {
    each: true,
    message: 'must be a comma-separated list of lower-case source names like crm,product-analytics',
  })
  UPSTREAM_SOURCES: string[] = ['crm', 'product', 'surveys'];

  /** Consumer group of the upstream topics; two deployments reading the same topics need two groups. */
  @Matches(/^[A-Za-z0-9._-]{1,200}$/, { message: 'must be a Kafka consumer group id' })
  UPSTREAM_GROUP_ID = 'ingestion.upstream';

  /** Days of usage that make up an account's features (seed 002's lookback window). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  USAGE_LOOKBACK_DAYS = 90;

  /**
   * Record streams a batch writes at once. Each is a read and an append on PostgreSQL; more than a
   * handful only queues on the pool.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  INGEST_CONCURRENCY = 8;
}

export const ingestionDefaults = { PORT: 3002 };
