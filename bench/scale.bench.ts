// `npm run bench -- scale [--sizes 1250,5000,20000] [--check-up-to N] [--cache DIR]`: costs that
// must not grow with the vault (issue #22). Measures synthetic vaults of 1×, 4× and 16× a busy
// centre's year (1,250 sessions of 150 events, sealed, opened five times) built through the real
// storage layer (scale-build.ts) and kept in a cache folder between runs (scale-cache.ts), through
// the core API, on a throwaway copy of each; prints each cost per size with its growth.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../src/api/core';
import { initCrypto, lib } from '../src/crypto/sodium';
import { vaultFile } from '../src/vault';
import { median, type BenchReport, type BenchRow } from './harness';
import { BENCH_USER, type Built } from './scale-build';
import { cachedScaleVault, DEFAULT_CACHE } from './scale-cache';
import { walFramePages } from './wal-frames';

/** 1× = a busy centre's year; BENCH_BASE_SESSIONS overrides it for a quick smoke run. */
const BASE_SESSIONS = Number(process.env.BENCH_BASE_SESSIONS ?? 1_250);
/** `--check-up-to N` (BENCH_CHECK_UP_TO): vault.check only on vaults of at most N sessions. */
const CHECK_UP_TO = Number(process.env.BENCH_CHECK_UP_TO ?? Infinity);
const APPENDS = 120;

async function must(core: Core, channel: string, body: unknown): Promise<Record<string, unknown>> {
  const r = await core.invoke(channel, body);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as Record<string, unknown>;
}

/**
 * CPU time (user + system, ms) of the last `timed` call: on a machine shared with other work the
 * wall time is mostly waiting for a core (load 15-20 here), the CPU time is the call's own cost.
 */
let lastCpuMs = 0;

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function timed(fn: () => unknown): Promise<number> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await fn();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  lastCpuMs = cpuMs(cpu);
  return wall;
}

/**
 * Wall time of fn, and the part of it spent in Argon2id (libsodium's crypto_pwhash); the same
 * two in CPU time.
 */
async function timedWithoutKdf(
  fn: () => unknown,
): Promise<{ total: number; kdf: number; cpu: number; kdfCpu: number }> {
  await initCrypto();
  const sodium = lib() as unknown as Record<string, (...args: unknown[]) => unknown>;
  const pwhash = sodium.crypto_pwhash as (...args: unknown[]) => unknown;
  let kdf = 0;
  let kdfCpu = 0;
  sodium.crypto_pwhash = (...args: unknown[]) => {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    try {
      return pwhash(...args);
    } finally {
      kdf += Number(process.hrtime.bigint() - start) / 1e6;
      kdfCpu += cpuMs(cpu);
    }
  };
  try {
    const total = await timed(fn);
    return { total, kdf, cpu: lastCpuMs, kdfCpu };
  } finally {
    sodium.crypto_pwhash = pwhash;
  }
}

function pick<T>(items: T[], n: number, salt: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(items[(i * 7919 + salt * 104729) % items.length] as T);
  return out;
}

interface Measured {
  scale: number;
  built: Built;
  casesPage: number;
  casesListOnly: number;
  listOneCase: number;
  openSession: number;
  verify: number;
  /**
   * sessions.addAddendum on a sealed session: assertIntact (chain, seal, authorship and the
   * write-once scan of the session's audit entries, as before a seal or an export) plus one append.
   */
  addendum: number;
  unlockAfterKdf: number;
  /** CPU ms (medians) of the same calls: what they cost, apart from waiting for a core. */
  cpu: {
    casesPage: number;
    listOneCase: number;
    openSession: number;
    verify: number;
    unlockAfterKdf: number;
    append: number;
    plainInsert: number;
  };
  checkMs: number;
  checkRate: number;
  checkMaxRssMiB: number;
  checkOk: boolean;
  bytesPerEvent: number;
  append: number;
  plainInsert: number;
  /** Mean WAL pages per commit: the append, and the plaintext insert. */
  appendPages: number;
  plainPages: number;
  lockMs: number;
  /** 1-minute load average when the check started, and when this scale's measuring started. */
  checkLoad: number;
  checkCpuMs: number;
  loadAtStart: number;
  /** Records + audit entries the check went through. */
  rows: number;
  /** BENCH_COMPARE: the other checkout's vault.check on a copy of the same vault. */
  before?: CheckRun;
  /** Whether vault.check ran at this size (BENCH_NO_CHECK, --check-up-to). */
  checked: boolean;
}

