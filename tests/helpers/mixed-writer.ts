// Run as a child process by the kill harness: appends a realistic mix of writes (notes, note
// edits, phase changes, breaks) as fast as it can and prints "ACK <kind> <id> <text>" after
// each acknowledged write (after the commit returned).
import { createCore } from '../../src/api/core';
import { ADMIN, FAST_ARGON2 } from './core';

const PHASES = [
  'introduction',
  'rapport',
  'groundRules',
  'narrativePractice',
  'transition',
  'investigation',
];

async function main(): Promise<void> {
  const [vaultDir, sessionId, label] = process.argv.slice(2) as [string, string, string];
  const core = createCore({ vaultDir, argon2: FAST_ARGON2 });
  const must = async (channel: string, payload: unknown) => {
    const result = await core.invoke(channel, payload);
    if (!result.ok) {
      process.stdout.write(`ERROR ${channel} ${result.error.code}\n`);
      process.exit(1);
    }
    return result.value as Record<string, unknown>;
  };
  await must('vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  const onBreak = (await must('sessions.get', { sessionId })).onBreak === true;
  let breakOpen = onBreak;
  let lastNote: string | undefined;
  process.stdout.write('READY\n');
  for (let i = 0; ; i++) {
    const op = i % 10;
    if (op === 3 && lastNote) {
      const text = `${label} edit ${i}`;
      await must('sessions.editNote', { sessionId, noteId: lastNote, text });
      process.stdout.write(`ACK edit ${lastNote} ${text}\n`);
    } else if (op === 5) {
      const phaseId = PHASES[i % PHASES.length] as string;
      const ack = await must('sessions.enterPhase', { sessionId, phaseId });
      process.stdout.write(`ACK phase ${String(ack.seq)} ${phaseId}\n`);
    } else if (op === 7) {
      const ack = breakOpen
        ? await must('sessions.endBreak', { sessionId })
        : await must('sessions.startBreak', { sessionId, reason: `${label} break ${i}` });
      breakOpen = !breakOpen;
      process.stdout.write(`ACK break ${String(ack.seq)} ${breakOpen ? 'start' : 'end'}\n`);
    } else {
      const text = `${label} note ${i}`;
      const ack = await must('sessions.addNote', {
        sessionId,
        kind: i % 2 ? 'child' : 'question',
        text,
      });
      lastNote = ack.noteId as string;
      process.stdout.write(`ACK note ${lastNote} ${text}\n`);
    }
  }
}

void main();
