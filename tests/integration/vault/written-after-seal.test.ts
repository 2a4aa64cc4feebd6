// Red team round 10, R10-14: after Ola seals her interview, a colleague (Ivan, another
// interviewer whose passphrase opens the vault) writes a child note into it. Before, that one
// note made export and addenda of the sealed session fail for good (TAMPERED): any staff
// passphrase was a denial of service over evidence. Now the sealed record stays exportable and
// addenda stay possible; the note is left out of the bundle and NAMED (writer, stated time,
// type and kind, "after the seal, not by the sealer") in sessions.verify, the finish screen's
// data, `vault check`, the bundle's custody and transcript.json, and the verifier's findings.
// Two ways in: Ivan's modified client through the core, and the offline attack (the closed file,
// better-sqlite3 and Ivan's passphrase, an event encrypted under the session key, the summary
// moved on and an audit entry signed with his own staff key).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionEvent } from '../../../src/interview';
import { nextHash } from '../../../src/interview/chain';
import { SessionContext } from '../../../src/interview/session-context';
import { eventRecordId } from '../../../src/interview/session-records';
import { signDetached } from '../../../src/crypto';
import { AuditLog } from '../../../src/vault/audit';
import { readSigningKey } from '../../../src/vault/users';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';
import { openAsInsider } from '../../helpers/insider';
import { liveInterview } from '../../helpers/live-interview';

jest.setTimeout(300_000);

const PASS = 'a long enough staff passphrase';
const INJECTED = 'INJECTED-AFTER-SEAL detail';
type Core = Awaited<ReturnType<typeof makeVault>>;

let CTX: SessionContext | undefined;
const proto = SessionContext.prototype as unknown as {
  load: (this: SessionContext, id: string) => ReturnType<SessionContext['load']>;
};
const realLoad = proto.load;
proto.load = function (this: SessionContext, id: string) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the test reaches the core's context as the red team did
  CTX = this;
  return realLoad.call(this, id);
};

async function staff(core: Core): Promise<void> {
  for (const username of ['ola', 'ivan'])
    await call(core, 'users.add', {
      username,
      displayName: username.toUpperCase(),
      role: 'interviewer',
      passphrase: PASS,
    });
}

/** Ivan's modified client appends a child note to a sealed session (no owner or seal check). */
async function injectThroughCore(core: Core, sessionId: string): Promise<number> {
  await call(core, 'sessions.get', { sessionId });
  const ctx = CTX!;
  const loaded = ctx.load(sessionId);
  const event = ctx.append(
    loaded,
    { type: 'note', kind: 'child', noteId: 'forged-after-seal', text: INJECTED, version: 1 },
    'sessions.addNote',
  );
  return event.seq;
}

/**
 * The offline attack: the closed vault file opened with better-sqlite3 and Ivan's passphrase;
 * a child note encrypted under the session's key, the summary moved on to it, and an audit
 * entry signed with Ivan's own staff key, in one transaction.
 */
function injectOffline(dir: string, sessionId: string): number {
  const insider = openAsInsider(dir, 'ivan', PASS);
  try {
    const secretKey = readSigningKey(insider.records, 'ivan');
    const audit = new AuditLog(insider.db, insider.keys, insider.vaultId, () => ({
      publicKey: secretKey.slice(32),
      sign: (m) => signDetached(m, secretKey),
    }));
    const summary = insider.records.get<{ eventCount: number; head: string }>(
      `summary:${sessionId}`,
    )!;
    const seq = summary.value.eventCount + 1;
    const previous = insider.records.get<SessionEvent>(eventRecordId(sessionId, seq - 1))!;
    const event = {
      type: 'note',
      kind: 'child',
      noteId: 'offline-after-seal',
      text: INJECTED,
      version: 1,
      seq,
      at: new Date().toISOString(),
      elapsedMs: previous.value.elapsedMs,
      recordingOffsetMs: null,
      by: 'ivan',
    } as SessionEvent;
    insider.db.transaction(() => {
      const eventRef = insider.records.put(
        { ...previous.address, recordId: eventRecordId(sessionId, seq), seq },
        event,
      );
      const summaryRef = insider.records.put(
        { ...summary.address, seq: summary.address.seq + 1 },
        { ...summary.value, eventCount: seq, head: nextHash(summary.value.head, event, 3) },
      );
      audit.append({
        at: event.at,
        actor: 'ivan',
        action: 'sessions.addNote',
        target: sessionId,
        records: [eventRef, summaryRef],
      });
    })();
    return seq;
  } finally {
    insider.db.close();
  }
}

/** Every text file of a bundle directory, concatenated. */
function bundleText(path: string): string {
  return readdirSync(path)
    .map((f) => readFileSync(join(path, f)).toString('latin1'))
    .join('\n');
}

