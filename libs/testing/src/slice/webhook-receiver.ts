import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, verifyWebhook } from '@foresight/contracts';

export interface ReceivedWebhook {
  at: number;
  body: Record<string, unknown>;
  verified: boolean;
  reason?: string;
  headers: IncomingMessage['headers'];
}

/**
 * The tenant's side of a webhook: a local HTTP endpoint that verifies the HMAC signature the way a
 * customer would, records what it got, and answers 401 to a forged or stale delivery.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  secret?: string;
  private server?: Server;
  private listeners: ((w: ReceivedWebhook) => void)[] = [];

  constructor(private readonly log?: (w: ReceivedWebhook) => void) {}

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const header = req.headers[SIGNATURE_HEADER.toLowerCase()];
        const check = this.secret
          ? verifyWebhook({
              secret: this.secret,
              body: raw,
              header: Array.isArray(header) ? header[0] : header,
              now: Math.floor(Date.now() / 1000),
            })
          : { ok: false as const, reason: 'no secret configured' };
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          // keep empty
        }
        const hit: ReceivedWebhook = {
          at: Date.now(),
          body,
          verified: check.ok,
          reason: check.ok ? undefined : String(check.reason),
          headers: req.headers,
        };
        this.received.push(hit);
        this.log?.(hit);
        this.listeners.forEach((l) => l(hit));
        res.writeHead(check.ok ? 204 : 401).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hooks/foresight`;
  }

  onDelivery(listener: (w: ReceivedWebhook) => void): void {
    this.listeners.push(listener);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
