// Issue #22 (perf29): an admin's unlock after the KDF, this checkout against another (main), side
// by side in ONE process on the same files, at the shapes of 1,250 / 5,000 / 20,000 sessions
// (bench/unlock-shape.ts pads a real 50-session vault; see there). Rounds alternate which checkout
// signs in first. Besides wall and CPU time after the KDF (bench/unlock-cpu.ts), each unlock's
// SQLite syncs are counted with a spy on better-sqlite3: an outermost commit that wrote at
// synchronous=FULL (SQLite fsyncs the WAL there) and every wal_checkpoint pragma.
//
// Usage: npx tsx bench/unlock-compare.ts [sizes, default 1250,5000,20000] [cache dir]
//   BENCH_COMPARE=<a checkout's folder with src/ and node_modules> (default /tmp/perf29-main, made
//   with `mkdir /tmp/perf29-main && git archive main | tar -x -C /tmp/perf29-main &&
//   ln -s "$PWD/node_modules" /tmp/perf29-main/node_modules`: the whole tree, src/ needs locales/)
//   BENCH_ROUNDS=7. The padded files are signed into in place (each unlock adds an epoch and a
//   few entries); delete the cache dir when done (several GB).
import { loadavg } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../src/api/core';
import { initCrypto } from '../src/crypto/sodium';
import { median } from './harness';
import { unlockOnce, type UnlockSample } from './unlock-cpu';
import { shaped } from './unlock-shape';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const COMPARE = process.env.BENCH_COMPARE ?? '/tmp/perf29-main';

type Sample = UnlockSample & { syncs: number };

/** Runs `fn` counting SQLite's syncs on every connection (see the top of this file). */
async function countingSyncs(fn: () => Promise<UnlockSample>): Promise<Sample> {
  const proto = Database.prototype as unknown as {
    transaction: (body: (...a: unknown[]) => unknown) => (...a: unknown[]) => unknown;
    pragma: (source: string, options?: unknown) => unknown;
  };
  const { transaction, pragma } = proto;
  let syncs = 0;
  const changes = (db: Database.Database) =>
    (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  proto.transaction = function (this: Database.Database, body) {
    const run = transaction.call(this, body);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the connection it commits on
    const db = this;
    return (...args: unknown[]) => {
      const outermost = !db.inTransaction;
      const before = outermost ? changes(db) : 0;
      const result = run(...args);
      if (
        outermost &&
        changes(db) !== before &&
        (pragma.call(db, 'synchronous', { simple: true }) as number) >= 2
      )
        syncs++;
      return result;
    };
  };
  proto.pragma = function (this: Database.Database, source: string, options?: unknown) {
    if (/wal_checkpoint/i.test(source)) syncs++;
    return pragma.call(this, source, options);
  };
  try {
    const s = await fn();
    return { ...s, syncs };
  } finally {
    proto.transaction = transaction;
    proto.pragma = pragma;
  }
}

async function main(): Promise<void> {
  await initCrypto();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the other checkout's code
  const other = require(join(COMPARE, 'src/api/core')) as { createCore: typeof createCore };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- its own libsodium handle
  const sodium = require(join(COMPARE, 'src/crypto/sodium')) as { initCrypto: () => Promise<void> };
  await sodium.initCrypto();
  const sizes = (process.argv[2] ?? '1250,5000,20000').split(',').map(Number);
  const cacheDir = process.argv[3] ?? join(__dirname, '.cache', 'unlock-shape');
  const makers = [
    { name: `before (${COMPARE})`, make: other.createCore },
    { name: 'after (this checkout)', make: createCore },
  ];
  const rows: string[] = [];
  for (const sessions of sizes) {
    const dir = await shaped(cacheDir, sessions);
    const load = loadavg()[0] as number;
    // The first sign-in of each checkout may finish upgrades: not measured.
    for (const m of makers) await unlockOnce(dir, m.make);
    const samples: Sample[][] = makers.map(() => []);
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) {
        const m = makers[i]!;
        samples[i]!.push(await countingSyncs(() => unlockOnce(dir, m.make)));
      }
    }
    const loadEnd = loadavg()[0] as number;
    makers.forEach((m, i) => {
      const s = samples[i]!;
      const wall = s.map((x) => x.wallMs - x.kdfWallMs);
      const cpu = s.map((x) => x.cpuMs - x.kdfCpuMs);
      const syncs = [...new Set(s.map((x) => x.syncs))].join('/');
      rows.push(
        `| ${sessions.toLocaleString('en-US')} | ${m.name} | ${median(wall).toFixed(1)} (${Math.min(...wall).toFixed(1)}-${Math.max(...wall).toFixed(1)}) | ${median(cpu).toFixed(1)} | ${syncs} | ${load.toFixed(1)} → ${loadEnd.toFixed(1)} |`,
      );
    });
    process.stderr.write(`unlock-compare: ${sessions} done\n`);
  }
  console.log(
    `| sessions (shape) | checkout | unlock after the KDF, wall ms, median of ${ROUNDS} (min-max) | CPU ms after the KDF (median) | SQLite syncs per unlock | load average (1 min), start → end |`,
  );
  console.log('|---:|---|---:|---:|---:|---|');
  for (const row of rows) console.log(row);
}

void main();
