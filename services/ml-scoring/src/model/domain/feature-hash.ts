import { createHash } from 'node:crypto';

/**
 * SHA-256 of a feature vector as canonical JSON (keys sorted): the same inputs give the same hash in
 * every process, so a score can be matched to the exact numbers a model read.
 */
export function featureHash(features: Readonly<Record<string, number | string | null>>): string {
  const keys = Object.keys(features).sort();
  const canonical = JSON.stringify(keys.map((k) => [k, features[k] ?? null]));
  return createHash('sha256').update(canonical).digest('hex');
}
