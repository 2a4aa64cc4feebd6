// Red team round 9, R9-2 and R9-7: a colleague's modified client writes into another
// interviewer's LIVE interview the one kind of event R8-D did not cover, a `sealed` event signed
// with his own key (and, as in the red team's client, a session record naming him as the
// interviewer), or an ordinary event that claims `by: <interviewer>` under his own signed audit
// entry. Before the fix either made the interview unsealable and unexportable for good (verify
// TAMPERED, finalize SESSION_SEALED or TAMPERED). Now the real interviewer still seals and
// exports; the forged events are kept, named as foreign by the certified signer of their audit
// entry (not by what they claim), and the prosecutor's verifier names them. The owner checks are
// app code, so they are mocked away exactly while "his" client writes; keys and signatures are
// real. An honest seal stays hearth.seal.v1 byte for byte.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCommand } from '../../../src/cli/commands/verify';
import { sealStatement } from '../../../src/interview/chain';
import { SessionContext } from '../../../src/interview/session-context';
import type * as Forge from '../../helpers/forge-access';
import { forging, forgingWithLoad } from '../../helpers/forge';
import { captureIo } from '../../helpers/cli-io';
import { call, makeVault, removeDir } from '../../helpers/core';
import { liveInterview } from '../../helpers/live-interview';

jest.setTimeout(240_000);

jest.mock('../../../src/interview/session-access', () =>
  jest.requireActual<typeof Forge>('../../helpers/forge-access').forgeableSessionAccess(),
);

const PASS = 'a long enough staff passphrase';
type Core = Awaited<ReturnType<typeof makeVault>>;

/** Ivan's client seals Ola's session: it believes (and writes) that Ivan is the interviewer. */
async function forgeSeal(core: Core, sessionId: string): Promise<number> {
  return forgingWithLoad(
    (l) => ({ ...l, state: { ...l.state, meta: { ...l.state.meta, interviewer: 'ivan' } } }),
    async () => (await call(core, 'sessions.finalize', { sessionId })).eventCount + 1,
  );
}

/** Ivan's client writes a child note that claims Ola wrote it (his own key signs the entry). */
async function forgeNoteAsOla(core: Core, sessionId: string, text: string): Promise<number> {
  const proto = SessionContext.prototype as unknown as { user: SessionContext['user'] };
  const user = proto.user;
  proto.user = function (this: SessionContext) {
    return { ...user.call(this), username: 'ola' };
  };
  try {
    return await forging(
      async () => (await call(core, 'sessions.addNote', { sessionId, kind: 'child', text })).seq,
    );
  } finally {
    proto.user = user;
  }
}

