// R12-2: a trainer (practice, directory and chain keys only; she cannot read any case) writes the
// summary record of a colleague's sealed live interview under the PRACTICE key, with a made-up
// event count and chain head (one put through the core's own Vault.write from a captured
// SessionContext: the "modified client"). A session's summary is its verify anchor only when it
// sits in the session's own container under its own data-class key: this one must be ignored
// (verify falls back to the audit log), so the sealed interview still verifies, exports and takes
// an addendum, and `vault check` names the trainer's write (entry, signer and role), not the seal.
import { SessionContext } from '../../../src/interview/session-context';
import { summaryAddress } from '../../../src/interview/session-records';
import { ADMIN, call, makeVault, removeDir, tempDir } from '../../helpers/core';
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

async function sealedInterview(): Promise<{ core: Core; sessionId: string }> {
  const core = await makeVault();
  for (const [username, role] of [['ola', 'interviewer'], ['tara', 'trainer']] as const)
    await call(core, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
  const { caseId } = await call(core, 'cases.create', {
    reference: 'CAC-A', childAlias: 'A', childAgeYears: 7, language: 'en',
  });
  await as(core, 'ola');
  const { sessionId } = await call(core, 'sessions.start', {
    caseId, protocolId: 'nichd', mode: 'live', language: 'en', room: 'Room 1',
  });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'QMARKERQ' });
  await call(core, 'sessions.finalize', { sessionId });
  return { core, sessionId };
}

test.each(['sessions.addAddendum', 'training.start'])(
  'a trainer writes a sealed case session summary under the practice key (action %s): ignored as the anchor, export and addendum work, vault check names her entry',
  async (action) => {
    const { core, sessionId } = await sealedInterview();
    try {
      await as(core, 'tara');
      await core.invoke('sessions.get', { sessionId });
      const c = ctx!;
      const seq = c.vault.records.seqOf(`summary:${sessionId}`) ?? 0;
      const forged = {
        sessionId, mode: 'practice', protocolId: 'nichd', ageYears: 7, ageBand: '6-9', language: 'en',
        interviewer: 'ola', observers: [], status: 'active', startedAt: new Date().toISOString(),
        eventCount: 3, onBreak: false, paused: false, keywords: [], head: '00',
      };
      c.vault.write(action, sessionId, (put) =>
        put(summaryAddress({ sessionId, mode: 'practice' } as never, seq + 1), forged),
      );

      await as(core, ADMIN.username, ADMIN.passphrase);
      // The seal verifies; the forged summary itself is named (R12-1: it says another mode,
      // case, room and status than the start and chain; R15-4: the whole summary is compared, so
      // its dates too), which blocks nothing.
      const verify = await call(core, 'sessions.verify', { sessionId });
      expect(verify).toEqual({ ok: false, code: 'RECORD_REWRITTEN', reason: expect.stringMatching(/^the session summary's caseId, mode, room, status, startedAt, sealedAt differ/) });
      const check = await call(core, 'vault.check', {});
      const texts = check.problems
        .filter((p: { kind: string }) => p.kind !== 'session-summary')
        .map((p: { detail: string }) => p.detail);
      // The seal is not blamed; the trainer's entry is named with her role.
      // Every finding is about her entry or her summary: none says the sealed session does not verify.
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.filter((t: string) => !/signed by tara/.test(t))).toEqual([]);
      expect(check.problems.filter((p: { kind: string }) => p.kind === 'seal')).toEqual([]);
      const named = check.problems.filter(
        (p: { code?: string; values?: Record<string, unknown> }) =>
          p.code === 'AUDIT_AUTHOR_NOT_ALLOWED' && p.values?.record === `summary:${sessionId}`,
      );
      expect(named).toHaveLength(1);
      expect(named[0]?.values).toMatchObject({ signer: 'tara', role: 'trainer' });
      expect(named[0]?.detail).toMatch(/signed by tara \(trainer\)/);
      expect(JSON.stringify(check)).not.toContain('QMARKERQ');

      await as(core, 'ola');
      const out = tempDir();
      try {
        const exported = await core.invoke('export.sealed', { sessionId, outDir: out });
        expect(exported.ok ? 'ok' : exported.error.code).toBe('ok');
      } finally {
        removeDir(out);
      }
      const addendum = await core.invoke('sessions.addAddendum', { sessionId, text: 'a correction' });
      expect(addendum.ok ? 'ok' : addendum.error.code).toBe('ok');
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  },
);
