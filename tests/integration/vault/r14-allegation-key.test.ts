// Red team 14, R14-1: an interviewer without a blind case's allegation key made a key of his own
// (a new version, or a second row of version 1) wrapped under the case key, so "the allegation
// key is wrapped for the case key" held, the session un-blinded and his forged allegation was
// shown to everyone. Allegation keys now carry a certified commitment, and each newer version
// must hold the one before it (custody). R14-7: one junk wrap row left after deleting the real
// ones kept ALLEGATION_KEY_DELETED silent.
import { randomBytes } from 'node:crypto';
import { SessionContext } from '../../../src/interview/session-context';
import type { RecordAddress } from '../../../src/vault/records';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

type Core = ReturnType<typeof makeCore>;
let ctx: SessionContext | undefined;
const proto = SessionContext.prototype as unknown as { load: (id: string) => { plan: unknown } };
const realLoad = proto.load;
beforeAll(() => {
  proto.load = function (this: SessionContext, id: string) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the test reads the live context
    ctx = this;
    return realLoad.call(this, id);
  };
});
afterAll(() => {
  proto.load = realLoad;
});

async function as(core: Core, who: string, pass = PASS) {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase: pass });
}
const LED = ['transition.talkedTo', 'transition.marks', 'transition.worried'];

async function blindCase(core: Core) {
  for (const [username, role] of [['ola', 'interviewer'], ['ivan', 'interviewer']] as const)
    await call(core, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
  const c = await call(core, 'cases.create', {
    reference: 'CAC-BL',
    childAlias: 'A',
    childAgeYears: 7,
    language: 'en',
    allegationSummary: 'QALLEGQ',
    allegationBlind: true,
  });
  await as(core, 'ola');
  const { sessionId } = await call(core, 'sessions.start', { caseId: c.caseId, protocolId: 'nichd', mode: 'live', language: 'en' });
  await call(core, 'sessions.get', { sessionId });
  return { caseId: c.caseId, sessionId };
}

test.each([['newversion'], ['samever']])('r14-1 an interviewer\'s own allegation key (%s) un-blinds nothing and forges nothing', async (variant) => {
  const core = await makeVault();
  try {
    const { caseId, sessionId } = await blindCase(core);
    await as(core, 'ivan');
    await core.invoke('sessions.get', { sessionId });
    const c = ctx!;
    const keys = c.vault.keys;
    const logical = `allegation:${caseId}`;
    const caseKey = keys.currentId('class:case')!;
    let fakeId: string;
    if (variant === 'newversion') fakeId = keys.create(logical, [caseKey]);
    else {
      fakeId = `${logical}@1`;
      keys.hold(fakeId, new Uint8Array(randomBytes(32)));
      keys.wrap(fakeId, caseKey);
    }
    const found = c.vault.records.get<{ version: number }>(caseId)!;
    const next = { ...found.value, allegationBlind: false, version: found.value.version + 1 };
    c.vault.write('cases.update', caseId, (put) => {
      put({ ...found.address, seq: next.version }, next, c.vault.blindIndex('case-reference', 'CAC-BL'));
    }, { fields: 'allegationBlind' });
    const seq = c.vault.records.seqOf(logical) ?? 0;
    const addr: RecordAddress = { recordId: logical, containerId: caseId, kind: 'allegation', seq: seq + 1, keyRef: logical };
    try {
      c.vault.write('cases.update', caseId, (put) => put(addr, { caseId, text: 'QFORGEDQ' }), { fields: 'allegationSummary' });
    } catch {
      // Refused outright is fine too: the point is what everyone reads afterwards.
    }
    await as(core, 'ola');
    await call(core, 'sessions.get', { sessionId });
    const plan = JSON.stringify(ctx!.load(sessionId).plan);
    expect(LED.filter((k) => plan.includes(k))).toEqual([]);
    await as(core, ADMIN.username, ADMIN.passphrase);
    const adminCase = await core.invoke('cases.get', { caseId, revealAllegation: true });
    expect(JSON.stringify(adminCase)).not.toContain('QFORGEDQ');
    const check = await call(core, 'vault.check', {});
    const codes = check.problems.map((p) => p.code);
    expect(codes).toContain('CASE_UNBLINDED_WITHOUT_KEY');
    if (variant === 'newversion') {
      const custody = check.problems.find((p) => p.code === 'KEY_CUSTODY_BROKEN');
      expect(custody?.values).toEqual({ key: fakeId, signer: 'ivan' });
    } else {
      const mismatch = check.problems.find((p) => p.code === 'KEY_COMMITMENT_MISMATCH');
      expect(mismatch?.values).toEqual({ key: fakeId, holders: 'class:case' });
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('r14-7 a junk wrap row left after deleting the allegation key: ALLEGATION_KEY_DELETED', async () => {
  const first = await makeVault();
  const dir = first.vaultDir;
  let core: ReturnType<typeof makeCore> = first;
  try {
    const { caseId } = await blindCase(first);
    await call(first, 'vault.lock', {});
    first.close();
    const db = new Database(vaultFile(dir));
    db.prepare('DELETE FROM key_wraps WHERE logical = ?').run(`allegation:${caseId}`);
    db.prepare("INSERT INTO key_wraps (logical, version, holder, nonce, wrapped_key) VALUES (?, 1, 'user:admin@1', x'', ?)").run(
      `allegation:${caseId}`,
      randomBytes(120),
    );
    db.close();
    core = makeCore(dir);
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const check = await call(core, 'vault.check', {});
    const deleted = check.problems.find((p) => p.code === 'ALLEGATION_KEY_DELETED');
    expect(deleted?.id).toBe(caseId);
  } finally {
    core.close();
    removeDir(dir);
  }
});
