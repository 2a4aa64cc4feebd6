// Red team round 5, F4: a centre secret row zeroed, or swapped in from another vault, needs no
// passphrase to write. It must not lock every admin out (then nobody can run the check that
// names it): the admin signs in, and `vault check` names the centre key as missing.
import Database from 'better-sqlite3';
import { ADMIN, call, makeCore, makeVault } from '../../helpers/core';
import { vaultFile } from '../../../src/vault';

const SECRET = 'centre-key:secret';

async function vaultWithInterviewer(): Promise<string> {
  const core = await makeVault();
  await call(core, 'users.add', {
    username: 'ivan',
    displayName: 'Ivan',
    role: 'interviewer',
    passphrase: 'a long enough staff passphrase',
  });
  await call(core, 'vault.lock', {});
  core.close();
  return core.vaultDir;
}

async function adminSignInAndCheck(dir: string) {
  const core = makeCore(dir);
  try {
    const unlocked = await core.invoke('vault.unlock', {
      username: 'admin',
      passphrase: ADMIN.passphrase,
    });
    const check = unlocked.ok ? await core.invoke('vault.check', {}) : undefined;
    return { unlocked, check };
  } finally {
    core.close();
  }
}

test.each(['zeroed', 'swapped from another vault'])(
  'centre secret row %s: the admin signs in and the check names it',
  async (how) => {
    const dir = await vaultWithInterviewer();
    const db = new Database(vaultFile(dir));
    if (how === 'zeroed')
      db.prepare(
        'UPDATE records SET ciphertext = zeroblob(length(ciphertext)) WHERE record_id = ?',
      ).run(SECRET);
    else {
      const other = new Database(vaultFile(await vaultWithInterviewer()));
      const row = other.prepare('SELECT * FROM records WHERE record_id = ?').get(SECRET) as {
        nonce: Buffer;
        ciphertext: Buffer;
      };
      other.close();
      db.prepare('UPDATE records SET nonce = ?, ciphertext = ? WHERE record_id = ?').run(
        row.nonce,
        row.ciphertext,
        SECRET,
      );
    }
    db.close();
    const { unlocked, check } = await adminSignInAndCheck(dir);
    expect(unlocked).toMatchObject({ ok: true });
    const value = (
      check as { ok: true; value: { ok: boolean; problems: Array<{ detail: string }> } }
    ).value;
    expect(value.ok).toBe(false);
    expect(value.problems.map((p) => p.detail).join('\n')).toMatch(/CENTRE_KEY_MISSING/);
  },
);
