// Issue #22 (perf24): vault.check on cached scale vaults, this checkout beside another
// (BENCH_COMPARE=<checkout>), each run alone in a fresh child process (bench/scale-check.ts
// under --expose-gc) on its own copy of the same vault, rounds interleaved (before, after).
// Prints rows (records + audit entries) per wall second and per CPU second of the check, what
// the check keeps (heap, external and RSS after a full GC at every progress event, peaks) and
// the process's maxRSS.
// Usage: [BENCH_COMPARE=/work/main] [BENCH_ROUNDS=1] npx tsx bench/check-compare.ts <vault dir>...
// (vault dirs as the scale cache keeps them: bench/.cache/scale/<sessions>)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vaultFile } from '../src/vault';

interface Run {
  ms: number;
  checkCpuMs: number;
  ok: boolean;
  problems: number;
  heapBeforeMiB: number;
  maxRssMiB: number;
  afterGcPeak?: { heapMiB: number; externalMiB: number; rssMiB: number };
  progressEvents: number;
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const here = join(__dirname, '..');

function rowsOf(dir: string): { records: number; audit: number } {
  const db = new Database(vaultFile(dir), { readonly: true });
  try {
    return db
      .prepare(
        'SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM audit_log) AS audit',
      )
      .get() as { records: number; audit: number };
  } finally {
    db.close();
  }
}

function runOnCopy(from: string, code: string): Run & { load: number } {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-check-compare-'));
  try {
    cpSync(from, dir, { recursive: true });
    const load = loadavg()[0] as number;
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, '--expose-gc', join(__dirname, 'scale-check.ts'), dir],
      { encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, BENCH_CODE: code } },
    );
    if (child.status !== 0) throw new Error(`vault.check child failed: ${child.stderr}`);
    const run = JSON.parse(child.stdout.trim().split('\n').pop() as string) as Run;
    return { ...run, load };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const vaults = process.argv.slice(2);
  const codes = [
    ...(process.env.BENCH_COMPARE ? [{ label: 'before', root: process.env.BENCH_COMPARE }] : []),
    { label: 'after', root: here },
  ];
  console.log(
    '| vault (rows = records + audit entries) | code | ok / problems | wall s | check CPU s | rows/s (wall) | rows per CPU-s | heap after GC: before check / peak, MiB | external peak, MiB | RSS after GC peak, MiB | maxRSS MiB | load at start |',
  );
  console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const vault of vaults) {
    const { records, audit } = rowsOf(vault);
    const rows = records + audit;
    for (let round = 0; round < ROUNDS; round++)
      for (const code of codes) {
        const r = runOnCopy(vault, code.root);
        const peak = r.afterGcPeak;
        console.log(
          `| ${vault} (${records.toLocaleString('en-US')} + ${audit.toLocaleString('en-US')} = ${rows.toLocaleString('en-US')}) | ${code.label} | ${String(r.ok)} / ${r.problems} | ${(r.ms / 1000).toFixed(1)} | ${(r.checkCpuMs / 1000).toFixed(1)} | ${Math.round(rows / (r.ms / 1000)).toLocaleString('en-US')} | ${Math.round(rows / (r.checkCpuMs / 1000)).toLocaleString('en-US')} | ${r.heapBeforeMiB.toFixed(1)} / ${peak?.heapMiB.toFixed(1) ?? '-'} | ${peak?.externalMiB.toFixed(1) ?? '-'} | ${peak?.rssMiB.toFixed(0) ?? '-'} | ${r.maxRssMiB.toFixed(0)} | ${r.load.toFixed(1)} |`,
        );
      }
  }
}

main();
