// Red team round 7, R7-10 (regression): an interviewer's modified client appends an export entry
// attributed to a colleague ("ola export.sealed", signedInAtCommit: himself). An export recorded
// under someone other than its signer must point to that person's own signed export.started
// entry; otherwise vault check names it (EXPORT_START_MISSING).
import { Vault } from '../../../src/vault';
import { ADMIN, call, FAST_ARGON2, makeCore, makeVault, removeDir } from '../../helpers/core';

const PASS = 'a long enough staff passphrase';
const TARGET = 'session:sess_0123456789abcdef0123456789abcdef';

test.each([
  ['no start entry', () => ({})],
  ['a start entry of his own', (ownStart: number) => ({ startedAtEntry: ownStart })],
])('R7-10: an export framed on a colleague (%s) is named', async (_label, pointer) => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    for (const username of ['ola', 'ivan'])
      await call(core, 'users.add', {
        username,
        displayName: username,
        role: 'interviewer',
        passphrase: PASS,
      });
    await call(core, 'vault.lock', {});
    core.close();
    const vault = Vault.open(dir, { argon2: FAST_ARGON2 });
    try {
      vault.unlock('ivan', PASS);
      const ownStart = vault.recordStart('export.started', TARGET).startedAtEntry;
      vault.transact(() =>
        vault.audit.append({
          at: new Date().toISOString(),
          actor: 'ola',
          action: 'export.sealed',
          target: TARGET,
          detail: { recipient: 'outside', signedInAtCommit: 'ivan', ...pointer(ownStart) },
        }),
      );
      vault.lock();
    } finally {
      vault.close();
    }
    const admin = makeCore(dir);
    try {
      await call(admin, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const check = await call(admin, 'vault.check', {});
      expect(check.ok).toBe(false);
      expect(check.problems.map((p) => p.detail).join('\n')).toMatch(
        /EXPORT_START_MISSING: audit entry \d+ says ola started this export, but it is signed by ivan/,
      );
    } finally {
      admin.close();
    }
  } finally {
    removeDir(dir);
  }
});
