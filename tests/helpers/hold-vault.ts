// Run as a child process: opens the vault in argv[2] and holds it until stdin closes.
import { createCore } from '../../src/api/core';
import { ADMIN, FAST_ARGON2 } from './core';

async function main(): Promise<void> {
  const core = createCore({ vaultDir: process.argv[2] as string, argon2: FAST_ARGON2 });
  const result = await core.invoke('vault.unlock', {
    username: ADMIN.username,
    passphrase: ADMIN.passphrase,
  });
  process.stdout.write(JSON.stringify(result.ok ? { ok: true } : result) + '\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    core.close();
    process.exit(0);
  });
}

void main();
