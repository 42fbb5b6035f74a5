interface Entry<V> {
  value: V;
  expiresAt: number;
}

interface Inflight<V> {
  promise: Promise<V>;
  /** Set when the entry was invalidated while loading: the answer may predate the change. */
  stale: boolean;
}

/**
 * An LRU of folded streams with single-flight loads. Invalidation is pushed (when a read model
 * applied a change of the stream); the TTL only bounds the damage of a missed push.
 */
export class FoldedStreamCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inflight = new Map<string, Inflight<V>>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly load: (id: string) => Promise<V>,
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string): Promise<V> {
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt > this.now()) {
      // Re-insert: Map order is the LRU order.
      this.entries.delete(id);
      this.entries.set(id, entry);
      this.hits++;
      return Promise.resolve(entry.value);
    }
    this.misses++;
    const pending = this.inflight.get(id);
    if (pending) return pending.promise;
    const flight: Inflight<V> = { stale: false, promise: undefined as unknown as Promise<V> };
    flight.promise = this.load(id).then(
      (value) => {
        this.inflight.delete(id);
        if (!flight.stale) this.put(id, value);
        return value;
      },
      (err: unknown) => {
        this.inflight.delete(id);
        throw err;
      },
    );
    this.inflight.set(id, flight);
    return flight.promise;
  }

  invalidate(id: string): void {
    this.entries.delete(id);
    const flight = this.inflight.get(id);
    if (flight) flight.stale = true;
  }

  clear(): void {
    this.entries.clear();
    for (const flight of this.inflight.values()) flight.stale = true;
  }

  get size(): number {
    return this.entries.size;
  }

  private put(id: string, value: V): void {
    this.entries.delete(id);
    this.entries.set(id, { value, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
