// R12-5 (red team round 12): after ola's seal and a genuine addendum (event 4), a reviewer (rita)
// or a colleague (ivan) deletes the event-4 row and, in one entry of their own (action
// 'sessions.addAddendum', refs = the summary only), rewrites the summary (the per-session verify
// anchor) back to eventCount 3 and the head before the addendum. Before the fix
// `sessions.verify` was clean (it trusted the anchor alone) while the export said TAMPERED, and
// `vault check` said only RECORD_MISSING, naming neither the entry that rewound the anchor nor
// its signer. Now verify reaches the export's verdict (the same write-once scan, through the
// per-session audit index) and the check names the entry and its signer (SUMMARY_COUNT_LOWERED)
// and does not excuse the entry as an addendum.
import { SessionContext } from '../../../src/interview/session-context';
import { eventRecordId } from '../../../src/interview/session-records';
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

test.each([
  ['rita', 'ivan'],
  ['ivan', 'ola'],
])('%s drops the addendum by %s and rewinds the summary: verify says what the export says, check names the entry and signer', async (who, author) => {
  const core = await makeVault();
  const out = tempDir();
  try {
    for (const [username, role] of [['ola', 'interviewer'], ['ivan', 'interviewer'], ['rita', 'reviewer']] as const)
      await call(core, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
    const c1 = await call(core, 'cases.create', { reference: 'CAC-1', childAlias: 'A', childAgeYears: 7, language: 'en' });
    await as(core, 'ola');
    const { sessionId } = await call(core, 'sessions.start', { caseId: c1.caseId, protocolId: 'nichd', mode: 'live', language: 'en' });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'QNOTEQ' });
    await call(core, 'sessions.finalize', { sessionId });
    await as(core, author);
    expect((await call(core, 'sessions.addAddendum', { sessionId, text: 'QADDENDUMQ correction' })).seq).toBe(4);
    await as(core, who);
    await core.invoke('sessions.get', { sessionId });
    const c = ctx!;
    const stored = c.vault.records.get<{ eventCount: number; head: string }>(`summary:${sessionId}`)!;
    const lastId = eventRecordId(sessionId, 4);
    const last = c.vault.records.get<{ type: string; head: string }>(lastId)!.value;
    expect(last.type).toBe('addendum');
    c.vault.write('sessions.addAddendum', sessionId, (put) => {
      c.vault.records.remove(lastId);
      put({ ...stored.address, seq: stored.address.seq + 1 }, { ...stored.value, eventCount: 3, head: last.head });
    });

    await as(core, 'ola');
    const verify = await call(core, 'sessions.verify', { sessionId });
    expect(verify).toMatchObject({ ok: false, firstBadEvent: 4 });
    expect(verify.reason).toMatch(/event 4 was removed/);
    const exported = await core.invoke('export.sealed', { sessionId, outDir: out });
    expect(exported.ok ? 'ok' : exported.error.code).toBe('TAMPERED');

    await as(core, ADMIN.username, ADMIN.passphrase);
    const check = await call(core, 'vault.check', {});
    const lowered = check.problems.filter((p: { code?: string }) => p.code === 'SUMMARY_COUNT_LOWERED');
    expect(lowered).toHaveLength(1);
    expect(lowered[0]).toMatchObject({ id: `summary:${sessionId}`, values: { signer: who, count: 3, highest: 4 } });
    const details: string[] = check.problems.map((p: { detail: string }) => p.detail);
    expect(details.filter((d) => d.includes(`is signed by ${who}: it calls itself an addendum`))).toHaveLength(1);
    // The genuine addendum's author is not blamed for writing into the interview.
    expect(details.filter((d) => d.includes(`is signed by ${author}`))).toEqual([]);
    for (const text of [JSON.stringify(check), JSON.stringify(verify)]) {
      expect(text).not.toContain('QADDENDUMQ');
      expect(text).not.toContain('QNOTEQ');
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
