// R13-2: a colleague interviewer without the allegation deletes every key_wraps row of the
// case's allegation key (a cleartext table) and rewrites the case record's flag to
// allegationBlind: false. Absent key material must never read as "open": the running blind
// interview stays blind, and `vault check` names both the un-blinding (with the entry and its
// signer) and the deleted allegation key (the case's creation entry vouched for it).
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
// Allegation-led NICHD transition prompts: absent from a blind plan.
const LED = ['transition.talkedTo', 'transition.marks', 'transition.worried'];
const ledIn = (plan: unknown): string[] => LED.filter((k) => JSON.stringify(plan).includes(k));

test('deleting the allegation key wraps and rewriting the flag: the interview stays blind and vault check names the un-blinding, its signer and the deleted key', async () => {
  const core = await makeVault();
  try {
    for (const [username, role] of [['ola', 'interviewer'], ['ivan', 'interviewer']] as const)
      await call(core, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-BL', childAlias: 'A', childAgeYears: 7, language: 'en',
      allegationSummary: 'QALLEGQ', allegationBlind: true,
    });
    await as(core, 'ola');
    const { sessionId } = await call(core, 'sessions.start', { caseId, protocolId: 'nichd', mode: 'live', language: 'en' });
    await call(core, 'sessions.get', { sessionId });
    expect(ledIn(ctx!.load(sessionId).plan)).toEqual([]);

    await as(core, 'ivan');
    await core.invoke('sessions.get', { sessionId });
    const c = ctx!;
    const db = c.vault.db;
    const deleted = db.prepare('DELETE FROM key_wraps WHERE logical = ?').run(`allegation:${caseId}`);
    expect(deleted.changes).toBeGreaterThan(0);
    c.vault.keys.forgetLookups();
    const found = c.vault.records.get<{ version: number }>(caseId)!;
    const next = { ...found.value, allegationBlind: false, version: found.value.version + 1 };
    c.vault.write('cases.update', caseId, (put) =>
      put({ ...found.address, seq: next.version }, next, c.vault.blindIndex('case-reference', 'CAC-BL')),
      { fields: 'childAlias' });

    await as(core, 'ola');
    await call(core, 'sessions.get', { sessionId });
    expect(ledIn(ctx!.load(sessionId).plan)).toEqual([]);

    await as(core, ADMIN.username, ADMIN.passphrase);
    const check = await call(core, 'vault.check', {});
    expect(check.ok).toBe(false);
    const unblinded = check.problems.filter((p) => p.code === 'CASE_UNBLINDED_WITHOUT_KEY');
    expect(unblinded.map((p) => [p.id, p.values?.signer])).toEqual([[caseId, 'ivan']]);
    const keyGone = check.problems.filter((p) => p.code === 'ALLEGATION_KEY_DELETED');
    expect(keyGone.map((p) => [p.id, p.values?.key])).toEqual([[caseId, `allegation:${caseId}`]]);
    expect(Number(keyGone[0]!.values?.entry)).toBeGreaterThan(0);
    // Which rows are missing, and that no signer can be named (sec27).
    expect(keyGone[0]!.values?.missing).toBe(`allegation:${caseId}@*`);
    expect(keyGone[0]!.detail).toMatch(/No signer can be named: key wraps carry no audit reference/);
    expect(JSON.stringify(check)).not.toContain('QALLEGQ');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
