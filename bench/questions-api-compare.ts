// questions.classify with a sessionId (the live hint's path through the core), this tree against
// another checkout, interleaved in one process. Usage:
// BENCH_COMPARE=/path/to/other/checkout npx tsx bench/questions-api-compare.ts
// The other checkout needs src/, locales/, migrations/ and package.json. Each tree gets its own
// temporary vault with one session of NOTES notes (half of them child turns); the rate is CPU ms
// per classify call, median of 5 alternating rounds of CALLS calls, each call a new text.
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
const other = process.env.BENCH_COMPARE;
if (!other) {
  console.error('Set BENCH_COMPARE to the root of the checkout to compare with.');
  process.exit(2);
}
const trees = [
  ['this tree', join(__dirname, '..')],
  [other, other],
] as const;
const NOTES = Number(process.env.NOTES ?? 200);
const CALLS = Number(process.env.CALLS ?? 200);
async function main() {
  const setups: Array<{ name: string; classify: () => void; dir: string }> = [];
  for (const [name, root] of trees) {
    const { CoreState } = require(join(root, 'src/api/state'));
    const { handlers } = require(join(root, 'src/api/handlers'));
    const { channels } = require(join(root, 'src/api/contract'));
    await require(join(root, 'src/crypto')).initCrypto();
    const dir = mkdtempSync(join(tmpdir(), 'speed28-api-'));
    const state = new CoreState({
      vaultDir: dir,
      argon2: { opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 },
    });
    const run = (ch: string, p: unknown) => handlers[ch](channels[ch].request.parse(p), state);
    run('vault.create', {
      username: 'admin',
      displayName: 'A',
      passphrase: 'correct horse battery staple',
    });
    const { caseId } = run('cases.create', {
      reference: 'B-1',
      childAlias: 'Ana',
      childAgeYears: 8,
      language: 'en',
    });
    const { sessionId } = run('sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    });
    for (let i = 0; i < NOTES / 2; i++) {
      run('sessions.addNote', {
        sessionId,
        kind: 'question',
        text: `Tell me more about that, part ${i}.`,
      });
      run('sessions.addNote', {
        sessionId,
        kind: 'child',
        text: `He came in my room and it was night number ${i}.`,
      });
    }
    let k = 0;
    const texts = [
      'How did he touch you?',
      'Tell me more about the room.',
      'Did he hit you?',
      'What happened next?',
    ];
    setups.push({
      name,
      dir,
      classify: () =>
        run('questions.classify', { text: texts[k++ % 4] + ' ' + k, language: 'en', sessionId }),
    });
  }
  const ms: Record<string, number[]> = Object.fromEntries(trees.map(([name]) => [name, []]));
  for (let r = 0; r < 5; r++)
    for (const s of setups) {
      const t = process.cpuUsage();
      for (let i = 0; i < CALLS; i++) s.classify();
      const u = process.cpuUsage(t);
      ms[s.name]!.push((u.user + u.system) / 1e3 / CALLS);
    }
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  console.log(
    `load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )}; session of ${NOTES} notes (${NOTES / 2} child), ${CALLS} classify calls x 5 rounds`,
  );
  for (const s of setups)
    console.log(
      `${s.name}: ${med(ms[s.name]!).toFixed(2)} CPU ms per classify (median of rounds: ${ms[s.name]!.map((x) => x.toFixed(2)).join(', ')})`,
    );
  for (const s of setups) rmSync(s.dir, { recursive: true, force: true });
}
void main();
