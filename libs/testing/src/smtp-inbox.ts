import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server received it, parsed back from the raw bytes. */
export interface DeliveredMail {
  messageId: string | null;
  from: string;
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  receivedAt: Date;
}

export interface SmtpInbox {
  host: string;
  port: number;
  /** Every message accepted so far, in arrival order. */
  readonly messages: DeliveredMail[];
  /** With `http` set: where the inbox is readable as JSON (`GET /messages?to=`), e.g. for the demo. */
  httpUrl: string | null;
  /** Messages whose envelope names this recipient. */
  to(address: string): DeliveredMail[];
  close(): Promise<void>;
}

export interface SmtpInboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** When set, AUTH PLAIN/LOGIN is required with these credentials. */
  auth?: { user: string; pass: string };
  /** Also serve the messages over HTTP on this port (0 = any free one); bound to the same host. */
  http?: { port: number };
}

/**
 * A real SMTP server (the `smtp-server` package, plain text, no TLS) for tests and the local demo:
 * senders talk SMTP to it exactly as to a provider, and each accepted message is parsed with
 * `mailparser` so a test can read back what a person would see (subject, recipients, body).
 */
export async function startSmtpInbox(options: SmtpInboxOptions = {}): Promise<SmtpInbox> {
  const messages: DeliveredMail[] = [];
  const host = options.host ?? '127.0.0.1';
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    logger: false,
    // No DNS on each connection: a local test server has no PTR records to find, only time to lose.
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass)
        return callback(null, { user: auth.username });
      return callback(new Error('invalid credentials'));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const headers: Record<string, string> = {};
          for (const [name, value] of parsed.headers) headers[name] = typeof value === 'string' ? value : '';
          messages.push({
            messageId: parsed.messageId ?? null,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers,
            receivedAt: new Date(),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  const to = (address: string) => messages.filter((m) => m.to.includes(address.toLowerCase()));
  let http: Server | undefined;
  let httpUrl: string | null = null;
  let closing: Promise<void> | undefined;
  const httpPort = options.http?.port;
  if (httpPort !== undefined) {
    http = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://inbox');
      if (req.method !== 'GET' || url.pathname !== '/messages') {
        res.writeHead(404).end();
        return;
      }
      const recipient = url.searchParams.get('to');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items: recipient ? to(recipient) : messages }));
    });
    const listening = http;
    await new Promise<void>((resolve) => listening.listen(httpPort, host, resolve));
    httpUrl = `http://${host}:${(listening.address() as AddressInfo).port}/messages`;
  }
  return {
    host,
    port,
    httpUrl,
    messages,
    to,
    // Idempotent: a test may stop a server mid-way (to make it fail) and again in its cleanup.
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}
