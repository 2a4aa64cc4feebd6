// R12-4 (red team round 12): the R11-3 rule (a false removal claim about an interview event is
// named, and the event not blamed) covered only '<session>:<seq>' ids. A trainer (tara) appended
// one MAC-valid entry of her own "removing" a sealed session's summary and its interpreter-name
// record; an interviewer (ivan) one "removing" a blind case's allegation (which he cannot read)
// and the case record. Every record stood intact, yet `vault check` said RECORD_NOT_AUDITED
// ("inserted outside Hearth") for all four genuine records, and named neither ivan's claims nor
// tara's claim on the name record. Now a removal claim about any record that still stands exactly
// as the audit log last vouched for it is FALSE_CLAIM, named with its signer, and the record is
// not blamed; an allegation's writer must also hold the case's allegation key
// (AUDIT_AUTHOR_NOT_ALLOWED for ivan).
import { SessionContext } from '../../../src/interview/session-context';
import { ADMIN, call, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

type Core = Awaited<ReturnType<typeof makeVault>>;
let ctx: SessionContext | undefined;
const proto = SessionContext.prototype as unknown as { load: (id: string) => unknown };
const realLoad = proto.load;
proto.load = function (this: SessionContext, id: string) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the captured client (threat model)
  ctx = this;
  return realLoad.call(this, id);
};
async function as(core: Core, who: string, pass = PASS): Promise<void> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase: pass });
}
/** One MAC-valid entry signed by `who`, claiming each id removed (hash ''). */
async function claimRemoved(core: Core, who: string, reachSession: string, ids: string[]): Promise<void> {
  await as(core, who);
  await core.invoke('sessions.get', { sessionId: reachSession });
  const vault = ctx!.vault;
  vault.transact(() =>
    vault.audit.append({ at: vault.nowIso(), actor: who, action: 'training.start', records: ids.map((id) => ({ id, seq: 1, hash: '' })) }),
  );
  await call(core, 'vault.lock', {});
}

test('false removal claims about a summary, a name record, a case and a blind allegation: named with their signers, the records not blamed', async () => {
  const core = await makeVault();
  try {
    for (const [username, role] of [['ola', 'interviewer'], ['ivan', 'interviewer'], ['tara', 'trainer']] as const)
      await call(core, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-1', childAlias: 'A', childAgeYears: 7, language: 'en', allegationSummary: 'QALLQ', allegationBlind: true,
    });
    await call(core, 'cases.revealAllegationTo', { caseId, username: 'ola' });
    await as(core, 'ola');
    const { sessionId } = await call(core, 'sessions.start', {
      caseId, protocolId: 'nichd', mode: 'live', language: 'en', observers: [{ role: 'interpreter', name: 'QNAMEQ' }],
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'QNOTEQ' });
    await call(core, 'sessions.finalize', { sessionId });
    await core.invoke('sessions.get', { sessionId });
    const nameIds = ctx!.vault.records.listIds('name-disclosure').filter((id) => id.startsWith(`names:${sessionId}:`));
    expect(nameIds).toHaveLength(1);

    await claimRemoved(core, 'tara', sessionId, [`summary:${sessionId}`, ...nameIds]);
    await claimRemoved(core, 'ivan', sessionId, [`allegation:${caseId}`, caseId]);

    await as(core, ADMIN.username, ADMIN.passphrase);
    const check = await call(core, 'vault.check', {});
    const problems = check.problems as Array<{ code?: string; id: string; detail: string; values?: Record<string, unknown> }>;
    // No genuine record is blamed.
    expect(problems.filter((p) => p.code === 'RECORD_NOT_AUDITED' || p.code === 'RECORD_MISSING')).toEqual([]);
    // Each false claim is named with its signer.
    const falseClaims = problems.filter((p) => p.detail.startsWith('FALSE_CLAIM'));
    const claimed = (id: string, who: string) =>
      falseClaims.filter((p) => p.detail.includes(`signed by ${who}`) && p.detail.includes(`record ${id} was removed`));
    for (const id of [`summary:${sessionId}`, ...nameIds]) expect(claimed(id, 'tara')).toHaveLength(1);
    for (const id of [`allegation:${caseId}`, caseId]) expect(claimed(id, 'ivan')).toHaveLength(1);
    expect(falseClaims).toHaveLength(4);
    // Ivan does not hold the blind allegation's key: his entry is not Hearth's.
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'AUDIT_AUTHOR_NOT_ALLOWED',
        values: expect.objectContaining({ record: `allegation:${caseId}`, signer: 'ivan' }),
      }),
    );
    const text = JSON.stringify(check);
    for (const secret of ['QALLQ', 'QNAMEQ', 'QNOTEQ']) expect(text).not.toContain(secret);
    // Nothing is blocked: verify and the case read stay as they were.
    expect(await call(core, 'sessions.verify', { sessionId })).toEqual({ ok: true });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("an allegation written by a colleague it was revealed to is his to write: no finding", async () => {
  const core = await makeVault();
  try {
    await call(core, 'users.add', { username: 'ivan', displayName: 'IVAN', role: 'interviewer', passphrase: PASS });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-2', childAlias: 'B', childAgeYears: 8, language: 'en', allegationSummary: 'QALL2Q', allegationBlind: true,
    });
    await call(core, 'cases.revealAllegationTo', { caseId, username: 'ivan' });
    await as(core, 'ivan');
    await call(core, 'cases.update', { caseId, patch: { allegationSummary: 'QALL3Q' } });
    await as(core, ADMIN.username, ADMIN.passphrase);
    expect((await call(core, 'vault.check', {})).problems).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
