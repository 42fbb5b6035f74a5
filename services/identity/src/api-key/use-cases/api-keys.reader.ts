import { Injectable } from '@nestjs/common';
import { AccessDirectory } from '../../access/access-directory';
import { identityError } from '../../shared/domain/identity.errors';
import { ReadModels } from '../../shared/read-models/read-models';
import { usability } from '../domain/api-key.state';
import { KeyUsageTracker } from '../key-usage.tracker';
import type { ApiKeyDoc } from '../projections/api-keys.projection';
import { ApiKeyView } from './api-key.view';

@Injectable()
export class ApiKeysReader {
  constructor(
    private readonly readModels: ReadModels,
    private readonly directory: AccessDirectory,
    private readonly usage: KeyUsageTracker,
  ) {}

  async one(tenantId: string, keyId: string, now = new Date()): Promise<ApiKeyView> {
    const doc = await this.readModels.apiKeys.findById(tenantId, keyId);
    if (!doc) throw identityError('KEY_NOT_FOUND', 'No such API key');
    return (await this.views(tenantId, [doc], now))[0]!;
  }

  async views(tenantId: string, docs: readonly ApiKeyDoc[], now = new Date()): Promise<ApiKeyView[]> {
    const lastUsed = await this.usage.lastUsed(
      tenantId,
      docs.map((d) => d.keyId),
    );
    return Promise.all(
      docs.map(async (d) => ({
        keyId: d.keyId,
        prefix: d.prefix,
        name: d.name,
        environment: d.environment,
        ownerUserId: d.ownerUserId,
        roles: (await this.directory.resolveRoles(tenantId, d.roleIds)).names,
        status: statusOf(d, now),
        expiresAt: d.expiresAt,
        graceUntil: d.graceUntil,
        successorKeyId: d.successorKeyId,
        rotatedFrom: d.rotatedFrom,
        createdAt: d.createdAt,
        revokedAt: d.revokedAt,
        revokedReason: d.revokedReason,
        lastUsedAt: lastUsed.get(d.keyId) ?? null,
      })),
    );
  }

  /** Keys of an owner that still count against the tier's per-user limit. */
  async liveKeysOf(tenantId: string, ownerUserId: string, now: Date): Promise<number> {
    const docs = await this.readModels.apiKeys.find(tenantId, { ownerUserId, status: 'active' });
    return docs.filter((d) => usability(d, now) === 'usable').length;
  }
}

function statusOf(doc: ApiKeyDoc, now: Date): string {
  const state = usability(doc, now);
  if (state !== 'usable') return state;
  return doc.graceUntil ? 'rotating' : 'active';
}
