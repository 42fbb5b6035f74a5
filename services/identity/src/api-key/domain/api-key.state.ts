import type { ApiKeyEnvironment } from './api-key.events';

export type ApiKey =
  | { status: 'none' }
  | {
      status: 'active' | 'revoked';
      keyId: string;
      tenantId: string;
      ownerUserId: string;
      name: string;
      environment: ApiKeyEnvironment;
      prefix: string;
      secretHash: string;
      roleIds: string[];
      expiresAt: string | null;
      /** Set once rotated: the key stops working at this time even if `expiresAt` is later. */
      graceUntil: string | null;
      successorKeyId: string | null;
      createdAt: string;
      revokedAt: string | null;
    };

export type ExistingApiKey = Exclude<ApiKey, { status: 'none' }>;

/** When the key stops working by itself: its expiry, or the end of its rotation grace, whichever comes first. */
export function effectiveExpiry(key: Pick<ExistingApiKey, 'expiresAt' | 'graceUntil'>): string | null {
  if (key.expiresAt && key.graceUntil)
    return Date.parse(key.expiresAt) < Date.parse(key.graceUntil) ? key.expiresAt : key.graceUntil;
  return key.expiresAt ?? key.graceUntil;
}

export type KeyUsability = 'usable' | 'revoked' | 'expired';

export function usability(
  key: Pick<ExistingApiKey, 'status' | 'expiresAt' | 'graceUntil'>,
  now: Date,
): KeyUsability {
  if (key.status === 'revoked') return 'revoked';
  const until = effectiveExpiry(key);
  return until !== null && Date.parse(until) <= now.getTime() ? 'expired' : 'usable';
}
