// Issue #22 (perf27): unlock after the KDF on vaults shaped like 1,250, 5,000 and 20,000 sessions,
// side by side in one run, without building a decade of sessions (80 CPU-minutes on a shared
// machine). A real vault of BASE_SESSIONS sessions is built once through the storage layer
// (bench/scale-build.ts, the same records as the app writes) and copied; each copy is then padded
// with SQL to the shape of a larger vault: the base's cases, allegations, sessions, summaries and
// events copied under new ids (same sizes), its audit entries and per-session index rows copied at
// negative sequence numbers (before the real log: the real head, chain and anchor are untouched),
// its session and allegation key rows and allegation key certificates copied under the new ids,
// and EPOCHS_PER_SESSION sign-in epochs per session (a decade of sign-ins: the epochs table grows
// with every unlock, not with sessions; scale-build's vaults have one). Nothing padded is ever
// decrypted by an unlock of the real user: what the padding measures is what unlock's SQL pays for
// tables that are 25×, 100× and 400× larger. The padded files are not valid vaults for
// `vault check` (their copied entries do not chain); they are for timing only.
//
// Usage: npx tsx bench/unlock-shape.ts [sizes, default 1250,5000,20000] [cache dir]
//        (BENCH_ROUNDS=7 by default; BENCH_IN_PLACE=1 measures the cached files, not copies; the padded files are kept in the cache dir, default
//        bench/.cache/unlock-shape, about 7.5 GB for the three sizes)
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { initCrypto } from '../src/crypto/sodium';
import { vaultFile } from '../src/vault/db';
import { median } from './harness';
import { growScaleVault } from './scale-build';
import { unlockOnce, type UnlockSample } from './unlock-cpu';

const BASE_SESSIONS = 50;
const EPOCHS_PER_SESSION = 5;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const IN_PLACE = process.env.BENCH_IN_PLACE === '1';
const ID = /(sess|case)_[0-9a-f]{32}/g;

/** A stable, random-looking id for copy `k` of `id` (same prefix and length). */
function copyId(id: string, k: number): string {
  const hex = createHash('sha256').update(`${id}/${k}`).digest('hex').slice(0, 32);
  return `${id.slice(0, 5)}${hex}`;
}

