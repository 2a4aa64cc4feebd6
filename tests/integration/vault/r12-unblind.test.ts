// R12-3: a colleague interviewer who may not read a blind case's allegation rewrites the case
// record with allegationBlind: false (one put with the case key he holds, through the core's own
// Vault.write from a captured SessionContext: the "modified client"). The running blind
// interview must stay blind (its start seals it) and `vault check` must name the rewrite; a
// genuine un-blinding by the allegation's holder still lifts it and is not named.
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

async function blindInterview(): Promise<{ core: Core; caseId: string; sessionId: string }> {
  const core = await makeVault();
  for (const [username, role] of [['ola', 'interviewer'], ['ivan', 'interviewer']] as const)
    await call(core, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
  const { caseId } = await call(core, 'cases.create', {
    reference: 'CAC-BL', childAlias: 'A', childAgeYears: 7, language: 'en',
    allegationSummary: 'QALLEGQ', allegationBlind: true,
  });
  await as(core, 'ola');
  const { sessionId } = await call(core, 'sessions.start', { caseId, protocolId: 'nichd', mode: 'live', language: 'en' });
  await call(core, 'sessions.get', { sessionId });
  return { core, caseId, sessionId };
}

async function olaPlan(core: Core, sessionId: string): Promise<unknown> {
  await as(core, 'ola');
  await call(core, 'sessions.get', { sessionId });
  return ctx!.load(sessionId).plan;
}

test('an interviewer without the allegation key rewrites allegationBlind: false: the interview stays blind and vault check names the case record', async () => {
  const { core, caseId, sessionId } = await blindInterview();
  try {
    expect(ledIn(ctx!.load(sessionId).plan)).toEqual([]);
    await as(core, 'ivan');
    // In the app the un-blind is refused for him.
    const inApp = await core.invoke('cases.update', { caseId, patch: { allegationBlind: false } });
    expect(inApp.ok ? 'ok' : inApp.error.code).toBe('FORBIDDEN');
    await core.invoke('sessions.get', { sessionId });
    const c = ctx!;
    const found = c.vault.records.get<{ version: number }>(caseId)!;
    const next = { ...found.value, allegationBlind: false, version: found.value.version + 1 };
    c.vault.write('cases.update', caseId, (put) =>
      put({ ...found.address, seq: next.version }, next, c.vault.blindIndex('case-reference', 'CAC-BL')),
      { fields: 'allegationBlind' });

    expect(ledIn(await olaPlan(core, sessionId))).toEqual([]);
    await as(core, ADMIN.username, ADMIN.passphrase);
    const check = await call(core, 'vault.check', {});
    expect(check.ok).toBe(false);
    const named = check.problems.filter((p) => p.code === 'CASE_UNBLINDED_WITHOUT_KEY');
    expect(named.map((p) => p.id)).toEqual([caseId]);
    expect(JSON.stringify(check.problems)).not.toContain('QALLEGQ');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a genuine un-blinding by the allegation key holder lifts the blind plan and vault check stays clean', async () => {
  const { core, caseId, sessionId } = await blindInterview();
  try {
    await as(core, ADMIN.username, ADMIN.passphrase);
    await call(core, 'cases.update', { caseId, patch: { allegationBlind: false } });
    expect(ledIn(await olaPlan(core, sessionId))).toEqual(LED);
    await as(core, ADMIN.username, ADMIN.passphrase);
    const check = await call(core, 'vault.check', {});
    expect(check.problems).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
