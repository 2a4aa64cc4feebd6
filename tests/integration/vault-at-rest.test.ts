// What a stolen laptop reveals: no case plaintext in any file of the vault folder (main file,
// WAL, backups), and KDF parameters on disk that cannot be weakened or inflated.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { vaultFile } from '../../src/vault';
import {
  ADMIN,
  call,
  callError,
  makeCore,
  makeVault,
  plaintextHits,
  rawFiles,
  removeDir,
} from '../helpers/core';

const DISTINCTIVE = {
  reference: 'ZQX-REF-88412',
  childAlias: 'Quillonmaybrook',
  allegationSummary: 'Xylophonic-marmalade allegation 7731',
  notes: 'Ñandú-wobblecraft free note 5512',
};

test('no plaintext of any case field reaches any file, while open, after close and in a backup', async () => {
  const core = await makeVault();
  try {
    const { caseId } = await call(core, 'cases.create', {
      ...DISTINCTIVE,
      childAgeYears: 5,
      language: 'es',
    });
    await call(core, 'cases.update', {
      caseId,
      patch: { childAlias: DISTINCTIVE.childAlias + 'Two' },
    });
    await call(core, 'cases.list', {});
    await call(core, 'cases.get', { caseId });
    // While open: the main file and the WAL (exclusive locking keeps no -shm).
    expect(rawFiles(core.vaultDir).map((f) => f.name.replace(core.vaultDir, ''))).toEqual(
      expect.arrayContaining(['/hearth-vault.db', '/hearth-vault.db-wal']),
    );
    const needles = [
      ...Object.values(DISTINCTIVE),
      DISTINCTIVE.childAlias + 'Two',
      ADMIN.displayName,
      ADMIN.passphrase,
    ];
    expect(plaintextHits(core.vaultDir, needles)).toEqual([]);
    await call(core, 'vault.backup', { path: join(core.vaultDir, 'backup.db') });
    core.close();
    expect(plaintextHits(core.vaultDir, needles)).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('stored KDF parameters below the floor or above the ceiling are refused before deriving', async () => {
  const core = await makeVault();
  core.close();
  const setParams = (ops: number, mem: number) => {
    const db = new Database(vaultFile(core.vaultDir));
    db.prepare("UPDATE key_slots SET kdf_ops = ?, kdf_mem = ? WHERE username = 'admin'").run(
      ops,
      mem,
    );
    db.close();
  };
  const MiB = 1024 * 1024;
  try {
    for (const [ops, mem] of [
      [3, 32 * MiB],
      [3, 8 * MiB],
      [1, 64 * MiB],
      [3, 4096 * MiB],
      [100, 64 * MiB],
    ] as const) {
      setParams(ops, mem);
      const again = makeCore(core.vaultDir);
      const error = await callError(again, 'vault.unlock', {
        username: 'admin',
        passphrase: ADMIN.passphrase,
      });
      again.close();
      // TAMPERED rather than BAD_PASSPHRASE proves no derivation ran: a derivation with the
      // altered parameters would have produced a wrong key and so BAD_PASSPHRASE.
      expect(error.code).toBe('TAMPERED');
      expect(error.message).toMatch(/outside the allowed range/);
      // (No wall-clock bound here: the suite must give the same verdict on a loaded machine, and
      // the code above already proves the refusal came before any derivation.)
    }
    // Parameters changed within the allowed range are caught too (they are bound to the wrapped
    // key); settings Hearth never writes are named as an edited slot, not a wrong passphrase, and
    // not counted toward lockout (red team 24, R24-7; sec56).
    setParams(4, 64 * MiB);
    const again = makeCore(core.vaultDir);
    expect(
      await callError(again, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase }),
    ).toMatchObject({ code: 'TAMPERED', reason: 'SLOT_KDF_EDITED' });
    again.close();
    setParams(3, 64 * MiB);
    const restored = makeCore(core.vaultDir);
    expect(
      await call(restored, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase }),
    ).toMatchObject({ role: 'admin' });
    restored.close();
  } finally {
    removeDir(core.vaultDir);
  }
});
