import { credentials, loadPackageDefinition, Client, ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { TIERS, Principal, Tier } from '@foresight/contracts';
import { join } from 'node:path';
import {
  ApiKeyVerification,
  AuthorizeAnswer,
  AuthorizeQuestion,
  IdentityAccess,
} from './identity-access.port';

/**
 * The proto ships with libs/contracts; the build copies `.proto` files beside the compiled libs, so
 * this relative path holds both from sources (tests) and from `dist/services/<name>/` (processes).
 */
export const ACCESS_PROTO = join(__dirname, '../../../contracts/src/proto/identity/v1/access.proto');

interface WirePrincipal {
  kind: string;
  id: string;
  tenant_id: string;
  roles: string[];
  permissions: string[];
  key_prefix: string;
  owner_user_id: string;
  tier: string;
  rate_limit_rpm: number;
}

type Callback<T> = (err: ServiceError | null, value?: T) => void;
interface AccessClient extends Client {
  VerifyApiKey(
    req: { api_key: string },
    options: { deadline: number },
    cb: Callback<{
      valid: boolean;
      reason: string;
      principal: WirePrincipal | null;
      cache_ttl_seconds: number;
    }>,
  ): void;
  Authorize(
    req: { principal_kind: string; principal_id: string; tenant_id: string; permission: string },
    options: { deadline: number },
    cb: Callback<{ allowed: boolean; reason: string }>,
  ): void;
}

export function principalFromWire(p: WirePrincipal): Principal {
  const tier: Tier = (TIERS as readonly string[]).includes(p.tier) ? (p.tier as Tier) : 'free';
  return {
    kind: p.kind === 'user' ? 'user' : 'api_key',
    id: p.id,
    tenantId: p.tenant_id,
    roles: [...p.roles],
    permissions: [...p.permissions],
    tier,
    rateLimitRpm: Number(p.rate_limit_rpm) || 0,
    ...(p.key_prefix ? { keyPrefix: p.key_prefix } : {}),
    ...(p.owner_user_id ? { ownerUserId: p.owner_user_id } : {}),
  };
}

/** gRPC client of identity's Access service; each call has a deadline so a slow identity costs a 503, not a hang. */
export class GrpcIdentityAccess implements IdentityAccess {
  private readonly client: AccessClient;

  constructor(
    target: string,
    private readonly timeoutMs = 2000,
  ) {
    const definition = loadSync(ACCESS_PROTO, {
      keepCase: true,
      longs: Number,
      enums: String,
      defaults: true,
    });
    const pkg = loadPackageDefinition(definition) as unknown as {
      identity: {
        v1: {
          Access: new (target: string, creds: ReturnType<typeof credentials.createInsecure>) => AccessClient;
        };
      };
    };
    // Plain-text inside the cluster network; TLS is the mesh's job (see ADR 0007).
    this.client = new pkg.identity.v1.Access(target, credentials.createInsecure());
  }

  verifyApiKey(apiKey: string): Promise<ApiKeyVerification> {
    return new Promise((resolve, reject) =>
      this.client.VerifyApiKey({ api_key: apiKey }, { deadline: Date.now() + this.timeoutMs }, (err, res) => {
        if (err || !res) return reject(err ?? new Error('empty VerifyApiKey answer'));
        resolve({
          valid: res.valid,
          reason: res.reason,
          principal: res.valid && res.principal?.id ? principalFromWire(res.principal) : undefined,
          cacheTtlSeconds: Number(res.cache_ttl_seconds) || 0,
        });
      }),
    );
  }

  authorize(q: AuthorizeQuestion): Promise<AuthorizeAnswer> {
    const req = {
      principal_kind: q.principalKind,
      principal_id: q.principalId,
      tenant_id: q.tenantId,
      permission: q.permission,
    };
    return new Promise((resolve, reject) =>
      this.client.Authorize(req, { deadline: Date.now() + this.timeoutMs }, (err, res) => {
        if (err || !res) return reject(err ?? new Error('empty Authorize answer'));
        resolve({ allowed: res.allowed, reason: res.reason });
      }),
    );
  }

  close(): void {
    this.client.close();
  }
}
