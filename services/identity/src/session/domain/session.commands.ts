import type { Command } from '@foresight/domain';
import type { SessionRevocationReason } from './session.events';

export type StartSession = Command<
  'StartSession',
  { sessionId: string; userId: string; tenantId: string; refreshHash: string; expiresAt: Date; now: Date }
>;
export type RotateRefreshToken = Command<
  'RotateRefreshToken',
  { presentedHash: string; nextHash: string; now: Date }
>;
/** `presentedHash` proves the caller holds the family's current token; admin revocations pass null. */
export type EndSession = Command<
  'EndSession',
  { presentedHash: string | null; reason: SessionRevocationReason; now: Date }
>;

export type SessionCommand = StartSession | RotateRefreshToken | EndSession;
