// Red team round 8, R8-E (regression): ola exports her own sealed session normally; ivan's modified
// client then appends "ola export.sealed" signed by himself, pointing to ola's genuine
// export.started entry (already used by her own commit), or to a start of another session.
// vault check names it with a code (EXPORT_START_REUSED / EXPORT_START_MISSING); the honest
// export alone leaves the check clean.
import { Vault } from '../../../src/vault';
import type { AuditEntry } from '../../../src/vault/audit';
import {
  ADMIN,
  call,
  FAST_ARGON2,
  makeCore,
  makeVault,
  removeDir,
  tempDir,
} from '../../helpers/core';

const PASS = 'a long enough staff passphrase';
const OTHER = 'session:sess_0123456789abcdef0123456789abcdef';

/** Admin's walk (test only: the insider finds the seq from the cleartext signer column, R7-4). */
function exportStart(dir: string): { seq: number; target: string } {
  const vault = Vault.open(dir, { argon2: FAST_ARGON2 });
  try {
    vault.unlock(ADMIN.username, ADMIN.passphrase);
    let found = { seq: -1, target: '' };
    vault.audit.walk((seq, _records, body?: AuditEntry) => {
      if (body?.action === 'export.started') found = { seq, target: body.target ?? '' };
    });
    vault.lock();
    return found;
  } finally {
    vault.close();
  }
}

async function adminCheck(dir: string) {
  const admin = makeCore(dir);
  try {
    await call(admin, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    return await call(admin, 'vault.check', {});
  } finally {
    admin.close();
  }
}

test.each([
  ['the same session', 'EXPORT_START_REUSED', (own: string) => own],
  ['another session', 'EXPORT_START_MISSING', () => OTHER],
])(
  "R8-E: re-using a colleague's used export start for %s is named %s",
  async (_label, code, target) => {
    const core = await makeVault();
    const dir = core.vaultDir;
    const out = tempDir('hearth-r8e-');
    try {
      for (const username of ['ola', 'ivan'])
        await call(core, 'users.add', {
          username,
          displayName: username,
          role: 'interviewer',
          passphrase: PASS,
        });
      const c = await call(core, 'cases.create', {
        reference: 'C-1',
        childAlias: 'R',
        childAgeYears: 9,
        language: 'en',
      });
      await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
      const s = await call(core, 'sessions.start', {
        caseId: c.caseId,
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
      });
      await call(core, 'sessions.addNote', { sessionId: s.sessionId, kind: 'child', text: 'park' });
      await call(core, 'sessions.finalize', { sessionId: s.sessionId });
      await call(core, 'export.sealed', { sessionId: s.sessionId, outDir: out });
      await call(core, 'vault.lock', {});
      core.close();
      const honest = await adminCheck(dir);
      expect(honest.problems).toEqual([]);
      const start = exportStart(dir);
      expect(start.seq).toBeGreaterThan(0);
      const vault = Vault.open(dir, { argon2: FAST_ARGON2 });
      try {
        vault.unlock('ivan', PASS);
        vault.transact(() =>
          vault.audit.append({
            at: new Date().toISOString(),
            actor: 'ola',
            action: 'export.sealed',
            target: target(start.target),
            detail: { recipient: 'outside', signedInAtCommit: 'ivan', startedAtEntry: start.seq },
          }),
        );
        vault.lock();
      } finally {
        vault.close();
      }
      const check = await adminCheck(dir);
      expect(check.ok).toBe(false);
      const named = check.problems.filter((p) => p.code === code);
      expect(named).toHaveLength(1);
      expect(named[0]?.values).toMatchObject({ actor: 'ola', signer: 'ivan' });
    } finally {
      removeDir(dir);
      removeDir(out);
    }
  },
);
