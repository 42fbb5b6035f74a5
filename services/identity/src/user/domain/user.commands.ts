import type { Command } from '@foresight/domain';
import type { LockoutPolicy } from '../../shared/domain/lockout';

export type RegisterUser = Command<'RegisterUser', { userId: string; email: string; now: Date }>;
export type SetPassword = Command<'SetPassword', { passwordHash: string; now: Date }>;
/**
 * The outcome of checking a password (and a TOTP code) is decided outside, where the hashing is;
 * the decider only decides what that outcome means for the account.
 */
export type RecordLoginAttempt = Command<
  'RecordLoginAttempt',
  {
    passwordValid: boolean;
    /** Null when no code was sent. */
    totpValid: boolean | null;
    policy: LockoutPolicy;
    now: Date;
  }
>;
export type StartTotpEnrollment = Command<'StartTotpEnrollment', { secretSealed: string; now: Date }>;
export type ConfirmTotp = Command<'ConfirmTotp', { codeValid: boolean; now: Date }>;
export type DisableTotp = Command<'DisableTotp', { codeValid: boolean; now: Date }>;

export type UserCommand =
  RegisterUser | SetPassword | RecordLoginAttempt | StartTotpEnrollment | ConfirmTotp | DisableTotp;
