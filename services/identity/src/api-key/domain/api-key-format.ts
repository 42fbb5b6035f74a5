import type { ApiKeyEnvironment } from './api-key.events';

/**
 * `fs_<live|test>_<prefix>_<secret>`: the prefix (8 of [a-z0-9]) finds the key and is safe to show;
 * the secret (32 base62 characters, about 190 bits) is shown once and only its SHA-256 is kept.
 * Neither part can contain '_', so the string splits unambiguously.
 */
const FORMAT = /^fs_(live|test)_([a-z0-9]{8})_([A-Za-z0-9]{32})$/;

export const PREFIX_LENGTH = 8;
export const SECRET_LENGTH = 32;

export interface ParsedApiKey {
  environment: ApiKeyEnvironment;
  prefix: string;
  secret: string;
}

export function parseApiKey(presented: string): ParsedApiKey | null {
  const match = FORMAT.exec(presented);
  if (!match) return null;
  return { environment: match[1] as ApiKeyEnvironment, prefix: match[2]!, secret: match[3]! };
}

export function formatApiKey(environment: ApiKeyEnvironment, prefix: string, secret: string): string {
  return `fs_${environment}_${prefix}_${secret}`;
}
