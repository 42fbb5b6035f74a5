import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "${t}.${body}">`. */
export const SIGNATURE_HEADER = 'X-Foresight-Signature';

/** Five minutes: long enough for clock skew and queueing, short enough that a captured request goes stale. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface SignInput {
  secret: string;
  /** The exact bytes sent; re-serialising JSON on the receiver changes them and breaks the signature. */
  body: string | Buffer;
  /** Unix seconds; time comes from the caller so signing stays deterministic. */
  timestamp: number;
}

export interface VerifyInput {
  /** The receiver may hold several secrets while one is being rotated; any of them may match. */
  secret: string | readonly string[];
  body: string | Buffer;
  /** The header value as received (undefined when the header is absent). */
  header: string | undefined | null;
  /** Unix seconds at the receiver. */
  now: number;
  toleranceSeconds?: number;
}

export type VerifyFailure =
  'missing_header' | 'malformed_header' | 'timestamp_out_of_tolerance' | 'signature_mismatch';
export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: VerifyFailure };

function hmacHex(secret: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

export function signWebhook({ secret, body, timestamp }: SignInput): string {
  if (!Number.isInteger(timestamp) || timestamp < 0)
    throw new RangeError(`timestamp must be unix seconds, got ${timestamp}`);
  if (!secret) throw new RangeError('webhook secret must not be empty');
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

function parseHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/i.test(value)) return null;
      signatures.push(value.toLowerCase());
    }
    // Other schemes (v0, future v2) are ignored, so senders can add one without breaking receivers.
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/**
 * Checks a received webhook. The timestamp is signed too, so a replay outside the tolerance fails
 * even with a valid signature; comparison is constant-time so response timing leaks nothing.
 */
export function verifyWebhook(input: VerifyInput): VerifyResult {
  if (!input.header) return { ok: false, reason: 'missing_header' };
  const parsed = parseHeader(input.header);
  if (!parsed) return { ok: false, reason: 'malformed_header' };
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(input.now - parsed.timestamp) > tolerance)
    return { ok: false, reason: 'timestamp_out_of_tolerance' };
  const secrets = typeof input.secret === 'string' ? [input.secret] : input.secret;
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = Buffer.from(hmacHex(secret, parsed.timestamp, input.body), 'hex');
    for (const candidate of parsed.signatures) {
      // Both are 32 bytes (the header regex guarantees it), as timingSafeEqual requires.
      if (timingSafeEqual(expected, Buffer.from(candidate, 'hex')))
        return { ok: true, timestamp: parsed.timestamp };
    }
  }
  return { ok: false, reason: 'signature_mismatch' };
}
