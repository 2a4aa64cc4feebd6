// The index trick of red team 24 (R24-10: records_by_kind rebuilt without chosen rows, its SQL text
// put back, no key) on the other listings that read through that index with nothing sealed to
// compare against (sec52 named them as residuals): a case's interviews, the export address book,
// the referral hand-offs. Each now reads along the primary key, so the row is still listed.
import { call, caseWithSessions, makeCore, removeDir } from '../../helpers/core';
import { narrowIndex } from '../../helpers/narrow-index';
import { signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';
import { generateIdentity } from '../../../src/export';

jest.setTimeout(300_000);

async function reopenNarrowed(core: Core, hidden: string[]): Promise<Core> {
  await call(core, 'vault.lock', {});
  core.close();
  narrowIndex(core.vaultDir, 'records_by_kind', hidden);
  return Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
}

test("an interview's session record and summary left out of records_by_kind: the case's session list still shows it", async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    const { caseId, start } = await caseWithSessions(core, { reference: 'S-1', childAlias: 'A', childAgeYears: 7, protocolId: 'nichd' });
    const kept = await start();
    const hidden = await start();
    const before = await call(core, 'sessions.list', { caseId });
    expect((before.sessions as Array<{ sessionId: string }>).map((s) => s.sessionId).sort()).toEqual([hidden, kept].sort());
    core = await reopenNarrowed(core, [hidden, `summary:${hidden}`]);
    await signInAs(core, 'ola');
    const after = await call(core, 'sessions.list', { caseId });
    expect((after.sessions as Array<{ sessionId: string }>).map((s) => s.sessionId).sort()).toEqual([hidden, kept].sort());
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('an address book entry left out of records_by_kind: the export address book still lists it', async () => {
  let core: Core = await vaultWithStaff([]);
  try {
    await signInAs(core, 'admin');
    const office = generateIdentity('County Prosecutor');
    const added = await call(core, 'recipients.add', { publicKey: office.recipientKey, label: 'County Prosecutor' });
    const other = generateIdentity('Other Office');
    await call(core, 'recipients.add', { publicKey: other.recipientKey, label: 'Other Office' });
    core = await reopenNarrowed(core, [`recipient:${added.recipientId}`]);
    await signInAs(core, 'admin');
    const listed = await call(core, 'recipients.list', {});
    expect((listed.recipients as Array<{ label: string }>).map((r) => r.label).sort()).toEqual(['County Prosecutor', 'Other Office']);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
