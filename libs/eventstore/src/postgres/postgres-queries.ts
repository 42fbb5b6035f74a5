import type { AllFilter } from '../event-store.port';

export type AppendVariant = 'any' | 'no_stream' | 'exists' | 'revision';

/**
 * Parameters: $1 stream, $2 category, $3 tenant of the first event, $4 event count, $5 expected
 * revision (variant 'revision' only), then one array per column: $6 ids, $7 types, $8 data (JSON
 * text), $9 metadata (JSON text), $10 occurred_at.
 */
function streamStatement(s: string, variant: AppendVariant): string {
  switch (variant) {
    case 'any':
      // excluded.revision is k - 1, so the update adds k; ON CONFLICT cannot reference p.
      return `INSERT INTO "${s}".streams AS st (stream_name, category, revision, tenant_id)
        SELECT p.stream, p.category, p.k - 1, p.tenant FROM p, guard WHERE guard.dups = 0
        ON CONFLICT (stream_name) DO UPDATE SET revision = st.revision + excluded.revision + 1, updated_at = now()
        RETURNING st.revision`;
    case 'no_stream':
      return `INSERT INTO "${s}".streams AS st (stream_name, category, revision, tenant_id)
        SELECT p.stream, p.category, p.k - 1, p.tenant FROM p, guard WHERE guard.dups = 0
        ON CONFLICT (stream_name) DO NOTHING
        RETURNING st.revision`;
    case 'exists':
      return `UPDATE "${s}".streams AS st SET revision = st.revision + p.k, updated_at = now()
        FROM p, guard WHERE st.stream_name = p.stream AND guard.dups = 0
        RETURNING st.revision`;
    case 'revision':
      return `UPDATE "${s}".streams AS st SET revision = st.revision + p.k, updated_at = now()
        FROM p, guard WHERE st.stream_name = p.stream AND st.revision = p.expected AND guard.dups = 0
        RETURNING st.revision`;
  }
}

/**
 * One statement, so an append costs one round trip and is its own transaction.
 *
 * Order matters and is forced by data dependencies, not by CTE order:
 * - `dup` finds a replay (first id already in this stream); nothing is written then.
 * - `guard` takes a per-stream advisory lock BEFORE the first row write. The write assigns the
 *   transaction id, so appends to one stream get increasing transaction ids in revision order, which
 *   keeps readAll's (transaction_id, position) order consistent with every stream's revisions.
 *   A row lock would not do: PostgreSQL assigns the id before it waits for the row.
 * - `s` moves the stream's revision (the optimistic-concurrency check); no row means a conflict.
 * - `e` inserts the events numbered from the new revision, in batch order (WITH ORDINALITY keeps
 *   positions increasing with revisions).
 * - With `notifyInTransaction`, pg_notify runs only when events were written and is delivered at
 *   commit. Otherwise the transaction id comes back (NULL for a replay, which wrote nothing) and the
 *   caller notifies after the commit.
 */
export function appendSql(
  s: string,
  variant: AppendVariant,
  channel: string,
  notifyInTransaction: boolean,
): string {
  const notify = notifyInTransaction
    ? `(SELECT count(*) FROM (
              SELECT pg_notify('${channel}', pg_current_xact_id()::text) FROM (SELECT 1 FROM e LIMIT 1) one
           ) notified) AS notified, NULL::text AS notify_xid`
    : `0 AS notified, pg_current_xact_id_if_assigned()::text AS notify_xid`;
  return `WITH p AS (
      SELECT $1::text AS stream, $2::text AS category, $3::text AS tenant, $4::bigint AS k,
             $5::bigint AS expected, $6::uuid[] AS ids
    ),
    dup AS (
      SELECT max(ev.revision) AS revision, max(ev.position) AS position
      FROM "${s}".events ev, p
      WHERE ev.stream_name = p.stream AND ev.event_id = ANY (p.ids)
      HAVING bool_or(ev.event_id = (SELECT ids[1] FROM p))
    ),
    guard AS (
      SELECT pg_advisory_xact_lock(hashtext('${s}'), hashtext((SELECT stream FROM p))) AS locked,
             (SELECT count(*) FROM dup) AS dups
    ),
    s AS (${streamStatement(s, variant)}),
    e AS (
      INSERT INTO "${s}".events (stream_name, category, revision, event_id, type, data, metadata, occurred_at)
      SELECT p.stream, p.category, s.revision - p.k + x.n, x.id, x.type, x.data::jsonb, x.metadata::jsonb, x.occurred_at
      FROM p, s, unnest($6::uuid[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
        WITH ORDINALITY AS x(id, type, data, metadata, occurred_at, n)
      ORDER BY x.n
      RETURNING position, revision
    )
    SELECT (SELECT revision FROM dup)::text AS dup_revision,
           (SELECT position FROM dup)::text AS dup_position,
           (SELECT max(revision) FROM e)::text AS revision,
           (SELECT max(position) FROM e)::text AS position,
           ${notify}`;
}

