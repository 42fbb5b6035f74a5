import { DomainError } from '@foresight/domain';

/** Where a page ended: the list's order is (receivedAt, reportId), newest first. */
export interface ReportCursor {
  receivedAt: string;
  reportId: string;
}

export const encodeCursor = (c: ReportCursor): string =>
  Buffer.from(JSON.stringify([c.receivedAt, c.reportId])).toString('base64url');

export function decodeCursor(cursor: string): ReportCursor {
  try {
    const [receivedAt, reportId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof receivedAt === 'string' && typeof reportId === 'string') return { receivedAt, reportId };
  } catch {
    // fall through to the refusal below
  }
  throw new DomainError(
    'REPORT.INVALID_CURSOR',
    'cursor must be the nextCursor of a previous page',
    'invalid',
    {
      field: 'cursor',
    },
  );
}

/** Mongo filter for the items after the cursor in (receivedAt desc, _id desc) order. */
export const afterCursor = ({ receivedAt, reportId }: ReportCursor): Record<string, unknown> => ({
  $or: [{ receivedAt: { $lt: receivedAt } }, { receivedAt, _id: { $lt: reportId } }],
});
