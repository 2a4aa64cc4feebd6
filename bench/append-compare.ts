// Issue #22, the durable note append, side by side in one process: a plaintext better-sqlite3
// insert with Hearth's pragmas (the baseline), this checkout's sessions.addNote, and (with
// BENCH_COMPARE=<other checkout>) the other checkout's, interleaved round by round so machine
// noise hits every variant alike. Each Hearth variant is also timed with synchronous=OFF on its
// own connection (what is left is CPU and the WAL write without its fsync), and its WAL pages per
// note are counted from the log file, broken down by B-tree (SQLite's dbstat over a copy).
// Usage: [BENCH_COMPARE=/work/main] [BENCH_ANCHOR_COPY=1] [BENCH_NOTES=300] npx tsx bench/append-compare.ts
// BENCH_ANCHOR_COPY=1 keeps the second anchor copy the desktop app keeps (HEARTH_ANCHOR_COPY).
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { median } from './harness';
import { walFramePages } from './wal-frames';

const MiB = 1024 * 1024;
const TEXT = 'Child: we went to the garage and then the dog barked at the gate. '.repeat(3);
const NOTES = Number(process.env.BENCH_NOTES ?? 300);
const WARM = 20;

interface HearthVariant {
  label: string;
  dir: string;
  db: Database.Database;
  note: () => Promise<void>;
  full: number[];
  off: number[];
  pages: number[][];
  close: () => void;
}

interface Handlers {
  [channel: string]: (payload: unknown, state: unknown) => unknown;
}

