// R14-6 (red team round 14): R12-1 trusts a summary written in a GENUINE addendum entry (an
// addendum event of its signer at the next position), and `summaryDiffers` compared only case,
// mode, room, status and interviewer. Ivan's client ran the real sessions.addAddendum on ola's
// sealed interview but changed, in that entry's summary write, the date, the protocol, the
// language, the age and band and the observers: the case's session listing showed them, and
// verify and check were clean. Now every listed field the session's start and record hold is
// compared: the listing reads such a session from its events, and verify says RECORD_REWRITTEN.
import { RecordStore } from '../../../src/vault/records';
import { ADMIN, call, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

jest.setTimeout(300_000);

type Core = Awaited<ReturnType<typeof makeVault>>;
async function as(core: Core, who: string, pass = PASS): Promise<void> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase: pass });
}
const FORGED = {
  startedAt: '2019-02-03T10:00:00.000Z',
  sealedAt: '2019-02-03T11:00:00.000Z',
  protocolId: 'abe',
  language: 'es',
  ageBand: '14-17',
  ageYears: 15,
  observers: [],
};
// Ivan's modified client: only the summary its genuine addendum entry writes is changed.
const proto = RecordStore.prototype as unknown as { put: (address: { recordId: string }, value: unknown, ...rest: unknown[]) => unknown };
const realPut = proto.put;
let patch = false;
proto.put = function (this: RecordStore, address: { recordId: string }, value: unknown, ...rest: unknown[]) {
  const next = patch && address.recordId.startsWith('summary:') ? { ...(value as object), ...FORGED } : value;
  return realPut.call(this, address, next, ...rest);
};

test('a genuine addendum whose summary changes the date, protocol, language, age and observers: listed as the session is, verify names it', async () => {
  const core = await makeVault();
  try {
    for (const username of ['ola', 'ivan'])
      await call(core, 'users.add', { username, displayName: username.toUpperCase(), role: 'interviewer', passphrase: PASS });
    const { caseId } = await call(core, 'cases.create', { reference: 'CAC-A', childAlias: 'A', childAgeYears: 7, language: 'en' });
    await as(core, 'ola');
    const { sessionId } = await call(core, 'sessions.start', {
      caseId, protocolId: 'nichd', mode: 'live', language: 'en', room: 'Room 1', observers: [{ role: 'law-enforcement' }],
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'QNOTEQ' });
    await call(core, 'sessions.finalize', { sessionId });
    const listed = async () => {
      const [s] = (await call(core, 'sessions.list', { caseId })).sessions;
      return { startedAt: s!.startedAt, sealedAt: s!.sealedAt, protocolId: s!.protocolId, language: s!.language, ageBand: s!.ageBand, ageYears: s!.ageYears, observers: s!.observers.length };
    };
    const before = await listed();
    expect(before).toMatchObject({ protocolId: 'nichd', language: 'en', ageBand: '6-9', observers: 1 });

    await as(core, 'ivan');
    patch = true;
    try {
      await call(core, 'sessions.addAddendum', { sessionId, text: 'addendum by ivan' });
    } finally {
      patch = false;
    }
    await as(core, ADMIN.username, ADMIN.passphrase);
    // The listing shows the session as it is, not the forged summary.
    expect(await listed()).toEqual(before);
    const verify = await call(core, 'sessions.verify', { sessionId });
    expect(verify).toMatchObject({ ok: false, code: 'RECORD_REWRITTEN' });
    for (const field of ['protocolId', 'language', 'ageYears', 'ageBand']) expect(verify.reason).toContain(field);
    expect(JSON.stringify(verify)).not.toMatch(/QNOTEQ|abe|2019/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
