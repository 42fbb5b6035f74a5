import { Injectable } from '@nestjs/common';
import { ReadModels } from '../../../shared/read-models/read-models';
import { ApiKeysReader } from '../api-keys.reader';
import { ApiKeyPageView, ApiKeyView } from '../api-key.view';
import { ListApiKeysQuery } from './list-api-keys.query';

@Injectable()
export class ListApiKeysHandler {
  constructor(
    private readonly readModels: ReadModels,
    private readonly reader: ApiKeysReader,
  ) {}

  async list(tenantId: string, query: ListApiKeysQuery): Promise<ApiKeyPageView> {
    const filter = {
      ...(query.ownerUserId ? { ownerUserId: query.ownerUserId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.prefix ? { prefix: query.prefix } : {}),
    };
    const [docs, total] = await Promise.all([
      this.readModels.apiKeys.find(tenantId, filter, {
        sort: { createdAt: -1 },
        skip: query.offset ?? 0,
        limit: query.limit ?? 50,
      }),
      this.readModels.apiKeys.count(tenantId, filter),
    ]);
    return { items: await this.reader.views(tenantId, docs), total };
  }

  one(tenantId: string, keyId: string): Promise<ApiKeyView> {
    return this.reader.one(tenantId, keyId);
  }
}
