import { Injectable } from '@nestjs/common';
import { ReadModels } from '@foresight/backbone';
import { DomainError } from '@foresight/domain';
import { inboxProjection } from '../../projections/inbox.projection';
import { inboxItemOf, InboxItemView, InboxPageView } from './inbox-item.view';

interface Cursor {
  deliveredAt: string;
  id: string;
}

const encode = (c: Cursor) => Buffer.from(JSON.stringify([c.deliveredAt, c.id])).toString('base64url');

function decode(cursor: string): Cursor {
  try {
    const [deliveredAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof deliveredAt === 'string' && typeof id === 'string') return { deliveredAt, id };
  } catch {
    // refused below
  }
  throw new DomainError(
    'INBOX.INVALID_CURSOR',
    'cursor must be the nextCursor of a previous page',
    'invalid',
    {
      field: 'cursor',
    },
  );
}

/** The caller's own inbox (read model, a moment behind the streams), newest first. */
@Injectable()
export class ListInboxHandler {
  constructor(private readonly readModels: ReadModels) {}

  async list(tenantId: string, recipient: string, limit = 50, cursor?: string): Promise<InboxPageView> {
    const after = cursor ? decode(cursor) : undefined;
    const filter = {
      recipient,
      delivered: true,
      ...(after
        ? {
            $or: [
              { deliveredAt: { $lt: after.deliveredAt } },
              { deliveredAt: after.deliveredAt, _id: { $lt: after.id } },
            ],
          }
        : {}),
    };
    const docs = await this.readModels
      .of(inboxProjection)
      .find(tenantId, filter, { sort: { deliveredAt: -1, _id: -1 }, limit: limit + 1 });
    const items: InboxItemView[] = docs.slice(0, limit).map(inboxItemOf);
    const last = items.at(-1);
    return {
      items,
      nextCursor: docs.length > limit && last ? encode({ deliveredAt: last.deliveredAt, id: last.id }) : null,
    };
  }

  /** Delivered after `seq` (the SSE resume point), oldest first. */
  async after(tenantId: string, recipient: string, seq: number, limit = 100) {
    const docs = await this.readModels
      .of(inboxProjection)
      .find(tenantId, { recipient, delivered: true, seq: { $gt: seq } }, { sort: { seq: 1 }, limit });
    return docs.map((d) => ({ seq: d.seq ?? seq, item: inboxItemOf(d) }));
  }

  /** The newest sequence number in the caller's inbox: a fresh stream starts after it. */
  async latestSeq(tenantId: string, recipient: string): Promise<number> {
    const [doc] = await this.readModels
      .of(inboxProjection)
      .find(tenantId, { recipient, delivered: true }, { sort: { seq: -1 }, limit: 1 });
    return doc?.seq ?? 0;
  }
}
