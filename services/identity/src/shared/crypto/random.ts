import { createHash, randomBytes, randomInt } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Uniform characters from the CSPRNG (randomInt rejects biased draws). */
function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** 32 base62 characters: log2(62) * 32 ≈ 190 bits. */
export function newKeySecret(): string {
  return randomString(BASE62, 32);
}

export function newKeyPrefix(): string {
  return randomString(LOWER_ALNUM, 8);
}

/** 256 bits, base64url: refresh and invitation secrets. */
export function newOpaqueSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Plain SHA-256 is enough for secrets we generate ourselves: at 128+ random bits there is nothing to
 * brute-force, and it keeps verification to one hash (argon2 is for human-chosen passwords).
 */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
