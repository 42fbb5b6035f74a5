import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import { RecordLoginAttempt } from './user.commands';
import { userDecider } from './user.decider';
import { LoginFailed, PasswordSet, UserLockedOut, UserRegistered } from './user.events';

const spec = DeciderSpecification.for(userDecider);
const now = new Date('2026-03-01T10:00:00Z');
const policy = { maxAttempts: 3, lockoutMinutes: 15 };
const userId = 'u-1';
const registered: UserRegistered = {
  type: 'UserRegistered',
  data: { userId, email: 'ann@acme.com', registeredAt: now.toISOString() },
};
const password: PasswordSet = {
  type: 'PasswordSet',
  data: { userId, passwordHash: '$argon2id$x', setAt: now.toISOString() },
};
const failed = (n: number): LoginFailed => ({
  type: 'LoginFailed',
  data: { userId, failedAttempts: n, failedAt: now.toISOString() },
});
const lockedOut: UserLockedOut = {
  type: 'UserLockedOut',
  data: { userId, lockedUntil: '2026-03-01T10:15:00.000Z', lockedAt: now.toISOString() },
};
const attempt = (passwordValid: boolean, at = now, totpValid: boolean | null = null): RecordLoginAttempt => ({
  type: 'RecordLoginAttempt',
  data: { passwordValid, totpValid, policy, now: at },
});
const code = (c: string) => (e: DomainError) => e.code === c;

describe('user decider', () => {
  describe('registered with a password', () => {
    it('a right password with no earlier failures records nothing', () =>
      spec.given([registered, password]).when(attempt(true)).thenNothingHappened());

    it('a wrong password counts a failure', () =>
      spec.given([registered, password]).when(attempt(false)).then(failed(1)));

    it('the last allowed failure locks the account for the lockout period', () =>
      spec
        .given([registered, password, failed(1), failed(2)])
        .when(attempt(false))
        .then([failed(3), lockedOut]));

    it('a right password after failures resets the count', () =>
      spec
        .given([registered, password, failed(1)])
        .when(attempt(true))
        .then({ type: 'FailedLoginsReset', data: { userId, resetAt: now.toISOString() } }));
  });

  describe('locked out', () => {
    const history = [registered, password, failed(1), failed(2), failed(3), lockedOut];

    it('refuses even the right password, saying when to retry', () =>
      spec
        .given(history)
        .when(attempt(true, new Date('2026-03-01T10:05:00Z')))
        .thenThrows(
          DomainError,
          (e) => e.code === 'IDENTITY.LOCKED' && e.details?.['retryAfterSeconds'] === 600,
        ));

    it('once the lock has run out, counting starts again from one', () =>
      spec
        .given(history)
        .when(attempt(false, new Date('2026-03-01T10:16:00Z')))
        .then({ ...failed(1), data: { ...failed(1).data, failedAt: '2026-03-01T10:16:00.000Z' } }));
  });

  describe('invited, no password yet', () => {
    it('cannot sign in even if the check somehow passed', () =>
      spec.given([registered]).when(attempt(true)).then(failed(1)));
  });

  describe('with two-factor sign-in on', () => {
    const enrolled = [
      registered,
      password,
      {
        type: 'TotpEnrollmentStarted' as const,
        data: { userId, secretSealed: 'sealed', startedAt: now.toISOString() },
      },
      { type: 'TotpEnabled' as const, data: { userId, enabledAt: now.toISOString() } },
    ];

    it('asks for the code when the password is right and no code came, without counting a failure', () =>
      spec.given(enrolled).when(attempt(true)).thenThrows(DomainError, code('IDENTITY.TOTP_REQUIRED')));

    it('counts a wrong code as a failure', () =>
      spec
        .given(enrolled)
        .when(attempt(true, now, false))
        .then(failed(1)));

    it('signs in with password and code', () =>
      spec
        .given(enrolled)
        .when(attempt(true, now, true))
        .thenNothingHappened());
  });

  describe('enrolling in two-factor sign-in', () => {
    const started = {
      type: 'TotpEnrollmentStarted' as const,
      data: { userId, secretSealed: 'sealed', startedAt: now.toISOString() },
    };
    it('confirms only with a valid code', () => {
      spec
        .given([registered, password, started])
        .when({ type: 'ConfirmTotp', data: { codeValid: false, now } })
        .thenThrows(DomainError, code('IDENTITY.TOTP_INVALID'));
      spec
        .given([registered, password, started])
        .when({ type: 'ConfirmTotp', data: { codeValid: true, now } })
        .then({ type: 'TotpEnabled', data: { userId, enabledAt: now.toISOString() } });
    });

    it('cannot confirm what was never started', () =>
      spec
        .given([registered, password])
        .when({ type: 'ConfirmTotp', data: { codeValid: true, now } })
        .thenThrows(DomainError, code('IDENTITY.TOTP_NOT_PENDING')));
  });
});
