import type { Event } from '@foresight/domain';

export type UserRegistered = Event<'UserRegistered', { userId: string; email: string; registeredAt: string }>;
/** The argon2id hash (PHC string); it stays in the event store and never reaches a read model or a log. */
export type PasswordSet = Event<'PasswordSet', { userId: string; passwordHash: string; setAt: string }>;
export type LoginFailed = Event<'LoginFailed', { userId: string; failedAttempts: number; failedAt: string }>;
export type UserLockedOut = Event<'UserLockedOut', { userId: string; lockedUntil: string; lockedAt: string }>;
export type FailedLoginsReset = Event<'FailedLoginsReset', { userId: string; resetAt: string }>;
/** The TOTP secret sealed with identity's encryption key (AES-256-GCM), never in clear. */
export type TotpEnrollmentStarted = Event<
  'TotpEnrollmentStarted',
  { userId: string; secretSealed: string; startedAt: string }
>;
export type TotpEnabled = Event<'TotpEnabled', { userId: string; enabledAt: string }>;
export type TotpDisabled = Event<'TotpDisabled', { userId: string; disabledAt: string }>;

export type UserEvent =
  | UserRegistered
  | PasswordSet
  | LoginFailed
  | UserLockedOut
  | FailedLoginsReset
  | TotpEnrollmentStarted
  | TotpEnabled
  | TotpDisabled;

export const USER_EVENT_TYPES = [
  'UserRegistered',
  'PasswordSet',
  'LoginFailed',
  'UserLockedOut',
  'FailedLoginsReset',
  'TotpEnrollmentStarted',
  'TotpEnabled',
  'TotpDisabled',
] as const satisfies readonly UserEvent['type'][];
