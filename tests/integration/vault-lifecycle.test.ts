// Round trips through createCore, as the app, the CLI and the e2e harness use it.
import { ADMIN, call, callError, makeCore, makeVault, removeDir } from '../helpers/core';

const INTERVIEWER = {
  username: 'ivan',
  displayName: 'Ivan Interviewer',
  role: 'interviewer',
  passphrase: 'interviewer passphrase',
};
const TRAINER = {
  username: 'tess',
  displayName: 'Tess Trainer',
  role: 'trainer',
  passphrase: 'trainer passphrase 1',
};
const REVIEWER = {
  username: 'rory',
  displayName: 'Rory Reviewer',
  role: 'reviewer',
  passphrase: 'reviewer passphrase 1',
};

const CASE = {
  reference: 'CAC-2026-0142',
  childAlias: 'Robin',
  childAgeYears: 7,
  childAgeMonths: 4,
  language: 'es',
  interpreterNeeded: true,
  allegationSummary: 'Summary written by the MDT',
  allegationBlind: true,
  notes: 'Prefers to be called Robin',
};

test('a new folder has no vault; creating one returns a recovery key and signs the admin in', async () => {
  const core = makeCore();
  try {
    expect(await call(core, 'vault.status', {})).toEqual({ exists: false, unlocked: false });
    expect(
      await callError(core, 'vault.unlock', { username: 'admin', passphrase: 'x' }),
    ).toMatchObject({ code: 'VAULT_NOT_FOUND' });
    const { recoveryKey } = await call(core, 'vault.create', ADMIN);
    expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{1,5}){10}$/);
    expect(await call(core, 'vault.status', {})).toEqual({
      exists: true,
      unlocked: true,
      user: { username: 'admin', role: 'admin', displayName: ADMIN.displayName },
    });
    expect(await callError(core, 'vault.create', ADMIN)).toMatchObject({ code: 'VAULT_EXISTS' });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('cases: create, list, get, update, archive, with versions and an audit entry for every access', async () => {
  const core = await makeVault();
  try {
    const { caseId } = await call(core, 'cases.create', CASE);
    expect(
      await callError(core, 'cases.create', { ...CASE, reference: ' cac-2026-0142 ' }),
    ).toMatchObject({ code: 'CONFLICT' });

    const listed = await call(core, 'cases.list', {});
    expect(listed.cases).toHaveLength(1);
    expect(listed.cases[0]).toMatchObject({
      caseId,
      reference: CASE.reference,
      childAlias: 'Robin',
      childAgeYears: 7,
      childAgeMonths: 4,
    });
    expect(listed.cases[0]).not.toHaveProperty('allegationSummary');

    // The admin sees the allegation even in allegation-blind mode.
    expect(await call(core, 'cases.get', { caseId })).toMatchObject({
      allegationSummary: CASE.allegationSummary,
      notes: CASE.notes,
    });

    const updated = await call(core, 'cases.update', {
      caseId,
      patch: { childAlias: 'Robbie', childAgeYears: 8 },
    });
    expect(updated).toEqual({ caseId, version: 2 });
    expect(await call(core, 'cases.get', { caseId })).toMatchObject({
      childAlias: 'Robbie',
      childAgeYears: 8,
      version: 2,
      reference: CASE.reference,
    });

    expect(await call(core, 'cases.archive', { caseId })).toEqual({ caseId, archived: true });
    expect((await call(core, 'cases.list', {})).cases).toHaveLength(0);
    expect((await call(core, 'cases.list', { includeArchived: true })).cases[0]).toMatchObject({
      archived: true,
      version: 3,
    });
    expect(await call(core, 'cases.archive', { caseId, archived: false })).toEqual({
      caseId,
      archived: false,
    });

    expect(await callError(core, 'cases.get', { caseId: 'case_' + '0'.repeat(32) })).toMatchObject({
      code: 'NOT_FOUND',
    });

    const actions = (await call(core, 'audit.list', {})).entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'vault.create',
        'cases.create',
        'cases.list',
        'cases.get',
        'cases.update',
        'cases.archive',
        'cases.unarchive',
      ]),
    );
    const reads = (await call(core, 'audit.list', {})).entries.filter(
      (e) => e.action === 'cases.get',
    );
    expect(reads.length).toBe(2);
    expect(
      reads.every(
        (e) => e.actor === 'admin' && e.target === caseId && !Number.isNaN(Date.parse(e.at)),
      ),
    ).toBe(true);
    expect((await call(core, 'vault.check', {})).ok).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('users: each has a passphrase and a role, and roles gate what they can do', async () => {
  const core = await makeVault();
  try {
    const { caseId } = await call(core, 'cases.create', CASE);
    for (const user of [INTERVIEWER, TRAINER, REVIEWER]) await call(core, 'users.add', user);
    expect(await callError(core, 'users.add', INTERVIEWER)).toMatchObject({ code: 'CONFLICT' });
    expect((await call(core, 'users.list', {})).users.map((u) => [u.username, u.role])).toEqual(
      expect.arrayContaining([
        ['admin', 'admin'],
        ['ivan', 'interviewer'],
        ['tess', 'trainer'],
        ['rory', 'reviewer'],
      ]),
    );

    // Interviewer: works with cases but the allegation stays hidden until someone who may read
    // it reveals it to them (which wraps its key for them, and is audited).
    expect(
      await call(core, 'vault.unlock', { username: 'ivan', passphrase: INTERVIEWER.passphrase }),
    ).toEqual({ username: 'ivan', role: 'interviewer', displayName: 'Ivan Interviewer' });
    const blind = await call(core, 'cases.get', { caseId });
    expect(blind.allegationHidden).toBe(true);
    expect(blind).not.toHaveProperty('allegationSummary');
    expect(await callError(core, 'cases.get', { caseId, revealAllegation: true })).toMatchObject({
      code: 'FORBIDDEN',
    });
    await call(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    await call(core, 'cases.revealAllegationTo', { caseId, username: 'ivan' });
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: INTERVIEWER.passphrase });
    expect(await call(core, 'cases.get', { caseId, revealAllegation: true })).toMatchObject({
      allegationSummary: CASE.allegationSummary,
      allegationHidden: false,
    });
    await call(core, 'cases.update', { caseId, patch: { notes: 'Updated by the interviewer' } });
    expect(await callError(core, 'users.add', { ...TRAINER, username: 'other' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await callError(core, 'audit.list', {})).toMatchObject({ code: 'FORBIDDEN' });

    // Trainer: practice data only, never cases.
    await call(core, 'vault.unlock', { username: 'tess', passphrase: TRAINER.passphrase });
    expect(await callError(core, 'cases.list', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await callError(core, 'cases.get', { caseId })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await callError(core, 'cases.create', { ...CASE, reference: 'T-1' })).toMatchObject({
      code: 'FORBIDDEN',
    });

    // Reviewer: reads, never changes.
    await call(core, 'vault.unlock', { username: 'rory', passphrase: REVIEWER.passphrase });
    expect((await call(core, 'cases.list', {})).cases).toHaveLength(1);
    expect(await callError(core, 'cases.update', { caseId, patch: { notes: 'x' } })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await callError(core, 'cases.archive', { caseId })).toMatchObject({ code: 'FORBIDDEN' });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a user changes their passphrase; the old one stops working and data is unchanged', async () => {
  const core = await makeVault();
  try {
    const { caseId } = await call(core, 'cases.create', CASE);
    expect(
      await callError(core, 'vault.changePassphrase', {
        currentPassphrase: 'wrong passphrase!',
        newPassphrase: 'a brand new passphrase',
      }),
    ).toMatchObject({
      code: 'BAD_PASSPHRASE',
    });
    expect(
      await callError(core, 'vault.changePassphrase', {
        currentPassphrase: ADMIN.passphrase,
        newPassphrase: 'short',
      }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    await call(core, 'vault.changePassphrase', {
      currentPassphrase: ADMIN.passphrase,
      newPassphrase: 'a brand new passphrase',
    });
    await call(core, 'vault.lock', {});
    expect(
      await callError(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase }),
    ).toMatchObject({ code: 'BAD_PASSPHRASE' });
    await call(core, 'vault.unlock', { username: 'admin', passphrase: 'a brand new passphrase' });
    expect(await call(core, 'cases.get', { caseId })).toMatchObject({ reference: CASE.reference });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('the recovery key resets a forgotten passphrase and is then replaced', async () => {
  const core = await makeVault();
  try {
    await call(core, 'users.add', INTERVIEWER);
    const { caseId } = await call(core, 'cases.create', CASE);
    await call(core, 'vault.lock', {});
    const typo = core.recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(
      await callError(core, 'vault.recover', {
        username: 'ivan',
        recoveryKey: typo,
        newPassphrase: 'ivan has a new passphrase',
      }),
    ).toMatchObject({
      code: 'BAD_RECOVERY_KEY',
    });
    expect(await call(core, 'vault.status', {})).toEqual({ exists: true, unlocked: false });

    // Case, spaces and dashes do not matter when the kit is typed back in.
    const typed = core.recoveryKey.toLowerCase().replace(/-/g, ' ');
    const recovered = await call(core, 'vault.recover', {
      username: 'ivan',
      recoveryKey: typed,
      newPassphrase: 'ivan has a new passphrase',
    });
    expect(recovered).toMatchObject({ username: 'ivan', role: 'interviewer' });
    expect(recovered.recoveryKey).not.toBe(core.recoveryKey);
    expect(await call(core, 'cases.get', { caseId })).toMatchObject({ childAlias: 'Robin' });

    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: 'ivan has a new passphrase' });
    await call(core, 'vault.lock', {});
    expect(
      await callError(core, 'vault.recover', {
        username: 'ivan',
        recoveryKey: core.recoveryKey,
        newPassphrase: 'yet another passphrase',
      }),
    ).toMatchObject({
      code: 'BAD_RECOVERY_KEY',
    });
    expect(
      (
        await call(core, 'vault.recover', {
          username: 'admin',
          recoveryKey: recovered.recoveryKey,
          newPassphrase: 'admin is back in now',
        })
      ).role,
    ).toBe('admin');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('data survives closing and reopening the core (a restart)', async () => {
  const core = await makeVault();
  const { caseId } = await call(core, 'cases.create', CASE);
  core.close();
  expect(await callError(core, 'vault.status', {})).toMatchObject({ code: 'VAULT_LOCKED' });
  const again = makeCore(core.vaultDir);
  try {
    expect(await call(again, 'vault.status', {})).toEqual({ exists: true, unlocked: false });
    await call(again, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    expect(await call(again, 'cases.get', { caseId })).toMatchObject({
      reference: CASE.reference,
      childAlias: 'Robin',
    });
  } finally {
    again.close();
    removeDir(core.vaultDir);
  }
});
