// Red team round 11, R11-1 and R11-2: the session record is a rewritable copy of what the
// session's start sealed. A colleague interviewer or a reviewer (both hold the case key) rewrote
// only the record of ola's sealed interview of Alice: Bob's case, another room, other observers.
// The export then presented Alice's sealed interview as Bob's and `hearth verify` said VALID;
// another record write (mode "practice") made the interview unexportable for good; moving a live
// allegation-blind session's record to an open case gave the interviewer allegation-led prompts
// (R11-1b). Every field the transcript or the plan relies on now comes from event 1, and the
// rewrite is named by sessions.verify and `vault check` (with who signed it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SessionContext } from '../../../src/interview/session-context';
import { metaAddress } from '../../../src/interview/session-records';
import type { SessionMeta } from '../../../src/interview';
import { ADMIN, call, makeVault, removeDir, tempDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

jest.setTimeout(300_000);

type Core = Awaited<ReturnType<typeof makeVault>>;
// The context the core's session service uses: captured as it loads (a colleague's own client).
let ctx: SessionContext | undefined;
const proto = SessionContext.prototype as unknown as { load: (id: string) => unknown };
const realLoad = proto.load;
proto.load = function (this: SessionContext, id: string) {
  capture(this);
  return realLoad.call(this, id);
};
function capture(c: SessionContext): void {
  ctx = c;
}

/** Ola (interviewer), ivan (interviewer), rita (reviewer); cases of Alice (7) and Bob (12). */
async function centre(blindAlice = false) {
  const core = await makeVault();
  for (const [username, role] of [
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
    ['rita', 'reviewer'],
  ] as const)
    await call(core, 'users.add', {
      username,
      displayName: username.toUpperCase(),
      role,
      passphrase: PASS,
    });
  const alice = await call(core, 'cases.create', {
    reference: 'CAC-ALICE',
    childAlias: 'Alice',
    childAgeYears: 7,
    language: 'en',
    allegationSummary: 'Alice: uncle, bathroom',
    ...(blindAlice ? { allegationBlind: true } : {}),
  });
  const bob = await call(core, 'cases.create', {
    reference: 'CAC-BOB',
    childAlias: 'Bob',
    childAgeYears: 12,
    language: 'en',
    allegationSummary: 'Bob: coach, locker room',
  });
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId: alice.caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
    room: 'Room 1',
    observers: [{ role: 'law-enforcement' }],
  });
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'child',
    text: 'He came into the bathroom.',
  });
  return { core, alice: alice.caseId, bob: bob.caseId, sessionId };
}

/** `who` rewrites the session record alone, through the core's own Vault.write (own passphrase). */
async function rewriteRecord(
  core: Core,
  sessionId: string,
  who: string,
  edit: (m: SessionMeta) => SessionMeta,
): Promise<void> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase: PASS });
  await core.invoke('sessions.get', { sessionId });
  const meta = ctx!.readMeta(sessionId);
  const forged = edit({ ...meta, version: meta.version + 1 });
  ctx!.vault.write('sessions.update', sessionId, (put) => put(metaAddress(forged), forged));
  await call(core, 'vault.lock', {});
}

async function asAdmin(core: Core): Promise<void> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
}

