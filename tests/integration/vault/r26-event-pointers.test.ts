// Red team 26, R26-6 (medium): clearing the audit pointer columns of every event row (no key)
// stopped every seal (EVENT_AUTHOR_UNPROVEN), vault check was clean, and sessions.verify advised
// "sign in again to rebuild it", which rebuilds nothing. Now vault check names each such record
// (RECORD_POINTER_MISSING, with the entry that wrote it) and verify no longer gives that advice.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, makeCore, removeDir } from '../../helpers/core';
import {
  makeCase,
  PASS,
  signInAs,
  vaultWithStaff,
  type Core,
  type Problem,
} from '../../helpers/red-team';

jest.setTimeout(300_000);

test("events whose pointer columns were cleared are named by vault check, and verify's advice is the check", async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    const caseId = await makeCase(core, 'SESS-1');
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    });
    for (const text of ['note one', 'note two'])
      await call(core, 'sessions.addNote', { sessionId, kind: 'child', text });
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    const cleared = db
      .prepare(
        "UPDATE records SET audit_chain_key_id = NULL, audit_nonce = NULL, audit_sealed_seq = NULL WHERE kind = 'event'",
      )
      .run().changes;
    db.close();
    expect(cleared).toBeGreaterThan(1);

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const verify = await core.invoke('sessions.verify', { sessionId });
    const said = JSON.stringify(verify);
    expect(said).not.toContain('sign in again');
    expect(said).toContain('hearth vault check');
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const problems = (await call(core, 'vault.check', {})).problems as Problem[];
    const named = problems.filter((p) => p.code === 'RECORD_POINTER_MISSING');
    expect(named).toHaveLength(cleared);
    for (const p of named) expect(Number(p.values?.entry)).toBeGreaterThan(0);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
