// Whatever a session accepted must export and verify: a clock set back after sealing or before
// an addendum, more than 1,000 phase changes; text that grows under NFC is refused when written,
// never at export. And a bundle checks with stock tools by following VERIFY.txt literally.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Core } from '../../../src/api/core';
import { call, callError, makeVault, removeDir, tempDir } from '../../helpers/core';
import { startLiveSession } from '../../helpers/sessions';

jest.setTimeout(300_000);

const MINUTE = 60_000;

async function liveSession(core: Core) {
  const { sessionId } = await startLiveSession(core, 'EDGE-1', { alias: 'Sam', ageYears: 9 });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'We went to the park.' });
  return sessionId;
}

async function exportAndVerify(core: Core, sessionId: string) {
  const out = tempDir('hearth-edge-out-');
  const exported = await call(core, 'export.sealed', { sessionId, outDir: out });
  const { publicKey } = await call(core, 'keys.centrePublicKey', {});
  const verdict = await call(core, 'export.verify', { path: exported.path, publicKey });
  return { verdict, out, path: exported.path, publicKey };
}

test('a clock set back 10 minutes after sealing, and an addendum written after it, still export and verify', async () => {
  let now = Date.UTC(2026, 10, 3, 15, 0, 0);
  const core = await makeVault({ now: () => now });
  const dirs: string[] = [];
  try {
    const sessionId = await liveSession(core);
    now += 20 * MINUTE;
    await call(core, 'sessions.finalize', { sessionId });
    now -= 10 * MINUTE; // the computer's clock is corrected backwards
    const first = await exportAndVerify(core, sessionId);
    dirs.push(first.out);
    expect(first.verdict).toMatchObject({ valid: true, exportNumber: 1 });
    expect(first.verdict.proven?.join('\n')).toMatch(
      /clock was set back before entry 2 \(recorded as a fact/,
    );
    now -= 5 * MINUTE;
    await call(core, 'sessions.addAddendum', {
      sessionId,
      text: 'Written after a clock correction.',
    });
    const second = await exportAndVerify(core, sessionId);
    dirs.push(second.out);
    expect(second.verdict).toMatchObject({ valid: true, exportNumber: 2, addendaCount: 1 });
  } finally {
    core.close();
    removeDir(core.vaultDir);
    dirs.forEach(removeDir);
  }
});

test('a session with 1,001 phase changes exports and verifies', async () => {
  const core = await makeVault();
  let out = '';
  try {
    const sessionId = await liveSession(core);
    for (let i = 0; i <= 1000; i++)
      await call(core, 'sessions.enterPhase', {
        sessionId,
        phaseId: i % 2 === 0 ? 'rapport' : 'introduction',
      });
    await call(core, 'sessions.finalize', { sessionId });
    const result = await exportAndVerify(core, sessionId);
    out = result.out;
    expect(result.verdict).toMatchObject({ valid: true });
  } finally {
    core.close();
    removeDir(core.vaultDir);
    if (out) removeDir(out);
  }
});

test('a break reason within the channel limit that grows past it under NFC is refused when written', async () => {
  const core = await makeVault();
  try {
    const sessionId = await liveSession(core);
    const reason = '\ufb2c'.repeat(500); // 500 characters; NFC makes each one three
    const error = await callError(core, 'sessions.startBreak', { sessionId, reason });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/too long once normalised/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

const tools = ['minisign', 'sha256sum', 'grep', 'bash'].every(
  (t) => spawnSync('which', [t]).status === 0,
);
(tools ? test : test.skip)(
  'stock tools: the commands in VERIFY.txt, run literally, accept the bundle and catch an extra file',
  async () => {
    const core = await makeVault();
    let out = '';
    try {
      const sessionId = await liveSession(core);
      await call(core, 'sessions.finalize', { sessionId });
      const result = await exportAndVerify(core, sessionId);
      out = result.out;
      writeFileSync(join(dirname(result.path), 'centre.pub'), result.publicKey);
      const verifyText = readFileSync(join(result.path, 'VERIFY.txt'), 'utf8');
      const commands = [...verifyText.matchAll(/^ {2}\d\. (.+)$/gm)].map((m) => m[1]!);
      expect(commands).toHaveLength(5);
      const run = (command: string) =>
        execFileSync('bash', ['-c', command], { cwd: result.path, encoding: 'utf8' });
      expect(run(commands[0]!)).toContain('Signature and comment signature verified');
      expect(run(commands[1]!).trim()).toBe('1');
      expect(run(commands[2]!)).toContain('Signature and comment signature verified');
      expect(run(commands[3]!)).not.toContain('FAILED');
      const listed = [...verifyText.matchAll(/^ {7}(\S+)$/gm)].map((m) => m[1]!);
      expect(run(commands[4]!).trim().split('\n')).toEqual(listed);
      // An extra file: invisible to sha256sum -c, visible to step 5.
      writeFileSync(join(result.path, 'transcript-corrected.pdf'), 'x');
      expect(run(commands[3]!)).not.toContain('FAILED');
      expect(run(commands[4]!).trim().split('\n')).not.toEqual(listed);
      expect(readdirSync(result.path)).toContain('transcript-corrected.pdf');
    } finally {
      core.close();
      removeDir(core.vaultDir);
      if (out) removeDir(out);
    }
  },
);
