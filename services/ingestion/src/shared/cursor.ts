import { ingestionError } from './ingestion.errors';

/** Position after the last item of a page, newest-first by (time, id): stable while new items arrive. */
export interface Cursor {
  t: string;
  id: string;
}

export const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodeCursor(cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.t === 'string' && typeof c.id === 'string' && !Number.isNaN(Date.parse(c.t))) return c;
  } catch {
    // fall through
  }
  throw ingestionError('INVALID_CURSOR', 'cursor is not one this service handed out', { field: 'cursor' });
}

/**
 * The filter for the page after `cursor`, newest first on `timeField` then `_id`. Times are ISO-8601
 * strings written by toISOString, so they order as text.
 */
export function afterCursor(timeField: string, cursor: string | undefined): Record<string, unknown> {
  if (!cursor) return {};
  const { t, id } = decodeCursor(cursor);
  return { $or: [{ [timeField]: { $lt: t } }, { [timeField]: t, _id: { $lt: id } }] };
}

/** Splits `limit + 1` documents into the page and the cursor of the next one (null on the last page). */
export function pageOf<D extends { _id: string }>(
  docs: readonly D[],
  limit: number,
  timeOf: (d: D) => string,
): { items: D[]; nextCursor: string | null } {
  const items = docs.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: docs.length > limit && last ? encodeCursor({ t: timeOf(last), id: last._id }) : null,
  };
}
