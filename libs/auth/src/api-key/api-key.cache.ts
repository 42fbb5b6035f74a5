import { createHash } from 'node:crypto';
import type { Principal } from '@foresight/contracts';

/** A presented key as the cache knows it: its display prefix (what invalidations name) and a hash. */
export interface KeyHandle {
  prefix: string;
  hash: string;
}

const KEY_FORMAT = /^fs_(?:live|test)_([A-Za-z0-9]+)_/;

/** The plain key never stays in memory past this call: only its SHA-256 is kept. */
export function keyHandle(apiKey: string): KeyHandle {
  return {
    prefix: KEY_FORMAT.exec(apiKey)?.[1] ?? '',
    hash: createHash('sha256').update(apiKey).digest('base64url'),
  };
}

export type KeyVerdict =
  { valid: true; principal: Principal } | { valid: false; reason: string; tenantId?: string };

interface Entry {
  verdict: KeyVerdict;
  expiresAt: number;
}

/**
 * Identity's answers about API keys, kept `cache_ttl_seconds` (capped). Grouped by prefix because
 * that is what a revocation names; scans by tenant or key id cover the other invalidations, which
 * are rare enough that a scan is cheaper than more indexes.
 */
export class ApiKeyCache {
  private readonly byPrefix = new Map<string, Map<string, Entry>>();
  private count = 0;

  constructor(private readonly maxEntries = 50_000) {}

  get size(): number {
    return this.count;
  }

  get(key: KeyHandle, now: number): KeyVerdict | undefined {
    const group = this.byPrefix.get(key.prefix);
    const entry = group?.get(key.hash);
    if (!group || !entry) return undefined;
    if (entry.expiresAt > now) return entry.verdict;
    group.delete(key.hash);
    this.count--;
    return undefined;
  }

  set(key: KeyHandle, verdict: KeyVerdict, expiresAt: number, now: number): void {
    if (this.count >= this.maxEntries) this.evictExpired(now);
    // Still full: every entry is live, so dropping them all only costs re-verifications.
    if (this.count >= this.maxEntries) this.clear();
    let group = this.byPrefix.get(key.prefix);
    if (!group) this.byPrefix.set(key.prefix, (group = new Map()));
    if (!group.has(key.hash)) this.count++;
    group.set(key.hash, { verdict, expiresAt });
  }

  dropPrefix(prefix: string): void {
    const group = this.byPrefix.get(prefix);
    if (!group) return;
    this.count -= group.size;
    this.byPrefix.delete(prefix);
  }

  /** Drops the answers the predicate picks (a tenant's keys, a key id, an owner's keys). */
  dropWhere(match: (verdict: KeyVerdict) => boolean): void {
    this.dropEntries((entry) => match(entry.verdict));
  }

  clear(): void {
    this.byPrefix.clear();
    this.count = 0;
  }

  private evictExpired(now: number): void {
    this.dropEntries((entry) => entry.expiresAt <= now);
  }

  private dropEntries(match: (entry: Entry) => boolean): void {
    for (const [prefix, group] of this.byPrefix) {
      for (const [hash, entry] of group)
        if (match(entry)) {
          group.delete(hash);
          this.count--;
        }
      if (group.size === 0) this.byPrefix.delete(prefix);
    }
  }
}