test.each(['ivan', 'rita'])(
  'R11-1 (%s): a sealed interview moved to another child in its record still exports as the sealed one, and the rewrite is named',
  async (who) => {
    const { core, alice, bob, sessionId } = await centre();
    const out = tempDir();
    try {
      await call(core, 'sessions.finalize', { sessionId });
      await rewriteRecord(core, sessionId, who, (m) => ({
        ...m,
        caseId: bob,
        room: 'Room 9 (forged)',
        observers: [{ role: 'advocate' }],
      }));
      await asAdmin(core);

      const got = await call(core, 'sessions.get', { sessionId });
      expect(got).toMatchObject({
        caseId: alice,
        room: 'Room 1',
        observers: [{ role: 'law-enforcement' }],
      });
      const verdict = await call(core, 'sessions.verify', { sessionId });
      expect(verdict).toMatchObject({ ok: false, code: 'RECORD_REWRITTEN' });
      expect(verdict.reason).toMatch(/caseId, room, observers/);
      expect(verdict.reason).not.toContain('Room 9');

      const check = await call(core, 'vault.check', {});
      const named = check.problems.filter(
        (p) => p.code === 'AUDIT_AUTHOR_NOT_ALLOWED' && p.detail.includes(`session ${sessionId}`),
      );
      expect(named).toHaveLength(1);
      expect(named[0]!.detail).toContain(`signed by ${who}`);
      expect(
        check.problems.find((p) => p.kind === 'session-record' && p.id === sessionId)?.detail,
      ).toMatch(/caseId, room, observers/);
      expect(
        check.problems.some((p) => p.detail.includes('Room 9') || p.detail.includes('CAC-BOB')),
      ).toBe(false);

      const { path } = await call(core, 'export.sealed', { sessionId, outDir: out });
      const json = JSON.parse(readFileSync(join(path, 'transcript.json'), 'utf8'));
      expect(json.case).toMatchObject({ caseId: alice, reference: 'CAC-ALICE', childAgeYears: 7 });
      expect(json.session.room).toBe('Room 1');
      expect(json.session.observers).toEqual([{ role: 'law-enforcement' }]);
      const txt = readFileSync(join(path, 'transcript.txt'), 'utf8');
      expect(txt).toContain('CAC-ALICE');
      expect(txt).not.toMatch(/CAC-BOB|Room 9|Victim advocate/);
      const { publicKey } = await call(core, 'keys.centrePublicKey', {});
      expect(await call(core, 'export.verify', { path, publicKey })).toMatchObject({ valid: true });
    } finally {
      core.close();
      removeDir(core.vaultDir);
      removeDir(out);
    }
  },
);

test('R11-2: a sealed interview whose record was flipped to practice is still exported as the live interview it sealed', async () => {
  const { core, sessionId } = await centre();
  const out = tempDir();
  try {
    await call(core, 'sessions.finalize', { sessionId });
    await rewriteRecord(core, sessionId, 'ivan', (m) => ({ ...m, mode: 'practice' }));
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    expect((await call(core, 'sessions.get', { sessionId })).mode).toBe('live');
    const verdict = await call(core, 'sessions.verify', { sessionId });
    expect(verdict).toMatchObject({ ok: false, code: 'RECORD_REWRITTEN' });
    expect(verdict.reason).toMatch(/record's mode differ/);
    const exported = await call(core, 'export.sealed', { sessionId, outDir: out });
    expect(JSON.parse(readFileSync(join(exported.path, 'transcript.json'), 'utf8')).mode).toBe(
      'live',
    );
    await asAdmin(core);
    const check = await call(core, 'vault.check', {});
    expect(
      check.problems.find((p) => p.kind === 'session-record' && p.id === sessionId)?.detail,
    ).toMatch(/mode/);
    expect(
      check.problems.some(
        (p) => p.code === 'AUDIT_AUTHOR_NOT_ALLOWED' && p.detail.includes('signed by ivan'),
      ),
    ).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

test('R11-1b: a reviewer moving a live allegation-blind session to an open case does not give the plan allegation-led prompts', async () => {
  const { core, bob, sessionId } = await centre(true);
  try {
    await call(core, 'sessions.get', { sessionId });
    const before = JSON.stringify(ctx!.load(sessionId).plan);
    expect(before).not.toContain('transition.talkedTo');
    await rewriteRecord(core, sessionId, 'rita', (m) => ({ ...m, caseId: bob }));
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    await call(core, 'sessions.get', { sessionId });
    const after = JSON.stringify(ctx!.load(sessionId).plan);
    expect(after).toBe(before);
    for (const key of ['transition.talkedTo', 'transition.marks', 'transition.worried'])
      expect(after).not.toContain(key);
    const verdict = await call(core, 'sessions.verify', { sessionId });
    expect(verdict).toMatchObject({ ok: false, code: 'RECORD_REWRITTEN' });
    expect(verdict.reason).toMatch(/caseId/);
    // The interviewer still writes and seals; the seal writes the record back from the start.
    await call(core, 'sessions.finalize', { sessionId });
    expect(await call(core, 'sessions.verify', { sessionId })).toEqual({ ok: true });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
