import { IdentityClient, Credential } from './support/identity-client';
import { IdentityProcess, startIdentity } from './support/identity-process';
import { createTenant, TenantFixture } from './support/tenant-fixture';

interface SchemaObject {
  $ref?: string;
  type?: string;
  example?: unknown;
  enum?: unknown[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
}

interface Operation {
  tags?: string[];
  parameters?: { name: string; in: 'path' | 'query'; schema?: SchemaObject }[];
  requestBody?: { content: Record<string, { schema: SchemaObject }> };
}

type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, SchemaObject> };
};

interface FieldError {
  field: string;
  errors: string[];
}

/** Fails every format a query or path value can have: uuid, enum, integer, date, pattern, length. */
const MALFORMED = '!'.repeat(300);

/** A value of the wrong type for a property, whatever its declared type. */
function wrongValueFor(schema: SchemaObject): unknown {
  switch (schema.type) {
    case 'array':
      return 'not an array';
    case 'number':
    case 'integer':
      return 'not a number';
    case 'string':
    case 'boolean':
      return { not: 'a scalar' };
    default:
      return 'not an object';
  }
}

describe('identity: every route refuses a malformed request with 400 naming the field (routes read from its own OpenAPI)', () => {
  let identity: IdentityProcess;
  let client: IdentityClient;
  let tenant: TenantFixture;
  let spec: OpenApi;

  beforeAll(async () => {
    identity = await startIdentity();
    client = new IdentityClient(identity);
    tenant = await createTenant(client, 'enterprise');
    spec = (await client.get<OpenApi>('/docs/openapi.json')).body;
  });

  afterAll(async () => {
    client?.close();
    await identity?.stop();
  });

  const resolve = (schema: SchemaObject): SchemaObject =>
    schema.$ref ? spec.components.schemas[schema.$ref.split('/').pop()!]! : schema;

  function credentialFor(op: Operation): Credential {
    const admin = op.tags?.some((t) => t.includes('platform operator'));
    return admin ? client.admin : { bearer: tenant.owner.accessToken };
  }

  function operations(): { method: string; path: string; op: Operation }[] {
    return Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
  }

  /** Path params filled with well-formed values, except `broken`, which gets a malformed one. */
  function urlOf(path: string, broken?: string): string {
    return path.replace(/\{(\w+)\}/g, (_, name: string) =>
      name === broken
        ? MALFORMED.slice(0, 40)
        : name === 'tenantId'
          ? tenant.tenantId
          : name === 'role'
            ? 'member'
            : '00000000-0000-4000-8000-000000000000',
    );
  }

  /** A body that passes validation, from the schema's examples, so only the broken parameter can fail. */
  function validBody(schema: SchemaObject): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const field of schema.required ?? []) {
      const property = schema.properties?.[field] ?? {};
      body[field] =
        property.example ?? property.enum?.[0] ?? (property.$ref ? validBody(resolve(property)) : 'x');
    }
    return body;
  }

  const fieldsOf = (body: unknown) => ((body as { fields?: FieldError[] }).fields ?? []).map((f) => f.field);

  it('finds the routes it is meant to check', () => {
    const withBody = operations().filter(({ op }) => op.requestBody);
    // Sign-in, invitations, tenants, keys, roles, members, TOTP...: if this drops, routes lost their schemas.
    expect(withBody.length).toBeGreaterThanOrEqual(15);
    expect(operations().length).toBeGreaterThanOrEqual(30);
  });

  it('each JSON body: a missing required field, a field of the wrong type, and an unknown field are each named', async () => {
    const problems: string[] = [];
    for (const { method, path, op } of operations()) {
      const content = op.requestBody?.content['application/json'];
      if (!content) continue;
      const schema = resolve(content.schema);
      const url = urlOf(path);
      const credential = credentialFor(op);
      const required = schema.required ?? [];
      if (required.length) {
        const empty = await client.call(method, url, credential, {});
        const named = fieldsOf(empty.body);
        if (empty.status !== 400 || !required.every((f) => named.includes(f)))
          problems.push(`${method} ${path} {}: ${empty.status} ${empty.text}`);
      }
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        const bad = await client.call(method, url, credential, { [field]: wrongValueFor(property) });
        if (bad.status !== 400 || !fieldsOf(bad.body).some((f) => f === field || f.startsWith(`${field}.`)))
          problems.push(`${method} ${path} ${field}: ${bad.status} ${bad.text}`);
      }
      const unknown = await client.call(method, url, credential, { surpriseField: 1 });
      if (unknown.status !== 400 || !fieldsOf(unknown.body).includes('surpriseField'))
        problems.push(`${method} ${path} surpriseField: ${unknown.status} ${unknown.text}`);
    }
    expect(problems).toEqual([]);
  });

  it('each path parameter and query parameter: a malformed value is named', async () => {
    const problems: string[] = [];
    for (const { method, path, op } of operations()) {
      const content = op.requestBody?.content['application/json'];
      const body = content ? validBody(resolve(content.schema)) : undefined;
      for (const param of op.parameters ?? []) {
        if (param.in === 'path') {
          const res = await client.call(method, urlOf(path, param.name), credentialFor(op), body);
          if (res.status !== 400 || !fieldsOf(res.body).includes(param.name))
            problems.push(`${method} ${path} :${param.name}: ${res.status} ${res.text}`);
        } else if (param.in === 'query') {
          const res = await client.call(
            method,
            `${urlOf(path)}?${param.name}=${encodeURIComponent(MALFORMED)}`,
            credentialFor(op),
            body,
          );
          if (res.status !== 400 || !fieldsOf(res.body).includes(param.name))
            problems.push(`${method} ${path} ?${param.name}: ${res.status} ${res.text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('a body that is not JSON at all is a 400, not a 500', async () => {
    const res = await client.call('POST', '/v1/auth/login', undefined, '{"email": ', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
  });
});
