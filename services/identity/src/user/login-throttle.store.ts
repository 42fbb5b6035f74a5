import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { MONGO_CONNECTION } from '@foresight/service-kit';
import type { Connection, mongo } from 'mongoose';
import { evaluateAttempt, LockoutPolicy, LockoutState } from '../shared/domain/lockout';

interface ThrottleDoc extends LockoutState {
  _id: string;
  updatedAt: Date;
}

/**
 * Failed sign-ins for addresses that have no account. They lock exactly like a real account (same
 * rule, same answers), so the answers never tell whether an email is registered. Not event-sourced:
 * there is no user to record them on, and they are worthless once the lock has passed.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnApplicationShutdown {
  private readonly docs: mongo.Collection<ThrottleDoc>;
  private timer?: NodeJS.Timeout;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.docs = connection.collection<ThrottleDoc>('identity_login_throttle');
  }

  onModuleInit(): void {
    // FerretDB has no TTL indexes: prune by hand what no lock can depend on any more.
    this.timer = setInterval(
      () =>
        void this.docs
          .deleteMany({ updatedAt: { $lt: new Date(Date.now() - 24 * 3600_000) } })
          .catch(() => undefined),
      3600_000,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async state(emailDigest: string): Promise<LockoutState> {
    const doc = await this.docs.findOne({ _id: emailDigest });
    return { failedAttempts: doc?.failedAttempts ?? 0, lockedUntil: doc?.lockedUntil ?? null };
  }

  /** Records a failure; returns the resulting lock, if this failure caused one. */
  async fail(emailDigest: string, now: Date, policy: LockoutPolicy): Promise<string | null> {
    const outcome = evaluateAttempt(await this.state(emailDigest), false, now, policy);
    if (outcome.kind !== 'failed') return null;
    await this.docs.updateOne(
      { _id: emailDigest },
      { $set: { failedAttempts: outcome.failedAttempts, lockedUntil: outcome.lockedUntil, updatedAt: now } },
      { upsert: true },
    );
    return outcome.lockedUntil;
  }
}
