// Red team 24, R24-1 variant B (high; verify24 confirmed it open): no key, two edits of the file.
// The case-order record is put back from an older copy (before the newest case was made), and
// records_by_kind is rebuilt without the newest case (SQL text put back). The sealed totals of
// the old order chunk then agreed with the index's count, so every Cases list and every search
// showed the other cases and no error: the newest case had vanished for every user; only vault
// check named it. Now a listing counts the case records along the primary key (no index) and
// refuses, naming the index, when records_by_kind counts fewer.
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { copyRows, narrowIndex, putBack } from '../../helpers/narrow-index';
import { checkAsAdmin, makeCase, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

test('an older case-order record put back with records_by_kind rebuilt without the newest case: list and search refuse, naming the index; the case still opens; vault check names both', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    await makeCase(core, 'SEEN-1');
    await makeCase(core, 'HIDDEN-2');
    await call(core, 'vault.lock', {});
    core.close();
    const older = copyRows(core.vaultDir, 'records', "kind = 'case-order'");
    expect(older).toHaveLength(1);
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    const newest = await makeCase(core, 'HIDDEN-NEW');
    await call(core, 'vault.lock', {});
    core.close();

    narrowIndex(core.vaultDir, 'records_by_kind', [newest]);
    putBack(core.vaultDir, 'records', 'record_id', older);

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    for (const who of ['ola', 'admin']) {
      await signInAs(core, who);
      for (const request of [{}, { query: 'hidden' }, { includeArchived: true }]) {
        const refused = await callError(core, 'cases.list', request);
        expect(refused.code).toBe('TAMPERED');
        expect(refused.message).toContain('records_by_kind');
        expect(refused.message).toMatch(/vault check/);
      }
      expect(JSON.stringify(await call(core, 'cases.get', { caseId: newest }))).toContain('HIDDEN-NEW');
    }
    const problems = await checkAsAdmin(core);
    expect(problems.some((p) => p.code === 'INDEX_DISAGREES' && p.values?.index === 'records_by_kind')).toBe(true);
    expect(problems.some((p) => p.code === 'RECORD_NOT_LATEST' && p.id === 'case-order:000000')).toBe(true);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('the older case-order record put back alone (indexes sound): every case is still listed and found', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    await makeCase(core, 'SEEN-1');
    await call(core, 'vault.lock', {});
    core.close();
    const older = copyRows(core.vaultDir, 'records', "kind = 'case-order'");
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    await makeCase(core, 'HIDDEN-NEW');
    await call(core, 'vault.lock', {});
    core.close();
    putBack(core.vaultDir, 'records', 'record_id', older);
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    const listed = await call(core, 'cases.list', {});
    expect((listed.cases as Array<{ reference: string }>).map((c) => c.reference).sort()).toEqual(['HIDDEN-NEW', 'SEEN-1']);
    expect(listed.total).toBe(2);
    const found = await call(core, 'cases.list', { query: 'hidden' });
    expect((found.cases as Array<{ reference: string }>).map((c) => c.reference)).toEqual(['HIDDEN-NEW']);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
