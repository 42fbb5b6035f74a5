import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@foresight/service-kit';
import { validate as isUuid, v7 as uuidv7 } from 'uuid';
import { IdentityConfig } from '../../../config';
import { PasswordHasher } from '../../../shared/crypto/password-hasher';
import { newOpaqueSecret, sha256Hex } from '../../../shared/crypto/random';
import { identityError } from '../../../shared/domain/identity.errors';
import { normaliseEmail, PLATFORM_TENANT_ID, streams, tenantIdForSlug } from '../../../shared/domain/ids';
import { LockoutPolicy, retryAfterSeconds } from '../../../shared/domain/lockout';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { Streams } from '../../../shared/event-sourcing/streams';
import { emailClaimDecider } from '../../../user/domain/email-claim.decider';
import { userDecider } from '../../../user/domain/user.decider';
import { LoginThrottle } from '../../../user/login-throttle.store';
import { TotpCodes } from '../../../user/totp-codes';
import { sessionDecider } from '../../domain/session.decider';
import { SessionTokens } from '../../session-tokens';
import { TokenPairView } from '../token-pair.view';
import { LoginRequest } from './login.command';

const invalidCredentials = () => identityError('INVALID_CREDENTIALS', 'Wrong email or password');
const locked = (lockedUntil: string, now: Date) =>
  identityError('LOCKED', 'Too many failed sign-ins; try again later', {
    retryAfterSeconds: retryAfterSeconds(lockedUntil, now),
  });

/**
 * Sign-in. Whether the email has an account shows nowhere: an unknown address costs the same
 * argon2 work, gets the same 401, and locks after the same number of tries with the same 423.
 */
@Injectable()
export class LoginHandler {
  private readonly policy: LockoutPolicy;

  constructor(
    private readonly eventStreams: Streams,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly totp: TotpCodes,
    private readonly tokens: SessionTokens,
    @Inject(CONFIG) config: IdentityConfig,
  ) {
    this.policy = { maxAttempts: config.LOGIN_MAX_ATTEMPTS, lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES };
  }

  async execute(request: LoginRequest, meta: CommandMeta, now = new Date()): Promise<TokenPairView> {
    const emailDigest = sha256Hex(normaliseEmail(request.email));
    const claim = await this.eventStreams.load(streams.email(emailDigest), emailClaimDecider);
    const userId = claim.state.userId;
    if (userId === null) return this.unknownEmail(emailDigest, request.password, now);

    const stream = streams.user(userId);
    const { state: user } = await this.eventStreams.load(stream, userDecider);
    if (user.status !== 'registered') return this.unknownEmail(emailDigest, request.password, now);
    if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) throw locked(user.lockedUntil, now);

    const passwordValid = await this.hasher.verifyOrWaste(user.passwordHash, request.password);
    const totpValid =
      user.totp.enabled && request.totp !== undefined && user.totp.secretSealed
        ? this.totp.check(user.totp.secretSealed, userId, request.totp)
        : null;
    const attempt = await this.eventStreams.decide(
      stream,
      userDecider,
      { type: 'RecordLoginAttempt', data: { passwordValid, totpValid, policy: this.policy, now } },
      PLATFORM_TENANT_ID,
      { ...meta, actor: userId },
      { awaitReadModels: false },
    );
    const lockedOut = attempt.events.find((e) => e.type === 'UserLockedOut');
    if (lockedOut?.type === 'UserLockedOut') throw locked(lockedOut.data.lockedUntil, now);
    if (attempt.events.some((e) => e.type === 'LoginFailed')) throw invalidCredentials();

    const tenantId = isUuid(request.tenant) ? request.tenant.toLowerCase() : tenantIdForSlug(request.tenant);
    await this.tokens.access(tenantId, userId);
    const sessionId = uuidv7();
    const refreshSecret = newOpaqueSecret();
    const expiresAt = new Date(now.getTime() + this.tokens.refreshLifetimeMs());
    await this.eventStreams.decide(
      streams.session(sessionId),
      sessionDecider,
      {
        type: 'StartSession',
        data: { sessionId, userId, tenantId, refreshHash: sha256Hex(refreshSecret), expiresAt, now },
      },
      tenantId,
      { ...meta, actor: userId },
      { awaitReadModels: false },
    );
    return this.tokens.pair(
      { sessionId, userId, tenantId, refreshSecret, expiresAt: expiresAt.toISOString() },
      now,
    );
  }

  private async unknownEmail(emailDigest: string, password: string, now: Date): Promise<never> {
    const state = await this.throttle.state(emailDigest);
    if (state.lockedUntil && Date.parse(state.lockedUntil) > now.getTime())
      throw locked(state.lockedUntil, now);
    await this.hasher.verifyOrWaste(null, password);
    const lockedUntil = await this.throttle.fail(emailDigest, now, this.policy);
    throw lockedUntil ? locked(lockedUntil, now) : invalidCredentials();
  }
}
