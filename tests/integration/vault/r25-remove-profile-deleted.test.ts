// Red team 25, R25-7 (medium): a departing user deletes his own profile row (no key: one clear
// row) before the admin removes him. users.remove then ended TAMPERED (since the lead's fix,
// PROFILE_UNREADABLE with the way out), and his key slot and keys stayed valid. Now the removal
// proceeds from what is certified (removal-subject.ts): every role the centre certified for him,
// every current certificate naming him (withdrawn), and the removed profile rebuilt from his
// newest certificate; his key versions, wraps and slot by name, as always. Every key he could
// reach is rotated: with his passphrase and keys taken from a copy made before the removal, a
// case created afterwards does not open. Only when no current certificate names him is it still
// refused (PROFILE_UNREADABLE, nothing changed). Screen wording (en, es):
// tests/renderer/plain-error.test.tsx.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, callError, makeCore, removeDir } from '../../helpers/core';
import { copyVault, offlineRead } from '../../helpers/offline-insider';
import { checkAsAdmin, makeCase, PASS, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

function deleteProfile(core: Core): void {
  const db = new Database(vaultFile(core.vaultDir));
  expect(db.prepare("DELETE FROM records WHERE record_id = 'user:ivan'").run().changes).toBe(1);
  db.close();
}

test('removing a user whose profile row was deleted proceeds from his certificate and rotates every key he reached', async () => {
  let core: Core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  const scratch = mkdtempSync(join(tmpdir(), 'hearth-r25-7-'));
  try {
    await signInAs(core, 'ivan');
    await makeCase(core, 'BEFORE-1');
    await call(core, 'vault.lock', {});
    core.close();
    // What he takes with him: a copy of the file, his passphrase, every key it opens.
    const before = offlineRead(copyVault(core.vaultDir, scratch, 'before'), { username: 'ivan', passphrase: PASS });
    expect(before.readable.size).toBeGreaterThan(0);
    deleteProfile(core);

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, ADMIN.username);
    const removed = await call(core, 'users.remove', { username: 'ivan' });
    expect(removed.rotatedKeys).toBeGreaterThan(0);
    const entries = (await call(core, 'audit.list', { limit: 1000 })).entries as Array<{ action: string; detail?: Record<string, unknown> }>;
    const entry = entries.filter((e) => e.action === 'users.remove').at(-1);
    expect(entry?.detail?.profileRebuilt).toBe('from-certificate');
    await makeCase(core, 'AFTER-1');
    // He is gone from the users and cannot sign in; his certificate is withdrawn.
    expect(((await call(core, 'users.list', {})).users as Array<{ username: string }>).map((u) => u.username)).not.toContain('ivan');
    const problems = await checkAsAdmin(core);
    expect(problems.filter((p) => ['REMOVAL_INCOMPLETE', 'USER_SLOT_MISSING', 'CERT_WITHDRAWN_HAS_SLOT', 'RECORD_MISSING'].includes(p.code ?? ''))).toEqual([]);
    const refused = await core.invoke('vault.unlock', { username: 'ivan', passphrase: PASS });
    expect(refused.ok).toBe(false);
    await call(core, 'vault.lock', {});
    core.close();

    // His old keys on the new file: nothing written after the removal opens.
    const after = offlineRead(copyVault(core.vaultDir, scratch, 'after'), { keys: before.keys });
    const newCases = [...new Database(vaultFile(core.vaultDir), { readonly: true })
      .prepare("SELECT record_id FROM records WHERE kind = 'case'").all() as Array<{ record_id: string }>]
      .map((r) => r.record_id)
      .filter((id) => !before.readable.has(id));
    expect(newCases.length).toBe(1);
    for (const id of newCases) expect(after.readable.has(id)).toBe(false);
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(scratch);
  }
});

test('with the profile deleted and no current certificate naming him, the removal is still refused and nothing changes', async () => {
  let core: Core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  try {
    const admin = await signInAs(core, ADMIN.username);
    const hex = admin.certificates().find((c) => c.certificate.statement.username === 'ivan')?.certificate.statement.publicKey;
    expect(hex).toBeDefined();
    await call(core, 'vault.lock', {});
    core.close();
    deleteProfile(core);
    const db = new Database(vaultFile(core.vaultDir));
    expect(db.prepare('DELETE FROM records WHERE record_id = ?').run(`certificate:${hex}`).changes).toBe(1);
    const slotsBefore = (db.prepare('SELECT count(*) AS n FROM key_slots').get() as { n: number }).n;
    db.close();

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, ADMIN.username);
    const headBefore = ((await call(core, 'audit.list', { limit: 1000 })).entries as unknown[]).length;
    const refused = await callError(core, 'users.remove', { username: 'ivan' });
    expect(refused.code).toBe('TAMPERED');
    expect(refused.reason).toBe('PROFILE_UNREADABLE');
    expect(refused.message).toMatch(/no current certificate/);
    expect(refused.message).toMatch(/key slot and keys stay valid/);
    expect(refused.message).toContain('hearth vault restore');
    expect(((await call(core, 'audit.list', { limit: 1000 })).entries as unknown[]).length).toBe(headBefore);
    await call(core, 'vault.lock', {});
    core.close();
    const check = new Database(vaultFile(core.vaultDir), { readonly: true });
    expect((check.prepare('SELECT count(*) AS n FROM key_slots').get() as { n: number }).n).toBe(slotsBefore);
    check.close();
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
