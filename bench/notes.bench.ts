// `npm run bench -- notes`: the cost of a durable encrypted note, side by side in one run and
// interleaved (a, b, c, d, a, b, ...) so machine noise hits every variant alike:
//   (a) raw write + fsync of the same bytes to a file: the physical floor;
//   (b) a plaintext better-sqlite3 insert with Hearth's pragmas;
//   (c) Hearth's encrypted, audited, durable sessions.addNote;
//   (d) the same insert as (b) in an SQLCipher database (better-sqlite3-multiple-ciphers).
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../src/api/core';
import { percentile, type BenchReport } from './harness';
import { walFramePages } from './wal-frames';

const OPS = 400;
const MiB = 1024 * 1024;

type Variant = 'raw' | 'plain' | 'hearth' | 'sqlcipher';

function elapsed(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function applyHearthPragmas(db: { pragma: (s: string) => unknown }): void {
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
}

async function loadSqlCipher(): Promise<typeof Database | undefined> {
  try {
    return (await import('better-sqlite3-multiple-ciphers')).default;
  } catch {
    return undefined;
  }
}

/** Opening a 1,500-note session after a restart: load, decrypt and verify the chain, then the timeline. */
async function openLargeSession(vaultDir: string): Promise<BenchReport['rows']> {
  const NOTES = 1_500;
  const first = createCore({ vaultDir, argon2: { opsLimit: 3, memLimitBytes: 64 * MiB } });
  const must = async (core: typeof first, channel: string, body: unknown) => {
    const r = await core.invoke(channel, body);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
    return r.value as Record<string, unknown>;
  };
  await must(first, 'vault.create', {
    username: 'bench',
    displayName: 'Bench',
    passphrase: 'benchmark passphrase',
  });
  const { caseId } = await must(first, 'cases.create', {
    reference: 'L-1',
    childAlias: 'Lee',
    childAgeYears: 9,
    language: 'en',
  });
  const { sessionId } = await must(first, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  for (let i = 0; i < NOTES; i++) {
    await must(first, 'sessions.addNote', {
      sessionId,
      kind: i % 2 ? 'child' : 'question',
      text: `Note ${i}: `.padEnd(180, 'x'),
    });
  }
  first.close();
  const samples: number[] = [];
  for (let r = 0; r < 5; r++) {
    const core = createCore({ vaultDir });
    await must(core, 'vault.unlock', { username: 'bench', passphrase: 'benchmark passphrase' });
    const start = process.hrtime.bigint();
    await must(core, 'sessions.get', { sessionId });
    const timeline = await must(core, 'sessions.timeline', { sessionId });
    samples.push(elapsed(start));
    if ((timeline.events as unknown[]).length < NOTES) throw new Error('timeline incomplete');
    core.close();
  }
  const p50 = percentile(samples, 50);
  return [
    {
      metric: `open a session with ${NOTES.toLocaleString('en')} notes (get + timeline, after restart, p50)`,
      value: p50,
      unit: 'ms',
      target: '< 500 ms',
      met: p50 < 500,
    },
  ];
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-notes-'));
  const text = 'Child: we went to the garage and then the dog barked at the gate. '.repeat(3);
  const payload = Buffer.from(
    JSON.stringify({ kind: 'child', text, at: new Date().toISOString(), elapsedMs: 123456 }),
  );
  try {
    // (a) raw file
    const fd = openSync(join(dir, 'raw.log'), 'a');
    // (b) plaintext SQLite
    const plain = new Database(join(dir, 'plain.db'));
    applyHearthPragmas(plain);
    plain.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, session TEXT, seq INTEGER, body BLOB)');
    const plainInsert = plain.prepare('INSERT INTO notes (session, seq, body) VALUES (?, ?, ?)');
    // (c) Hearth
    const core = createCore({
      vaultDir: join(dir, 'vault'),
      argon2: { opsLimit: 3, memLimitBytes: 64 * MiB },
    });
    const must = async (channel: string, body: unknown) => {
      const r = await core.invoke(channel, body);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
      return r.value as Record<string, string>;
    };
    await must('vault.create', {
      username: 'bench',
      displayName: 'Bench',
      passphrase: 'benchmark passphrase',
    });
    const { caseId } = await must('cases.create', {
      reference: 'B-1',
      childAlias: 'Kim',
      childAgeYears: 8,
      language: 'en',
    });
    const { sessionId } = await must('sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    });
    // (d) SQLCipher
    const Cipher = await loadSqlCipher();
    const cipher = Cipher ? new Cipher(join(dir, 'cipher.db')) : undefined;
    if (cipher) {
      cipher.pragma(`cipher = 'sqlcipher'`);
      cipher.pragma(`key = 'benchmark passphrase'`);
      applyHearthPragmas(cipher);
      cipher.exec(
        'CREATE TABLE notes (id INTEGER PRIMARY KEY, session TEXT, seq INTEGER, body BLOB)',
      );
    }
    const cipherInsert = cipher?.prepare('INSERT INTO notes (session, seq, body) VALUES (?, ?, ?)');

    const samples: Record<Variant, number[]> = { raw: [], plain: [], hearth: [], sqlcipher: [] };
    // WAL pages per commit, counted from the log files (outside the timed part): the cost the
    // time ratio comes from. A commit during which a checkpoint restarted the log is not counted.
    const walOf: Partial<Record<Variant, string>> = {
      plain: join(dir, 'plain.db-wal'),
      hearth: join(dir, 'vault', 'hearth-vault.db-wal'),
    };
    const pages: Record<Variant, number[]> = { raw: [], plain: [], hearth: [], sqlcipher: [] };
    const order: Variant[] = ['raw', 'plain', 'hearth', 'sqlcipher'];
    for (let i = 0; i < OPS + 20; i++) {
      // Rotate the order each round so no variant always follows the same one.
      for (let k = 0; k < order.length; k++) {
        const variant = order[(i + k) % order.length] as Variant;
        const wal = walOf[variant];
        const framesBefore = wal ? walFramePages(wal).length : 0;
        const start = process.hrtime.bigint();
        if (variant === 'raw') {
          writeSync(fd, payload);
          fsyncSync(fd);
        } else if (variant === 'plain') {
          plainInsert.run(sessionId, i, payload);
        } else if (variant === 'hearth') {
          await must('sessions.addNote', { sessionId, kind: 'child', text });
        } else if (cipherInsert) {
          cipherInsert.run(sessionId, i, payload);
        } else continue;
        // The first rounds warm up the JIT and the file system; they are not counted.
        if (i >= 20) samples[variant].push(elapsed(start));
        const framesAfter = wal ? walFramePages(wal).length : 0;
        if (wal && i >= 20 && framesAfter > framesBefore)
          pages[variant].push(framesAfter - framesBefore);
      }
    }
    closeSync(fd);
    plain.close();
    cipher?.close();
    core.close();

    const p50 = (v: Variant) => percentile(samples[v], 50);
    const p99 = (v: Variant) => percentile(samples[v], 99);
    const rows: BenchReport['rows'] = [];
    const labels: Record<Variant, string> = {
      raw: '(a) raw write+fsync',
      plain: '(b) plaintext SQLite insert',
      hearth: '(c) Hearth sessions.addNote',
      sqlcipher: '(d) SQLCipher insert',
    };
    for (const v of order) {
      if (samples[v].length === 0) continue;
      rows.push({ metric: `${labels[v]} p50`, value: p50(v), unit: 'ms' });
      rows.push({ metric: `${labels[v]} p99`, value: p99(v), unit: 'ms' });
    }
    const cOverB = p50('hearth') / p50('plain');
    rows.push({
      metric: 'ratio c/b (p50)',
      value: cOverB,
      unit: '×',
      target: '≤ 1.25',
      met: cOverB <= 1.25,
    });
    rows.push({ metric: 'ratio c/a (p50)', value: p50('hearth') / p50('raw'), unit: '×' });
    for (const v of ['plain', 'hearth'] as const)
      rows.push({
        metric: `${labels[v]}: WAL pages per commit (median, mean ${(
          pages[v].reduce((a, b) => a + b, 0) / Math.max(1, pages[v].length)
        ).toFixed(2)})`,
        value: percentile(pages[v], 50),
        unit: 'pages',
      });
    if (samples.sqlcipher.length > 0) {
      const cOverD = p50('hearth') / p50('sqlcipher');
      rows.push({
        metric: 'ratio c/d (p50)',
        value: cOverD,
        unit: '×',
        target: '≤ 1.0 (c no slower than SQLCipher)',
        met: cOverD <= 1.0,
      });
    } else {
      rows.push({
        metric: 'SQLCipher (d)',
        value: Number.NaN,
        unit: '',
        target: 'better-sqlite3-multiple-ciphers not installed',
      });
    }
    rows.push(...(await openLargeSession(join(dir, 'large'))));
    return {
      name: 'notes',
      rows,
      extra: `${OPS} operations per variant, interleaved, after 20 warm-up rounds.`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
