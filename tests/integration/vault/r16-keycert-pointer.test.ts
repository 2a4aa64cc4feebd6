// R16-7 (red team round 16): one clear column of the `keycert:` pointer that binds an allegation
// key's certificate to the signed audit entry that made the key (sec30), edited without any key,
// made `vault check` accuse the admin: CASE_UNBLINDED_WITHOUT_KEY "(signed by admin)" for a case
// the admin created OPEN, ALLEGATION_KEY_DELETED "its key wraps were deleted" while every wrap
// was intact, and ALLEGATION_CERT_NOT_CREATOR "(signed by unknown) ... replaced". No finding named
// the edited row. Now the check names the pointer (KEY_CERT_POINTER_BROKEN, and KEY_ROW_MALFORMED
// when its chain key id is malformed), and never says a case whose current record is the one its
// creating entry wrote was un-blinded. The allegation stays unusable (fail closed: nothing can
// vouch for its key) until a backup is restored.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

jest.setTimeout(300_000);

const EDITS: Array<[name: string, sql: string]> = [
  ['a malformed chain key id', "UPDATE audit_index SET chain_key_id = 'x@1.5' WHERE record_id = ?"],
  [
    'a sealed entry number that fails authentication',
    'UPDATE audit_index SET sealed_seq = randomblob(length(sealed_seq)) WHERE record_id = ?',
  ],
  ['a deleted pointer', 'DELETE FROM audit_index WHERE record_id = ?'],
];

test.each(EDITS)(
  '%s in the keycert: pointer of an open case is named, the admin is not blamed',
  async (name, sql) => {
    let core: ReturnType<typeof makeCore> = await makeVault();
    const dir = core.vaultDir;
    try {
      await call(core, 'users.add', {
        username: 'ola',
        displayName: 'OLA',
        role: 'interviewer',
        passphrase: PASS,
      });
      const { caseId } = await call(core, 'cases.create', {
        reference: 'CAC-1',
        childAlias: 'A',
        childAgeYears: 7,
        language: 'en',
        allegationSummary: 'QALLEGQ',
      });
      const before = await call(core, 'vault.check', {});
      expect(before.problems).toEqual([]);
      await call(core, 'vault.lock', {});
      core.close();
      const pointer = `keycert:allegation:${caseId}@1`;
      const db = new Database(vaultFile(dir));
      try {
        expect(db.prepare(sql).run(pointer).changes).toBe(1);
      } finally {
        db.close();
      }
      core = makeCore(dir);
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      // Fail closed: the allegation is not shown (its key cannot be vouched for), no plaintext.
      const read = await core.invoke('cases.get', { caseId, revealAllegation: true });
      if (read.ok) expect(JSON.stringify(read.value)).not.toContain('QALLEGQ');
      else expect(read.error.message).not.toContain('QALLEGQ');
      const { problems } = await call(core, 'vault.check', {});
      const codes = problems.map((p) => p.code);
      expect(problems).toContainEqual(
        expect.objectContaining({
          id: pointer,
          code: 'KEY_CERT_POINTER_BROKEN',
          values: { key: `allegation:${caseId}@1`, pointer },
          detail: expect.stringMatching(/edited outside Hearth.*restore/),
        }),
      );
      expect(codes).not.toContain('CASE_UNBLINDED_WITHOUT_KEY');
      expect(codes).not.toContain('ALLEGATION_KEY_DELETED');
      expect(codes).not.toContain('ALLEGATION_CERT_NOT_CREATOR');
      if (name === 'a malformed chain key id')
        expect(problems).toContainEqual(
          expect.objectContaining({
            code: 'KEY_ROW_MALFORMED',
            values: expect.objectContaining({ table: 'audit_index' }),
          }),
        );
      expect(JSON.stringify(problems)).not.toContain('QALLEGQ');
    } finally {
      core.close();
      removeDir(dir);
    }
  },
);
