import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RowRejection } from './import-csv';

/**
 * What an interrupted import had done by its last acknowledged batch. Rows up to `lastLine` are
 * stored; a resumed run starts after it. A batch sent but not acknowledged is sent again, which the
 * service treats as a no-op (content hash), so every row lands exactly once.
 */
export interface ResumeState {
  version: 1;
  file: string;
  entity: string;
  source: string;
  importId: string;
  /** The file line of the last row whose batch was acknowledged (the header is line 1). */
  lastLine: number;
  rows: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  rejections: RowRejection[];
  syncIds: string[];
  syncCount: number;
  elapsedMs: number;
}

/**
 * One state file per (file, its size and modification time, entity, source, mapping): the same
 * command on the same unchanged file resumes; a changed file or mapping starts afresh.
 */
export function stateFileFor(
  dir: string,
  key: { file: string; entity: string; source: string; mapping: unknown },
): string {
  const path = resolve(key.file);
  const { size, mtimeMs } = statSync(path);
  const hash = createHash('sha256')
    .update(JSON.stringify([path, size, Math.trunc(mtimeMs), key.entity, key.source, key.mapping]))
    .digest('hex')
    .slice(0, 24);
  return join(dir, `${hash}.json`);
}

export function loadState(file: string): ResumeState | null {
  if (!existsSync(file)) return null;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as ResumeState;
    return state.version === 1 ? state : null;
  } catch {
    // A torn or foreign file is no progress: start afresh (re-sent rows are no-ops anyway).
    return null;
  }
}

/** Written to a temporary file and renamed, so a kill mid-write leaves the previous state whole. */
export function saveState(file: string, state: ResumeState): void {
  mkdirSync(resolve(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

export function clearState(file: string): void {
  rmSync(file, { force: true });
}
