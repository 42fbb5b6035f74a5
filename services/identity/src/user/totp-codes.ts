import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SecretBox } from '../shared/crypto/secret-box';
import { SECRET_BOX } from '../shared/crypto/secret-box.token';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_SECONDS = 30;
const DIGITS = 6;

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 (HMAC-SHA-1, as every authenticator app defaults to) for the 30 s step `counter`. */
export function totpAt(secret: Buffer, counter: number, digits = DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac('sha1', secret).update(message).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(code).padStart(digits, '0');
}

/**
 * Two-factor codes, written against node:crypto rather than otplib: otplib 13 pulls in an ESM-only
 * base32 package that Jest cannot load, which would keep identity's module out of every in-process
 * test. The algorithm is RFC 6238's, checked against the RFC's own vectors in the spec. One step
 * either side is accepted for clock drift.
 */
@Injectable()
export class TotpCodes {
  constructor(@Inject(SECRET_BOX) private readonly box: SecretBox) {}

  /** 160 random bits, the size RFC 4226 recommends, base32 as authenticator apps expect. */
  newSecret(userId: string): { secret: string; sealed: string } {
    const secret = base32Encode(randomBytes(20));
    return { secret, sealed: this.box.seal(secret, context(userId)) };
  }

  uri(email: string, secret: string): string {
    const label = encodeURIComponent(`Foresight:${email}`);
    return `otpauth://totp/${label}?secret=${secret}&issuer=Foresight&algorithm=SHA1&digits=${DIGITS}&period=${STEP_SECONDS}`;
  }

  check(sealed: string, userId: string, code: string, now = Date.now()): boolean {
    if (!/^\d{6}$/.test(code)) return false;
    const secret = base32Decode(this.box.open(sealed, context(userId)));
    const step = Math.floor(now / 1000 / STEP_SECONDS);
    let valid = false;
    // Every candidate is compared, so the time taken does not say which step matched.
    for (const counter of [step - 1, step, step + 1])
      valid = timingSafeEqual(Buffer.from(totpAt(secret, counter)), Buffer.from(code)) || valid;
    return valid;
  }
}

/** Binds a sealed secret to its user: one user's sealed secret cannot be replayed as another's. */
function context(userId: string): string {
  return `identity:totp:${userId}`;
}
