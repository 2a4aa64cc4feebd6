// Issue #22 (perf24): the cost of vault.unlock after the KDF on cached scale vaults, in CPU time
// as well as wall time (the machine is shared: wall time follows the load, CPU time the work),
// with the work counted: SQL statements run, rows returned and Ed25519 verifications. The time
// inside libsodium's crypto_pwhash (Argon2id) is measured on its own and subtracted.
// Usage: [BENCH_ROUNDS=7] npx tsx bench/unlock-cpu.ts <vault dir>...
// (vault dirs as the scale cache keeps them: bench/.cache/scale/<sessions>)
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../src/api/core';
import { initCrypto, lib } from '../src/crypto/sodium';
import { median } from './harness';
import { BENCH_USER } from './scale-build';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

/** One unlock's times (ms) and the work it did. */
export interface UnlockSample {
  wallMs: number;
  cpuMs: number;
  kdfWallMs: number;
  kdfCpuMs: number;
  statements: number;
  rows: number;
  verifications: number;
}

function* countRowsOf(rows: Iterable<unknown>, s: { rows: number }): Generator<unknown> {
  for (const row of rows) {
    s.rows++;
    yield row;
  }
}

/** CPU time of this process (user + system), in ms. */
export const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * One unlock of the bench user on a fresh core (Vault.open included, as the app's first sign-in
 * after start), with its KDF time and its work counted; rows pulled through iterate() count too.
 */
export async function unlockOnce(
  vaultDir: string,
  makeCore: (options: { vaultDir: string }) => ReturnType<typeof createCore> = createCore,
): Promise<UnlockSample> {
  const sodium = lib() as unknown as Record<string, (...args: unknown[]) => unknown>;
  const pwhash = sodium.crypto_pwhash as (...args: unknown[]) => unknown;
  const verify = sodium.crypto_sign_verify_detached as (...args: unknown[]) => unknown;
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  probe.close();
  const s: UnlockSample = {
    wallMs: 0,
    cpuMs: 0,
    kdfWallMs: 0,
    kdfCpuMs: 0,
    statements: 0,
    rows: 0,
    verifications: 0,
  };
  const countRows = (rows: Iterable<unknown>) => countRowsOf(rows, s);
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  for (const method of ['get', 'all', 'run', 'iterate']) {
    const original = proto[method] as (...args: unknown[]) => unknown;
    originals.set(method, original);
    proto[method] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      s.statements++;
      if (method === 'get' && result !== undefined) s.rows++;
      if (method === 'all') s.rows += (result as unknown[]).length;
      if (method === 'iterate') return countRows(result as Iterable<unknown>);
      return result;
    };
  }
  sodium.crypto_pwhash = (...args: unknown[]) => {
    const wall = process.hrtime.bigint();
    const cpu = cpuNow();
    try {
      return pwhash(...args);
    } finally {
      s.kdfWallMs += Number(process.hrtime.bigint() - wall) / 1e6;
      s.kdfCpuMs += cpuNow() - cpu;
    }
  };
  sodium.crypto_sign_verify_detached = (...args: unknown[]) => {
    s.verifications++;
    return verify(...args);
  };
  const core = makeCore({ vaultDir });
  try {
    const wall = process.hrtime.bigint();
    const cpu = cpuNow();
    const r = await core.invoke('vault.unlock', {
      username: BENCH_USER.username,
      passphrase: BENCH_USER.passphrase,
    });
    s.cpuMs = cpuNow() - cpu;
    s.wallMs = Number(process.hrtime.bigint() - wall) / 1e6;
    if (!r.ok) throw new Error(`vault.unlock: ${r.error.code} ${r.error.message}`);
  } finally {
    for (const [method, original] of originals) proto[method] = original;
    sodium.crypto_pwhash = pwhash;
    sodium.crypto_sign_verify_detached = verify;
    core.close();
  }
  return s;
}

async function main(): Promise<void> {
  await initCrypto();
  console.log(
    '| vault | unlock after the KDF, CPU ms (median; min-max) | wall ms (median) | KDF CPU ms | SQL statements | rows returned | Ed25519 verifications | load at start |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const from of process.argv.slice(2)) {
    const vaultDir = mkdtempSync(join(tmpdir(), 'hearth-unlock-cpu-'));
    try {
      cpSync(from, vaultDir, { recursive: true });
      const load = loadavg()[0] as number;
      await unlockOnce(vaultDir); // the first sign-in of a copy may finish upgrades: not measured
      const samples: UnlockSample[] = [];
      for (let r = 0; r < ROUNDS; r++) samples.push(await unlockOnce(vaultDir));
      const after = samples.map((x) => x.cpuMs - x.kdfCpuMs);
      const wall = samples.map((x) => x.wallMs - x.kdfWallMs);
      const same = (f: (x: UnlockSample) => number) => {
        const values = [...new Set(samples.map(f))];
        return values.length === 1 ? String(values[0]) : values.join('/');
      };
      console.log(
        `| ${from} | ${median(after).toFixed(1)} (${Math.min(...after).toFixed(1)}-${Math.max(...after).toFixed(1)}) | ${median(wall).toFixed(1)} | ${median(samples.map((x) => x.kdfCpuMs)).toFixed(0)} | ${same((x) => x.statements)} | ${same((x) => x.rows)} | ${same((x) => x.verifications)} | ${load.toFixed(1)} |`,
      );
    } finally {
      rmSync(vaultDir, { recursive: true, force: true });
    }
  }
}

if (require.main === module) void main();
