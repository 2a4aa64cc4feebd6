// Run as a child process by the kill test: appends notes to a session as fast as it can and
// prints "ACK <noteId>" after each acknowledged append (after the commit returned).
import { createCore } from '../../src/api/core';
import { ADMIN, FAST_ARGON2 } from './core';

async function main(): Promise<void> {
  const [vaultDir, sessionId, label] = process.argv.slice(2) as [string, string, string];
  const core = createCore({ vaultDir, argon2: FAST_ARGON2 });
  const unlocked = await core.invoke('vault.unlock', {
    username: ADMIN.username,
    passphrase: ADMIN.passphrase,
  });
  if (!unlocked.ok) throw new Error(unlocked.error.code);
  process.stdout.write('READY\n');
  for (let i = 0; ; i++) {
    const result = await core.invoke('sessions.addNote', {
      sessionId,
      kind: i % 2 ? 'child' : 'question',
      text: `${label} note ${i}`,
    });
    if (!result.ok) {
      process.stdout.write(`ERROR ${result.error.code}\n`);
      process.exit(1);
    }
    process.stdout.write(`ACK ${(result.value as { noteId: string }).noteId}\n`);
  }
}

void main();
