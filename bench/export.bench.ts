// `npm run bench -- export`: a 3-hour interview with 1,500 notes and a 2,000-utterance imported
// transcript. Export (bundle with PDF, written atomically, audited) and verify, each timed over
// several runs on a real vault; the first export (font load, JIT warm-up) is reported apart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCrypto } from '../src/crypto';
import {
  exportTranscript,
  generateIdentity,
  myPublicKey,
  parseIdentity,
  parsePublicKey,
  verifyPath,
} from '../src/export';
import { Vault } from '../src/vault';
import { syntheticTranscript } from '../tests/fixtures/export/synthetic';
import { median, percentile, timeMs, type BenchReport } from './harness';

const RUNS = 5;
const MiB = 1024 * 1024;

export async function run(): Promise<BenchReport> {
  await initCrypto();
  const vaultDir = mkdtempSync(join(tmpdir(), 'hearth-bench-export-vault-'));
  const outDir = mkdtempSync(join(tmpdir(), 'hearth-bench-export-out-'));
  try {
    const vault = Vault.create(
      vaultDir,
      { username: 'ivan', displayName: 'Iván Muñoz', passphrase: 'benchmark passphrase 1' },
      { argon2: { opsLimit: 3, memLimitBytes: 64 * MiB } },
    ).vault;
    const { input } = syntheticTranscript({
      notes: 1500,
      turns: 2000,
      durationMs: 3 * 3600 * 1000,
      addenda: 3,
    });
    const key = parsePublicKey(myPublicKey(vault).publicKey);
    let path = '';
    const first = await timeMs(async () => {
      path = (await exportTranscript(vault, input, { outDir })).path;
    });
    const exports: number[] = [];
    const verifies: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const dir = mkdtempSync(join(outDir, 'run-'));
      exports.push(
        await timeMs(async () => {
          path = (await exportTranscript(vault, input, { outDir: dir })).path;
        }),
      );
      let valid = false;
      verifies.push(
        await timeMs(async () => (valid = (await verifyPath(path, key)).verdict.valid)),
      );
      if (!valid) throw new Error('benchmark bundle did not verify');
    }
    const office = generateIdentity('Bench office');
    let encPath = '';
    const encExport = await timeMs(async () => {
      encPath = (
        await exportTranscript(vault, input, {
          outDir: mkdtempSync(join(outDir, 'enc-')),
          recipientKey: office.recipientKey,
        })
      ).path;
    });
    const identity = parseIdentity(office.identity)!;
    const encVerify = await timeMs(() => verifyPath(encPath, key, { identity }));
    vault.close();
    const exportMs = median(exports);
    const verifyMs = median(verifies);
    return {
      name: 'export',
      rows: [
        { metric: 'first export (cold: font load, JIT)', value: first, unit: 'ms' },
        {
          metric: `export with PDF, 1,500 notes + 2,000 turns (median of ${RUNS})`,
          value: exportMs,
          unit: 'ms',
          target: '< 2000 ms',
          met: exportMs < 2000,
        },
        { metric: 'export p100', value: percentile(exports, 100), unit: 'ms' },
        {
          metric: `verify bundle folder (median of ${RUNS})`,
          value: verifyMs,
          unit: 'ms',
          target: '< 300 ms',
          met: verifyMs < 300,
        },
        { metric: 'verify p100', value: percentile(verifies, 100), unit: 'ms' },
        { metric: 'export encrypted to a recipient', value: encExport, unit: 'ms' },
        { metric: 'verify encrypted (decrypt + verify)', value: encVerify, unit: 'ms' },
      ],
    };
  } finally {
    rmSync(vaultDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}
