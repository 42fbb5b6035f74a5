import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
  ValidationError,
} from 'class-validator';

/** Raised before anything starts, so a misconfigured process dies with the variable's name, not a stack. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const splitList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/** Variables every service reads. Services extend this class with their own. */
export class BaseConfig {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

  @Transform(splitList)
  @IsString({ each: true })
  @Matches(/^[^\s:]+:\d{1,5}$/, {
    each: true,
    message: 'must be a comma-separated list of host:port',
  })
  @IsNotEmpty()
  KAFKA_BROKERS!: string[];

  @Matches(/^(postgres(ql)?|kurrentdb|esdb)(\+discover)?:\/\/.+/, {
    message: 'must be a postgres://, kurrentdb:// or esdb:// URL',
  })
  EVENTSTORE_URL!: string;

  @Matches(/^mongodb(\+srv)?:\/\/.+/, { message: 'must be a mongodb:// URL' })
  MONGO_URL!: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * Concurrent commands this process sends to Mongo. Kept small: FerretDB deadlocks when many
   * multi-statement commands hold its PostgreSQL connections at once (docs/adr/0002).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  MONGO_POOL_SIZE = 10;

  /** Appended to the service's Kafka consumer groups; set only to run isolated copies side by side (tests). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{0,40}$/, { message: 'must be up to 40 letters, digits, _ or -' })
  CONSUMER_GROUP_SUFFIX = '';

  /**
   * Where a consumer group that has never committed starts: 'beginning' (production: a new consumer
   * sees every event) or 'end' (isolated test copies on a shared broker skip earlier runs' history).
   */
  @IsIn(['beginning', 'end'])
  CONSUMER_NEW_GROUP_START: 'beginning' | 'end' = 'beginning';

  /**
   * Partitions each consumer group handles at once (order within a partition, so per key, is kept
   * either way). More than one keeps an event from queueing behind another topic's batch.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(32)
  CONSUMER_PARTITIONS_CONCURRENTLY = 3;

  /** How long a readiness probe waits for each dependency before calling it down. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  HEALTH_TIMEOUT_MS = 2000;
}

function describe(errors: ValidationError[], raw: Record<string, unknown>): string[] {
  return errors.map((e) => {
    const given = raw[e.property];
    if (given === undefined) return `${e.property}: is required`;
    const reasons = [
      ...new Set(
        Object.values(e.constraints ?? {}).map((m) =>
          m.replace(new RegExp(`^(each value in )?${e.property} `), ''),
        ),
      ),
    ];
    return `${e.property}: ${reasons.join('; ')} (got ${JSON.stringify(given)})`;
  });
}

/**
 * Reads and validates configuration from the environment. Defaults come from the class's property
 * initialisers; `defaults` lets a service set its own (its port) without a subclass per value.
 */
export function loadConfig<T extends object>(
  cls: new () => T,
  env: NodeJS.ProcessEnv = process.env,
  defaults: Partial<Record<keyof T, unknown>> = {},
): T {
  const source: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') source[k] = v;
  const config = plainToInstance(cls, source, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  if (errors.length) throw new ConfigError(describe(errors, source));
  return config;
}
