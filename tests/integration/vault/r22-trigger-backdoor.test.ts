// Red team 22, RT22-2 (high): SQL triggers planted in the vault file (no key needed) ran inside
// Hearth's own transactions: at the insider's removal they deleted the new class:case version's
// certificate and "old held by new" wrap as the rotation committed, so the rotation undid itself
// and both new cases were readable with his old keys. Now every object in the file's schema must
// be one Hearth's migrations make (computed from them): a foreign one refuses every write before
// anything runs (SCHEMA_FOREIGN, naming the object's kind and name), the CLI's vault check names
// it without a passphrase, and `hearth vault drop-foreign-schema` removes it after a copy, as an
// admin, audited; the removal then rotates for real.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { dropForeignSchema, inspectVaultSchema, vaultFile } from '../../../src/vault';
import { ADMIN, call, callError, makeCore, removeDir } from '../../helpers/core';
import { copyVault, offlineRead } from '../../helpers/offline-insider';
import { checkAsAdmin, makeCase, PASS, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

const PLANT = `
  CREATE TRIGGER key_certs_by_id AFTER INSERT ON key_certs
    WHEN NEW.key_id GLOB 'class:case@*' AND NEW.key_id <> 'class:case@1'
    BEGIN DELETE FROM key_certs WHERE key_id = NEW.key_id; END;
  CREATE TRIGGER key_wraps_by_version AFTER INSERT ON key_wraps
    WHEN NEW.logical = 'class:case' AND NEW.holder GLOB 'class:case@*'
    BEGIN DELETE FROM key_wraps WHERE logical = NEW.logical AND version = NEW.version AND holder = NEW.holder; END;`;

test('planted triggers: sign-in refused before anything runs, named without a key, removed by an admin after a copy; the rotation is never undone', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer'], ['ivan', 'interviewer']]);
  const work = mkdtempSync(join(tmpdir(), 'r22-2-'));
  try {
    await signInAs(core, 'ola');
    await makeCase(core, 'BEFORE-1');
    await call(core, 'vault.lock', {});
    core.close();
    const kept = offlineRead(copyVault(core.vaultDir, work, 'old'), { username: 'ivan', passphrase: PASS });
    const db = new Database(vaultFile(core.vaultDir));
    db.exec(PLANT);
    db.close();

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    for (const [who, passphrase] of [['admin', ADMIN.passphrase], ['ola', PASS]] as const) {
      const refused = await callError(core, 'vault.unlock', { username: who, passphrase });
      expect(refused.code).toBe('TAMPERED');
      expect(refused.message).toContain('trigger "key_certs_by_id"');
      expect(refused.message).toContain('trigger "key_wraps_by_version"');
      expect(refused.message).toContain('hearth vault drop-foreign-schema');
      // Names, never the SQL.
      expect(refused.message).not.toContain('DELETE FROM');
    }
    core.close();
    // Nothing was written: the triggers and every row are as planted.
    expect(inspectVaultSchema(core.vaultDir).map((o) => `${o.type}:${o.name}:${o.why}`)).toEqual([
      'trigger:key_certs_by_id:foreign',
      'trigger:key_wraps_by_version:foreign',
    ]);

    // Not an admin: refused (tried on a scratch copy), and the file is unchanged.
    const notAdmin = join(work, 'not-admin.db');
    await expect(
      dropForeignSchema(core.vaultDir, { username: 'ola', passphrase: PASS, backupFile: notAdmin }),
    ).rejects.toThrow(/Only an admin/);
    expect(inspectVaultSchema(core.vaultDir)).toHaveLength(2);
    // A wrong passphrase changes nothing and copies nothing.
    const wrong = join(work, 'wrong.db');
    await expect(
      dropForeignSchema(core.vaultDir, { username: 'admin', passphrase: 'not the passphrase', backupFile: wrong }),
    ).rejects.toThrow();
    expect(existsSync(wrong)).toBe(false);
    expect(inspectVaultSchema(core.vaultDir)).toHaveLength(2);

    const copy = join(work, 'as-it-was.db');
    const result = await dropForeignSchema(core.vaultDir, {
      username: 'admin',
      passphrase: ADMIN.passphrase,
      backupFile: copy,
    });
    expect(result.dropped.map((o) => o.name)).toEqual(['key_certs_by_id', 'key_wraps_by_version']);
    expect(inspectVaultSchema(core.vaultDir)).toEqual([]);
    // The copy keeps the evidence, triggers included.
    const evidence = new Database(copy, { readonly: true });
    expect(evidence.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'key_%_by_%'").get()).toEqual({ n: 2 });
    evidence.close();

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'admin');
    const { entries } = await call(core, 'audit.list', { limit: 1000 });
    const repaired = (entries as Array<{ action: string; detail?: Record<string, unknown> }>).find(
      (e) => e.action === 'vault.schemaRepaired',
    );
    expect(repaired?.detail?.removed).toBe('trigger:key_certs_by_id, trigger:key_wraps_by_version');
    await call(core, 'users.remove', { username: 'ivan' });
    for (const who of ['ola', 'admin']) {
      await signInAs(core, who);
      await makeCase(core, `AFTER-${who}`);
    }
    await call(core, 'vault.lock', {});
    const later = offlineRead(copyVault(core.vaultDir, work, 'later'), { keys: kept.keys });
    expect(later.plaintext).not.toMatch(/AFTER-(ola|admin)/);
    const problems = await checkAsAdmin(core);
    expect(problems.map((p) => [p.code, p.id, p.detail])).toEqual([]);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});
