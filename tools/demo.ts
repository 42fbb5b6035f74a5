/**
 * `make demo`: builds and starts the six services as separate processes against the local (or
 * given) infrastructure, waits until every /health/ready is green, prints where to look, and keeps
 * running until Ctrl-C. `--stop` stops services a previous demo left running (used by `make down`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  buildServices,
  defaultTopology,
  exportToEnv,
  infra,
  newSecrets,
  percentile,
  repoRoot,
  runScenario,
  RunningService,
  ScenarioResult,
  signInOwner,
  startSmtpInbox,
  sliceUrls,
  startTopology,
} from '@foresight/testing';
import { printLearningLoop, runLearningLoop } from './demo-learning-loop';
import { printOutcomeStep, runOutcomeStep } from './demo-outcomes';

const pidDir = join(repoRoot, '.local/pids');
const secretsFile = join(repoRoot, '.local/demo-secrets.json');

/**
 * Kept across runs: identity's signing keys in the event store and notifications' webhook secrets in
 * Mongo are sealed with these keys. Keys a newer demo added are filled in without replacing the rest.
 */
function demoSecrets(): ReturnType<typeof newSecrets> {
  const stored = existsSync(secretsFile)
    ? (JSON.parse(readFileSync(secretsFile, 'utf8')) as Partial<ReturnType<typeof newSecrets>>)
    : {};
  if (stored.adminToken && stored.encryptionKey && 'notificationsKey' in stored)
    return stored as ReturnType<typeof newSecrets>;
  // An older file without notificationsKey: webhook secrets stored so far were kept as given, and
  // stay readable (unsealed values are read as they are).
  const secrets = { ...newSecrets(), ...stored };
  mkdirSync(dirname(secretsFile), { recursive: true });
  writeFileSync(secretsFile, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

function stopLeftovers(): void {
  if (!existsSync(pidDir)) return;
  for (const file of readdirSync(pidDir).filter((f) => f.startsWith('svc-'))) {
    const pid = Number(readFileSync(join(pidDir, file), 'utf8'));
    try {
      process.kill(pid, 'SIGTERM');
      console.log(`stopped ${file.slice(4, -4)} (pid ${pid})`);
    } catch {
      // already gone
    }
    rmSync(join(pidDir, file), { force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--stop')) return stopLeftovers();
  stopLeftovers();
  const settings = await infra();
  exportToEnv(settings);
  const started = Date.now();
  buildServices();
  mkdirSync(pidDir, { recursive: true });
  const running: RunningService[] = [];

  const shutdown = async (code: number) => {
    console.log('\nstopping services…');
    await Promise.all(running.map((s) => s.stop()));
    await inbox.close();
    stopLeftovers();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  const slug = `demo-${new Date()
    .toISOString()
    .slice(0, 19)
    .replace(/[^0-9]/g, '')}`;
  const topology = defaultTopology(demoSecrets());
  // The demo keeps its stores across runs, but its consumer groups are this run's and start at the
  // topics' end: the shared broker also carries every test run's traffic (and poison messages), which
  // long-lived groups would otherwise replay before reaching the demo's own records.
  // A real local SMTP server: notifications e-mails every report to its owner there as well as by
  // webhook, and the demo prints the inbox (readable as JSON over HTTP).
  const inbox = await startSmtpInbox({ http: { port: 0 } });
  topology.env = {
    CONSUMER_GROUP_SUFFIX: slug.replace(/-/g, '_'),
    CONSUMER_NEW_GROUP_START: 'end',
    SMTP_HOST: inbox.host,
    SMTP_PORT: String(inbox.port),
    SMTP_FROM: 'alerts@foresight.local',
  };
  try {
    await startTopology(topology, {
      onStart: (svc) => {
        running.push(svc);
        writeFileSync(join(pidDir, `svc-${svc.name}.pid`), String(svc.process.pid));
      },
    });
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    await shutdown(1);
    return;
  }
  console.log(
    `\nAll six services ready in ${((Date.now() - started) / 1000).toFixed(1)}s (infra: ${settings.source})\n`,
  );

  let result: ScenarioResult;
  try {
    result = await runScenario({
      urls: sliceUrls(topology),
      adminToken: topology.adminToken,
      kafkaBrokers: settings.kafkaBrokers,
      slug,
      accounts: Number(process.env['DEMO_ACCOUNTS'] ?? 40),
      onStep: (step, detail) => console.log(`  ✓ ${step.padEnd(13)} ${detail ? JSON.stringify(detail) : ''}`),
    });
  } catch (err) {
    console.error('\nthe demo flow failed:', err instanceof Error ? err.message : err);
    console.error('service logs are in .local/logs/');
    await shutdown(1);
    return;
  }
  printSummary(result);
  const mails = inbox.to(result.tenant.ownerEmail);
  console.log(
    `E-mails to ${result.tenant.ownerEmail}: ${mails.length} in the local SMTP inbox (${inbox.httpUrl}?to=${encodeURIComponent(result.tenant.ownerEmail)}), e.g. "${mails[0]?.subject ?? '—'}"`,
  );
  try {
    const outcome = await runOutcomeStep(sliceUrls(topology), result);
    if (typeof outcome !== 'string') printOutcomeStep(outcome);
    else console.log(`\n(outcome ledger step skipped: ${outcome})`);
    const loop = await runLearningLoop(sliceUrls(topology), result.tenant, (line) => console.log(line));
    if (loop) printLearningLoop(loop);
  } catch (err) {
    console.error('\nthe outcome or learning-loop step failed:', err instanceof Error ? err.message : err);
    console.error('service logs are in .local/logs/');
    await shutdown(1);
    return;
  }
  console.table(
    running.map((s) => ({
      service: s.name,
      url: s.url,
      docs: `${s.url}/docs`,
      log: s.logFile.replace(`${repoRoot}/`, ''),
    })),
  );
  console.log(
    '\nKafka %s · event store %s · Mongo %s',
    settings.kafkaBrokers.join(','),
    settings.eventstoreUrl,
    settings.mongoUrl,
  );
  console.log(
    `Sign in as ${result.tenant.ownerEmail} (tenant ${result.tenant.slug}); the owner's token for /docs "Authorize":`,
  );
  // A fresh token: the one the scenario started with may have expired during the learning loop.
  console.log(
    `  ${await signInOwner(sliceUrls(topology).identity, result.tenant).catch(() => result.tenant.ownerToken)}`,
  );
  console.log('Press Ctrl-C to stop the services (`make down` also stops the infrastructure).');
  await new Promise(() => undefined);
}

function printSummary(r: ScenarioResult): void {
  const byKindStatus = new Map<string, number>();
  for (const report of r.reports) {
    const key = `${report.kind} / ${report.status}`;
    byKindStatus.set(key, (byKindStatus.get(key) ?? 0) + 1);
  }
  console.log(`\nTenant ${r.tenant.slug} (${r.tenant.tenantId})`);
  const ingested = Object.entries(r.ingested).map(([k, v]) => `${v} ${k}`);
  console.log(
    `Ingested: ${ingested.join(', ')}; rejected ${r.rejected}; ${r.scored} of ${r.accounts} accounts scored`,
  );
  console.log('Reports by kind and status:');
  for (const [key, n] of [...byKindStatus].sort()) console.log(`  ${key.padEnd(36)} ${n}`);
  console.log(
    `Webhooks delivered: ${r.webhooks.verified} (signature verified; ${r.webhooks.distinctNotifications} distinct notifications), for ${r.webhooks.distinctReports} reports`,
  );
  console.log(
    `Upstream data → report NOTIFIED: p50 ${percentile(r.latenciesMs, 50)} ms, p99 ${percentile(r.latenciesMs, 99)} ms over ${r.latenciesMs.length} reports ` +
      `(all ${r.accounts} accounts sent at once; bench/e2e measures a steady load)`,
  );
  const f = r.feedbackReport;
  console.log(`\nReport ${f.reportId} (${f.kind}, ${f.accountName}), its timeline from the stream:`);
  for (const t of f.timeline)
    console.log(
      `  ${String(t.revision).padStart(2)} ${t.at}  ${t.type.padEnd(22)} ${t.status.padEnd(18)} ${t.summary}`,
    );
  console.log(`Report ${r.staleReport.reportId}: account removed upstream → ${r.staleReport.status}\n`);
}

void main();