/** A vault made by `root`'s own code (CoreState + handlers), with one case and one live session. */
async function hearthFrom(root: string, label: string, base: string): Promise<HearthVariant> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { initCrypto } = require(join(root, 'src', 'crypto')) as { initCrypto: () => Promise<void> };
  const { handlers } = require(join(root, 'src', 'api', 'handlers')) as { handlers: Handlers };
  const { CoreState } = require(join(root, 'src', 'api', 'state')) as {
    CoreState: new (o: unknown) => { vault(): unknown; close(): void };
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  await initCrypto();
  const dir = join(base, label.replace(/\W+/g, '-'));
  const state = new CoreState({
    vaultDir: dir,
    argon2: { opsLimit: 3, memLimitBytes: 64 * MiB },
    ...(process.env.BENCH_ANCHOR_COPY ? { anchorCopy: join(base, `${label}-anchor-copy.json`) } : {}),
  });
  const invoke = async (channel: string, payload: unknown) =>
    (await handlers[channel]?.(payload, state)) as Record<string, string>;
  await invoke('vault.create', { username: 'bench', displayName: 'Bench', passphrase: 'benchmark passphrase' });
  const { caseId } = await invoke('cases.create', {
    reference: 'B-1',
    childAlias: 'Kim',
    childAgeYears: 8,
    language: 'en',
  });
  const { sessionId } = await invoke('sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  let i = 0;
  return {
    label,
    dir,
    // The vault's own connection (a private field): only to switch synchronous for the CPU split.
    db: (state.vault() as { db: Database.Database }).db,
    note: async () => {
      await invoke('sessions.addNote', { sessionId, kind: 'child', text: `${TEXT} ${i++}` });
    },
    full: [],
    off: [],
    pages: [],
    close: () => state.close(),
  };
}

function elapsed(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Page number -> B-tree name and page type, from a copy of the vault file and its WAL. */
function pageOwners(dir: string): Map<number, string> {
  const copy = mkdtempSync(join(tmpdir(), 'hearth-append-pages-'));
  try {
    copyFileSync(join(dir, 'hearth-vault.db'), join(copy, 'v.db'));
    const wal = join(dir, 'hearth-vault.db-wal');
    if (existsSync(wal)) copyFileSync(wal, join(copy, 'v.db-wal'));
    const db = new Database(join(copy, 'v.db'), { readonly: true });
    const rows = db.prepare('SELECT name, pageno, pagetype FROM dbstat').all() as Array<{
      name: string;
      pageno: number;
      pagetype: string;
    }>;
    db.close();
    return new Map(rows.map((r) => [r.pageno, r.pageno === 1 ? 'page 1 (header)' : `${r.name} ${r.pagetype}`]));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), 'hearth-append-compare-'));
  try {
    const plain = new Database(join(base, 'plain.db'));
    for (const p of ['locking_mode = EXCLUSIVE', 'journal_mode = WAL', 'synchronous = FULL', 'secure_delete = ON'])
      plain.pragma(p);
    plain.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, session TEXT, seq INTEGER, body BLOB)');
    const insert = plain.prepare('INSERT INTO notes (session, seq, body) VALUES (?, ?, ?)');
    const payload = Buffer.from(JSON.stringify({ kind: 'child', text: TEXT, at: new Date().toISOString(), elapsedMs: 123456 }));
    const plainTimes: number[] = [];
    const plainPages: number[] = [];
    const variants = [await hearthFrom(join(__dirname, '..'), 'this checkout', base)];
    if (process.env.BENCH_COMPARE)
      variants.unshift(await hearthFrom(process.env.BENCH_COMPARE, `compare (${process.env.BENCH_COMPARE})`, base));
    const plainWal = join(base, 'plain.db-wal');
    for (let round = 0; round < NOTES + WARM; round++) {
      const counted = round >= WARM;
      // Rotate who goes first so no variant always follows the same one.
      const order = [...variants.keys(), -1];
      for (let k = 0; k < round % order.length; k++) order.push(order.shift() as number);
      for (const which of order) {
        if (which === -1) {
          const before = walFramePages(plainWal).length;
          const start = process.hrtime.bigint();
          insert.run('s', round, payload);
          if (counted) plainTimes.push(elapsed(start));
          const after = walFramePages(plainWal).length;
          if (counted && after > before) plainPages.push(after - before);
          continue;
        }
        const v = variants[which] as HearthVariant;
        const wal = join(v.dir, 'hearth-vault.db-wal');
        const before = walFramePages(wal);
        const start = process.hrtime.bigint();
        await v.note();
        if (counted) v.full.push(elapsed(start));
        const after = walFramePages(wal);
        if (counted && after.length > before.length) v.pages.push(after.slice(before.length));
      }
    }
    // Then the same notes without the fsync (CPU, the WAL write and the anchor write), in a phase
    // of their own: an unsynced note's dirty pages would be flushed by the next note's fsync.
    for (const v of variants) v.db.pragma('synchronous = OFF');
    for (let round = 0; round < NOTES + WARM; round++)
      for (const v of round % 2 ? [...variants].reverse() : variants) {
        const start = process.hrtime.bigint();
        await v.note();
        if (round >= WARM) v.off.push(elapsed(start));
      }
    const plainP50 = median(plainTimes);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    console.log(`${NOTES} notes per variant after ${WARM} warm-up rounds, interleaved; anchor copies: ${process.env.BENCH_ANCHOR_COPY ? 2 : 1}`);
    console.log('| variant | p50 ms (synchronous=FULL) | ratio to plaintext | p50 ms, synchronous=OFF (CPU + writes) | FULL - OFF (fsync share) | WAL pages per note (mean) |');
    console.log('|---|---:|---:|---:|---:|---:|');
    console.log(`| plaintext better-sqlite3 insert | ${plainP50.toFixed(3)} | 1.00 | | | ${mean(plainPages).toFixed(2)} |`);
    for (const v of variants) {
      const full = median(v.full);
      const off = median(v.off);
      console.log(
        `| Hearth sessions.addNote, ${v.label} | ${full.toFixed(3)} | ${(full / plainP50).toFixed(2)} | ${off.toFixed(3)} | ${(full - off).toFixed(3)} | ${mean(v.pages.map((p) => p.length)).toFixed(2)} |`,
      );
    }
    for (const v of variants) {
      const owners = pageOwners(v.dir);
      const byTree = new Map<string, number>();
      for (const note of v.pages)
        for (const page of note) {
          const owner = owners.get(page) ?? 'freed since';
          byTree.set(owner, (byTree.get(owner) ?? 0) + 1);
        }
      const parts = [...byTree].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${(n / v.pages.length).toFixed(2)}`);
      console.log(`WAL pages per note by B-tree, ${v.label}: ${parts.join(', ')}`);
    }
    plain.close();
    for (const v of variants) v.close();
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

void main();
