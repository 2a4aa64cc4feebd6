// Red team 24, R24-2 (medium): every row of class:training deleted (wraps, certificate, public
// half) together with its floor pointer in the audit index (no key). "Was this class ever made"
// was read from those clear rows only, so the trainer's next review was sealed under the practice
// session's key, which every interviewer holds: a colleague read it offline. The signed log
// (vault.create's floor references name class:training) now decides last: the save is refused
// (TAMPERED, CLASS_KEY_UNUSABLE, nothing saved), whoever signed in first.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { copyVault, offlineRead } from '../../helpers/offline-insider';
import { PASS, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

const MARKER = 'QREVIEWQ';

for (const adminFirst of [false, true])
  test(`class:training wiped with its floor pointer (admin signs in first: ${adminFirst}): the trainer's review is refused, not sealed under the practice session key`, async () => {
    let core: Core = await vaultWithStaff([['ola', 'interviewer'], ['ivan', 'interviewer'], ['tara', 'trainer']]);
    const work = mkdtempSync(join(tmpdir(), 'r24-2-'));
    try {
      await signInAs(core, 'ola');
      const { scenarios } = await call(core, 'training.scenarios', { language: 'en' });
      const { sessionId } = await call(core, 'training.start', { scenarioId: scenarios[0]!.id, seed: 1, language: 'en' });
      await call(core, 'training.ask', { sessionId, text: 'Tell me everything that happened.' });
      await call(core, 'training.finish', { sessionId });
      await call(core, 'vault.lock', {});
      core.close();
      const db = new Database(vaultFile(core.vaultDir));
      expect(db.prepare("DELETE FROM key_wraps WHERE logical = 'class:training' OR holder GLOB 'class:training@*'").run().changes).toBeGreaterThan(0);
      db.prepare("DELETE FROM key_certs WHERE key_id GLOB 'class:training@*'").run();
      db.prepare("DELETE FROM public_keys WHERE key_id GLOB 'class:training@*'").run();
      expect(db.prepare("DELETE FROM audit_index WHERE record_id = 'keyfloor:class:training'").run().changes).toBe(1);
      db.close();

      core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
      if (adminFirst) await signInAs(core, 'admin');
      await signInAs(core, 'tara');
      const refused = await callError(core, 'training.saveReview', { sessionId, comments: [], overall: `Use invitations ${MARKER}` });
      expect(refused.code).toBe('TAMPERED');
      expect(refused.message).toMatch(/nothing was saved/i);
      await call(core, 'vault.lock', {});
      const ivan = offlineRead(copyVault(core.vaultDir, work, 'ivan'), { username: 'ivan', passphrase: PASS });
      expect(ivan.plaintext).not.toContain(MARKER);
    } finally {
      core.close();
      removeDir(core.vaultDir);
      removeDir(work);
    }
  });