/** Pads the vault file in `dir` (a copy of the base) to `sessions` sessions' shape. */
function pad(dir: string, sessions: number): void {
  const db = new Database(vaultFile(dir));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1048576'); // 1 GiB while padding: random ids land all over the tree
    db.function('remap', { deterministic: true }, (text: unknown, k: unknown) =>
      typeof text === 'string' ? text.replace(ID, (id) => copyId(id, Number(k))) : text,
    );
    db.function('retag', { deterministic: true }, (tag: unknown, k: unknown) =>
      createHash('sha256')
        .update(tag as Buffer)
        .update(String(k))
        .digest()
        .subarray(0, (tag as Buffer).length),
    );
    const head = (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    const copies = Math.round(sessions / BASE_SESSIONS) - 1;
    // The base's rows, kept apart so that each copy is made from them alone.
    db.exec(`CREATE TEMP TABLE base_records AS SELECT * FROM records
               WHERE kind IN ('case', 'allegation', 'session', 'session-summary', 'event');
             CREATE TEMP TABLE base_wraps AS SELECT * FROM key_wraps
               WHERE logical GLOB 'session:*' OR logical GLOB 'allegation:*';
             CREATE TEMP TABLE base_certs AS SELECT * FROM key_certs WHERE key_id GLOB 'allegation:*';`);
    const copy = db.transaction((k: number) => {
      db.prepare(
        `INSERT INTO records (record_id, container_id, kind, seq, key_ref, nonce, ciphertext,
           blind_index, audit_chain_key_id, audit_nonce, audit_sealed_seq) SELECT remap(record_id, @k), remap(container_id, @k), kind, seq,
           remap(key_ref, @k), nonce, ciphertext,
           CASE WHEN blind_index IS NULL THEN NULL ELSE retag(blind_index, @k) END,
           audit_chain_key_id, audit_nonce, audit_sealed_seq
           FROM base_records`,
      ).run({ k });
      db.prepare(
        `INSERT INTO audit_log (seq, epoch, nonce, ciphertext, refs_nonce, refs_ciphertext, mac,
           signer, signature) SELECT -(@k * @head + seq), -@k, nonce, ciphertext, refs_nonce,
           refs_ciphertext, mac, signer, signature FROM audit_log WHERE seq BETWEEN 1 AND @head`,
      ).run({ k, head });
      db.prepare(
        `INSERT INTO audit_session_index (tag, seq) SELECT retag(tag, @k), -(@k * @head + seq)
           FROM audit_session_index WHERE seq BETWEEN 1 AND @head`,
      ).run({ k, head });
      db.prepare(
        `INSERT INTO key_wraps (logical, version, holder, nonce, wrapped_key) SELECT remap(logical, @k), version, holder, nonce, wrapped_key
           FROM base_wraps`,
      ).run({ k });
      db.prepare(
        `INSERT INTO key_certs (key_id, kind, commitment, signer, signature) SELECT remap(key_id, @k), kind, commitment, signer, signature
           FROM base_certs`,
      ).run({ k });
    });
    for (let k = 1; k <= copies; k++) {
      copy(k);
      if (k % 50 === 0) process.stderr.write(`  padded ${k} / ${copies} copies\n`);
    }
    // Sign-in epochs: a key row and an epochs row each, as every unlock writes (negative numbers,
    // so the next real epoch is still max + 1).
    const epochKey = db
      .prepare(
        "SELECT version, holder, nonce, wrapped_key FROM key_wraps WHERE logical = 'epoch:1'",
      )
      .get() as { version: number; holder: string; nonce: Buffer; wrapped_key: Buffer };
    const addEpoch = db.prepare(
      "INSERT INTO audit_epochs (epoch, chain_key_id) VALUES (?, 'class:chain@1')",
    );
    const addKey = db.prepare(
      'INSERT INTO key_wraps (logical, version, holder, nonce, wrapped_key) VALUES (?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (let e = 1; e <= sessions * EPOCHS_PER_SESSION; e++) {
        addEpoch.run(-e);
        addKey.run(
          `epoch:-${e}`,
          epochKey.version,
          epochKey.holder,
          epochKey.nonce,
          epochKey.wrapped_key,
        );
      }
    })();
    db.pragma('synchronous = FULL');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** The padded vault of `sessions` sessions' shape in `cacheDir`, made when missing. */
export async function shaped(cacheDir: string, sessions: number): Promise<string> {
  const base = join(cacheDir, `base-${BASE_SESSIONS}`);
  if (!existsSync(join(base, 'built'))) {
    rmSync(base, { recursive: true, force: true });
    await growScaleVault(base, BASE_SESSIONS, { log: false });
    cpSync(join(base, 'build-state.json'), join(base, 'built'));
  }
  const done = join(cacheDir, String(sessions));
  if (existsSync(join(done, 'padded'))) return done;
  const partial = `${done}.partial`;
  rmSync(partial, { recursive: true, force: true });
  process.stderr.write(`unlock-shape: padding a copy of the base to ${sessions} sessions…\n`);
  cpSync(base, partial, { recursive: true });
  if (sessions > BASE_SESSIONS) pad(partial, sessions);
  cpSync(join(base, 'built'), join(partial, 'padded'));
  renameSync(partial, done);
  return done;
}

