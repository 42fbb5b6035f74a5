import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { AccessDirectory } from '../../../access/access-directory';
import { rolesByName } from '../../../access/role-names';
import { identityError } from '../../../shared/domain/identity.errors';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import type { ApiKeyEnvironment } from '../../domain/api-key.events';
import { KeyIssuer } from '../../key-issuer';
import { CreatedApiKeyView } from '../api-key.view';

@Injectable()
export class CreateApiKeyHandler {
  constructor(
    private readonly issuer: KeyIssuer,
    private readonly directory: AccessDirectory,
  ) {}

  async execute(
    principal: Principal,
    request: { name: string; roles: string[]; environment?: ApiKeyEnvironment; expiresAt?: string },
    meta: CommandMeta,
    now = new Date(),
  ): Promise<CreatedApiKeyView> {
    // A key's owner answers for it; a key minting keys would have nobody to answer for them.
    if (principal.kind !== 'user')
      throw identityError('USER_REQUIRED', 'Only a signed-in user can create API keys');
    return this.issuer.issue({
      tenantId: principal.tenantId,
      ownerUserId: principal.id,
      name: request.name,
      environment: request.environment ?? 'live',
      roles: await rolesByName(this.directory, principal.tenantId, request.roles),
      expiresAt: request.expiresAt ? new Date(request.expiresAt) : null,
      rotatedFrom: null,
      meta,
      now,
    });
  }
}