interface CheckRun {
  ms: number;
  ok: boolean;
  maxRssMiB: number;
  load: number;
  /** CPU time (user + system) of the whole child, unlock included (GNU time); 0 without it. */
  cpuMs: number;
}

const COMPARE = process.env.BENCH_COMPARE;
/** BENCH_NO_CHECK=1: leave out vault.check (minutes per scale here) when measuring the other paths. */
const NO_CHECK = process.env.BENCH_NO_CHECK === '1';

/**
 * vault.check in its own process (`script`, a scale-check.ts), so that its peak memory is its
 * own; `cwd`: the checkout it belongs to. Records the 1-minute load average at its start.
 */
function runCheck(script: string, vaultDir: string, cwd?: string): CheckRun {
  const load = loadavg()[0] as number;
  // CPU time says more than wall time on a machine shared with other work (load 15-20 here).
  const time = existsSync('/usr/bin/time');
  const argv = [...process.execArgv, script, vaultDir];
  const child = spawnSync(
    time ? '/usr/bin/time' : process.execPath,
    time ? ['-f', 'CPU-SECONDS %U %S', process.execPath, ...argv] : argv,
    { encoding: 'utf8', maxBuffer: 1 << 20, ...(cwd ? { cwd } : {}) },
  );
  if (child.status !== 0) throw new Error(`vault.check child failed: ${child.stderr}`);
  const out = JSON.parse(child.stdout.trim().split('\n').pop() as string) as Omit<
    CheckRun,
    'load' | 'cpuMs'
  >;
  const cpu = /CPU-SECONDS ([\d.]+) ([\d.]+)/.exec(child.stderr);
  const cpuMs = cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : 0;
  return { ...out, load, cpuMs };
}

/**
 * BENCH_PREBUILT=dir,dir,...: measure copies of vaults scale-build.ts already built (each folder
 * holds the vault and built.json, e.g. from an earlier Hearth to compare before and after on the
 * same data); the scale of each is its session count over the first one's.
 */
function prebuilt(): Array<{ dir: string; built: Built }> | undefined {
  const dirs = process.env.BENCH_PREBUILT?.split(',').filter((d) => d !== '');
  return dirs?.map((dir) => ({
    dir,
    built: JSON.parse(readFileSync(join(dir, 'built.json'), 'utf8')) as Built,
  }));
}

