import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { CONFIG } from '@foresight/service-kit';
import { AccessDirectory } from '../../../access/access-directory';
import { IdentityConfig } from '../../../config';
import { identityError } from '../../../shared/domain/identity.errors';
import { streams } from '../../../shared/domain/ids';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { SYSTEM_META } from '../../../shared/event-sourcing/command-meta';
import { Streams } from '../../../shared/event-sourcing/streams';
import { apiKeyDecider } from '../../domain/api-key.decider';
import { CreatedApiKeyView } from '../api-key.view';
import { KeyIssuer } from '../../key-issuer';

/**
 * The successor is issued first, then the old key is marked rotated (it keeps working until the
 * grace period ends). Should the second step lose a race with another rotation, the successor is
 * revoked again, so one key never ends up with two live successors.
 */
@Injectable()
export class RotateApiKeyHandler {
  constructor(
    private readonly eventStreams: Streams,
    private readonly issuer: KeyIssuer,
    private readonly directory: AccessDirectory,
    @Inject(CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(
    principal: Principal,
    keyId: string,
    graceSeconds: number,
    meta: CommandMeta,
    now = new Date(),
  ): Promise<CreatedApiKeyView> {
    if (graceSeconds > this.config.MAX_ROTATION_GRACE_SECONDS)
      throw identityError(
        'INVALID_EXPIRY',
        `gracePeriodSeconds must be at most ${this.config.MAX_ROTATION_GRACE_SECONDS}`,
        {
          field: 'gracePeriodSeconds',
        },
      );
    const stream = streams.apiKey(keyId);
    const { state } = await this.eventStreams.load(stream, apiKeyDecider);
    if (state.status === 'none' || state.tenantId !== principal.tenantId)
      throw identityError('KEY_NOT_FOUND', 'No such API key');
    const graceUntil = new Date(now.getTime() + graceSeconds * 1000);
    // Checked before issuing, so a key that cannot be rotated does not leave a successor behind.
    apiKeyDecider.decide({ type: 'RotateApiKey', data: { successorKeyId: keyId, graceUntil, now } }, state);

    const roles = (await this.directory.resolveRoles(state.tenantId, state.roleIds)).ids;
    const grants = await Promise.all(roles.map((id) => this.directory.role(state.tenantId, id)));
    const successor = await this.issuer.issue({
      tenantId: state.tenantId,
      ownerUserId: state.ownerUserId,
      name: state.name,
      environment: state.environment,
      roles: grants.filter((g) => g !== undefined),
      expiresAt: state.expiresAt ? new Date(state.expiresAt) : null,
      rotatedFrom: keyId,
      meta,
      now,
    });
    try {
      await this.eventStreams.decide(
        stream,
        apiKeyDecider,
        { type: 'RotateApiKey', data: { successorKeyId: successor.key.keyId, graceUntil, now } },
        state.tenantId,
        meta,
      );
    } catch (err) {
      await this.eventStreams.decide(
        streams.apiKey(successor.key.keyId),
        apiKeyDecider,
        { type: 'RevokeApiKey', data: { reason: 'rotation of its predecessor failed', now } },
        state.tenantId,
        SYSTEM_META,
      );
      throw err;
    }
    return successor;
  }
}
