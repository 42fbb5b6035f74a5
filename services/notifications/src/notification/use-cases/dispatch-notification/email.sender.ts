import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import type { SmtpServerSettings, SmtpSettings } from '../../../config';
import { DeliveryOutcome } from '../../domain/delivery-outcome';
import { NotificationBody } from '../../domain/notification.state';
import { EmailEventKind, renderEmail } from './email.template';

export const SMTP_SETTINGS = Symbol('SMTP_SETTINGS');

/** Replies about the mailbox itself: no provider and no retry will make them deliverable. */
const PERMANENT_REPLIES = new Set([550, 551, 553]);

interface ServerOutcome {
  server: SmtpServerSettings['name'];
  ok: boolean;
  detail: string;
  code?: number;
}

/**
 * One e-mail per attempt, over SMTP (nodemailer): the primary server first, the secondary in the same
 * attempt when the primary fails. The Message-ID is derived from the notification id, so the same
 * notification is the same message on every attempt and provider, and a mailbox can dedupe it. What
 * each server answered is kept in the attempt's outcome, which the stream records.
 */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private readonly transports: { settings: SmtpServerSettings; transport: Transporter }[];

  constructor(@Inject(SMTP_SETTINGS) private readonly smtp: SmtpSettings) {
    this.transports = smtp.servers.map((settings) => ({
      settings,
      transport: nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        ...(settings.auth ? { auth: settings.auth } : {}),
        connectionTimeout: smtp.timeoutMs,
        greetingTimeout: smtp.timeoutMs,
        socketTimeout: smtp.timeoutMs,
      }),
    }));
  }

  /** Whether the e-mail channel exists at all (a primary SMTP server is configured). */
  get configured(): boolean {
    return this.transports.length > 0;
  }

  onModuleDestroy(): void {
    for (const { transport } of this.transports) transport.close();
  }

  async send(
    notification: NotificationBody,
    kind: EmailEventKind = 'report.raised',
  ): Promise<DeliveryOutcome> {
    if (!this.configured)
      return { delivered: false, error: 'no SMTP server is configured', retryable: false };
    const { subject, text, html } = renderEmail(kind, notification.payload);
    const tried: ServerOutcome[] = [];
    for (const { settings, transport } of this.transports) {
      try {
        const info = (await transport.sendMail({
          from: this.smtp.from,
          to: notification.recipient,
          subject,
          text,
          html,
          messageId: `<${notification.notificationId}@foresight.notifications>`,
          headers: { 'X-Foresight-Delivery': notification.notificationId },
        })) as { response?: string };
        tried.push({ server: settings.name, ok: true, detail: info.response ?? 'accepted' });
        return { delivered: true, detail: describe(tried) };
      } catch (err) {
        const e = err as Error & { code?: string; responseCode?: number; response?: string };
        tried.push({
          server: settings.name,
          ok: false,
          detail: e.response ?? e.code ?? e.message,
          ...(e.responseCode ? { code: e.responseCode } : {}),
        });
      }
    }
    const permanent = tried.some((t) => t.code !== undefined && PERMANENT_REPLIES.has(t.code));
    return { delivered: false, error: describe(tried), retryable: !permanent };
  }
}

function describe(tried: ServerOutcome[]): string {
  return tried
    .map((t) => `smtp ${t.server} ${t.ok ? 'accepted' : 'failed'}: ${t.detail}`)
    .join('; ')
    .slice(0, 1000);
}
