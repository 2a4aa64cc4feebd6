// sec61 (issue #15): every refusal has a code and a next step. A case reference another case
// uses was CONFLICT "Another case already uses this case reference." (read by the screen as
// "someone changed this at the same time"); a reveal on a case that is not allegation-blind was
// a bare CONFLICT too. Both now carry a reason the screen words (en, es-419), and the message
// says what to do. (A user's own damaged profile at sign-in: r16-profile-unreadable.)
import { call, callError, removeDir } from '../../helpers/core';
import { makeCase, vaultWithStaff } from '../../helpers/red-team';

jest.setTimeout(300_000);

test('a taken case reference is REFERENCE_TAKEN, a reveal on a case that hides nothing is NOT_ALLEGATION_BLIND', async () => {
  const core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    const caseId = await makeCase(core, 'TAKEN-1');
    const taken = await callError(core, 'cases.create', {
      reference: ' taken-1 ',
      childAlias: 'B',
      childAgeYears: 6,
      language: 'en',
    });
    expect({ code: taken.code, reason: taken.reason }).toEqual({
      code: 'CONFLICT',
      reason: 'REFERENCE_TAKEN',
    });
    expect(taken.message).toContain('another reference');
    expect(taken.message).not.toContain('TAKEN-1');
    const reveal = await callError(core, 'cases.revealAllegationTo', { caseId, username: 'ola' });
    expect({ code: reveal.code, reason: reveal.reason }).toEqual({
      code: 'CONFLICT',
      reason: 'NOT_ALLEGATION_BLIND',
    });
    expect(reveal.message).toContain('Nothing was changed');
    // The first case is untouched and still the only one.
    const listed = await call(core, 'cases.list', {});
    expect(JSON.stringify(listed).match(/TAKEN-1/gi)).toHaveLength(1);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
