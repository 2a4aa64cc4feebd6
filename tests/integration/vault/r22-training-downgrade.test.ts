// Red team 22, RT22-3 (medium): deleting class:training@1's certificate (no key needed) made
// Hearth treat the training class as "not added yet": the trainer's next review was sealed under
// the practice session key, which every interviewer holds, and an interviewer who is not the
// trainee read it offline (the sec44 leak, back). Now a class key that was made (a wrap, a
// certificate, a record or a signed statement of its version) but has no certified version fails
// closed: the review save is refused with a clear error and vault check names the missing
// certificate (CLASS_KEY_UNUSABLE), not "never used". Same for the referral class: hand-offs are
// not put back into the planning record.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { copyVault, offlineRead } from '../../helpers/offline-insider';
import { checkAsAdmin, makeCase, PASS, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

const MARKER = 'QREVIEWQ';

function deleteCerts(dir: string, logical: string): void {
  const db = new Database(vaultFile(dir));
  db.prepare('DELETE FROM key_certs WHERE key_id LIKE ?').run(`${logical}@%`);
  db.close();
}

test('a deleted training key certificate: the review is refused, never sealed under the practice session key, and the check names the certificate', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer'], ['ivan', 'interviewer'], ['tara', 'trainer']]);
  const work = mkdtempSync(join(tmpdir(), 'r22-3-'));
  try {
    await signInAs(core, 'ola');
    const { scenarios } = await call(core, 'training.scenarios', { language: 'en' });
    const { sessionId } = await call(core, 'training.start', { scenarioId: scenarios[0]!.id, seed: 1, language: 'en' });
    await call(core, 'training.ask', { sessionId, text: 'Tell me everything that happened.' });
    await call(core, 'training.finish', { sessionId });
    await call(core, 'vault.lock', {});
    core.close();
    deleteCerts(core.vaultDir, 'class:training');

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'admin');
    await signInAs(core, 'tara');
    const refused = await callError(core, 'training.saveReview', {
      sessionId,
      comments: [],
      overall: `Use invitations ${MARKER}`,
    });
    expect(refused.code).toBe('TAMPERED');
    expect(refused.message).toContain('class:training');
    expect(refused.message).toMatch(/nothing was saved/);
    await call(core, 'vault.lock', {});
    const ivan = offlineRead(copyVault(core.vaultDir, work, 'ivan'), { username: 'ivan', passphrase: PASS });
    expect(ivan.plaintext).not.toContain(MARKER);

    const problems = await checkAsAdmin(core);
    const unusable = problems.filter((p) => p.code === 'CLASS_KEY_UNUSABLE');
    expect(unusable.map((p) => p.id)).toEqual(['class:training@1']);
    expect(unusable[0]!.detail).toContain('the certificate of class:training@1 is missing');
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});

test('a deleted referral key certificate: hand-offs are refused, not put back into the planning record', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    const caseId = await makeCase(core, 'REF-1');
    await call(core, 'vault.lock', {});
    core.close();
    deleteCerts(core.vaultDir, 'class:referral');
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    const refused = await callError(core, 'planning.update', {
      caseId,
      handoffs: [{ service: 'medical', note: 'QHANDOFFQ' }],
    });
    expect(refused.code).toBe('TAMPERED');
    expect(refused.message).toContain('class:referral');
    const problems = await checkAsAdmin(core);
    expect(problems.filter((p) => p.code === 'CLASS_KEY_UNUSABLE').map((p) => p.id)).toEqual(['class:referral@1']);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
