// Issue #22, the durable note append, side by side in one process: a plaintext better-sqlite3
// insert with Hearth's pragmas (the baseline), this checkout's sessions.addNote, and (with
// BENCH_COMPARE=<other checkout>) the other checkout's, interleaved round by round so machine
// noise hits every variant alike. Each note's CPU time (process user + system) is measured beside
// its wall time, so the table splits the cost into work and waiting for the disk; the WAL pages
// per note are counted from the log file, broken down by B-tree (SQLite's dbstat over a copy).
// Usage: [BENCH_COMPARE=/work/main] [BENCH_ANCHOR_COPY=1] [BENCH_AS=interviewer] [BENCH_NOTES=300] npx tsx bench/append-compare.ts
// BENCH_ANCHOR_COPY=1 keeps the second anchor copy the desktop app keeps (HEARTH_ANCHOR_COPY);
// BENCH_AS=interviewer writes the notes as an interviewer (default: the admin who made the vault).
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
  note: () => Promise<void>;
  full: number[];
  /** CPU time (user + system) of the process during each timed note, ms. */
  cpu: number[];
  pages: number[][];
  close: () => void;
}

interface Handlers {
  [channel: string]: (payload: unknown, state: unknown) => unknown;
}

/** A vault made by `root`'s own code (CoreState + handlers), with one case and one live session. */
async function hearthFrom(root: string, label: string, base: string): Promise<HearthVariant> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { initCrypto } = require(join(root, 'src', 'crypto')) as {
    initCrypto: () => Promise<void>;
  };
  const { handlers } = require(join(root, 'src', 'api', 'handlers')) as { handlers: Handlers };
  const { CoreState } = require(join(root, 'src', 'api', 'state')) as {
    CoreState: new (o: unknown) => { vault(): unknown; close(): void };
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  await initCrypto();
  const slug = label.replace(/\W+/g, '-');
  const dir = join(base, slug);
  const state = new CoreState({
    vaultDir: dir,
    argon2: { opsLimit: 3, memLimitBytes: 64 * MiB },
    ...(process.env.BENCH_ANCHOR_COPY
      ? { anchorCopy: join(base, `${slug}-anchor-copy.json`) }
      : {}),
  });
  const invoke = async (channel: string, payload: unknown) =>
    (await handlers[channel]?.(payload, state)) as Record<string, string>;
  await invoke('vault.create', {
    username: 'bench',
    displayName: 'Bench',
    passphrase: 'benchmark passphrase',
  });
  if (process.env.BENCH_AS === 'interviewer') {
    // Notes as an interviewer writes them: no admin checkpoint is signed at each commit.
    const passphrase = 'interviewer passphrase 1';
    await invoke('users.add', {
      username: 'ivy',
      displayName: 'Ivy',
      role: 'interviewer',
      passphrase,
    });
    await invoke('vault.unlock', { username: 'ivy', passphrase });
  }
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
    note: async () => {
      await invoke('sessions.addNote', { sessionId, kind: 'child', text: `${TEXT} ${i++}` });
    },
    full: [],
    cpu: [],
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
    return new Map(
      rows.map((r) => [r.pageno, r.pageno === 1 ? 'page 1 (header)' : `${r.name} ${r.pagetype}`]),
    );
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), 'hearth-append-compare-'));
  try {
    const plain = new Database(join(base, 'plain.db'));
    for (const p of [
      'locking_mode = EXCLUSIVE',
      'journal_mode = WAL',
      'synchronous = FULL',
      'secure_delete = ON',
    ])
      plain.pragma(p);
    plain.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, session TEXT, seq INTEGER, body BLOB)');
    const insert = plain.prepare('INSERT INTO notes (session, seq, body) VALUES (?, ?, ?)');
    const payload = Buffer.from(
      JSON.stringify({
        kind: 'child',
        text: TEXT,
        at: new Date().toISOString(),
        elapsedMs: 123456,
      }),
    );
    const plainTimes: number[] = [];
    const plainPages: number[] = [];
    const plainCpu: number[] = [];
    const variants = [await hearthFrom(join(__dirname, '..'), 'this checkout', base)];
    if (process.env.BENCH_COMPARE)
      variants.unshift(
        await hearthFrom(process.env.BENCH_COMPARE, `compare (${process.env.BENCH_COMPARE})`, base),
      );
    const plainWal = join(base, 'plain.db-wal');
    for (let round = 0; round < NOTES + WARM; round++) {
      const counted = round >= WARM;
      // Rotate who goes first so no variant always follows the same one.
      const order = [...variants.keys(), -1];
      for (let k = 0; k < round % order.length; k++) order.push(order.shift() as number);
      for (const which of order) {
        if (which === -1) {
          const before = walFramePages(plainWal).length;
          const cpu = process.cpuUsage();
          const start = process.hrtime.bigint();
          insert.run('s', round, payload);
          if (counted) {
            plainTimes.push(elapsed(start));
            const used = process.cpuUsage(cpu);
            plainCpu.push((used.user + used.system) / 1000);
          }
          const after = walFramePages(plainWal).length;
          if (counted && after > before) plainPages.push(after - before);
          continue;
        }
        const v = variants[which] as HearthVariant;
        const wal = join(v.dir, 'hearth-vault.db-wal');
        const before = walFramePages(wal);
        const cpu = process.cpuUsage();
        const start = process.hrtime.bigint();
        await v.note();
        if (counted) {
          v.full.push(elapsed(start));
          const used = process.cpuUsage(cpu);
          v.cpu.push((used.user + used.system) / 1000);
        }
        const after = walFramePages(wal);
        if (counted && after.length > before.length) v.pages.push(after.slice(before.length));
      }
    }
    const plainP50 = median(plainTimes);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    console.log(
      `${NOTES} notes per variant after ${WARM} warm-up rounds, interleaved; anchor copies: ${process.env.BENCH_ANCHOR_COPY ? 2 : 1}; notes written by: ${process.env.BENCH_AS === 'interviewer' ? 'an interviewer' : 'the admin'}`,
    );
    console.log(
      '| variant | wall p50 ms | ratio to plaintext (p50) | CPU p50 ms (user + system) | wall - CPU p50 ms (waiting for the disk) | WAL pages per note (mean) |',
    );
    console.log('|---|---:|---:|---:|---:|---:|');
    const waits = (wall: number[], cpu: number[]) => median(wall.map((w, k) => w - (cpu[k] ?? 0)));
    console.log(
      `| plaintext better-sqlite3 insert | ${plainP50.toFixed(3)} | 1.00 | ${median(plainCpu).toFixed(3)} | ${waits(plainTimes, plainCpu).toFixed(3)} | ${mean(plainPages).toFixed(2)} |`,
    );
    for (const v of variants) {
      const full = median(v.full);
      console.log(
        `| Hearth sessions.addNote, ${v.label} | ${full.toFixed(3)} | ${(full / plainP50).toFixed(2)} | ${median(v.cpu).toFixed(3)} | ${waits(v.full, v.cpu).toFixed(3)} | ${mean(v.pages.map((p) => p.length)).toFixed(2)} |`,
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
      const parts = [...byTree]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${(n / v.pages.length).toFixed(2)}`);
      console.log(`WAL pages per note by B-tree, ${v.label}: ${parts.join(', ')}`);
    }
    plain.close();
    for (const v of variants) v.close();
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

void main();
