import { Client, ClientConfig } from 'pg';

/** `xid` of the committed append; undefined after a (re)connect, when notifications may have been missed. */
export type NotifyCallback = (xid: bigint | undefined) => void;

/**
 * One dedicated connection per store LISTENs on the schema's channel and fans notifications out to
 * every subscription, so subscriptions do not each hold a connection. If the connection drops,
 * subscriptions keep working on their polling fallback while this reconnects with backoff.
 */
export class NotifyListener {
  private readonly callbacks = new Set<NotifyCallback>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
  ) {}

  /**
   * Registers a callback. The promise settles once the connection is listening, or once an attempt
   * failed (polling covers that), so a subscriber reads its first page with notifications already on.
   */
  add(callback: NotifyCallback): { settled: Promise<void>; remove: () => void } {
    this.callbacks.add(callback);
    if (!this.client && !this.connecting && !this.retryTimer) this.connecting = this.connect();
    return { settled: this.connecting ?? Promise.resolve(), remove: () => this.callbacks.delete(callback) };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    client.on('notification', (msg) => {
      if (msg.channel !== this.channel) return;
      let xid: bigint | undefined;
      try {
        xid = msg.payload ? BigInt(msg.payload) : undefined;
      } catch {
        xid = undefined;
      }
      this.emit(xid);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      if (this.closed) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      this.failures = 0;
      // Anything committed while we were not listening is found by this wake-up's read.
      this.emit(undefined);
    } catch {
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
    } finally {
      this.connecting = undefined;
    }
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.callbacks.size === 0) return;
    const delay = Math.min(100 * 2 ** this.failures++, 5000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.closed) this.connecting = this.connect();
    }, delay);
    this.retryTimer.unref();
  }

  private emit(xid: bigint | undefined): void {
    for (const callback of this.callbacks) callback(xid);
  }
}
