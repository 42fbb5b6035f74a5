import { createLocalJWKSet, JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import { AuthError } from '../auth.errors';

export interface JwksCacheOptions {
  url: string;
  /** Background reload period, so a key rotation is picked up without waiting for an unknown kid. */
  refreshMs: number;
  /** An unknown kid reloads at most this often: a flood of forged kids must not become a flood on identity. */
  minReloadMs: number;
  timeoutMs: number;
}

type Log = (message: string) => void;

/**
 * identity's signing keys. Verification is offline: the set is fetched at start and reloaded in the
 * background; a failed reload keeps the keys we have (identity being down must not log everyone
 * out), and a token with an unknown kid triggers a rate-limited reload (a rotation we have not seen).
 */
export class JwksCache {
  private keySet?: JWTVerifyGetKey;
  private kids = '';
  private loadedAt = 0;
  private loading?: Promise<boolean>;
  private timer?: NodeJS.Timeout;
  private readonly removedListeners: (() => void)[] = [];

  constructor(
    private readonly options: JwksCacheOptions,
    private readonly warn: Log = () => undefined,
  ) {}

  /** Keys disappeared from the set: tokens they signed must be verified again. */
  whenKeysRemoved(listener: () => void): void {
    this.removedListeners.push(listener);
  }

  start(): void {
    void this.reload();
    this.timer = setInterval(() => void this.reload(), this.options.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async keys(): Promise<JWTVerifyGetKey> {
    if (!this.keySet) await this.reload();
    if (!this.keySet) throw AuthError.identityUnavailable(`signing keys from ${this.options.url}`);
    return this.keySet;
  }

  /** Whether a reload brought a different key set (worth verifying the token again). */
  async reloadForUnknownKey(): Promise<boolean> {
    if (Date.now() - this.loadedAt < this.options.minReloadMs) return false;
    return this.reload();
  }

  private reload(): Promise<boolean> {
    // One fetch at a time: concurrent requests with a new kid share it.
    this.loading ??= this.fetchKeys().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async fetchKeys(): Promise<boolean> {
    let jwks: JSONWebKeySet;
    try {
      const res = await fetch(this.options.url, { signal: AbortSignal.timeout(this.options.timeoutMs) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      jwks = (await res.json()) as JSONWebKeySet;
      if (!Array.isArray(jwks?.keys)) throw new Error('no "keys" array');
    } catch (err) {
      this.warn(`JWKS ${this.options.url} not loaded: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
    this.loadedAt = Date.now();
    const kids = jwks.keys
      .map((k) => k.kid ?? '')
      .sort()
      .join(',');
    if (kids === this.kids && this.keySet) return false;
    const before = new Set(this.kids.split(','));
    const removed = this.kids !== '' && [...before].some((kid) => !kids.split(',').includes(kid));
    this.keySet = createLocalJWKSet(jwks);
    this.kids = kids;
    if (removed) for (const listener of this.removedListeners) listener();
    return true;
  }
}
