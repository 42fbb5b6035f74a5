import { createReadStream, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parse } from 'csv-parse';
import {
  CSV_PARSE_OPTIONS,
  CsvFieldError,
  CsvMapping,
  csvParseErrorOf,
  mapCsvRow,
  mappingProblems,
} from '@foresight/contracts';
import { clearState, loadState, ResumeState, saveState, stateFileFor } from './resume-state';

export interface ImportOptions {
  file: string;
  entity: string;
  source: string;
  mapping: CsvMapping;
  batchSize: number;
  url: string;
  apiKey: string;
  /** Where resume state lives (`.foresight-import` in the working directory by default). */
  stateDir: string;
  /** Ignore saved progress and send the whole file again. */
  restart?: boolean;
  /** Rejections kept for the summary; the counts cover them all. */
  keepRejections?: number;
}

/** A row that was not stored: its file line, and each field with what was wrong. */
export interface RowRejection {
  line: number | null;
  externalId: string | null;
  errors: CsvFieldError[];
}

export interface ImportProgress {
  rows: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  bytesRead: number;
  bytesTotal: number;
  /** Rows handled by this run (not the resumed part), for the rate. */
  rowsThisRun: number;
  startedAt: number;
}

export interface ImportSummary {
  file: string;
  entity: string;
  source: string;
  importId: string;
  resumedAfterLine: number | null;
  rows: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  rejections: RowRejection[];
  durationMs: number;
  rowsPerSecond: number;
  syncCount: number;
  /** The first and the latest batches' sync ids (all of them when there are few). */
  syncIds: string[];
}

export class ImportFailed extends Error {}

interface IngestReply {
  syncId: string;
  accepted: number;
  unchanged: number;
  rejected: { index: number; externalId: string | null; errors: CsvFieldError[] }[];
}

/** REST path segment per entity: `POST /v1/ingest/<segment>`. */
const SEGMENTS: Record<string, string> = {
  account: 'accounts',
  contract: 'contracts',
  usage: 'usage',
  feedback: 'feedback',
  subscription: 'subscriptions',
  contact: 'contacts',
  intent_signal: 'intent-signals',
};
export const ingestPathOf = (entity: string) => `/v1/ingest/${SEGMENTS[entity] ?? `${entity}s`}`;

const KEPT_SYNC_IDS = 10;
const RETRIES = 5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends one batch; retries what may pass later (network, 429, 5xx), stops on what will not. */
async function send(options: ImportOptions, importId: string, records: unknown[]): Promise<IngestReply> {
  const url = `${options.url.replace(/\/$/, '')}${ingestPathOf(options.entity)}`;
  let lastError = '';
  for (let attempt = 0; attempt <= RETRIES; attempt++) {
    if (attempt > 0) await sleep(500 * 2 ** (attempt - 1));
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-api-key': options.apiKey,
          'x-correlation-id': importId,
        },
        body: JSON.stringify({ source: options.source, records }),
      });
    } catch (err) {
      lastError = `${url}: ${(err as Error).cause ? String((err as Error).cause) : (err as Error).message}`;
      continue;
    }
    const text = await res.text();
    if (res.status === 200 || res.status === 207) return JSON.parse(text) as IngestReply;
    lastError = `${url} answered ${res.status}: ${text.slice(0, 500)}`;
    if (res.status !== 429 && res.status < 500) break;
  }
  throw new ImportFailed(lastError);
}

/**
 * Streams the CSV through csv-parse (constant memory: the parser waits while a batch is in
 * flight), maps each row, and sends batches one after another. After each acknowledged batch the
 * resume state moves to its last line. Rows that cannot be read or mapped are rejected here, with
 * their line; rows the service refuses come back with their batch index and are given their line.
 */
