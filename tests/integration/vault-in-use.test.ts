// One vault, one process: a second process (or a second core) is refused with VAULT_IN_USE
// and nothing is damaged; once the first lets go, the vault opens normally.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ADMIN, call, callError, makeCore, makeVault, removeDir } from '../helpers/core';

function holdInChildProcess(
  vaultDir: string,
): Promise<{ release: () => Promise<void>; first: unknown }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../helpers/hold-vault.ts'), vaultDir],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    lines.once('line', (line) => {
      resolve({
        first: JSON.parse(line),
        release: () =>
          new Promise((done) => {
            child.on('exit', () => done());
            child.stdin.end();
          }),
      });
    });
  });
}

test('a second process gets VAULT_IN_USE while the first holds the vault', async () => {
  const setup = await makeVault();
  const { caseId } = await call(setup, 'cases.create', {
    reference: 'IU-1',
    childAlias: 'Pat',
    childAgeYears: 10,
    language: 'en',
  });
  setup.close();

  const holder = await holdInChildProcess(setup.vaultDir);
  try {
    expect(holder.first).toEqual({ ok: true });
    const second = makeCore(setup.vaultDir);
    const error = await callError(second, 'vault.unlock', {
      username: 'admin',
      passphrase: ADMIN.passphrase,
    });
    expect(error).toMatchObject({ code: 'VAULT_IN_USE' });
    expect(error.message).toMatch(/open in another Hearth window or process/);
    second.close();
  } finally {
    await holder.release();
  }

  const after = makeCore(setup.vaultDir);
  try {
    await call(after, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    expect(await call(after, 'cases.get', { caseId })).toMatchObject({ childAlias: 'Pat' });
    expect((await call(after, 'vault.check', {})).ok).toBe(true);
  } finally {
    after.close();
    removeDir(setup.vaultDir);
  }
}, 600_000); // a child process compiling TypeScript under load: 25-30 s on a loaded 2-core machine

test('a second core in the same process is refused too, and close() releases the vault', async () => {
  const first = await makeVault();
  const second = makeCore(first.vaultDir);
  try {
    expect(await callError(second, 'vault.status', {})).toMatchObject({ code: 'VAULT_IN_USE' });
    first.close();
    expect(await call(second, 'vault.status', {})).toEqual({ exists: true, unlocked: false });
  } finally {
    first.close();
    second.close();
    removeDir(first.vaultDir);
  }
});
