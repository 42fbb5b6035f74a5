import { assertNever, Decider } from '@foresight/domain';
import { identityError } from '../../shared/domain/identity.errors';
import { evaluateAttempt } from '../../shared/domain/lockout';
import { UserCommand } from './user.commands';
import { UserEvent } from './user.events';
import { RegisteredUser, User } from './user.state';

function registered(state: User): RegisteredUser {
  if (state.status !== 'registered') throw identityError('USER_NOT_FOUND', 'No such user');
  return state;
}

export const userDecider: Decider<User, UserCommand, UserEvent> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterUser':
        // Registration races are settled by the email claim; a second register is a harmless retry.
        if (state.status === 'registered') return [];
        return {
          type: 'UserRegistered',
          data: {
            userId: command.data.userId,
            email: command.data.email,
            registeredAt: command.data.now.toISOString(),
          },
        };
      case 'SetPassword': {
        const user = registered(state);
        return {
          type: 'PasswordSet',
          data: {
            userId: user.userId,
            passwordHash: command.data.passwordHash,
            setAt: command.data.now.toISOString(),
          },
        };
      }
      case 'RecordLoginAttempt': {
        const user = registered(state);
        const { passwordValid, totpValid, policy, now } = command.data;
        // A missing code is not a wrong guess: it only means "ask for the code", once the password was right.
        const needsCode = user.totp.enabled && passwordValid && totpValid === null;
        const valid =
          passwordValid && user.passwordHash !== null && (!user.totp.enabled || totpValid === true);
        const outcome = evaluateAttempt(user, valid || needsCode, now, policy);
        const at = now.toISOString();
        switch (outcome.kind) {
          case 'locked':
            throw identityError('LOCKED', 'Too many failed sign-ins; try again later', {
              retryAfterSeconds: outcome.retryAfterSeconds,
            });
          case 'succeeded':
            if (needsCode)
              throw identityError('TOTP_REQUIRED', 'A one-time code from your authenticator is required');
            return outcome.hadFailures
              ? { type: 'FailedLoginsReset', data: { userId: user.userId, resetAt: at } }
              : [];
          case 'failed':
            return [
              {
                type: 'LoginFailed',
                data: { userId: user.userId, failedAttempts: outcome.failedAttempts, failedAt: at },
              },
              ...(outcome.lockedUntil
                ? [
                    {
                      type: 'UserLockedOut' as const,
                      data: { userId: user.userId, lockedUntil: outcome.lockedUntil, lockedAt: at },
                    },
                  ]
                : []),
            ];
          default:
            return assertNever(outcome, 'attempt outcome');
        }
      }
      case 'StartTotpEnrollment': {
        const user = registered(state);
        if (user.totp.enabled)
          throw identityError('TOTP_ALREADY_ENABLED', 'Two-factor sign-in is already on');
        return {
          type: 'TotpEnrollmentStarted',
          data: {
            userId: user.userId,
            secretSealed: command.data.secretSealed,
            startedAt: command.data.now.toISOString(),
          },
        };
      }
      case 'ConfirmTotp': {
        const user = registered(state);
        if (user.totp.enabled)
          throw identityError('TOTP_ALREADY_ENABLED', 'Two-factor sign-in is already on');
        if (!user.totp.pendingSealed) throw identityError('TOTP_NOT_PENDING', 'Start the enrolment first');
        if (!command.data.codeValid) throw identityError('TOTP_INVALID', 'The one-time code is not valid');
        return {
          type: 'TotpEnabled',
          data: { userId: user.userId, enabledAt: command.data.now.toISOString() },
        };
      }
      case 'DisableTotp': {
        const user = registered(state);
        if (!user.totp.enabled) return [];
        if (!command.data.codeValid) throw identityError('TOTP_INVALID', 'The one-time code is not valid');
        return {
          type: 'TotpDisabled',
          data: { userId: user.userId, disabledAt: command.data.now.toISOString() },
        };
      }
      default:
        return assertNever(command, 'user command');
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'UserRegistered':
        return {
          status: 'registered',
          userId: event.data.userId,
          email: event.data.email,
          passwordHash: null,
          failedAttempts: 0,
          lockedUntil: null,
          totp: { enabled: false, secretSealed: null, pendingSealed: null },
        };
      case 'PasswordSet':
        return { ...registered(state), passwordHash: event.data.passwordHash };
      case 'LoginFailed':
        return { ...registered(state), failedAttempts: event.data.failedAttempts, lockedUntil: null };
      case 'UserLockedOut':
        return { ...registered(state), lockedUntil: event.data.lockedUntil };
      case 'FailedLoginsReset':
        return { ...registered(state), failedAttempts: 0, lockedUntil: null };
      case 'TotpEnrollmentStarted': {
        const user = registered(state);
        return { ...user, totp: { ...user.totp, pendingSealed: event.data.secretSealed } };
      }
      case 'TotpEnabled': {
        const user = registered(state);
        return {
          ...user,
          totp: { enabled: true, secretSealed: user.totp.pendingSealed, pendingSealed: null },
        };
      }
      case 'TotpDisabled':
        return { ...registered(state), totp: { enabled: false, secretSealed: null, pendingSealed: null } };
      default:
        return assertNever(event, 'user event');
    }
  },
};
