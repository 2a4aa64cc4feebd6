// Kill harness: a writer appends notes, edits, phase changes and breaks and is killed with
// SIGKILL at random moments. After every kill the vault opens, `vault check` is clean and every
// acknowledged write is present; at the end no written text appears in any vault file.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ADMIN, call, makeCore, plaintextHits, removeDir } from '../helpers/core';
import { timeline, vaultWithSession } from '../helpers/sessions';
import { COUNTS, report } from './config';

interface Ack {
  kind: 'note' | 'edit' | 'phase' | 'break';
  id: string;
  text: string;
}

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
): Promise<Ack[]> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../helpers/mixed-writer.ts'), vaultDir, sessionId, label],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const acks: Ack[] = [];
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
        else if (line.startsWith('ACK ')) {
          const [, kind, id, ...text] = line.split(' ');
          acks.push({ kind: kind as Ack['kind'], id: id as string, text: text.join(' ') });
        } else if (line.startsWith('ERROR')) reject(new Error(`writer failed: ${line}`));
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`writer exited on its own (code ${code}): ${stderr.slice(0, 400)}`));
      else resolve(acks);
    });
  });
}

test(
  `${COUNTS.kills} SIGKILLs during mixed writes lose no acknowledged write`,
  async () => {
    const setup = await vaultWithSession();
    const { vaultDir, sessionId } = setup;
    setup.close();
    const random = mulberry32(0x4ea7);
    const acked: Ack[] = [];
    const started = Date.now();
    try {
      for (let kill = 0; kill < COUNTS.kills; kill++) {
        acked.push(
          ...(await runAndKill(vaultDir, sessionId, `k${kill}`, 10 + Math.floor(random() * 300))),
        );
      }
      const core = makeCore(vaultDir);
      try {
        await call(core, 'vault.unlock', {
          username: ADMIN.username,
          passphrase: ADMIN.passphrase,
        });
        expect(await call(core, 'vault.check', {})).toEqual({ ok: true, problems: [] });
        expect(await call(core, 'sessions.verify', { sessionId })).toEqual({ ok: true });
        const events = await timeline(core, sessionId);
        const noteTexts = new Set(events.filter((e) => e.type === 'note').map((e) => e.text));
        const seqs = new Set(events.map((e) => String(e.seq)));
        const lost = acked.filter((a) => {
          if (a.kind === 'note' || a.kind === 'edit') return !noteTexts.has(a.text);
          return !seqs.has(a.id);
        });
        report('kill harness', {
          kills: COUNTS.kills,
          'acknowledged writes': acked.length,
          'by kind': ['note', 'edit', 'phase', 'break']
            .map((k) => `${k} ${acked.filter((a) => a.kind === k).length}`)
            .join(', '),
          'lost acknowledged writes': lost.length,
          'interruptions recorded': events.filter((e) => e.type === 'interrupted').length,
          'events in the session': events.length,
          seconds: ((Date.now() - started) / 1000).toFixed(1),
        });
        expect(acked.length).toBeGreaterThan(COUNTS.kills);
        expect(lost).toEqual([]);
      } finally {
        core.close();
      }
      const sample = acked
        .filter((a) => a.kind === 'note')
        .slice(-50)
        .map((a) => a.text);
      expect(plaintextHits(vaultDir, sample)).toEqual([]);
    } finally {
      removeDir(vaultDir);
    }
  },
  30 * 60_000,
);