function counts(dir: string): Record<string, number> {
  const db = new Database(vaultFile(dir), { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      sessions: n("SELECT count(*) AS n FROM records WHERE kind = 'session'"),
      records: n('SELECT count(*) AS n FROM records'),
      audit: n('SELECT count(*) AS n FROM audit_log'),
      keyWraps: n('SELECT count(*) AS n FROM key_wraps'),
      keyCerts: n('SELECT count(*) AS n FROM key_certs'),
      epochs: n('SELECT count(*) AS n FROM audit_epochs'),
    };
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  await initCrypto();
  const sizes = (process.argv[2] ?? '1250,5000,20000').split(',').map(Number);
  const cacheDir = process.argv[3] ?? join(__dirname, '.cache', 'unlock-shape');
  const columns: Array<{
    sessions: number;
    c: Record<string, number>;
    mb: number;
    load: number;
    s: UnlockSample[];
  }> = [];
  for (const sessions of sizes) {
    const from = await shaped(cacheDir, sessions);
    // BENCH_IN_PLACE=1: sign in on the cached file itself (each unlock adds an epoch and a few
    // entries to it) instead of a copy: saves copying 9 GB per run at the 20,000 shape.
    const vaultDir = IN_PLACE ? from : mkdtempSync(join(tmpdir(), 'hearth-unlock-shape-'));
    try {
      if (!IN_PLACE) cpSync(from, vaultDir, { recursive: true });
      const c = counts(vaultDir);
      const mb = statSync(vaultFile(vaultDir)).size / 1e6;
      const load = loadavg()[0] as number;
      await unlockOnce(vaultDir); // the first sign-in of a copy may finish upgrades: not measured
      const s: UnlockSample[] = [];
      for (let r = 0; r < ROUNDS; r++) s.push(await unlockOnce(vaultDir));
      columns.push({ sessions, c, mb, load, s });
    } finally {
      if (!IN_PLACE) rmSync(vaultDir, { recursive: true, force: true });
    }
  }
  const same = (xs: number[]) => [...new Set(xs)].join('/');
  const rows: Array<[string, (col: (typeof columns)[number]) => string]> = [
    ['sessions (records of kind session)', (x) => x.c.sessions!.toLocaleString('en-US')],
    [
      'records / audit entries',
      (x) => `${x.c.records!.toLocaleString('en-US')} / ${x.c.audit!.toLocaleString('en-US')}`,
    ],
    [
      'key rows / key certificates / sign-in epochs',
      (x) =>
        `${x.c.keyWraps!.toLocaleString('en-US')} / ${x.c.keyCerts!.toLocaleString('en-US')} / ${x.c.epochs!.toLocaleString('en-US')}`,
    ],
    ['vault file, MB', (x) => x.mb.toFixed(0)],
    [
      'unlock after the KDF, CPU ms (median; min-max)',
      (x) => {
        const v = x.s.map((y) => y.cpuMs - y.kdfCpuMs);
        return `${median(v).toFixed(1)} (${Math.min(...v).toFixed(1)}-${Math.max(...v).toFixed(1)})`;
      },
    ],
    [
      'unlock after the KDF, wall ms (median)',
      (x) => median(x.s.map((y) => y.wallMs - y.kdfWallMs)).toFixed(1),
    ],
    ['KDF CPU ms (median)', (x) => median(x.s.map((y) => y.kdfCpuMs)).toFixed(0)],
    [
      'SQL statements / rows returned / Ed25519 verifications',
      (x) =>
        `${same(x.s.map((y) => y.statements))} / ${same(x.s.map((y) => y.rows))} / ${same(x.s.map((y) => y.verifications))}`,
    ],
    ['load average (1 min) at start', (x) => x.load.toFixed(1)],
  ];
  console.log(
    `| unlock (${ROUNDS} rounds each) | ${columns.map((x) => `${x.sessions.toLocaleString('en-US')}-session shape`).join(' | ')} |`,
  );
  console.log(`|---|${columns.map(() => '---:').join('|')}|`);
  for (const [label, f] of rows) console.log(`| ${label} | ${columns.map(f).join(' | ')} |`);
}

if (require.main === module) void main();
