// Online backup to a new file (still encrypted) and restore from it.
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { restoreVault } from '../../src/vault';
import { ADMIN, call, callError, makeCore, makeVault, removeDir, tempDir } from '../helpers/core';

/** The admin whose passphrase signs a restore (restore.ts). */
const RESTORER = { username: 'admin', passphrase: ADMIN.passphrase };

test('backup while open, restore into a new folder, data and checks intact', async () => {
  const core = await makeVault();
  const out = tempDir();
  const restoredDir = tempDir();
  try {
    const { caseId } = await call(core, 'cases.create', {
      reference: 'BK-1',
      childAlias: 'Jo',
      childAgeYears: 12,
      language: 'en',
    });
    const backupPath = join(out, 'hearth-backup.db');
    const result = await call(core, 'vault.backup', { path: backupPath });
    expect(result.path).toBe(backupPath);
    expect(result.bytes).toBeGreaterThan(0);
    expect(existsSync(`${backupPath}.partial`)).toBe(false);
    expect(await callError(core, 'vault.backup', { path: backupPath })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      await callError(core, 'vault.backup', { path: join(out, 'no-such-dir', 'x.db') }),
    ).toMatchObject({ code: 'NOT_FOUND' });

    // Changes after the backup are not in it.
    await call(core, 'cases.create', {
      reference: 'BK-2',
      childAlias: 'Lee',
      childAgeYears: 4,
      language: 'es',
    });

    restoreVault(backupPath, restoredDir, { admin: RESTORER });
    const restored = makeCore(restoredDir);
    try {
      // The backup needs the same passphrase: it is the same encrypted vault.
      expect(
        await callError(restored, 'vault.unlock', {
          username: 'admin',
          passphrase: 'wrong passphrase x',
        }),
      ).toMatchObject({ code: 'BAD_PASSPHRASE' });
      await call(restored, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
      expect((await call(restored, 'cases.list', {})).cases.map((c) => c.caseId)).toEqual([caseId]);
      expect(await call(restored, 'vault.check', {})).toMatchObject({ ok: true, problems: [] });
    } finally {
      restored.close();
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
    removeDir(restoredDir);
  }
});

test('restore refuses to overwrite without --replace, refuses an open vault, and keeps the old one aside', async () => {
  const core = await makeVault();
  const out = tempDir();
  try {
    const backupPath = join(out, 'b.db');
    await call(core, 'vault.backup', { path: backupPath });
    expect(() => restoreVault(backupPath, core.vaultDir, { admin: RESTORER })).toThrow(
      /already exists/,
    );
    expect(() =>
      restoreVault(backupPath, core.vaultDir, { replace: true, admin: RESTORER }),
    ).toThrow(/open in another Hearth/);
    core.close();
    const { previous } = restoreVault(backupPath, core.vaultDir, {
      replace: true,
      admin: RESTORER,
    });
    expect(previous && existsSync(previous)).toBe(true);
    const again = makeCore(core.vaultDir);
    await call(again, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    again.close();
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

test('restore refuses a file that is not a Hearth vault, and a missing file', () => {
  const dir = tempDir();
  try {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database');
    // Input to fix, said plainly (issue #16), not "the vault file is damaged".
    let refused: unknown;
    try {
      restoreVault(junk, join(dir, 'target'), { admin: RESTORER });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(
        /^junk\.db: this file is not a Hearth backup: it is not a database file\./,
      ) as unknown,
      details: { fields: ['backup.notHearthBackup'], reason: 'NOT_A_DATABASE' },
    });
    expect(() =>
      restoreVault(join(dir, 'missing.db'), join(dir, 'target'), { admin: RESTORER }),
    ).toThrow(/does not exist/);
    expect(existsSync(join(dir, 'target'))).toBe(false);
  } finally {
    removeDir(dir);
  }
});

test('only an admin may back up', async () => {
  const core = await makeVault();
  try {
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan',
      role: 'interviewer',
      passphrase: 'interviewer passphrase',
    });
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: 'interviewer passphrase' });
    expect(
      await callError(core, 'vault.backup', { path: join(core.vaultDir, 'x.db') }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('backup hygiene: 0600, nothing left beside it or its source; restore reads a write-protected backup', async () => {
  const core = await makeVault();
  const out = tempDir();
  const restoredDir = tempDir();
  try {
    const backupPath = join(out, 'b.db');
    await call(core, 'vault.backup', { path: backupPath });
    expect(statSync(backupPath).mode & 0o777).toBe(0o600);
    expect(readdirSync(out)).toEqual(['b.db']);
    expect(readdirSync(core.vaultDir).filter((f) => /partial|-shm$/.test(f))).toEqual([]);

    // As on a write-protected USB stick: the file and its folder are read-only.
    chmodSync(backupPath, 0o400);
    chmodSync(out, 0o500);
    restoreVault(backupPath, join(restoredDir, 'v'), { admin: RESTORER });
    expect(readdirSync(out)).toEqual(['b.db']);
    const restored = makeCore(join(restoredDir, 'v'));
    try {
      await call(restored, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
      expect(await call(restored, 'vault.check', {})).toMatchObject({ ok: true, problems: [] });
    } finally {
      restored.close();
    }

    // A bad source is named in the error; a device is refused before anything is read.
    writeFileSync(join(restoredDir, 'junk.db'), 'not a vault');
    expect(() =>
      restoreVault(join(restoredDir, 'junk.db'), join(restoredDir, 'w'), { admin: RESTORER }),
    ).toThrow(/junk\.db/);
    expect(() => restoreVault('/dev/zero', join(restoredDir, 'w'), { admin: RESTORER })).toThrow(
      /zero: this is not a regular file/,
    );
  } finally {
    chmodSync(out, 0o700);
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
    removeDir(restoredDir);
  }
});

test('each bad backup destination gets its own refusal, naming no path, before anything is written', async () => {
  const core = await makeVault();
  const out = tempDir();
  try {
    const existing = join(out, 'existing.db');
    writeFileSync(existing, 'not a backup');
    // As root, permission bits do not stop a write; sysfs refuses to create files for anyone.
    const readOnly = process.getuid?.() === 0 ? '/sys' : join(out, 'read-only');
    if (readOnly !== '/sys') {
      mkdirSync(readOnly);
      chmodSync(readOnly, 0o555);
    }
    const cases: [string, Record<string, unknown>][] = [
      [out, { code: 'INVALID_INPUT', fields: ['backup.isFolder'] }],
      [`${out}/`, { code: 'INVALID_INPUT', fields: ['backup.isFolder'] }],
      [existing, { code: 'CONFLICT' }],
      [join(out, 'missing', 'x.db'), { code: 'NOT_FOUND' }],
      [join(existing, 'x.db'), { code: 'INVALID_INPUT', fields: ['backup.parentNotFolder'] }],
      [
        join(readOnly, 'hearth-backup.db'),
        { code: 'INVALID_INPUT', fields: ['backup.noPermission'] },
      ],
    ];
    for (const [path, expected] of cases) {
      const error = await callError(core, 'vault.backup', { path });
      expect({ path, ...error }).toMatchObject({ path, ...expected });
      expect(error.message).not.toContain(out);
    }
    // Nothing was left behind: no .partial beside any destination, the existing file untouched.
    expect(readdirSync(out).sort()).toEqual(
      readOnly === '/sys' ? ['existing.db'] : ['existing.db', 'read-only'],
    );
    expect(existsSync('/sys/hearth-backup.db.partial')).toBe(false);
    // A good path still works after the refusals.
    const good = await call(core, 'vault.backup', { path: join(out, 'good.db') });
    expect(good.bytes).toBeGreaterThan(0);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
