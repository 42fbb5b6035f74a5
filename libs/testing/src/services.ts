import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './infra';

export const SERVICES = [
  'identity',
  'ingestion',
  'report-engine',
  'notifications',
  'ml-scoring',
  'voc-signals',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Default HTTP ports; tests pass their own to run beside a demo. */
export const DEFAULT_PORTS: Record<ServiceName, number> = {
  identity: 3001,
  ingestion: 3002,
  'report-engine': 3003,
  notifications: 3004,
  'ml-scoring': 3005,
  'voc-signals': 3006,
};

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningService {
  readonly name: ServiceName;
  readonly url: string;
  readonly logFile: string;
  readonly process: ChildProcess;
  /** Sends a signal and waits for the exit; SIGKILL after `graceMs`. Resolves to how the process ended. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<ExitStatus>;
  /** The service's log so far (stdout and stderr). */
  log(): string;
}

export function buildServices(names: readonly ServiceName[] = SERVICES): void {
  for (const name of names)
    execFileSync(process.execPath, [join(repoRoot, 'tools/build.mjs'), name], { stdio: 'inherit' });
}

export function mainOf(name: ServiceName): string {
  return join(repoRoot, 'dist/services', name, 'services', name, 'src/main.js');
}

/** Starts a built service as its own OS process, logging to `<logDir>/<name>.log`. */
export function startService(
  name: ServiceName,
  opts: { port?: number; env?: NodeJS.ProcessEnv; logDir?: string } = {},
): RunningService {
  const port = opts.port ?? DEFAULT_PORTS[name];
  const logDir = opts.logDir ?? join(repoRoot, '.local/logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--enable-source-maps', mainOf(name)], {
    cwd: repoRoot,
    env: { ...process.env, ...opts.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  const exited = new Promise<ExitStatus>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    logFile,
    process: child,
    log: () => readFileSync(logFile, 'utf8'),
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        const status = await exited;
        clearTimeout(timer);
        return status;
      }
      return { code: child.exitCode, signal: child.signalCode };
    },
  };
}

/** Polls `/health/ready` until 200; on timeout or early exit, fails with the tail of the service's log. */
export async function waitReady(svc: RunningService, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (svc.process.exitCode !== null) break;
    try {
      const res = await fetch(`${svc.url}/health/ready`, { signal: AbortSignal.timeout(3000) });
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const tail = svc.log().split('\n').slice(-40).join('\n');
  throw new Error(
    `${svc.name} not ready at ${svc.url} (last: ${last}; exit code ${svc.process.exitCode})\n${tail}`,
  );
}
