import { Controller, Get, Headers, Inject, Logger, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiCredentials, CurrentPrincipal } from '@foresight/auth';
import type { Principal } from '@foresight/contracts';
import { DomainError } from '@foresight/domain';
import type { FastifyReply } from 'fastify';
import { inboxOwnerOf } from './inbox-owner';
import { ListInboxHandler } from './list-inbox.handler';

export const INBOX_STREAM = Symbol('INBOX_STREAM');
export interface InboxStreamSettings {
  pollMs: number;
  /** The server ends each stream after this long; EventSource reconnects with Last-Event-ID. */
  maxSeconds: number;
}

const HEARTBEAT_MS = 15_000;

function resumePoint(header: string | undefined, query: string | undefined): number | undefined {
  const raw = header ?? query;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,15}$/.test(raw))
    throw new DomainError(
      'INBOX.INVALID_EVENT_ID',
      'Last-Event-ID must be an id this stream sent',
      'invalid',
      {
        field: header !== undefined ? 'Last-Event-ID' : 'lastEventId',
      },
    );
  return Number(raw);
}

/**
 * Server-Sent Events: each new item of the caller's inbox as `event: notification`, `id: <seq>`.
 * Without Last-Event-ID the stream starts at now; with it, everything delivered after that id comes
 * first, in order, then live. Items are read from the inbox read model, whose `seq` (the delivery's
 * event-store position) only grows, so a resumed stream neither repeats nor skips.
 */
@ApiTags('inbox')
@ApiCredentials()
@Controller('v1/inbox')
export class StreamInboxHttpController {
  private readonly logger = new Logger('InboxStream');

  constructor(
    private readonly inbox: ListInboxHandler,
    @Inject(INBOX_STREAM) private readonly settings: InboxStreamSettings,
  ) {}

  @Get('stream')
  @ApiOperation({ summary: "The caller's new in-app notifications, live (text/event-stream)" })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'resume after this event id' })
  @ApiQuery({
    name: 'lastEventId',
    required: false,
    description: 'same, for clients that cannot set headers',
  })
  @ApiResponse({
    status: 200,
    description: '`event: notification`, `id: <seq>`, `data: <InboxItemView JSON>`',
  })
  @ApiResponse({ status: 400, description: 'INBOX.INVALID_EVENT_ID: Last-Event-ID, named in `fields`' })
  @ApiResponse({ status: 403, description: 'INBOX.USER_ONLY: an API key has no inbox' })
  async stream(
    @CurrentPrincipal() principal: Principal,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Query('lastEventId') lastEventIdQuery: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const recipient = inboxOwnerOf(principal);
    const { tenantId } = principal;
    let seq =
      resumePoint(lastEventIdHeader, lastEventIdQuery) ?? (await this.inbox.latestSeq(tenantId, recipient));
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    raw.write('retry: 2000\n\n');
    let open = true;
    let polling = false;
    const push = async () => {
      if (!open || polling) return;
      polling = true;
      try {
        for (const { seq: next, item } of await this.inbox.after(tenantId, recipient, seq)) {
          if (!open) break;
          raw.write(`id: ${next}\nevent: notification\ndata: ${JSON.stringify(item)}\n\n`);
          seq = next;
        }
      } catch (err) {
        this.logger.warn(`inbox stream poll failed: ${(err as Error).message}`);
      } finally {
        polling = false;
      }
    };
    const poll = setInterval(() => void push(), this.settings.pollMs);
    const heartbeat = setInterval(() => open && raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const close = () => {
      if (!open) return;
      open = false;
      clearInterval(poll);
      clearInterval(heartbeat);
      clearTimeout(limit);
      raw.end();
    };
    const limit = setTimeout(() => void push().finally(close), this.settings.maxSeconds * 1000);
    raw.on('close', close);
    await push();
  }
}
