// Crash safety: a writer appends notes as fast as it can and is killed with SIGKILL at random
// moments. After every kill the vault opens, `vault check` is clean, every acknowledged note is
// present, and the next writer's first append records a visible interruption.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { call, removeDir } from '../helpers/core';
import { makeCore, ADMIN } from '../helpers/core';
import { timeline, vaultWithSession } from '../helpers/sessions';

const KILLS = 20;

/** Seeded PRNG so a failing run can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function runAndKill(
  vaultDir: string,
  sessionId: string,
  label: string,
  delayMs: number,
): Promise<{ acked: string[]; errors: string[] }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../helpers/note-writer.ts'), vaultDir, sessionId, label],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const acked: string[] = [];
  const errors: string[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      buffer += data.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), delayMs);
        else if (line.startsWith('ACK ')) acked.push(line.slice(4));
        else if (line.startsWith('ERROR')) errors.push(line);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`writer exited on its own (code ${code}): ${stderr.slice(0, 500)}`));
      else resolve({ acked, errors });
    });
  });
}

test(`${KILLS} SIGKILLs mid-append lose no acknowledged note and leave the vault clean`, async () => {
  const setup = await vaultWithSession();
  const { vaultDir, sessionId } = setup;
  setup.close();
  const random = mulberry32(20261128);
  const allAcked: string[] = [];
  let interruptedExpected = 0;
  try {
    for (let kill = 0; kill < KILLS; kill++) {
      const { acked, errors } = await runAndKill(
        vaultDir,
        sessionId,
        `run${kill}`,
        20 + Math.floor(random() * 400),
      );
      expect(errors).toEqual([]);
      allAcked.push(...acked);
      if (acked.length > 0) interruptedExpected++;
    }
    const core = makeCore(vaultDir);
    try {
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      expect(await call(core, 'vault.check', {})).toEqual({ ok: true, problems: [] });
      const events = await timeline(core, sessionId);
      const present = new Set(events.filter((e) => e.type === 'note').map((e) => e.noteId));
      const lost = allAcked.filter((id) => !present.has(id));
      expect(allAcked.length).toBeGreaterThan(KILLS);
      expect(lost).toEqual([]);
      // Each writer that resumed after a killed predecessor marked the interruption first.
      expect(events.filter((e) => e.type === 'interrupted').length).toBeGreaterThanOrEqual(
        interruptedExpected - 1,
      );
      expect(await call(core, 'sessions.verify', { sessionId })).toEqual({ ok: true });
      // The session is still open for notes, not sealed and not corrupt.
      expect((await call(core, 'sessions.get', { sessionId })).status).toBe('active');
      await call(core, 'sessions.addNote', {
        sessionId,
        kind: 'observation',
        text: 'after the kills',
      });
    } finally {
      core.close();
    }
  } finally {
    removeDir(vaultDir);
  }
}, 180_000);