test('R9-2 / R9-7: a forged seal or a note claiming the interviewer leaves the interview sealable and exportable, named as foreign by its signer', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  const out = mkdtempSync(join(tmpdir(), 'hearth-r92-'));
  try {
    for (const [username, displayName] of [
      ['ola', 'Ola Nordmann'],
      ['ivan', 'Ivan Petrov'],
    ] as const)
      await call(core, 'users.add', {
        username,
        displayName,
        role: 'interviewer',
        passphrase: PASS,
      });
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const sealedByIvan = await liveInterview(core);
    const claimsOla = await liveInterview(core);
    const honest = await liveInterview(core);
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    const forgedSealSeq = await forgeSeal(core, sealedByIvan);
    const forgedNoteSeq = await forgeNoteAsOla(core, claimsOla, 'FORGED-AS-OLA');
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const key = await call(core, 'keys.centrePublicKey', {});
    const keyFile = join(out, 'centre.pub');
    writeFileSync(keyFile, key.publicKey);

    for (const [sessionId, forgedSeq, claimed] of [
      [sealedByIvan, forgedSealSeq, undefined],
      [claimsOla, forgedNoteSeq, 'ola'],
    ] as const) {
      // Named before the seal, by the signer of its audit entry: never TAMPERED, never "sealed".
      const before = await call(core, 'sessions.verify', { sessionId });
      expect(before).toMatchObject({
        ok: false,
        code: 'FOREIGN_EVENT',
        reason: expect.stringMatching(/can still be sealed/),
      });
      expect(before.foreignEvents).toContainEqual({ seq: forgedSeq, by: 'ivan' });
      expect(before.foreignEvents!.every((f) => f.by === 'ivan')).toBe(true);
      expect(JSON.stringify(before)).not.toMatch(/FORGED-AS-OLA|after dinner/);
      const summary = await call(core, 'sessions.get', { sessionId });
      expect(summary).toMatchObject({ status: 'active', interviewer: 'ola' });

      // Ola seals (a v2 seal naming Ivan's events), adds an addendum and exports.
      const seal = await call(core, 'sessions.finalize', { sessionId });
      expect(seal.eventCount).toBeGreaterThanOrEqual(forgedSeq);
      const after = await call(core, 'sessions.verify', { sessionId });
      expect(after).toMatchObject({
        ok: false,
        code: 'FOREIGN_EVENT',
        foreignEvents: before.foreignEvents,
        reason: expect.stringMatching(/its seal names these events/),
      });
      await call(core, 'sessions.addAddendum', { sessionId, text: 'Event written by Ivan.' });
      const target = join(out, sessionId);
      mkdirSync(target);
      const exported = await call(core, 'export.sealed', { sessionId, outDir: target });
      const doc = JSON.parse(readFileSync(join(exported.path, 'transcript.json'), 'utf8'));
      expect(doc.format).toBe('hearth.transcript.v3');
      expect(doc.seal.foreignEvents).toEqual(before.foreignEvents);
      expect(doc.session.sealedBy).toBe('ola');
      expect(doc.session.interviewer.username).toBe('ola');

      const verdict = await call(core, 'export.verify', {
        path: exported.path,
        publicKey: key.publicKey,
      });
      expect(verdict.valid).toBe(true);
      expect(verdict).toMatchObject({
        foreignEvents: expect.arrayContaining([{ seq: forgedSeq, by: 'ivan', withheld: false }]),
        // The writer is the signer of the audit entry; what the event claims is stated beside it.
        findingFacts: expect.arrayContaining([
          claimed === undefined
            ? {
                code: 'foreignEvent',
                params: { seq: forgedSeq, writer: 'ivan', interviewer: 'ola' },
              }
            : {
                code: 'foreignEventClaimed',
                params: { seq: forgedSeq, writer: 'ivan', interviewer: 'ola', claimed },
              },
        ]),
      });
      const txt = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
      expect(txt).toMatch(new RegExp(`Written by others: .*#${forgedSeq} ivan`));
      expect(txt).toContain(
        claimed === undefined
          ? '!! FOREIGN_EVENT: written by ivan, not by the interviewer'
          : `!! FOREIGN_EVENT: written by ivan under the name ${claimed}, not by the interviewer`,
      );
      const io = captureIo();
      expect(await verifyCommand([exported.path, '--key', keyFile], io)).toBe(3);
      expect(io.stdout()).toContain(
        claimed === undefined
          ? `FOREIGN_EVENT: event ${forgedSeq} of the sealed record was written by ivan`
          : `FOREIGN_EVENT: event ${forgedSeq} of the sealed record says it was written by ${claimed}, but the seal names ivan`,
      );
    }

    // The honest interview: a v1 seal over exactly the v1 statement, no finding.
    await call(core, 'sessions.finalize', { sessionId: honest });
    expect(await call(core, 'sessions.verify', { sessionId: honest })).toEqual({ ok: true });
    const honestOut = join(out, 'honest');
    mkdirSync(honestOut);
    const exported = await call(core, 'export.sealed', { sessionId: honest, outDir: honestOut });
    const doc = JSON.parse(readFileSync(join(exported.path, 'transcript.json'), 'utf8'));
    expect(doc.format).toBe('hearth.transcript.v2');
    const sealed = doc.chain.entries[doc.seal.eventCount].event;
    expect(sealed.foreignEvents).toBeUndefined();
    const v1 = Buffer.from(
      sealStatement({
        sessionId: honest,
        head: sealed.head,
        eventCount: sealed.eventCount,
        sealedAt: sealed.at,
        signer: sealed.signer,
        signerPublicKey: sealed.signerPublicKey,
      }),
    ).toString('utf8');
    expect(v1.startsWith('hearth.seal.v1\n')).toBe(true);
    const io = captureIo();
    expect(await verifyCommand([exported.path, '--key', keyFile], io)).toBe(0);
  } finally {
    core.close();
    rmSync(out, { recursive: true, force: true });
    removeDir(dir);
  }
});
