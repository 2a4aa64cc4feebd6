// Red team round 11, R11-3: every role holds the chain key and a certified signing key, so a
// trainer or an advocate (neither can decrypt a case session) appended ONE audit entry of their
// own whose record reference said "the seal event of ola's interview was removed". Every record
// stayed intact, yet the export and the addendum were refused as SEAL_REMOVED, the same claim
// against a live interview blocked its seal, and `vault check` blamed the genuine seal ("not in
// the audit log: inserted outside Hearth"). A removal or re-write claim about a session's events
// now counts only when signed by its interviewer or an administrator (session-claims.ts);
// anyone else's is named with its signer, and the vault itself decides whether the record is
// still the one first written.
import { SessionContext } from '../../../src/interview/session-context';
import { eventRecordId } from '../../../src/interview/session-records';
import { ADMIN, call, makeVault, removeDir, tempDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';
import { liveInterview } from '../../helpers/live-interview';

jest.setTimeout(300_000);

type Core = Awaited<ReturnType<typeof makeVault>>;
let CTX: SessionContext | undefined;
const proto = SessionContext.prototype as unknown as { load: (id: string) => unknown };
const realLoad = proto.load;
proto.load = function (this: SessionContext, id: string) {
  capture(this);
  return realLoad.call(this, id);
};
function capture(c: SessionContext): void {
  CTX = c;
}

/** `who`'s modified client appends one entry claiming event `seq` of the session was removed. */
async function claimRemoved(core: Core, who: string, sessionId: string, seq: number) {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase: PASS });
  // Refused by the app (FORBIDDEN for these roles); the context is reached anyway.
  await core.invoke('sessions.get', { sessionId });
  const vault = CTX!.vault;
  vault.transact(() =>
    vault.audit.append({
      at: vault.nowIso(),
      actor: who,
      action: 'training.start',
      records: [{ id: eventRecordId(sessionId, seq), seq, hash: '' }],
    }),
  );
  await call(core, 'vault.lock', {});
}

test.each([
  ['tara', 'trainer'],
  ['alma', 'advocate'],
] as const)(
  'R11-3 (%s, %s): a false "seal removed" claim blocks no export, addendum or seal, and vault check names the claim, not the seal',
  async (who, role) => {
    const core = await makeVault();
    const out = tempDir();
    try {
      await call(core, 'users.add', {
        username: 'ola',
        displayName: 'OLA',
        role: 'interviewer',
        passphrase: PASS,
      });
      await call(core, 'users.add', {
        username: who,
        displayName: who.toUpperCase(),
        role,
        passphrase: PASS,
      });
      await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
      const sealedOne = await liveInterview(core);
      const { eventCount } = await call(core, 'sessions.finalize', { sessionId: sealedOne });
      const sealSeq = eventCount + 1;
      const running = await liveInterview(core);
      await claimRemoved(core, who, sealedOne, sealSeq);
      await claimRemoved(core, who, running, 2);

      await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
      await call(core, 'export.sealed', { sessionId: sealedOne, outDir: out });
      await call(core, 'sessions.addAddendum', { sessionId: sealedOne, text: 'Correction.' });
      await call(core, 'sessions.finalize', { sessionId: running });
      await call(core, 'export.sealed', { sessionId: running, outDir: out });

      await call(core, 'vault.lock', {});
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      await call(core, 'export.sealed', { sessionId: sealedOne, outDir: out });
      const check = await call(core, 'vault.check', {});
      // (An advocate's entry is also named by the role policy: no advocate writes a session.)
      const claims = check.problems.filter(
        (p) => p.code === 'AUDIT_AUTHOR_NOT_ALLOWED' && p.detail.includes('claims to remove'),
      );
      expect(claims.map((p) => p.values?.record).sort()).toEqual(
        [eventRecordId(sealedOne, sealSeq), eventRecordId(running, 2)].sort(),
      );
      for (const p of claims) {
        expect(p.detail).toMatch(
          new RegExp(
            `claims to remove event .* of ola's session, but it is signed by ${who} \\(${role}\\)`,
          ),
        );
        expect(p.values).toMatchObject({ signer: who, role });
      }
      // The genuine seal and note are not blamed.
      expect(check.problems.filter((p) => p.kind === 'record')).toEqual([]);
      expect(JSON.stringify(check.problems)).not.toMatch(/after dinner/);
    } finally {
      core.close();
      removeDir(core.vaultDir);
      removeDir(out);
    }
  },
);

test('sec21: an administrator\'s false "seal removed" claim never overrides the present, valid seal; vault check names the claim', async () => {
  const core = await makeVault();
  const out = tempDir();
  try {
    await call(core, 'users.add', {
      username: 'ola',
      displayName: 'OLA',
      role: 'interviewer',
      passphrase: PASS,
    });
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const sessionId = await liveInterview(core);
    const { eventCount } = await call(core, 'sessions.finalize', { sessionId });
    const sealSeq = eventCount + 1;
    // The admin's modified client appends one signed entry saying the seal was removed; the seal
    // record stays exactly as written.
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await core.invoke('sessions.get', { sessionId });
    const vault = CTX!.vault;
    vault.transact(() =>
      vault.audit.append({
        at: vault.nowIso(),
        actor: ADMIN.username,
        action: 'vault.restore',
        records: [{ id: eventRecordId(sessionId, sealSeq), seq: sealSeq, hash: '' }],
      }),
    );

    // Before: TAMPERED / SEAL_REMOVED on export and addendum, and vault check blamed the seal.
    await call(core, 'export.sealed', { sessionId, outDir: out });
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    await call(core, 'sessions.addAddendum', { sessionId, text: 'Correction.' });
    expect(await call(core, 'sessions.verify', { sessionId })).toEqual({ ok: true });
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const check = await call(core, 'vault.check', {});
    const named = check.problems.filter((p) => p.detail.startsWith('FALSE_CLAIM'));
    expect(named).toHaveLength(1);
    expect(named[0]!.detail).toContain(`event ${eventRecordId(sessionId, sealSeq)} was removed`);
    expect(named[0]!.detail).toContain(`signed by ${ADMIN.username}, admin`);
    expect(check.problems.filter((p) => p.kind === 'record')).toEqual([]);
    expect(check.problems.some((p) => p.detail.includes('SEAL_REMOVED'))).toBe(false);
    expect(JSON.stringify(check.problems)).not.toMatch(/after dinner/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
