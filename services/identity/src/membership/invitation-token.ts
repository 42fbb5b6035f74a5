/**
 * `fsi_<tenantId>_<userId>_<secret>`: the ids say which membership stream to check (they are not
 * secret), the 256-bit secret proves the invitation; only its SHA-256 is stored.
 */
const FORMAT = /^fsi_([0-9a-f-]{36})_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;

export interface ParsedInvitation {
  tenantId: string;
  userId: string;
  secret: string;
}

export function formatInvitationToken(tenantId: string, userId: string, secret: string): string {
  return `fsi_${tenantId}_${userId}_${secret}`;
}

export function parseInvitationToken(token: string): ParsedInvitation | null {
  const match = FORMAT.exec(token);
  return match ? { tenantId: match[1]!, userId: match[2]!, secret: match[3]! } : null;
}