export async function importCsv(
  options: ImportOptions,
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<ImportSummary> {
  const file = resolve(options.file);
  const bytesTotal = statSync(file).size;
  const stateFile = stateFileFor(options.stateDir, {
    file,
    entity: options.entity,
    source: options.source,
    mapping: options.mapping,
  });
  const saved = options.restart ? null : loadState(stateFile);
  const keep = options.keepRejections ?? 20;
  const state: ResumeState = saved ?? {
    version: 1,
    file,
    entity: options.entity,
    source: options.source,
    importId: `import-${randomUUID()}`,
    lastLine: 1,
    rows: 0,
    accepted: 0,
    unchanged: 0,
    rejected: 0,
    rejections: [],
    syncIds: [],
    syncCount: 0,
    elapsedMs: 0,
  };
  const resumedAfterLine = saved ? saved.lastLine : null;
  const startedAt = Date.now();
  let rowsThisRun = 0;
  let bytesRead = 0;

  // Rows read since the last acknowledged batch: they count once their batch is acknowledged.
  let batch: { line: number; record: Record<string, unknown> }[] = [];
  let pending: RowRejection[] = [];
  let pendingRows = 0;
  let pendingLastLine = state.lastLine;

  const progress = (): ImportProgress => ({
    rows: state.rows + pendingRows,
    accepted: state.accepted,
    unchanged: state.unchanged,
    rejected: state.rejected + pending.length,
    bytesRead,
    bytesTotal,
    rowsThisRun,
    startedAt,
  });
  const remember = (rejections: RowRejection[]) => {
    state.rejected += rejections.length;
    for (const r of rejections) if (state.rejections.length < keep) state.rejections.push(r);
  };
  const commit = (reply: IngestReply | null) => {
    if (reply) {
      state.accepted += reply.accepted;
      state.unchanged += reply.unchanged;
      const refused = reply.rejected.map((r) => ({
        line: batch[r.index]?.line ?? null,
        externalId: r.externalId,
        errors: r.errors,
      }));
      // Local rejections and the service's, in file order.
      pending = [...pending, ...refused].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      if (state.syncIds.length >= KEPT_SYNC_IDS) state.syncIds.splice(1, 1);
      state.syncIds.push(reply.syncId);
      state.syncCount++;
    }
    remember(pending);
    state.rows += pendingRows;
    state.lastLine = pendingLastLine;
    state.elapsedMs = (saved?.elapsedMs ?? 0) + (Date.now() - startedAt);
    batch = [];
    pending = [];
    pendingRows = 0;
    saveState(stateFile, state);
    onProgress(progress());
  };
  const flush = async () => {
    if (batch.length === 0) {
      if (pendingRows > 0) commit(null);
      return;
    }
    const reply = await send(
      options,
      state.importId,
      batch.map((b) => b.record),
    );
    commit(reply);
  };

  const parser = createReadStream(file).pipe(parse({ ...CSV_PARSE_OPTIONS }));
  const skipped: RowRejection[] = [];
  parser.on('skip', (err: Error & { code?: string; lines?: number }) => {
    const { line, errors } = csvParseErrorOf(err);
    // One bad quote can raise several errors on its line: the row is rejected once, for the first.
    if (line !== null && skipped[skipped.length - 1]?.line === line) return;
    skipped.push({ line, externalId: null, errors });
  });
  // The parser runs ahead of this loop: a skipped row counts only once the rows before it have.
  const takeSkipped = (upToLine = Infinity) => {
    while (skipped.length && (skipped[0]?.line ?? 0) <= upToLine) {
      const s = skipped.shift() as RowRejection;
      if (s.line !== null && s.line <= state.lastLine) continue;
      pending.push(s);
      pendingRows++;
      rowsThisRun++;
      if (s.line !== null) pendingLastLine = Math.max(pendingLastLine, s.line);
    }
  };

  let checkedHeader = false;
  for await (const { record: row, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number; bytes: number; columns: { name: string }[] };
  }>) {
    if (!checkedHeader) {
      const problems = mappingProblems(
        options.mapping,
        info.columns.map((c) => c.name),
      );
      if (problems.length)
        throw new ImportFailed(
          `the mapping does not fit ${options.file}: ${problems.map((p) => `${p.field}: ${p.errors.join('; ')}`).join(' | ')}`,
        );
      checkedHeader = true;
    }
    bytesRead = info.bytes;
    takeSkipped(info.lines);
    if (info.lines <= state.lastLine) continue;
    rowsThisRun++;
    pendingRows++;
    pendingLastLine = info.lines;
    const mapped = mapCsvRow(options.mapping, row);
    if (!mapped.ok) {
      const id = mapped.record['externalId'] ?? mapped.record['accountExternalId'];
      pending.push({
        line: info.lines,
        externalId: typeof id === 'string' ? id : null,
        errors: mapped.errors,
      });
    } else batch.push({ line: info.lines, record: mapped.record });
    if (batch.length >= options.batchSize) await flush();
    else if (pendingRows % 100 === 0) onProgress(progress());
  }
  bytesRead = bytesTotal;
  takeSkipped();
  await flush();
  // Done: a later run of the same command starts afresh (and finds every row unchanged).
  clearState(stateFile);

  const durationMs = Date.now() - startedAt;
  return {
    file: options.file,
    entity: options.entity,
    source: options.source,
    importId: state.importId,
    resumedAfterLine,
    rows: state.rows,
    accepted: state.accepted,
    unchanged: state.unchanged,
    rejected: state.rejected,
    rejections: state.rejections,
    durationMs,
    rowsPerSecond: durationMs > 0 ? Math.round((rowsThisRun / durationMs) * 1000) : rowsThisRun,
    syncCount: state.syncCount,
    syncIds: state.syncIds,
  };
}
