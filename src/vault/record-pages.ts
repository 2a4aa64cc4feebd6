// The rows of `records` in the order of `vault check`'s record pass, read in pages (issue #22,
// perf24). The pass reads every row ordered by kind, container and sequence (ties by record id):
// the seal stream needs each session's events together and in order, and the findings keep
// that order (at most a few examples per code are kept, check-report.ts, so the order decides
// which). One `ORDER BY kind, container_id, seq` over the whole table has no index to follow:
// SQLite copies every row, ciphertexts included, into a sorter (a temporary file the size of
// the table) before the first row comes back. Here each step reads at most PAGE_ROWS rows by
// keyset pagination along an existing B-tree, so nothing is copied or sorted whole:
// - the rows that are not events follow `records_by_kind` (kind, container_id; partial, events
//   left out), one container's rows sorted by sequence at a time (a case's or a session's own
//   records: a handful);
// - the events follow the primary key: an event's id is '<session>:<sequence padded>', so in
//   an intact vault id order is (container, sequence) order. That is proved first, in one
//   streaming pass over the events' ids (no ciphertext kept): every event's (container,
//   sequence) must be above the one before it in id order. When it is not (ids or places
//   edited outside Hearth, or a type SQLite orders otherwise), the events are read with the
//   sorting query instead, so the order, and the findings, never depend on the shape of the data.
// Events sit between the kinds before and after 'event' (SQLite compares the kinds, BINARY).
import type { Database, Statement } from 'better-sqlite3';
import { statement } from './db';

/** Rows per read: about 1 MiB of ciphertext at Hearth's record sizes. */
export const PAGE_ROWS = 512;

/** One row as the record pass reads it. */
export interface CheckOrderRow {
  record_id: string;
  container_id: string;
  kind: string;
  seq: number;
  key_ref: string;
  nonce: Buffer;
  ciphertext: Buffer;
  blind_index: Buffer | null;
}

const COLUMNS = 'record_id, container_id, kind, seq, key_ref, nonce, ciphertext, blind_index';
const NOT_EVENT = "kind <> 'event'";
const ORDER = 'ORDER BY kind, container_id, seq, record_id';

/** Integers read exactly (a sequence edited to 2^60 must still be the next page's key). */
function exact(db: Database, sql: string): Statement {
  return statement(db, sql).safeIntegers(true);
}

type RawRow = Omit<CheckOrderRow, 'seq'> & { seq: unknown; late?: unknown };

/** The row as `RecordStore` reads it elsewhere (an integer sequence as a number). */
function asRow(raw: RawRow): CheckOrderRow {
  const { late: _late, ...row } = raw;
  return { ...row, seq: (typeof raw.seq === 'bigint' ? Number(raw.seq) : raw.seq) as number };
}

/**
 * Every row of `records`, ordered by kind, container_id, seq and record_id (SQLite's BINARY
 * order), in pages of `pageRows`. The same rows in the same order as that ORDER BY over the
 * whole table. Reads nothing twice but the events' ids (the order proof).
 */
export function* rowsInCheckOrder(db: Database, pageRows = PAGE_ROWS): Generator<CheckOrderRow> {
  let eventsDone = false;
  for (const raw of nonEventRows(db, pageRows)) {
    if (!eventsDone && raw.late === 1n) {
      yield* eventRows(db, pageRows);
      eventsDone = true;
    }
    yield asRow(raw);
  }
  if (!eventsDone) yield* eventRows(db, pageRows);
}

/** The rows that are not events, in order; `late`: whether the kind sorts after 'event'. */
function* nonEventRows(db: Database, pageRows: number): Generator<RawRow> {
  const cols = `${COLUMNS}, kind > 'event' AS late`;
  let page = exact(db, `SELECT ${cols} FROM records WHERE ${NOT_EVENT} ${ORDER} LIMIT ?`).all(
    pageRows,
  ) as RawRow[];
  while (page.length > 0) {
    yield* page;
    if (page.length < pageRows) return;
    const last = page[page.length - 1] as RawRow;
    // The rest of the last page's container, then the containers after it.
    page = exact(
      db,
      `SELECT ${cols} FROM records
        WHERE kind = ? AND container_id = ? AND ${NOT_EVENT} AND (seq, record_id) > (?, ?)
        ORDER BY seq, record_id LIMIT ?`,
    ).all(last.kind, last.container_id, last.seq, last.record_id, pageRows) as RawRow[];
    if (page.length < pageRows)
      page = page.concat(
        exact(
          db,
          `SELECT ${cols} FROM records
            WHERE ${NOT_EVENT} AND (kind, container_id) > (?, ?) ${ORDER} LIMIT ?`,
        ).all(last.kind, last.container_id, pageRows - page.length) as RawRow[],
      );
  }
}

/** The events, ordered by container, sequence and id. */
function* eventRows(db: Database, pageRows: number): Generator<CheckOrderRow> {
  if (!eventIdsInOrder(db)) {
    for (const raw of exact(
      db,
      `SELECT ${COLUMNS} FROM records WHERE kind = 'event' ORDER BY container_id, seq, record_id`,
    ).iterate() as IterableIterator<RawRow>)
      yield asRow(raw);
    return;
  }
  let page = exact(
    db,
    `SELECT ${COLUMNS} FROM records WHERE kind = 'event' ORDER BY record_id LIMIT ?`,
  ).all(pageRows) as RawRow[];
  while (page.length > 0) {
    for (const raw of page) yield asRow(raw);
    if (page.length < pageRows) return;
    const last = page[page.length - 1] as RawRow;
    page = exact(
      db,
      `SELECT ${COLUMNS} FROM records WHERE kind = 'event' AND record_id > ? ORDER BY record_id LIMIT ?`,
    ).all(last.record_id, pageRows) as RawRow[];
  }
}

/**
 * Whether id order is (container_id, seq) order for the events: each event's container is
 * above the one before it (UTF-8 bytes, as SQLite's BINARY compares), or the same with a higher
 * integer sequence. One streaming pass over ids, containers and sequences.
 */
function eventIdsInOrder(db: Database): boolean {
  let container: string | undefined;
  let seq = 0n;
  for (const row of exact(
    db,
    "SELECT container_id, seq FROM records WHERE kind = 'event' ORDER BY record_id",
  ).iterate() as IterableIterator<{ container_id: unknown; seq: unknown }>) {
    if (typeof row.container_id !== 'string' || typeof row.seq !== 'bigint') return false;
    if (row.container_id === container) {
      if (row.seq <= seq) return false;
    } else if (
      container !== undefined &&
      Buffer.compare(Buffer.from(container), Buffer.from(row.container_id)) >= 0
    ) {
      return false;
    }
    container = row.container_id;
    seq = row.seq;
  }
  return true;
}
