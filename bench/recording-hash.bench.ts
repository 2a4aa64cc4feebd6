// `npm run bench -- recording-hash`: fingerprinting an interview video. One file of
// HEARTH_BENCH_RECORDING_MIB MiB (default 1536 = 1.5 GiB, random bytes so nothing compresses or
// dedups), hashed in one run by Hearth's streamed SHA-256 (sha256File, as
// sessions.addRecordingFingerprint uses it) and by coreutils `sha256sum`, alternately, each
// twice after one warm-up read, so both see the same page cache. Both digests must agree.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256File } from '../src/crypto';
import { median, timeMs, type BenchReport } from './harness';

const MiB = 1024 * 1024;

export async function run(): Promise<BenchReport> {
  const sizeMiB = Number(process.env.HEARTH_BENCH_RECORDING_MIB ?? 1536);
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-recording-'));
  const file = join(dir, 'interview.mp4');
  try {
    const fd = openSync(file, 'w');
    const block = randomBytes(16 * MiB);
    for (let written = 0; written < sizeMiB * MiB; written += block.length) writeSync(fd, block);
    closeSync(fd);
    const sha256sum = () => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];
    sha256sum(); // warm-up: both runs then read from the same page cache state
    const hearth: number[] = [];
    const coreutils: number[] = [];
    let ours = '';
    let theirs = '';
    for (let i = 0; i < 2; i++) {
      hearth.push(await timeMs(async () => (ours = (await sha256File(file)).sha256)));
      coreutils.push(await timeMs(() => (theirs = sha256sum() ?? '')));
    }
    if (ours !== theirs) throw new Error('sha256File and sha256sum disagree');
    const mbps = (ms: number) => Math.round((sizeMiB / (ms / 1000)) * 10) / 10;
    const h = median(hearth);
    const c = median(coreutils);
    return {
      name: 'recording-hash',
      rows: [
        { metric: `file size`, value: sizeMiB, unit: 'MiB' },
        { metric: 'Hearth sha256File (median of 2)', value: Math.round(h), unit: 'ms' },
        { metric: 'sha256sum (median of 2)', value: Math.round(c), unit: 'ms' },
        { metric: 'Hearth throughput', value: mbps(h), unit: 'MiB/s' },
        { metric: 'sha256sum throughput', value: mbps(c), unit: 'MiB/s' },
        {
          metric: 'Hearth time / sha256sum time',
          value: Math.round((h / c) * 100) / 100,
          unit: 'x',
          target: '<= 1.25 (at disk/sha256sum speed)',
          met: h / c <= 1.25,
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
