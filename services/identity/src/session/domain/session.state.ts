import type { SessionRevocationReason } from './session.events';

export type Session =
  | { status: 'none' }
  | {
      status: 'active' | 'revoked';
      sessionId: string;
      userId: string;
      tenantId: string;
      currentHash: string;
      /** Every token this family ever replaced: presenting one of them again means it was stolen. */
      spentHashes: string[];
      generation: number;
      expiresAt: string;
      revokedReason: SessionRevocationReason | null;
    };

export type ExistingSession = Exclude<Session, { status: 'none' }>;