/** After a failed revision check: the current revision, and whether the batch was a replay after all. */
export function conflictSql(s: string): string {
  return `SELECT (SELECT revision FROM "${s}".streams WHERE stream_name = $1)::text AS current,
      dup.revision::text AS dup_revision, dup.position::text AS dup_position
    FROM (SELECT 1) one LEFT JOIN (
      SELECT max(ev.revision) AS revision, max(ev.position) AS position
      FROM "${s}".events ev
      WHERE ev.stream_name = $1 AND ev.event_id = ANY ($2::uuid[])
      HAVING bool_or(ev.event_id = ($2::uuid[])[1])
    ) dup ON true`;
}

const COLUMNS = `ev.position::text AS position, ev.transaction_id::text AS xid, ev.stream_name, ev.revision::text AS revision,
  ev.event_id::text AS event_id, ev.type, ev.data, ev.metadata, ev.occurred_at, ev.recorded_at`;

export interface EventRow {
  position: string;
  xid: string;
  stream_name: string;
  revision: string;
  event_id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  occurred_at: Date;
  recorded_at: Date;
}

/** $1 stream, $2 from revision (inclusive), $3 limit (NULL: all). */
export function readStreamSql(s: string, direction: 'forwards' | 'backwards'): string {
  return direction === 'forwards'
    ? `SELECT ${COLUMNS} FROM "${s}".events ev WHERE ev.stream_name = $1 AND ev.revision >= $2
       ORDER BY ev.revision LIMIT $3`
    : `SELECT ${COLUMNS} FROM "${s}".events ev WHERE ev.stream_name = $1 AND ev.revision <= $2
       ORDER BY ev.revision DESC LIMIT $3`;
}

/**
 * $1 after transaction id, $2 after position, $3 limit (NULL: all), then $4 categories and/or $5 types.
 *
 * Only rows of transactions older than the snapshot's xmin are returned: every such transaction has
 * ended, so no row can later appear before the last one returned (a transaction that started early
 * but commits late would otherwise be skipped by a reader that already moved past its position).
 * The horizon comes back with every page, even an empty one, so a subscriber knows how far it has
 * looked; the LATERAL join evaluates both against the same snapshot.
 */
export function readAllSql(s: string, filter: AllFilter | undefined): string {
  const where = [
    '(ev.transaction_id, ev.position) > ($1::xid8, $2::bigint)',
    'ev.transaction_id < h.horizon',
  ];
  if (filter?.categories) where.push('ev.category = ANY ($4::text[])');
  if (filter?.types) where.push(`ev.type = ANY (${filter.categories ? '$5' : '$4'}::text[])`);
  return `WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon)
    SELECT h.horizon::text AS horizon, page.* FROM h LEFT JOIN LATERAL (
      SELECT ${COLUMNS} FROM "${s}".events ev
      WHERE ${where.join(' AND ')}
      ORDER BY ev.transaction_id, ev.position
      LIMIT $3
    ) page ON true`;
}

export function readAllVariant(filter: AllFilter | undefined): string {
  return `${filter?.categories ? 'c' : ''}${filter?.types ? 't' : ''}`;
}
