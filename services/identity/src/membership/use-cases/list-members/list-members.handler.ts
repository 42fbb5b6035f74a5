import { Injectable } from '@nestjs/common';
import { identityError } from '../../../shared/domain/identity.errors';
import { ReadModels } from '../../../shared/read-models/read-models';
import { MemberPageView, MemberView } from '../member.view';
import { MembersReader } from '../members.reader';
import { ListMembersQuery } from './list-members.query';

@Injectable()
export class ListMembersHandler {
  constructor(
    private readonly readModels: ReadModels,
    private readonly reader: MembersReader,
  ) {}

  async list(tenantId: string, query: ListMembersQuery): Promise<MemberPageView> {
    const filter = query.status ? { status: query.status } : {};
    const [docs, total] = await Promise.all([
      this.readModels.members.find(tenantId, filter, {
        sort: { invitedAt: 1 },
        skip: query.offset ?? 0,
        limit: query.limit ?? 50,
      }),
      this.readModels.members.count(tenantId, filter),
    ]);
    return { items: await Promise.all(docs.map((d) => this.reader.view(tenantId, d))), total };
  }

  async one(tenantId: string, userId: string): Promise<MemberView> {
    const doc = await this.readModels.members.findById(tenantId, `${tenantId}:${userId}`);
    if (!doc) throw identityError('MEMBER_NOT_FOUND', 'No such member in this tenant');
    return this.reader.view(tenantId, doc);
  }
}
