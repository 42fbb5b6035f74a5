import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { VerifyApiKeyHandler } from './verify-api-key.handler';

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

export interface VerifyApiKeyResponse {
  valid: boolean;
  reason: string;
  principal?: WirePrincipal;
  cache_ttl_seconds: number;
}

/**
 * `identity.v1.Access/VerifyApiKey` (libs/contracts/src/proto/identity/v1/access.proto), field
 * names as on the wire. A refusal is an answer, not a gRPC error: an error means "could not answer".
 */
@Controller()
export class VerifyApiKeyGrpcController {
  constructor(private readonly verifier: VerifyApiKeyHandler) {}

  @GrpcMethod('Access', 'VerifyApiKey')
  async verifyApiKey(request: { api_key?: string }): Promise<VerifyApiKeyResponse> {
    const result = await this.verifier.verify(request.api_key ?? '');
    if (!result.valid) return { valid: false, reason: result.reason, cache_ttl_seconds: 0 };
    const p = result.principal;
    return {
      valid: true,
      reason: '',
      cache_ttl_seconds: result.cacheTtlSeconds,
      principal: {
        kind: p.kind,
        id: p.id,
        tenant_id: p.tenantId,
        roles: p.roles,
        permissions: p.permissions,
        key_prefix: p.keyPrefix ?? '',
        owner_user_id: p.ownerUserId ?? '',
        tier: p.tier,
        rate_limit_rpm: p.rateLimitRpm,
      },
    };
  }
}
