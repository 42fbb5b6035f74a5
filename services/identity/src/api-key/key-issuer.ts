import { Inject, Injectable } from '@nestjs/common';
import { AccessDirectory } from '../access/access-directory';
import { newKeyPrefix, newKeySecret, sha256Hex } from '../shared/crypto/random';
import type { RoleGrant } from '../shared/domain/access-policy';
import { identityError, isIdentityError } from '../shared/domain/identity.errors';
import { apiKeyIdForPrefix, streams } from '../shared/domain/ids';
import type { CommandMeta } from '../shared/event-sourcing/command-meta';
import { Streams } from '../shared/event-sourcing/streams';
import { TIER_POLICIES, TierPolicies } from '../shared/tier-policies';
import { formatApiKey } from './domain/api-key-format';
import { apiKeyDecider } from './domain/api-key.decider';
import type { ApiKeyEnvironment } from './domain/api-key.events';
import { ApiKeysReader } from './use-cases/api-keys.reader';
import { CreatedApiKeyView } from './use-cases/api-key.view';

export interface IssueKey {
  tenantId: string;
  ownerUserId: string;
  name: string;
  environment: ApiKeyEnvironment;
  roles: readonly RoleGrant[];
  expiresAt: Date | null;
  rotatedFrom: string | null;
  meta: CommandMeta;
  now: Date;
}

/** Issues a key: shared by creation and rotation (whose successor is a new key too). */
@Injectable()
export class KeyIssuer {
  constructor(
    private readonly eventStreams: Streams,
    private readonly directory: AccessDirectory,
    private readonly reader: ApiKeysReader,
    @Inject(TIER_POLICIES) private readonly policies: TierPolicies,
  ) {}

  async issue(request: IssueKey): Promise<CreatedApiKeyView> {
    const { tenantId, ownerUserId, now } = request;
    const tenant = await this.directory.tenant(tenantId);
    if (tenant.status !== 'active') throw identityError('TENANT_NOT_ACTIVE', 'The tenant is not active');
    const policy = this.policies[tenant.tier];
    const [ownerPermissions, ownerActiveKeys] = await Promise.all([
      this.directory.currentPermissions({ kind: 'user', id: ownerUserId, tenantId }),
      request.rotatedFrom ? Promise.resolve(0) : this.reader.liveKeysOf(tenantId, ownerUserId, now),
    ]);
    // A prefix is 8 of 36 characters: a collision is rare, and shows as an existing stream.
    for (let attempt = 1; ; attempt++) {
      const prefix = newKeyPrefix();
      const secret = newKeySecret();
      const keyId = apiKeyIdForPrefix(prefix);
      try {
        await this.eventStreams.decide(
          streams.apiKey(keyId),
          apiKeyDecider,
          {
            type: 'CreateApiKey',
            data: {
              keyId,
              tenantId,
              ownerUserId,
              name: request.name,
              environment: request.environment,
              prefix,
              secretHash: sha256Hex(secret),
              roles: request.roles,
              ownerPermissions,
              allowedRoles: policy.allowedRoles,
              maxKeysPerUser: policy.maxApiKeysPerUser,
              ownerActiveKeys,
              expiresAt: request.expiresAt,
              rotatedFrom: request.rotatedFrom,
              now,
            },
          },
          tenantId,
          request.meta,
        );
      } catch (err) {
        if (attempt < 5 && isIdentityError(err, 'INVALID_TRANSITION')) continue;
        throw err;
      }
      return {
        key: await this.reader.one(tenantId, keyId, now),
        apiKey: formatApiKey(request.environment, prefix, secret),
      };
    }
  }
}
