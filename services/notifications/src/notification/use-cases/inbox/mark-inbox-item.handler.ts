import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { assertNever } from '@foresight/domain';
import { NotificationStreams } from '../shared/notification-streams';
import { InboxMark } from './mark-inbox-item.command';

export class InboxMarkView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) seenAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
}

/**
 * The recipient marks an in-app notification seen or read: a command on the notification's stream
 * (NotificationSeen / NotificationRead), refused as not found for anyone but its recipient.
 */
@Injectable()
export class MarkInboxItemHandler {
  constructor(private readonly streams: NotificationStreams) {}

  async execute(
    mark: InboxMark,
    { tenantId, recipient, notificationId }: { tenantId: string; recipient: string; notificationId: string },
    now = new Date(),
  ): Promise<InboxMarkView> {
    const data = { notificationId, tenantId, recipient, at: now.toISOString() };
    const command = (() => {
      switch (mark) {
        case 'seen':
          return { type: 'MarkSeen' as const, data };
        case 'read':
          return { type: 'MarkRead' as const, data };
        default:
          return assertNever(mark, 'inbox mark');
      }
    })();
    const { state } = await this.streams.decide(tenantId, command, { actor: recipient }, undefined);
    return {
      id: notificationId,
      seenAt: state.status === 'DELIVERED' ? state.seenAt : null,
      readAt: state.status === 'DELIVERED' ? state.readAt : null,
    };
  }
}