/** Addendum, export, bundle verify and vault check of a sealed session with an event after it. */
async function expectNamedNotBlocking(
  core: Core,
  sessionId: string,
  injectedSeq: number,
  out: string,
): Promise<void> {
  const verdict = await call(core, 'sessions.verify', { sessionId });
  const named = { seq: injectedSeq, by: 'ivan', type: 'note', kind: 'child' };
  expect(verdict).toMatchObject({
    ok: false,
    code: 'FOREIGN_EVENT',
    foreignEvents: [],
    writtenAfterSeal: [expect.objectContaining(named)],
    reason: expect.stringMatching(
      new RegExp(
        `event ${injectedSeq} \\(child note, stated time .*\\) was written after the seal by ivan, not by ola who sealed`,
      ),
    ),
  });
  expect(JSON.stringify(verdict)).not.toContain('INJECTED');

  // Addenda stay possible: the sealer's, over the chain with Ivan's note in it.
  const addendum = await call(core, 'sessions.addAddendum', {
    sessionId,
    text: 'Event written after my seal is not mine.',
  });
  expect(addendum.seq).toBe(injectedSeq + 1);

  // The export goes through; the note is withheld (its digest only) and named.
  const exported = await call(core, 'export.sealed', { sessionId, outDir: out });
  expect(bundleText(exported.path)).not.toContain('INJECTED');
  const doc = JSON.parse(readFileSync(join(exported.path, 'transcript.json'), 'utf8'));
  expect(doc.format).toBe('hearth.transcript.v5');
  expect(doc.afterSeal).toEqual([expect.objectContaining(named)]);
  expect(doc.chain.entries[injectedSeq - 1]).toMatchObject({
    seq: injectedSeq,
    withheld: { type: 'note', kind: 'child' },
  });
  expect(doc.addenda).toHaveLength(1);
  expect(doc.withheld.count).toBe(0);
  // Rendition 8 (issue #15): the txt names the event after the addenda, without its content.
  const txt = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
  expect(txt).toContain(
    'WRITTEN AFTER THE SEAL BY SOMEONE OTHER THAN THE INTERVIEWER (NOT part of the sealed transcript)',
  );
  expect(txt).toMatch(
    new RegExp(`\\n {2}Event #${injectedSeq}: child note, written by ivan, stated time \\d{4}-`),
  );
  expect(txt.indexOf('ADDENDA')).toBeLessThan(txt.indexOf('WRITTEN AFTER THE SEAL BY'));
  const custody = readFileSync(join(exported.path, 'custody.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(custody.map((c) => c.action)).toEqual([
    'sealed',
    'written-after-seal',
    'addendum',
    'exported',
  ]);
  expect(custody[1]).toMatchObject({
    actor: 'ivan',
    at: doc.afterSeal[0].at,
    event: { seq: injectedSeq, type: 'note', kind: 'child' },
  });

  const key = await call(core, 'keys.centrePublicKey', {});
  const checked = await call(core, 'export.verify', {
    path: exported.path,
    publicKey: key.publicKey,
  });
  expect(checked).toMatchObject({
    valid: true,
    findingFacts: [
      {
        code: 'writtenAfterSeal',
        params: expect.objectContaining({ seq: injectedSeq, interviewer: 'ola' }),
      },
    ],
  });
  expect(checked.findings?.[0]).toMatch(
    new RegExp(
      `^WRITTEN AFTER THE SEAL: event ${injectedSeq} \\(child note, stated time .*\\) was written after the seal by ivan, not by the interviewer ola who sealed it`,
    ),
  );
}

test('R10-14: a colleague note after the seal (core API, two staff users) is named, never blocks the addendum or the export', async () => {
  const core = await makeVault();
  const out = mkdtempSync(join(tmpdir(), 'hearth-r10-14-'));
  try {
    await staff(core);
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const sessionId = await liveInterview(core);
    const honestId = await liveInterview(core);
    const seal = await call(core, 'sessions.finalize', { sessionId });
    await call(core, 'sessions.finalize', { sessionId: honestId });
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    // The genuine app refuses him: the session is sealed and not his.
    expect(
      (
        await core.invoke('sessions.addNote', {
          sessionId,
          kind: 'child',
          text: INJECTED,
        })
      ).ok,
    ).toBe(false);
    const injectedSeq = await injectThroughCore(core, sessionId);
    expect(injectedSeq).toBe(seal.eventCount + 2);
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    await expectNamedNotBlocking(core, sessionId, injectedSeq, out);
    // The honest sealed interview: nothing named.
    expect(await call(core, 'sessions.verify', { sessionId: honestId })).toEqual({ ok: true });
    await call(core, 'vault.lock', {});

    // vault check (admin) names the event: who, which event, after the seal, not the sealer.
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const check = await call(core, 'vault.check', {});
    const found = check.problems.filter((p) => p.id === sessionId);
    expect(found).toContainEqual(
      expect.objectContaining({
        kind: 'written-after-seal',
        detail: expect.stringMatching(
          new RegExp(`event ${injectedSeq} \\(child note.*written after the seal by ivan`),
        ),
      }),
    );
    expect(found.some((p) => p.kind === 'seal')).toBe(false);
    expect(check.problems.some((p) => p.id === honestId)).toBe(false);
    expect(JSON.stringify(check)).not.toContain('INJECTED');
  } finally {
    core.close();
    removeDir(core.vaultDir);
    rmSync(out, { recursive: true, force: true });
  }
});

test('R10-14 offline: an event encrypted into the closed file with one staff passphrase after the seal is named; addendum and export still work', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  const out = mkdtempSync(join(tmpdir(), 'hearth-r10-14o-'));
  let again: Core | undefined;
  try {
    await staff(core);
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const sessionId = await liveInterview(core);
    const seal = await call(core, 'sessions.finalize', { sessionId });
    await call(core, 'vault.lock', {});
    core.close();

    const injectedSeq = injectOffline(dir, sessionId);
    expect(injectedSeq).toBe(seal.eventCount + 2);

    again = Object.assign(makeCore(dir), { recoveryKey: '' });
    await call(again, 'vault.unlock', { username: 'ola', passphrase: PASS });
    await expectNamedNotBlocking(again, sessionId, injectedSeq, out);
  } finally {
    again?.close();
    removeDir(dir);
    rmSync(out, { recursive: true, force: true });
  }
});
