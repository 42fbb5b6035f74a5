/** `fsr_<sessionId>_<secret>`: the session id finds the family's stream; only the secret's SHA-256 is stored. */
const FORMAT = /^fsr_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;

export function formatRefreshToken(sessionId: string, secret: string): string {
  return `fsr_${sessionId}_${secret}`;
}

export function parseRefreshToken(token: string): { sessionId: string; secret: string } | null {
  const match = FORMAT.exec(token);
  return match ? { sessionId: match[1]!, secret: match[2]! } : null;
}
