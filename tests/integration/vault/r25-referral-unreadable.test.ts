// Red team 25, R25-1 variant C, flip form (sec57's residual): no key. One byte flipped in a case's
// referral hand-off record ('referrals:<case>'). The list read along the primary key found the
// row, the record failed authentication, and the listing dropped it: the family advocate's
// hand-off list lost the case with no notice (the advocate follows up services a child's family
// was promised). Now the case is returned in `unreadable` beside the lists that open, and reading
// that one case's list refuses naming the damage and the next step.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { signIn, teamVault } from '../team/helpers';

jest.setTimeout(300_000);

test("one flipped byte in a case's referral record: the case is listed as unreadable, not dropped", async () => {
  let core = await teamVault();
  const dir = core.vaultDir;
  try {
    const { caseId: second } = await call(core, 'cases.create', {
      reference: 'TEAM-2',
      childAlias: 'Sol',
      childAgeYears: 9,
      language: 'en',
    });
    await signIn(core, 'ines');
    for (const caseId of [core.caseId, second])
      await call(core, 'planning.update', {
        caseId,
        handoffs: [{ service: 'medical', note: 'Clinic on Elm' }],
      });
    const before = await call(core, 'referrals.list', {});
    expect(before.cases.map((c) => c.caseId).sort()).toEqual([core.caseId, second].sort());
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(dir));
    try {
      const { ciphertext } = db
        .prepare('SELECT ciphertext FROM records WHERE record_id = ?')
        .get(`referrals:${second}`) as { ciphertext: Buffer };
      const flipped = Buffer.from(ciphertext);
      flipped.writeUInt8(flipped.readUInt8(10) ^ 1, 10);
      db.prepare('UPDATE records SET ciphertext = ? WHERE record_id = ?').run(
        flipped,
        `referrals:${second}`,
      );
    } finally {
      db.close();
    }
    core = Object.assign(makeCore(dir), { caseId: core.caseId, recoveryKey: core.recoveryKey });
    for (const who of ['ines', 'admin'] as const) {
      await signIn(core, who);
      const listed = await call(core, 'referrals.list', {});
      expect(listed.cases.map((c) => c.caseId)).toEqual([core.caseId]);
      expect(listed.unreadable).toEqual([second]);
      const one = await call(core, 'referrals.list', { caseId: second });
      expect(one.cases).toEqual([]);
      expect(one.unreadable).toEqual([second]);
      const refused = await callError(core, 'referrals.followUp', {
        caseId: second,
        service: 'medical',
        status: 'done',
      });
      expect(refused.code).toBe('TAMPERED');
      expect(refused.message).toMatch(/hearth vault check/);
      expect(refused.message).not.toMatch(/Clinic on Elm|TEAM-2/);
    }
  } finally {
    core.close();
    removeDir(dir);
  }
});
