import { Injectable } from '@nestjs/common';
import type { Principal } from '@foresight/contracts';
import { identityError } from '../../../shared/domain/identity.errors';
import { streams } from '../../../shared/domain/ids';
import type { CommandMeta } from '../../../shared/event-sourcing/command-meta';
import { Streams } from '../../../shared/event-sourcing/streams';
import { apiKeyDecider } from '../../domain/api-key.decider';
import { ApiKeysReader } from '../api-keys.reader';
import { ApiKeyView } from '../api-key.view';

/**
 * Takes effect in identity as soon as the event is stored (verification folds the key's stream),
 * and in every other service when identity.access.v1 reaches its guard, well under a second.
 */
@Injectable()
export class RevokeApiKeyHandler {
  constructor(
    private readonly eventStreams: Streams,
    private readonly reader: ApiKeysReader,
  ) {}

  async execute(
    principal: Principal,
    keyId: string,
    reason: string,
    meta: CommandMeta,
    now = new Date(),
  ): Promise<ApiKeyView> {
    const stream = streams.apiKey(keyId);
    const { state } = await this.eventStreams.load(stream, apiKeyDecider);
    if (state.status === 'none' || state.tenantId !== principal.tenantId)
      throw identityError('KEY_NOT_FOUND', 'No such API key');
    await this.eventStreams.decide(
      stream,
      apiKeyDecider,
      { type: 'RevokeApiKey', data: { reason, now } },
      principal.tenantId,
      meta,
    );
    return this.reader.one(principal.tenantId, keyId, now);
  }
}
