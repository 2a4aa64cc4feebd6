// sec55 (issue #15/#22, red team 24 R24-1 variant B, R24-10): what the index-free reads cost at
// the 1,250-session scale's shape, on a synthetic file with Hearth's records table and indexes
// (migrations 0001 and 0008's records_by_kind) and random bytes for nonces and ciphertexts: only
// SQLite's work is measured, nothing is decrypted. Run: `npx tsx bench/index-free-counts.ts`.
// Sizes: 1,000 cases (+ allegation, planning, referrals records each), 1,250 sessions with a
// summary and 150 events each (187,500 events), ciphertexts of 1.2-2.6 KB (about 360 MB, the size
// of the cached 1,250-session vault sec51 measured).
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'hearth-sec55-'));
const db = new Database(join(dir, 'v.db'));
db.pragma('journal_mode = WAL');
db.exec(`CREATE TABLE records (record_id TEXT PRIMARY KEY, container_id TEXT NOT NULL, kind TEXT NOT NULL,
  seq INTEGER NOT NULL, key_ref TEXT NOT NULL, nonce BLOB NOT NULL, ciphertext BLOB NOT NULL, blind_index BLOB,
  audit_chain_key_id TEXT, audit_nonce BLOB, audit_sealed_seq BLOB) WITHOUT ROWID;
  CREATE INDEX records_by_kind ON records (kind, container_id) WHERE kind <> 'event';
  CREATE UNIQUE INDEX records_by_blind_index ON records (kind, blind_index) WHERE blind_index IS NOT NULL;`);
const hex = (n: number) => randomBytes(n).toString('hex');
const put = db.prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
const row = (id: string, container: string, kind: string, size: number, blind: Buffer | null = null) =>
  put.run(id, container, kind, 1, 'class:case@1', randomBytes(24), randomBytes(size), blind, 'chain@1', randomBytes(24), randomBytes(24));
const cases: string[] = [];
db.transaction(() => {
  for (let u = 0; u < 12; u++) row(`user:user${u}`, 'users', 'user', 600);
  for (let c = 0; c < 1000; c++) {
    const id = `case_${hex(16)}`;
    cases.push(id);
    row(id, id, 'case', 1200, randomBytes(32));
    row(`allegation:${id}`, id, 'allegation', 1200);
    row(`planning:${id}`, id, 'planning', 2600);
    row(`referrals:${id}`, id, 'referrals', 1200);
  }
  for (let s = 0; s < 1250; s++) {
    const id = `sess_${hex(16)}`;
    const caseId = cases[s % cases.length]!;
    row(id, caseId, 'session', 1200);
    row(`summary:${id}`, caseId, 'session-summary', 2000);
    for (let e = 1; e <= 150; e++) row(`${id}:${String(e).padStart(6, '0')}`, id, 'event', 1800);
  }
  for (let k = 0; k < 4; k++) row(`case-order:${String(k).padStart(6, '0')}`, 'case-order', 'case-order', 2600);
})();
db.exec('ANALYZE');

function time(label: string, sql: string, ...args: unknown[]): void {
  const st = db.prepare(sql);
  st.all(...args); // warm
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    st.all(...args);
    runs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  runs.sort((a, b) => a - b);
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((p) => p.detail).join('; ');
  console.log(`| ${label} | ${runs[2]!.toFixed(2)} | ${runs[0]!.toFixed(2)}-${runs[4]!.toFixed(2)} | ${plan} |`);
}

const rows = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
console.log(`records: ${rows}`);
console.log('| operation | median ms (5 warm runs) | range | SQLite plan |\n|---|---|---|---|');
time('case count through records_by_kind (before: every listing)', "SELECT count(*) AS n FROM records WHERE kind = ? AND kind <> 'event'", 'case');
time("case count along the primary key ('case_', +kind: every listing now)", 'SELECT count(*) AS n FROM records WHERE record_id >= ? AND record_id < ? AND +kind = ?', 'case_', 'case`', 'case');
time('case count over the whole table (+kind: sec51, the sign-in option not taken)', 'SELECT count(*) AS n FROM records WHERE +kind = ?', 'case');
time('reference lookup along the primary key (cases.create on an index miss)', 'SELECT record_id FROM records WHERE record_id >= ? AND record_id < ? AND +kind = ? AND +blind_index = ?', 'case_', 'case`', 'case', randomBytes(32));
time("a case's summaries along the primary key ('summary:', +container_id)", 'SELECT record_id, nonce, ciphertext FROM records WHERE record_id >= ? AND record_id < ? AND +kind = ? AND +container_id = ?', 'summary:', 'summary;', 'session-summary', cases[0]);
time("a case's summaries through records_by_kind (before)", "SELECT record_id, nonce, ciphertext FROM records WHERE kind = ? AND kind <> 'event' AND container_id = ?", 'session-summary', cases[0]);
time("users along the primary key ('user:')", 'SELECT record_id, nonce, ciphertext FROM records WHERE record_id >= ? AND record_id < ? AND +kind = ? AND +container_id = ?', 'user:', 'user;', 'user', 'users');
db.close();
rmSync(dir, { recursive: true, force: true });
