import { Presets, SingleBar } from 'cli-progress';
import type { ImportProgress, ImportSummary } from './import-csv';

export interface ProgressView {
  update(p: ImportProgress): void;
  stop(): void;
}

const rateOf = (p: ImportProgress) => {
  const seconds = (Date.now() - p.startedAt) / 1000;
  return seconds > 0 ? Math.round(p.rowsThisRun / seconds) : 0;
};

/** Seconds left from the share of the file read so far: rows differ in size, bytes do not lie. */
const etaOf = (p: ImportProgress) => {
  const elapsed = (Date.now() - p.startedAt) / 1000;
  if (p.bytesRead <= 0 || p.bytesTotal <= 0) return null;
  return Math.max(0, Math.round((elapsed * (p.bytesTotal - p.bytesRead)) / p.bytesRead));
};

/**
 * A progress bar on a terminal; in a pipe or a CI log, a plain line at most every `intervalMs`
 * (a bar's carriage returns would fill a log with one unreadable line).
 */
export function progressView(stream: NodeJS.WriteStream, intervalMs = 2000): ProgressView {
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        stream,
        format:
          '{bar} {percentage}% | {rows} rows | {rate} rows/s | {rejected} rejected | ETA {eta_formatted}',
        hideCursor: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = { rows: p.rows, rate: rateOf(p), rejected: p.rejected };
        if (!started) {
          bar.start(Math.max(1, p.bytesTotal), p.bytesRead, payload);
          started = true;
        } else bar.update(p.bytesRead, payload);
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  let latest: ImportProgress | null = null;
  const line = (p: ImportProgress) => {
    const pct = p.bytesTotal ? Math.floor((100 * p.bytesRead) / p.bytesTotal) : 100;
    const eta = etaOf(p);
    stream.write(
      `${pct}% ${p.rows} rows, ${p.accepted} accepted, ${p.unchanged} unchanged, ${p.rejected} rejected, ` +
        `${rateOf(p)} rows/s${eta === null ? '' : `, ETA ${eta}s`}\n`,
    );
  };
  return {
    update(p) {
      latest = p;
      if (Date.now() - last < intervalMs) return;
      last = Date.now();
      line(p);
    },
    stop() {
      if (latest) line(latest);
    },
  };
}

export function summaryText(s: ImportSummary, shown: number): string {
  const lines = [
    `Imported ${s.file} as ${s.entity} from ${s.source}${s.resumedAfterLine ? ` (resumed after line ${s.resumedAfterLine})` : ''}`,
    `  rows       ${s.rows}`,
    `  accepted   ${s.accepted}`,
    `  unchanged  ${s.unchanged}`,
    `  rejected   ${s.rejected}`,
    `  duration   ${(s.durationMs / 1000).toFixed(1)} s (${s.rowsPerSecond} rows/s this run)`,
    `  batches    ${s.syncCount} (correlation id ${s.importId})`,
    `  sync ids   ${s.syncCount > s.syncIds.length ? `(the first, then the latest ${s.syncIds.length - 1}) ` : ''}${s.syncIds.join(', ') || '-'}`,
  ];
  if (s.rejected) {
    lines.push(`  rejected rows${s.rejected > shown ? ` (first ${shown})` : ''}:`);
    for (const r of s.rejections.slice(0, shown))
      lines.push(
        `    line ${r.line ?? '?'}${r.externalId ? ` (${r.externalId})` : ''}: ` +
          r.errors.map((e) => `${e.field}: ${e.errors.join('; ')}`).join(' | '),
      );
  }
  return lines.join('\n');
}
