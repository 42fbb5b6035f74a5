/**
 * E-mail deliveries per second through the channel's own sender (nodemailer, one connection per
 * message as the dispatcher sends) to the project's real local SMTP server (libs/testing
 * smtp-inbox), at the dispatcher's concurrency (4) and higher; then the same with the primary down,
 * every message failing over to the secondary. Every message is counted as received and parsed back.
 *
 *   node -r @swc-node/register bench/notifications/smtp.bench.ts [messages=400]
 */
import { randomUUID } from 'node:crypto';
import { startSmtpInbox } from '../../libs/testing/src/smtp-inbox';
import { EmailSender } from '../../services/notifications/src/notification/use-cases/dispatch-notification/email.sender';
import { notificationIdFor } from '../../services/notifications/src/notification/domain/notification-id';
import type { NotificationBody } from '../../services/notifications/src/notification/domain/notification.state';

const messages = Number(process.argv[2] ?? 400);

function notification(i: number): NotificationBody {
  const key = {
    tenantId: 'bench',
    sourceEventId: randomUUID(),
    recipient: `owner${i % 50}@acme.test`,
    channel: 'email' as const,
  };
  return {
    notificationId: notificationIdFor(key),
    ...key,
    payload: {
      reportId: randomUUID(),
      accountName: `Account ${i}`,
      kind: 'CRITICAL_CHURN',
      score: 0.9,
      title: `Critical churn risk: Account ${i}`,
      summary: `Account ${i} scores 90% for churn.`,
    },
    maxAttempts: 5,
    attempts: 1,
  };
}

async function run(
  sender: EmailSender,
  concurrency: number,
): Promise<{ perSecond: number; p99Ms: number; failed: number }> {
  const queue = Array.from({ length: messages }, (_, i) => i);
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const t0 = performance.now();
        const outcome = await sender.send(notification(i));
        latencies.push(performance.now() - t0);
        if (!outcome.delivered) failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: messages / seconds,
    p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]!,
    failed,
  };
}

async function main(): Promise<void> {
  const primary = await startSmtpInbox();
  const secondary = await startSmtpInbox();
  const settings = (primaryPort: number) => ({
    from: 'bench@foresight.test',
    timeoutMs: 5000,
    servers: [
      { name: 'primary' as const, host: '127.0.0.1', port: primaryPort, secure: false },
      { name: 'secondary' as const, host: '127.0.0.1', port: secondary.port, secure: false },
    ],
  });
  const sender = new EmailSender(settings(primary.port));
  await run(sender, 4); // warm-up
  primary.messages.length = 0;
  console.log(`SMTP e-mail channel, ${messages} messages per run, local smtp-server + mailparser`);
  for (const concurrency of [1, 4, 16]) {
    const before = primary.messages.length;
    const r = await run(sender, concurrency);
    console.log(
      `  primary up,   concurrency ${String(concurrency).padStart(2)}: ${r.perSecond.toFixed(0)} deliveries/s, p99 ${r.p99Ms.toFixed(1)} ms, failed ${r.failed}, received ${primary.messages.length - before}`,
    );
  }
  sender.onModuleDestroy();
  await primary.close();
  const failover = new EmailSender(settings(primary.port));
  const before = secondary.messages.length;
  const r = await run(failover, 4);
  console.log(
    `  primary down, concurrency  4: ${r.perSecond.toFixed(0)} deliveries/s via the secondary, p99 ${r.p99Ms.toFixed(1)} ms, failed ${r.failed}, received ${secondary.messages.length - before}`,
  );
  failover.onModuleDestroy();
  await secondary.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
