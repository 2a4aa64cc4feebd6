// Red team 20, R20-5: an interviewer's own client rewrites case records he may write without
// their id salt (an admin's blind case, a colleague's open case). The allegation becomes unusable
// (denial, documented), but vault check must blame the right thing: CASE_ID_SALT_MISMATCH names
// the rewriting entry and its signer; no "key wraps were deleted" (none were) and no
// CASE_UNBLINDED_WITHOUT_KEY on a case that was never blind.
import type { RecordAddress } from '../../../src/vault/records';
import { removeDir } from '../../helpers/core';
import { checkAsAdmin, makeCase, signInAs, vaultWithStaff } from '../../helpers/red-team';

jest.setTimeout(180_000);

test('a case record rewritten without its id salt is named with its rewrite and signer, nothing more', async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  try {
    await signInAs(core, 'admin');
    const blind = await makeCase(core, 'CAC-BL', true);
    await signInAs(core, 'ola');
    const open = await makeCase(core, 'CAC-OPEN');
    const ivan = await signInAs(core, 'ivan');
    for (const caseId of [blind, open]) {
      const found = ivan.records.get<Record<string, unknown>>(caseId)!;
      const { idSalt: _dropped, ...rest } = found.value;
      const version = (found.value.version as number) + 1;
      const next = { ...rest, version, updatedBy: 'ivan' };
      const address: RecordAddress = { ...found.address, seq: version };
      ivan.write('cases.update', caseId, (put) =>
        put(
          address,
          next,
          ivan.blindIndex('case-reference', (found.value.reference as string).toUpperCase()),
        ),
      );
    }
    const problems = await checkAsAdmin(core);
    const salt = problems.filter((p) => p.code === 'CASE_ID_SALT_MISMATCH');
    expect(salt.map((p) => p.values?.case).sort()).toEqual([blind, open].sort());
    for (const p of salt) {
      expect(p.values?.signer).toBe('ivan');
      expect(p.values?.rewriteEntry).toEqual(expect.any(Number));
      expect(p.values?.rewriteEntry).toBeGreaterThan(p.values?.entry as number);
    }
    expect(problems.filter((p) => p.code === 'ALLEGATION_KEY_DELETED')).toEqual([]);
    expect(problems.filter((p) => p.code === 'CASE_UNBLINDED_WITHOUT_KEY')).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
