import { GrpcIdentityAccess } from '@foresight/auth';
import type { IdentityProcess } from './identity-process';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
  /** The raw text, for searching responses for secrets. */
  text: string;
}

export type Credential = { bearer: string } | { apiKey: string } | undefined;

/** HTTP and gRPC as any client of identity uses them; every response is kept for the hygiene checks. */
export class IdentityClient {
  readonly responses: string[] = [];
  readonly access: GrpcIdentityAccess;

  constructor(readonly identity: IdentityProcess) {
    this.access = new GrpcIdentityAccess(identity.grpcTarget, 5000);
  }

  get admin(): Credential {
    return { bearer: this.identity.adminToken };
  }

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    credential?: Credential,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const res = await fetch(`${this.identity.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(credential && 'bearer' in credential ? { authorization: `Bearer ${credential.bearer}` } : {}),
        ...(credential && 'apiKey' in credential ? { 'x-api-key': credential.apiKey } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    this.responses.push(text);
    let parsed: unknown = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }

  get<T = Record<string, unknown>>(path: string, credential?: Credential) {
    return this.call<T>('GET', path, credential);
  }

  post<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    credential?: Credential,
    headers?: Record<string, string>,
  ) {
    return this.call<T>('POST', path, credential, body, headers);
  }

  close(): void {
    this.access.close();
  }
}

/** Polls until `check` holds (for effects that arrive through a subscription), or fails with the last value. */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!check(value)) {
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
    value = await probe();
  }
  return value;
}
