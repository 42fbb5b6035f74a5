export type Credential = { kind: 'jwt'; token: string } | { kind: 'api_key'; key: string };

type Headers = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * `Authorization: Bearer <jwt>`, `x-api-key: <key>`, or an API key as the bearer value (clients
 * that can only set one header): identity's keys start with `fs_`, which no JWT can.
 */
export function credentialOf(headers: Headers): Credential | undefined {
  const auth = first(headers['authorization'])?.trim();
  if (auth) {
    const [scheme, value] = auth.split(/\s+/, 2);
    if (value && /^bearer$/i.test(scheme ?? ''))
      return value.startsWith('fs_') ? { kind: 'api_key', key: value } : { kind: 'jwt', token: value };
    if (value && /^apikey$/i.test(scheme ?? '')) return { kind: 'api_key', key: value };
  }
  const key = first(headers['x-api-key'])?.trim();
  return key ? { kind: 'api_key', key } : undefined;
}
