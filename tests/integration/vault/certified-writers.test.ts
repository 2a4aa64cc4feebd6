// Red team round 10, R10-1, R10-2, R10-16 (attacks10/r10.test.ts sessions A and B, r10f.test.ts):
// the interviewer and the seal are taken from who SIGNED each event's audit entry, never from an
// event's claimed `by`.
//   R10-1: a colleague's modified client appends a second `session-started` (by: ivan) to Ola's
//          live interview; before the fix the app took Ivan as the interviewer (Ola locked out,
//          Ivan's genuine app wrote into and sealed her interview).
//   R10-2: a colleague's `sealed` event claiming `by: ola` (signer ivan) counted as the seal: Ola
//          got SESSION_SEALED for good and her export was TAMPERED.
//   R10-16: Ivan starts and runs a whole interview with every event `by: ola` under his own key;
//          `sessions.get` said Ola and `sessions.verify` and `vault check` were clean.
// The owner checks are app code, so they are mocked away exactly while "his" client writes; keys,
// audit entries and signatures are real.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCommand } from '../../../src/cli/commands/verify';
import type { SessionEvent } from '../../../src/interview';
import { SessionContext } from '../../../src/interview/session-context';
import type * as SessionAccess from '../../../src/interview/session-access';
import { captureIo } from '../../helpers/cli-io';
import { ADMIN, call, makeVault, removeDir } from '../../helpers/core';
import { liveInterview } from '../../helpers/live-interview';

jest.setTimeout(300_000);

let FORGE = false;
jest.mock('../../../src/interview/session-access', () => {
  const real = jest.requireActual<typeof SessionAccess>('../../../src/interview/session-access');
  return {
    ...real,
    assertCanWrite: (...args: Parameters<typeof real.assertCanWrite>) =>
      FORGE ? undefined : real.assertCanWrite(...args),
  };
});

const PASS = 'a long enough staff passphrase';
type Core = Awaited<ReturnType<typeof makeVault>>;
type Mutate = (event: SessionEvent, ctx: SessionContext) => SessionEvent;

const proto = SessionContext.prototype as unknown as {
  commit: (this: SessionContext, ...args: unknown[]) => void;
  load: (this: SessionContext, id: string) => ReturnType<SessionContext['load']>;
};
const realCommit = proto.commit;
let MUTATE: Mutate | null = null;
proto.commit = function (this: SessionContext, ...args: unknown[]) {
  const events = args[2] as SessionEvent[];
  if (MUTATE) args[2] = events.map((e) => MUTATE!(e, this));
  return realCommit.apply(this, args);
};

/** Runs `act` as Ivan's modified client: owner checks off, each event he writes rewritten. */
async function asModifiedClient<T>(
  mutate: Mutate,
  act: () => Promise<T>,
  claimInterviewer?: string,
): Promise<T> {
  const load = proto.load;
  if (claimInterviewer !== undefined)
    proto.load = function (id: string) {
      const l = load.call(this, id);
      return {
        ...l,
        state: { ...l.state, meta: { ...l.state.meta, interviewer: claimInterviewer } },
      };
    };
  FORGE = true;
  MUTATE = mutate;
  try {
    return await act();
  } finally {
    FORGE = false;
    MUTATE = null;
    proto.load = load;
  }
}

async function setUp(): Promise<{ core: Core; out: string; keyFile: string }> {
  const core = await makeVault();
  const out = mkdtempSync(join(tmpdir(), 'hearth-r10w-'));
  for (const username of ['ola', 'ivan'])
    await call(core, 'users.add', {
      username,
      displayName: username.toUpperCase(),
      role: 'interviewer',
      passphrase: PASS,
    });
  await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
  const key = await call(core, 'keys.centrePublicKey', {});
  const keyFile = join(out, 'centre.pub');
  writeFileSync(keyFile, key.publicKey);
  return { core, out, keyFile };
}

async function exportAndVerify(
  core: Core,
  out: string,
  keyFile: string,
  sessionId: string,
): Promise<number> {
  const target = join(out, sessionId);
  mkdirSync(target);
  const exported = await call(core, 'export.sealed', { sessionId, outDir: target });
  const io = captureIo();
  return verifyCommand([exported.path, '--key', keyFile], io);
}

