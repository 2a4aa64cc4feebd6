// R12-1 (red team round 12): after ola seals her interview of child A, a colleague (ivan,
// interviewer) or a reviewer (rita) writes ONE record, `summary:<session>`, in ONE audit entry
// whose self-declared action is 'sessions.addAddendum': caseId = child B's case, room "Room 9",
// status "active". No addendum event is written. Before the fix the write-once rule excused the
// entry by its action alone: `sessions.list {caseId: B}` listed ola's sealed interview of A as an
// active interview of B, and `sessions.verify` and `vault check` were clean. Now only a genuine
// addendum entry is excused (it also writes an addendum event of its signer at the next seq), the
// listing does not trust a summary that disagrees with its session record, and verify and check
// name the summary RECORD_REWRITTEN. The attacker is the "modified client" of rounds 10-12: own
// passphrase and certified key, the core's own Vault.write from a captured SessionContext.
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

interface Centre {
  core: Core;
  caseA: string;
  caseB: string;
  sessionId: string;
}

/** Ola's sealed interview of child A (one marker note), with ivan and rita on staff. */
async function sealedInterview(): Promise<Centre> {
  const core = await makeVault();
  for (const [username, role] of [
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
    ['rita', 'reviewer'],
  ] as const)
    await call(core, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
  const a = await call(core, 'cases.create', { reference: 'CAC-A', childAlias: 'A', childAgeYears: 7, language: 'en' });
  const b = await call(core, 'cases.create', { reference: 'CAC-B', childAlias: 'B', childAgeYears: 12, language: 'en' });
  await as(core, 'ola');
  const { sessionId } = await call(core, 'sessions.start', {
    caseId: a.caseId, protocolId: 'nichd', mode: 'live', language: 'en', room: 'Room 1',
  });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'QMARKERQ' });
  await call(core, 'sessions.finalize', { sessionId });
  return { core, caseA: a.caseId, caseB: b.caseId, sessionId };
}

type Listed = { sessionId: string; caseId?: string; status: string; room?: string };
const listed = async (core: Core, filter: Record<string, unknown>, sessionId: string) =>
  ((await call(core, 'sessions.list', filter)).sessions as Listed[]).filter((s) => s.sessionId === sessionId);

test.each(['ivan', 'rita'])(
  "%s's summary rewrite under the action sessions.addAddendum (no addendum event) is named and not listed",
  async (who) => {
    const { core, caseA, caseB, sessionId } = await sealedInterview();
    try {
      await as(core, who);
      await core.invoke('sessions.get', { sessionId });
      const c = ctx!;
      const stored = c.vault.records.get<Record<string, unknown>>(`summary:${sessionId}`)!;
      const forged = { ...stored.value, caseId: caseB, room: 'Room 9', status: 'active' };
      c.vault.write('sessions.addAddendum', sessionId, (put) =>
        put(summaryAddress({ sessionId, caseId: caseB, mode: 'live' } as never, stored.address.seq + 1), forged),
      );

      await as(core, ADMIN.username, ADMIN.passphrase);
      // The listing: the sealed interview of A, in A only, as sealed, in Room 1.
      expect(await listed(core, { caseId: caseB }, sessionId)).toEqual([]);
      expect(await listed(core, { caseId: caseA }, sessionId)).toMatchObject([
        { caseId: caseA, status: 'sealed', room: 'Room 1' },
      ]);
      expect(await listed(core, {}, sessionId)).toMatchObject([{ caseId: caseA, status: 'sealed' }]);
      // Verify names the summary (field names only); nothing is refused: export works.
      const verify = await call(core, 'sessions.verify', { sessionId });
      expect(verify).toMatchObject({ ok: false, code: 'RECORD_REWRITTEN' });
      expect(verify.reason).toMatch(/session summary's caseId, room, status differ/);
      const check = await call(core, 'vault.check', {});
      const details = check.problems.map((p: { detail: string }) => p.detail);
      // The entry and its signer are named: an addendum action without an addendum event.
      expect(details.filter((d: string) => d.includes(`is signed by ${who}: it calls itself an addendum`))).toHaveLength(1);
      expect(check.problems).toContainEqual(
        expect.objectContaining({ kind: 'session-summary', id: `summary:${sessionId}` }),
      );
      expect(JSON.stringify(check)).not.toContain('QMARKERQ');
      expect(JSON.stringify(verify)).not.toContain('QMARKERQ');
      const out = tempDir();
      try {
        const exported = await core.invoke('export.sealed', { sessionId, outDir: out });
        expect(exported.ok ? 'ok' : exported.error.code).toBe('ok');
      } finally {
        removeDir(out);
      }
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  },
);

test("a colleague's genuine addendum (an addendum event of his at the next seq) stays excused: check and verify clean", async () => {
  const { core, caseA, sessionId } = await sealedInterview();
  try {
    await as(core, 'ivan');
    await call(core, 'sessions.addAddendum', { sessionId, text: 'a correction' });
    await as(core, ADMIN.username, ADMIN.passphrase);
    expect(await call(core, 'sessions.verify', { sessionId })).toEqual({ ok: true });
    const check = await call(core, 'vault.check', {});
    expect(check.problems).toEqual([]);
    expect(await listed(core, { caseId: caseA }, sessionId)).toMatchObject([
      { caseId: caseA, status: 'sealed', eventCount: 4 },
    ]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('an entry calling itself an addendum that writes a note (not an addendum) at the next seq is not excused', async () => {
  const { core, sessionId } = await sealedInterview();
  try {
    await as(core, 'ivan');
    await core.invoke('sessions.get', { sessionId });
    const c = ctx!;
    const loaded = c.load(sessionId) as { state: { lastSeq: number; head: string } };
    const seq = loaded.state.lastSeq + 1;
    const stored = c.vault.records.get<Record<string, unknown>>(`summary:${sessionId}`)!;
    c.vault.write('sessions.addAddendum', sessionId, (put) => {
      put(
        { recordId: `${sessionId}:${String(seq).padStart(10, '0')}`, containerId: sessionId, kind: 'event', seq, keyRef: `session:${sessionId}` },
        { type: 'note', kind: 'child', text: 'QNOTEQ', seq, at: new Date().toISOString(), elapsedMs: 0, recordingOffsetMs: null, by: 'ivan' },
      );
      put({ ...stored.address, seq: stored.address.seq + 1 }, { ...stored.value, eventCount: seq, room: 'Room 9' });
    });
    await as(core, ADMIN.username, ADMIN.passphrase);
    const check = await call(core, 'vault.check', {});
    const details = check.problems.map((p: { detail: string }) => p.detail);
    expect(details.filter((d: string) => d.includes('is signed by ivan: it calls itself an addendum'))).toHaveLength(1);
    expect(JSON.stringify(check)).not.toContain('QNOTEQ');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
