// perf24 (issue #22): `vault check`'s record pass reads `records` in pages along the table's
// B-trees (src/vault/record-pages.ts) instead of one ORDER BY that sorts the whole table. The
// pass's findings keep the order the rows come in (only a few examples per code are kept), so
// the paged reading must give exactly the rows, in exactly the order, of the query it replaces,
// including on a file edited outside Hearth: events moved to another session or renumbered,
// ids that do not follow their place, sequences SQLite orders as text or beyond 2^53, kinds that
// sort before, after or as a blob. And each read returns at most a page: counted, not timed.
import Database from 'better-sqlite3';
import { rowsInCheckOrder } from '../../../src/vault/record-pages';

/** The records table and its listing index as migrations 0001 and 0008 leave them. */
function table(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE records (
    record_id TEXT PRIMARY KEY, container_id TEXT NOT NULL, kind TEXT NOT NULL,
    seq INTEGER NOT NULL, key_ref TEXT NOT NULL, nonce BLOB NOT NULL,
    ciphertext BLOB NOT NULL, blind_index BLOB) WITHOUT ROWID;
  CREATE INDEX records_by_kind ON records (kind, container_id) WHERE kind <> 'event';`);
  return db;
}

function put(
  db: Database.Database,
  id: string,
  container: string,
  kind: unknown,
  seq: unknown,
): void {
  db.prepare(
    'INSERT INTO records (record_id, container_id, kind, seq, key_ref, nonce, ciphertext, blind_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, container, kind, seq, 'class:case@1', Buffer.from([1]), Buffer.from(id), null);
}

const eventId = (session: string, seq: number) => `${session}:${String(seq).padStart(10, '0')}`;

/** An intact vault's shape: cases, sessions with their events and summaries, users, chunks. */
function intact(db: Database.Database, sessions: number, events: number): void {
  for (let s = 0; s < sessions; s++) {
    const session = `sess_${String((s * 7919) % 1000).padStart(4, '0')}`;
    const caseId = `case_${String(s % 5)}`;
    for (let e = 1; e <= events; e++) put(db, eventId(session, e), session, 'event', e);
    put(db, `${session}`, caseId, 'session', 1 + (s % 3));
    put(db, `${session}:~summary`, session, 'session-summary', 2);
    if (s < 5) put(db, caseId, caseId, 'case', 1);
  }
  for (const u of ['ada', 'bo', 'cy']) put(db, `user:${u}`, 'users', 'user', 1);
  for (let c = 0; c < 3; c++) put(db, `case-order:00000${c}`, 'case-order', 'case-order', 1);
}

/** The query the record pass ran before perf24: the ids (the primary key) in its order. */
function sorted(db: Database.Database): string[] {
  return (
    db.prepare('SELECT record_id FROM records ORDER BY kind, container_id, seq').all() as Array<{
      record_id: string;
    }>
  ).map((r) => r.record_id);
}

function paged(db: Database.Database, pageRows: number): string[] {
  return [...rowsInCheckOrder(db, pageRows)].map((r) => r.record_id);
}

const PAGE_SIZES = [1, 2, 3, 7, 64, 512];

test('an intact vault: the same rows in the same order at every page size', () => {
  const db = table();
  intact(db, 40, 12);
  const want = sorted(db);
  expect(want).toHaveLength(40 * 12 + 40 * 2 + 5 + 3 + 3);
  for (const size of PAGE_SIZES) expect(paged(db, size)).toEqual(want);
});

test('a file edited outside Hearth: still the same rows in the same order', () => {
  const db = table();
  intact(db, 12, 6);
  // An event moved to another session, one renumbered, one at an id that is not its place.
  db.prepare('UPDATE records SET container_id = ? WHERE record_id = ?').run(
    'sess_7919'.slice(0, 8),
    eventId('sess_0000', 3),
  );
  db.prepare('UPDATE records SET seq = 99 WHERE record_id = ?').run(eventId('sess_0000', 4));
  put(db, 'zzz-not-an-event-id', 'sess_0000', 'event', 2);
  // Sessions one of which prefixes another ('-' sorts before ':' in the ids).
  for (let e = 1; e <= 3; e++) {
    put(db, eventId('abc', e), 'abc', 'event', e);
    put(db, eventId('abc-1', e), 'abc-1', 'event', e);
  }
  // Sequences SQLite orders apart from integers, and one beyond 2^53.
  put(db, 'odd:text', 'odd', 'session', 'seven');
  put(db, 'odd:real', 'odd', 'session', 2.5);
  put(db, 'odd:blob', 'odd', 'session', Buffer.from([9]));
  put(db, 'odd:big1', 'odd', 'session', 2n ** 60n);
  put(db, 'odd:big2', 'odd', 'session', 2n ** 60n + 1n);
  // Kinds that sort before and after 'event', an empty one, non-ASCII containers whose UTF-16
  // and UTF-8 orders differ, and ties on (kind, container, seq) broken by id.
  put(db, 'k:empty', '', '', 1);
  put(db, 'k:eventa', 'c', 'eventa', 1);
  put(db, 'k:even', 'c', 'even', 1);
  put(db, 'k:blob', 'c', Buffer.from('zz'), 1);
  put(db, 'k:pua', '\uE000', 'case', 1);
  put(db, 'k:emoji', '\u{1F600}', 'case', 1);
  for (const t of ['t3', 't1', 't2']) put(db, `tie:${t}`, 'users', 'user', 1);
  put(db, eventId('\uE000', 1), '\uE000', 'event', 1);
  put(db, eventId('\u{1F600}', 1), '\u{1F600}', 'event', 1);
  const want = sorted(db);
  for (const size of PAGE_SIZES) expect(paged(db, size)).toEqual(want);
});

test('events of two sessions one of which prefixes the other (id order is not place order there)', () => {
  const db = table();
  for (let e = 1; e <= 5; e++) {
    put(db, eventId('sess_a', e), 'sess_a', 'event', e);
    put(db, eventId('sess_a1', e), 'sess_a1', 'event', e);
  }
  const want = sorted(db);
  for (const size of PAGE_SIZES) expect(paged(db, size)).toEqual(want);
});

test('no read returns more than a page, and none asks SQLite to sort the whole table', () => {
  const db = table();
  intact(db, 30, 20);
  const returned: number[] = [];
  const sql = new Set<string>();
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as {
    all: (...args: unknown[]) => unknown[];
  };
  const all = proto.all;
  proto.all = function (this: { source: string }, ...args: unknown[]) {
    const rows = all.apply(this, args);
    returned.push(rows.length);
    sql.add(this.source);
    return rows;
  };
  let count = 0;
  try {
    for (const _row of rowsInCheckOrder(db, 16)) count++;
  } finally {
    proto.all = all;
  }
  expect(count).toBe(30 * 20 + 30 * 2 + 5 + 3 + 3);
  expect(Math.max(...returned)).toBeLessThanOrEqual(16);
  // 663 rows in pages of 16: about 42 reads, none of them the whole table.
  expect(returned.length).toBeGreaterThanOrEqual(Math.ceil(count / 16));
  for (const text of sql) {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${text}`)
      .all(...Array<string>(text.match(/\?/g)?.length ?? 0).fill('x')) as Array<{ detail: string }>;
    const lines = plan.map((p) => p.detail);
    // A sort only of one container's rows (a case's or a session's own records), found by index.
    if (lines.includes('USE TEMP B-TREE FOR ORDER BY'))
      expect(lines).toContain(
        'SEARCH records USING INDEX records_by_kind (kind=? AND container_id=?)',
      );
  }
});