test("R10-1 / R10-2: a colleague's later session-started or seal claiming her name never makes him the interviewer nor seals her interview", async () => {
  const { core, out, keyFile } = await setUp();
  try {
    const secondStart = await liveInterview(core);
    const sealAsOla = await liveInterview(core);
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    // R10-1: his note becomes a copy of event 1 with his own name (no lie about `by`).
    const forgedStart = await asModifiedClient(
      (ev, ctx) => {
        const first = ctx.readEvents(secondStart).events[0]!;
        return {
          ...first,
          seq: ev.seq,
          at: ev.at,
          elapsedMs: ev.elapsedMs,
          recordingOffsetMs: ev.recordingOffsetMs,
          by: ev.by,
        };
      },
      () => call(core, 'sessions.addNote', { sessionId: secondStart, kind: 'child', text: 'x' }),
    );
    // The genuine app (no mock) does not take Ivan as the interviewer: it refuses him.
    expect((await call(core, 'sessions.get', { sessionId: secondStart })).interviewer).toBe('ola');
    const ivanWrites = await core.invoke('sessions.addNote', {
      sessionId: secondStart,
      kind: 'child',
      text: 'ivan genuine',
    });
    expect(ivanWrites).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // R10-2: his client seals her interview, the sealed event claiming `by: ola`.
    const forgedSeal = await asModifiedClient(
      (ev) => (ev.type === 'sealed' ? { ...ev, by: 'ola' } : ev),
      () => call(core, 'sessions.finalize', { sessionId: sealAsOla }),
      'ivan',
    );
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    for (const [sessionId, forgedSeq] of [
      [secondStart, forgedStart.seq],
      [sealAsOla, forgedSeal.eventCount + 1],
    ] as const) {
      expect(await call(core, 'sessions.get', { sessionId })).toMatchObject({
        interviewer: 'ola',
        status: 'active',
      });
      const before = await call(core, 'sessions.verify', { sessionId });
      expect(before).toMatchObject({
        ok: false,
        code: 'FOREIGN_EVENT',
        reason: expect.stringMatching(/can still be sealed/),
      });
      expect(before.foreignEvents).toContainEqual({ seq: forgedSeq, by: 'ivan' });
      // Ola still writes, seals (naming his event) and exports; the bundle is valid with findings.
      await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'Ola writes on.' });
      await call(core, 'sessions.finalize', { sessionId });
      expect(await call(core, 'sessions.verify', { sessionId })).toMatchObject({
        code: 'FOREIGN_EVENT',
        foreignEvents: expect.arrayContaining([{ seq: forgedSeq, by: 'ivan' }]),
      });
      await call(core, 'sessions.addAddendum', {
        sessionId,
        text: 'An event was written by Ivan.',
      });
      expect(await exportAndVerify(core, out, keyFile, sessionId)).toBe(3);
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
    rmSync(out, { recursive: true, force: true });
  }
});

test('R10-16: an interview a colleague ran under her name is his in the app, and verify, export and vault check name it', async () => {
  const { core } = await setUp();
  try {
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    const asOla: Mutate = (ev) => ({ ...ev, by: 'ola' });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-frame',
      childAlias: 'Robin',
      childAgeYears: 8,
      language: 'en',
    });
    const { sessionId } = await asModifiedClient(asOla, () =>
      call(core, 'sessions.start', { caseId, protocolId: 'nichd', mode: 'live', language: 'en' }),
    );
    await asModifiedClient(asOla, () =>
      call(core, 'sessions.addNote', { sessionId, kind: 'question', text: 'Did he hurt you?' }),
    );
    // Even his own app's seal is refused now: the start is not what its signer wrote (before the
    // fix it sealed, and verify and vault check were clean).
    const sealed = await asModifiedClient(
      asOla,
      () => core.invoke('sessions.finalize', { sessionId }),
      'ivan',
    );
    expect(sealed).toMatchObject({ ok: false, error: { code: 'TAMPERED' } });
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const summary = await call(core, 'sessions.get', { sessionId });
    expect(summary.interviewer).toBe('ivan');
    const verdict = await call(core, 'sessions.verify', { sessionId });
    expect(verdict).toMatchObject({
      ok: false,
      firstBadEvent: 1,
      reason: expect.stringMatching(/written by ola, but its audit entry \d+ is signed by ivan/),
    });
    expect(verdict.code).toBeUndefined();
    expect(summary.status).toBe('active');
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const check = await call(core, 'vault.check', {});
    expect(check.ok).toBe(false);
    expect(JSON.stringify(check.problems)).toMatch(
      /written by ola, but its audit entry (\d+ )?is signed by ivan/,
    );
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
