// verify24, "R24-2 + signature of entry 1 damaged" (medium): every row of class:training deleted
// with its floor pointer (R24-2), and vault.create's author signature damaged with no key
// (flipped, removed, or replaced by a valid signature of a key the centre never certified). The
// admin's sign-in read vault.create as "no admin's", found no signed statement of the class and
// made class:training@1 again under the same id (a second key certified for one key id; records
// under the old one orphaned). A class the signed log made is never made again: the walk stops
// on an entry whose author cannot be proven after the centre-vouched start of signed audit
// (sec54), so the admin's sign-in makes nothing and the trainer's review is refused.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { copyVault, offlineRead } from '../../helpers/offline-insider';
import { PASS, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';
import { damageSignature, type SignatureDamage } from '../../helpers/signature-damage';

jest.setTimeout(300_000);

const MARKER = 'QREVIEWQ';

test.each<SignatureDamage>(['flipped', 'null', 'uncertified'])('class:training wiped and vault.create signature %s: the admin sign-in does not make the class again, the review is refused', async (damage) => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer'], ['ivan', 'interviewer'], ['tara', 'trainer']]);
  const work = mkdtempSync(join(tmpdir(), 'r25-class-'));
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
    damageSignature(db, 1, damage);
    const headBefore = (db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
    db.close();

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'admin');
    // The admin's sign-in made no class: no vault.addKeyClass entry (key rows: below).
    const listed = (await call(core, 'audit.list', { limit: 1000 })).entries as Array<{ seq: number; action: string }>;
    expect(listed.filter((e) => e.seq > headBefore && e.action === 'vault.addKeyClass')).toEqual([]);

    await signInAs(core, 'tara');
    const refused = await callError(core, 'training.saveReview', { sessionId, comments: [], overall: `Use invitations ${MARKER}` });
    expect(refused.code).toBe('TAMPERED');
    expect(refused.message).toMatch(/nothing was saved/i);
    await call(core, 'vault.lock', {});
    core.close();
    const db2 = new Database(vaultFile(core.vaultDir), { readonly: true });
    const wraps = db2.prepare("SELECT count(*) AS n FROM key_wraps WHERE logical = 'class:training'").get() as { n: number };
    db2.close();
    expect(wraps.n).toBe(0);
    const ivan = offlineRead(copyVault(core.vaultDir, work, 'ivan'), { username: 'ivan', passphrase: PASS });
    expect(ivan.plaintext).not.toContain(MARKER);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});
