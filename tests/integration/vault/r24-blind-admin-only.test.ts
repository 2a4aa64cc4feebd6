// R24-8 (red team 24): only an admin holds the staff class that a blind allegation key is wrapped
// under. An interviewer who ticks "Allegation-blind interview" used to get the generic "Your key
// does not open this data"; now the refusal says who can do it and what to do, nothing is written
// (no case, no key), and the attempt is in the audit log. The admin path still works.
import { ADMIN, call, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

type Core = Awaited<ReturnType<typeof makeVault>>;

async function as(core: Core, who: string, pass = PASS): Promise<void> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase: pass });
}

const CASE = {
  reference: 'CAC-R24-8',
  childAlias: 'A',
  childAgeYears: 8,
  language: 'en',
  allegationSummary: 'QALLEGQ',
};

test('an interviewer cannot make a case allegation-blind: a refusal that names the admin, nothing saved, the attempt audited', async () => {
  const core = await makeVault();
  try {
    await call(core, 'users.add', {
      username: 'ola',
      displayName: 'Ola',
      role: 'interviewer',
      passphrase: PASS,
    });
    await as(core, 'ola');
    const created = await core.invoke('cases.create', { ...CASE, allegationBlind: true });
    if (created.ok) throw new Error('an interviewer made a blind case');
    expect(created.error.code).toBe('FORBIDDEN');
    expect(created.error.message).toMatch(/Only an admin can turn allegation-blind on or off/);
    expect(created.error.message).toMatch(/ask an admin/);
    expect(created.error.message).not.toContain('QALLEGQ');
    const listed = await call(core, 'cases.list', {});
    expect(listed.cases).toHaveLength(0);

    // An open case she made can be edited, but not made blind.
    const { caseId } = await call(core, 'cases.create', { ...CASE, allegationBlind: false });
    const update = await core.invoke('cases.update', { caseId, patch: { allegationBlind: true } });
    if (update.ok) throw new Error('an interviewer made a case blind');
    expect(update.error.code).toBe('FORBIDDEN');
    expect(update.error.message).toMatch(/Only an admin/);
    const after = await call(core, 'cases.get', { caseId });
    expect(after.allegationBlind).toBe(false);

    await as(core, ADMIN.username, ADMIN.passphrase);
    const audit = await call(core, 'audit.list', {});
    const refused = audit.entries
      .filter((e) => e.action === 'access.refused' && e.actor === 'ola')
      .map((e) => e.detail?.attempted);
    expect(refused).toEqual(expect.arrayContaining(['cases.create', 'cases.update']));

    // The admin makes it blind; the interviewer then cannot read the allegation.
    await call(core, 'cases.update', { caseId, patch: { allegationBlind: true } });
    await as(core, 'ola');
    expect((await call(core, 'cases.get', { caseId })).allegationBlind).toBe(true);
    // Nor can she turn it off again (review24a F4): the same refusal, the case unchanged.
    const unblind = await core.invoke('cases.update', {
      caseId,
      patch: { allegationBlind: false },
    });
    if (unblind.ok) throw new Error('an interviewer lifted allegation-blind');
    expect(unblind.error.message).toMatch(/Only an admin can turn allegation-blind on or off/);
    expect((await call(core, 'cases.get', { caseId })).allegationBlind).toBe(true);
  } finally {
    removeDir(core.vaultDir);
  }
});
