import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Admin } from 'kafkajs';
import { Connection } from 'mongoose';
import { BaseConfig } from '../config/config';
import { CONFIG } from '../config/tokens';
import { EVENTSTORE_PROBE, EventStoreProbe, KAFKA_ADMIN, MONGO_CONNECTION } from '../connections/tokens';

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(CONFIG) private readonly config: BaseConfig,
    @Inject(KAFKA_ADMIN) private readonly kafkaAdmin: Admin,
    @Inject(MONGO_CONNECTION) private readonly mongo: Connection,
    @Inject(EVENTSTORE_PROBE) private readonly eventStore: EventStoreProbe,
  ) {}

  /** Liveness: the process answers. Dependencies are readiness's business, so a broker outage never restarts us. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: every dependency answers within HEALTH_TIMEOUT_MS; 503 names the ones that did not. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.probe('kafka', async () => void (await this.kafkaAdmin.describeCluster())),
      () => this.probe('eventstore', () => this.eventStore.ping()),
      () =>
        this.probe('mongo', async () => {
          if (!this.mongo.db) throw new Error('not connected');
          await this.mongo.db.command({ ping: 1 });
        }),
    ]);
  }

  private async probe(key: string, check: () => Promise<void>) {
    const session = this.indicators.check(key);
    try {
      await withTimeout(check(), this.config.HEALTH_TIMEOUT_MS, key);
      return session.up();
    } catch (err) {
      return session.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }
}