/** Measures a throwaway copy of the vault in `from.dir` (measuring writes to the vault). */
async function measure(scale: number, from: { dir: string; built: Built }): Promise<Measured> {
  const vaultDir = mkdtempSync(join(tmpdir(), `hearth-scale-${scale}x-`));
  try {
    process.stderr.write(`scale ${scale}×: measuring a copy of ${from.dir}…\n`);
    cpSync(from.dir, vaultDir, { recursive: true });
    const built = from.built;
    const loadAtStart = loadavg()[0] as number;
    const noCheck = NO_CHECK || built.sessions > CHECK_UP_TO;
    const bytes = statSync(vaultFile(vaultDir)).size;
    const rows = (() => {
      const db = new Database(vaultFile(vaultDir), { readonly: true });
      try {
        const r = db
          .prepare(
            'SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM audit_log) AS audit',
          )
          .get() as { records: number; audit: number };
        return r;
      } finally {
        db.close();
      }
    })();

    // Unlock after the KDF, isolated in the same call: the time spent inside libsodium's
    // crypto_pwhash (Argon2id) during vault.unlock is subtracted from that unlock's own time.
    const unlockAfterKdf: number[] = [];
    const unlockCpu: number[] = [];
    for (let r = 0; r < 5; r++) {
      const core = createCore({ vaultDir });
      const { total, kdf, cpu, kdfCpu } = await timedWithoutKdf(() =>
        must(core, 'vault.unlock', {
          username: BENCH_USER.username,
          passphrase: BENCH_USER.passphrase,
        }),
      );
      unlockAfterKdf.push(total - kdf);
      unlockCpu.push(cpu - kdfCpu);
      core.close();
    }
    const core = createCore({ vaultDir });
    await must(core, 'vault.unlock', {
      username: BENCH_USER.username,
      passphrase: BENCH_USER.passphrase,
    });

    const casesPage: number[] = [];
    const casesPageCpu: number[] = [];
    const casesListOnly: number[] = [];
    for (let r = 0; r < 5; r++) {
      casesPage.push(
        await timed(async () => {
          let page: { cases: Array<{ caseId: string }> } = { cases: [] };
          casesListOnly.push(
            await timed(async () => {
              page = (await must(core, 'cases.list', { limit: 50 })) as typeof page;
            }),
          );
          await must(core, 'sessions.list', {
            caseIds: page.cases.map((c) => c.caseId),
            mode: 'live',
            limit: 1000,
          });
        }),
      );
      casesPageCpu.push(lastCpuMs);
    }
    const listOne: number[] = [];
    const listOneCpu: number[] = [];
    for (const caseId of pick(built.caseIds, 15, 1)) {
      listOne.push(await timed(() => must(core, 'sessions.list', { caseId })));
      listOneCpu.push(lastCpuMs);
    }
    const open: number[] = [];
    const openCpu: number[] = [];
    for (const sessionId of pick(built.sessionIds, 15, 2)) {
      open.push(
        await timed(async () => {
          await must(core, 'sessions.get', { sessionId });
          await must(core, 'sessions.timeline', { sessionId });
        }),
      );
      openCpu.push(lastCpuMs);
    }
    const verify: number[] = [];
    const verifyCpu: number[] = [];
    for (const sessionId of pick(built.sessionIds, 15, 3)) {
      verify.push(await timed(() => must(core, 'sessions.verify', { sessionId })));
      verifyCpu.push(lastCpuMs);
    }
    // The write-once scan before a seal, an addendum or an export (issue #22 after R10-10): it
    // read every audit entry since the session started; now the session's own (audit index).
    const addendum: number[] = [];
    for (const sessionId of pick(built.sessionIds, 15, 4))
      addendum.push(
        await timed(() =>
          must(core, 'sessions.addAddendum', { sessionId, text: 'Bench addendum.' }),
        ),
      );

    // Durable append, interleaved with a plaintext better-sqlite3 insert of the same durability
    // (WAL, synchronous=FULL, exclusive lock, secure_delete) of a row of the same size.
    const { sessionId } = (await must(core, 'sessions.start', {
      caseId: built.caseIds[0],
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    })) as { sessionId: string };
    const plainDir = mkdtempSync(join(tmpdir(), 'hearth-plain-'));
    const plain = new Database(join(plainDir, 'plain.db'));
    plain.pragma('locking_mode = EXCLUSIVE');
    plain.pragma('journal_mode = WAL');
    plain.pragma('synchronous = FULL');
    plain.pragma('secure_delete = ON');
    plain.exec(
      'CREATE TABLE notes (id TEXT PRIMARY KEY, session TEXT, seq INTEGER, body TEXT) WITHOUT ROWID',
    );
    const insert = plain.prepare('INSERT INTO notes VALUES (?, ?, ?, ?)');
    const text = 'Synthetic appended note: '.padEnd(160, 'y');
    const appendMs: number[] = [];
    const plainMs: number[] = [];
    const appendCpu: number[] = [];
    const plainCpu: number[] = [];
    // WAL pages per commit of each (bench/wal-frames.ts; a commit that met a checkpoint is left out).
    const walPages = { append: [] as number[], plain: [] as number[] };
    const counting = async (wal: string, into: number[], fn: () => Promise<number>) => {
      const before = walFramePages(wal).length;
      const ms = await fn();
      const after = walFramePages(wal).length;
      if (after > before) into.push(after - before);
      return ms;
    };
    for (let i = 0; i < APPENDS; i++) {
      appendMs.push(
        await counting(`${vaultFile(vaultDir)}-wal`, walPages.append, () =>
          timed(() => must(core, 'sessions.addNote', { sessionId, kind: 'child', text })),
        ),
      );
      appendCpu.push(lastCpuMs);
      plainMs.push(
        await counting(join(plainDir, 'plain.db-wal'), walPages.plain, () =>
          timed(() =>
            insert.run(
              `${sessionId}:${String(i).padStart(10, '0')}`,
              sessionId,
              i,
              JSON.stringify({ type: 'note', kind: 'child', text, seq: i }),
            ),
          ),
        ),
      );
      plainCpu.push(lastCpuMs);
    }
    plain.close();
    rmSync(plainDir, { recursive: true, force: true });
    const lockMs = await timed(() => must(core, 'vault.lock', {}));
    core.close();

    // BENCH_COMPARE=<another checkout>: that code's vault.check first, on a copy of the same
    // vault as it stood before this code's check, then this code's, back to back.
    let before: CheckRun | undefined;
    if (COMPARE) {
      const copy = mkdtempSync(join(tmpdir(), `hearth-scale-${scale}x-before-`));
      try {
        cpSync(vaultDir, copy, { recursive: true });
        before = runCheck(join(COMPARE, 'bench', 'scale-check.ts'), copy, COMPARE);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    }
    const check: CheckRun = noCheck
      ? { ms: NaN, maxRssMiB: NaN, ok: true, load: NaN, cpuMs: NaN }
      : runCheck(join(__dirname, 'scale-check.ts'), vaultDir);

    return {
      scale,
      built,
      checked: !noCheck,
      casesPage: median(casesPage),
      casesListOnly: median(casesListOnly),
      listOneCase: median(listOne),
      openSession: median(open),
      verify: median(verify),
      addendum: median(addendum),
      unlockAfterKdf: median(unlockAfterKdf),
      cpu: {
        casesPage: median(casesPageCpu),
        listOneCase: median(listOneCpu),
        openSession: median(openCpu),
        verify: median(verifyCpu),
        unlockAfterKdf: median(unlockCpu),
        append: median(appendCpu),
        plainInsert: median(plainCpu),
      },
      checkMs: check.ms,
      checkRate: ((rows.records + rows.audit) / check.ms) * 1000,
      checkMaxRssMiB: check.maxRssMiB,
      checkOk: check.ok,
      checkLoad: check.load,
      checkCpuMs: check.cpuMs,
      rows: rows.records + rows.audit,
      ...(before ? { before } : {}),
      loadAtStart,
      bytesPerEvent: bytes / built.events,
      append: median(appendMs),
      plainInsert: median(plainMs),
      appendPages: walPages.append.reduce((a, b) => a + b, 0) / Math.max(1, walPages.append.length),
      plainPages: walPages.plain.reduce((a, b) => a + b, 0) / Math.max(1, walPages.plain.length),
      lockMs,
    };
  } finally {
    rmSync(vaultDir, { recursive: true, force: true });
  }
}

/**
 * The sizes to measure, in sessions: `--sizes` (BENCH_SIZES), else BENCH_SCALES × 1,250, else
 * 1,250, 5,000 and 20,000 (1×, 4×, 16×).
 */
function sizes(): number[] {
  const list = (text: string) =>
    text
      .split(',')
      .map(Number)
      .filter((n) => Number.isFinite(n) && n > 0);
  if (process.env.BENCH_SIZES) return list(process.env.BENCH_SIZES).map(Math.round);
  if (process.env.BENCH_SCALES)
    return list(process.env.BENCH_SCALES).map((k) => Math.round(k * BASE_SESSIONS));
  return [1, 4, 16].map((k) => k * BASE_SESSIONS);
}

export async function run(): Promise<BenchReport> {
  const results: Measured[] = [];
  const given =
    prebuilt() ??
    (await (async () => {
      const cache = process.env.BENCH_CACHE ?? DEFAULT_CACHE;
      const out: Array<{ dir: string; built: Built }> = [];
      // Smallest first: one vault grows through every size (scale-cache.ts).
      for (const n of sizes().sort((a, b) => a - b)) out.push(await cachedScaleVault(cache, n));
      return out;
    })());
  if (given.length === 0) throw new Error('No sizes to measure. Example: --sizes 1250,5000');
  const first = (given[0] as { built: Built }).built.sessions;
  for (const g of given)
    results.push(await measure(Number((g.built.sessions / first).toFixed(2)), g));
  const base = results[0] as Measured;
  const rows: BenchRow[] = [];
  const growth = (m: Measured, key: keyof Measured) =>
    m === base
      ? ''
      : ` (×${((m[key] as number) / (base[key] as number)).toFixed(2)} vs ${base.scale}×)`;
  for (const m of results) {
    const at = `${m.scale}× (${m.built.sessions.toLocaleString('en')} sessions, ${m.built.events.toLocaleString('en')} events)`;
    const row = (
      metric: string,
      key: keyof Measured,
      unit: string,
      target?: string,
      met?: boolean,
    ) =>
      rows.push({
        metric: `${at}: ${metric}${growth(m, key)}`,
        value: m[key] as number,
        unit,
        ...(target ? { target } : {}),
        ...(met !== undefined ? { met } : {}),
      });
    row(
      'Cases screen first page (cases.list 50 + sessions.list of them)',
      'casesPage',
      'ms',
      '< 300 ms',
      m.casesPage < 300,
    );
    row('cases.list first page (50) alone', 'casesListOnly', 'ms');
    row('sessions.list of one case', 'listOneCase', 'ms', '< 50 ms', m.listOneCase < 50);
    row(
      'open a session (get + timeline, 151 events)',
      'openSession',
      'ms',
      '< 150 ms',
      m.openSession < 150,
    );
    row('sessions.verify of one session', 'verify', 'ms', '< 300 ms', m.verify < 300);
    row(
      'sessions.addAddendum on a sealed session (assertIntact as at seal/export, + one append)',
      'addendum',
      'ms',
    );
    row('unlock after the KDF', 'unlockAfterKdf', 'ms', '< 100 ms', m.unlockAfterKdf < 100);
    for (const [label, key] of CPU_ROWS)
      rows.push({
        metric: `${at}: ${label}, CPU time${m === base ? '' : ` (×${(m.cpu[key] / base.cpu[key]).toFixed(2)} vs ${base.scale}×)`}`,
        value: m.cpu[key],
        unit: 'ms',
      });
    row('vault.lock', 'lockMs', 'ms');
    row(`load average (1 min) when this scale's measuring started`, 'loadAtStart', '');
    if (m.checked) row(`load average (1 min) when vault.check started`, 'checkLoad', '');
    if (m.before) {
      const b = m.before;
      const label = `${at}: BEFORE (${COMPARE ?? ''}) vault.check`;
      rows.push({
        metric: `${label} (${b.ok ? 'ok' : 'PROBLEMS'}) time, load ${b.load.toFixed(1)} at start`,
        value: b.ms,
        unit: 'ms',
      });
      rows.push({
        metric: `${label} rate`,
        value: (m.rows / b.ms) * 1000,
        unit: 'records/s',
        target: '≥ 50,000',
        met: (m.rows / b.ms) * 1000 >= 50_000,
      });
      rows.push({
        metric: `${label} peak memory (process maxRSS)`,
        value: b.maxRssMiB,
        unit: 'MiB',
      });
      rows.push({
        metric: `${label} CPU time of its process (unlock included)`,
        value: b.cpuMs,
        unit: 'ms',
      });
      rows.push({
        metric: `${at}: vault.check speed-up, before / after wall time`,
        value: b.ms / m.checkMs,
        unit: '×',
      });
      rows.push({
        metric: `${at}: vault.check speed-up, before / after CPU time`,
        value: b.cpuMs / m.checkCpuMs,
        unit: '×',
      });
    }
    if (m.checked) {
      row(`vault.check (${m.checkOk ? 'ok' : 'PROBLEMS'}) time`, 'checkMs', 'ms');
      row('vault.check CPU time of its process (unlock included)', 'checkCpuMs', 'ms');
      row(
        'vault.check rate (records + audit entries)',
        'checkRate',
        'records/s',
        '≥ 50,000',
        m.checkRate >= 50_000,
      );
      row(
        'vault.check peak memory (process maxRSS)',
        'checkMaxRssMiB',
        'MiB',
        'independent of size',
      );
    }
    row('vault file size per event', 'bytesPerEvent', 'bytes');
    row('durable note append (sessions.addNote)', 'append', 'ms');
    row('durable note append: WAL pages per commit (mean)', 'appendPages', 'pages');
    row('plaintext insert: WAL pages per commit (mean)', 'plainPages', 'pages');
    row('plaintext better-sqlite3 insert, same durability', 'plainInsert', 'ms');
    rows.push({
      metric: `${at}: append / plaintext insert`,
      value: m.append / m.plainInsert,
      unit: '×',
      target: '≤ 1.25×',
      met: m.append / m.plainInsert <= 1.25,
    });
    rows.push({
      metric: `${at}: build (bulk, ${m.built.sessions} sessions; done once, cached)`,
      value: m.built.buildMs / 1000,
      unit: 's',
    });
  }
  return { name: 'scale', rows, extra: growthTable(results) };
}

/** The calls measured in CPU time too (Measured.cpu), as the tables name them. */
const CPU_ROWS: Array<[string, keyof Measured['cpu']]> = [
  ['Cases screen first page', 'casesPage'],
  ['sessions.list of one case', 'listOneCase'],
  ['open a session (get + timeline)', 'openSession'],
  ['sessions.verify of one session', 'verify'],
  ['unlock after the KDF', 'unlockAfterKdf'],
  ['durable note append (sessions.addNote)', 'append'],
  ['plaintext better-sqlite3 insert, same durability', 'plainInsert'],
];

const fmt = (v: number) =>
  !Number.isFinite(v)
    ? '-'
    : v >= 100
      ? Math.round(v).toLocaleString('en')
      : v.toFixed(v >= 10 ? 1 : 2);

/** One row per cost, one column per size, and the growth from the smallest to the largest. */
function growthTable(results: Measured[]): string {
  const first = results[0] as Measured;
  const last = results[results.length - 1] as Measured;
  const lines: Array<[string, (m: Measured) => number, string]> = [
    [
      'Cases screen first page (cases.list 50 + sessions.list of them), ms',
      (m) => m.casesPage,
      '< 300',
    ],
    ['sessions.list of one case, ms', (m) => m.listOneCase, '< 50'],
    ['open a session (get + timeline, 151 events), ms', (m) => m.openSession, '< 150'],
    ['sessions.verify of one session, ms', (m) => m.verify, '< 300'],
    ['unlock after the KDF, ms', (m) => m.unlockAfterKdf, '< 100'],
    [
      'vault.check, records + audit entries per s (wall)',
      (m) => (m.checked ? m.checkRate : NaN),
      '≥ 50,000',
    ],
    [
      'vault.check peak memory (maxRSS of its process), MiB',
      (m) => (m.checked ? m.checkMaxRssMiB : NaN),
      'flat',
    ],
    ['vault file size per event, bytes', (m) => m.bytesPerEvent, ''],
    ['durable note append (sessions.addNote), ms', (m) => m.append, ''],
    ['plaintext better-sqlite3 insert, same durability, ms', (m) => m.plainInsert, ''],
    ['append / plaintext insert, ×', (m) => m.append / m.plainInsert, '≤ 1.25'],
    ['load average (1 min) when measuring started', (m) => m.loadAtStart, ''],
    ...CPU_ROWS.map(
      ([label, key]): [string, (m: Measured) => number, string] => [
        `${label}, CPU ms (median; wall above)`,
        (m) => m.cpu[key],
        '',
      ],
    ),
    [
      'vault.check, rows per CPU-second of its process (unlock included)',
      (m) => (m.checked && m.checkCpuMs > 0 ? (m.rows / m.checkCpuMs) * 1000 : NaN),
      '',
    ],
  ];
  const head = results.map(
    (m) =>
      `${m.built.sessions.toLocaleString('en')} sessions / ${m.built.events.toLocaleString('en')} events`,
  );
  const out = [
    `| cost | ${head.join(' | ')} | growth ${first.built.sessions.toLocaleString('en')} → ${last.built.sessions.toLocaleString('en')} | target |`,
    `|---|${results.map(() => '---:').join('|')}|---:|---|`,
  ];
  for (const [label, value, target] of lines) {
    const growth = value(last) / value(first);
    out.push(
      `| ${label} | ${results.map((m) => fmt(value(m))).join(' | ')} | ${results.length > 1 && Number.isFinite(growth) ? `×${growth.toFixed(2)}` : ''} | ${target} |`,
    );
  }
  return out.join('\n');
}
