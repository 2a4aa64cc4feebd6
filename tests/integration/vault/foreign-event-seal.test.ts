// Red team rounds 7 and 8 (R7-6, R8-D): a colleague's modified client (the owner check is app
// code, so it is mocked away here exactly while "his" client writes) adds a child note to
// another interviewer's LIVE interview under his own valid signature. Refusing the seal for ever
// let any colleague deny the evidence of any live interview (R8-D). Now the interviewer seals
// with the event kept and NAMED: sessions.verify reports FOREIGN_EVENT (seq, writer) before and
// after the seal, the signed seal, the custody record and transcript.json name it, the txt and
// PDF mark it, and the prosecutor's verifier (API and CLI, en and es) shows it as a finding while
// the bundle's signatures and integrity still verify. An honest session has no such finding.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCommand } from '../../../src/cli/commands/verify';
import { sealMessage, validSignature } from '../../../src/export/seal';
import type * as SessionAccess from '../../../src/interview/session-access';
import { captureIo } from '../../helpers/cli-io';
import { call, callError, makeVault, removeDir } from '../../helpers/core';
import { liveInterview } from '../../helpers/live-interview';

jest.setTimeout(180_000);

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

async function forgeNote(core: Core, sessionId: string, text: string): Promise<number> {
  FORGE = true;
  try {
    return (await call(core, 'sessions.addNote', { sessionId, kind: 'child', text })).seq;
  } finally {
    FORGE = false;
  }
}

test('R8-D: a note forged into a colleague live interview is named at verify, seal, export and bundle verify, never refused for ever', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  const out = mkdtempSync(join(tmpdir(), 'hearth-r8d-'));
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
    const sessionId = await liveInterview(core);
    const honestId = await liveInterview(core);
    expect(await call(core, 'sessions.verify', { sessionId })).toEqual({ ok: true });
    await call(core, 'vault.lock', {});

    // Ivan: the genuine app refuses; his modified client writes under his own key, offline.
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    expect(
      (await callError(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'FORGED-TEXT' }))
        .code,
    ).toBe('FORBIDDEN');
    const forgedSeq = await forgeNote(core, sessionId, 'FORGED-TEXT');
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: 'question',
      text: 'What happened next?',
    });
    const before = await call(core, 'sessions.verify', { sessionId });
    // Everything Ivan's client wrote into the session (the forged note, and the marks of his
    // client taking the live session over) is his, and named as his; nothing of Ola's is.
    const ivanEvents = before.foreignEvents ?? [];
    expect(ivanEvents).toContainEqual({ seq: forgedSeq, by: 'ivan' });
    expect(ivanEvents.every((f) => f.by === 'ivan' && f.seq > 2)).toBe(true);
    expect(before).toMatchObject({
      ok: false,
      code: 'FOREIGN_EVENT',
      firstBadEvent: ivanEvents[0]!.seq,
      foreignEvents: ivanEvents,
      reason: expect.stringMatching(
        new RegExp(
          `event ${forgedSeq} was written by ivan, not by the session's interviewer ola.*can still be sealed`,
        ),
      ),
    });
    expect(JSON.stringify(before)).not.toMatch(/FORGED-TEXT|after dinner/);

    // The interviewer seals; the seal names the event.
    const seal = await call(core, 'sessions.finalize', { sessionId });
    const events = await call(core, 'sessions.timeline', { sessionId });
    expect(events.events.length).toBeGreaterThan(0);
    const after = await call(core, 'sessions.verify', { sessionId });
    expect(after).toMatchObject({
      ok: false,
      code: 'FOREIGN_EVENT',
      foreignEvents: ivanEvents,
      reason: expect.stringMatching(/its seal names these events/),
    });
    // An addendum still signs onto it; the finding stays.
    await call(core, 'sessions.addAddendum', { sessionId, text: 'Ivan wrote event 3; not mine.' });
    expect(await call(core, 'sessions.verify', { sessionId })).toMatchObject({
      code: 'FOREIGN_EVENT',
    });

    const exported = await call(core, 'export.sealed', { sessionId, outDir: out });
    const doc = JSON.parse(readFileSync(join(exported.path, 'transcript.json'), 'utf8'));
    expect(doc.format).toBe('hearth.transcript.v3');
    expect(doc.seal.foreignEvents).toEqual(ivanEvents);
    expect(doc.seal.eventCount).toBe(seal.eventCount);
    const sealedEvent = (doc.chain.entries as Array<{ event: Record<string, unknown> }>)[
      seal.eventCount
    ]!.event as {
      head: string;
      eventCount: number;
      at: string;
      signer: string;
      signerPublicKey: string;
      signature: string;
      foreignEvents: Array<{ seq: number; by: string }>;
    };
    expect(sealedEvent).toMatchObject({
      type: 'sealed',
      foreignEvents: ivanEvents,
    });
    const custody = readFileSync(join(exported.path, 'custody.jsonl'), 'utf8').split('\n');
    expect(JSON.parse(custody[0]!)).toMatchObject({
      action: 'sealed',
      actor: 'ola',
      foreignEvents: ivanEvents,
    });
    const txt = readFileSync(join(exported.path, 'transcript.txt'), 'utf8');
    expect(txt).toMatch(
      new RegExp(
        `Written by others: +${ivanEvents.map((f) => `#${f.seq} ivan`).join(', ')}: not by the interviewer`,
      ),
    );
    expect(txt).toMatch(
      new RegExp(
        `#${forgedSeq} .*\\n    FORGED-TEXT\\n    !! FOREIGN_EVENT: written by ivan, not by the interviewer`,
      ),
    );
    const pdf = spawnSync('pdftotext', [join(exported.path, 'transcript.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(pdf.stdout.replace(/\s+/g, ' ')).toContain(
      '!! FOREIGN_EVENT: written by ivan, not by the interviewer',
    );

    // The prosecutor's verifier: valid (signatures, integrity), with the finding first.
    const key = await call(core, 'keys.centrePublicKey', {});
    const verdict = await call(core, 'export.verify', {
      path: exported.path,
      publicKey: key.publicKey,
    });
    expect(verdict).toMatchObject({
      valid: true,
      foreignEvents: ivanEvents.map((f) => ({
        ...f,
        // The bundle carries only the signers' certificates: the writer is named by username.
        withheld: false,
      })),
      findingFacts: expect.arrayContaining([
        {
          code: 'foreignEvent',
          params: { seq: forgedSeq, writer: 'ivan', interviewer: 'ola' },
        },
      ]),
    });
    expect(verdict.findingFacts).toHaveLength(ivanEvents.length);
    expect(verdict.findings?.[0]).toMatch(
      /^FOREIGN_EVENT: event \d+ of the sealed record was written by ivan, not by the interviewer ola\..*ask the centre/,
    );
    const keyFile = join(out, 'centre.pub');
    writeFileSync(keyFile, key.publicKey);
    for (const [lang, title, line] of [
      [
        'en',
        'FINDINGS (read these first):',
        `FOREIGN_EVENT: event ${forgedSeq} of the sealed record was written by ivan`,
      ],
      [
        'es',
        'HALLAZGOS (léalos primero):',
        `FOREIGN_EVENT: el evento ${forgedSeq} del registro sellado lo escribió ivan`,
      ],
    ] as const) {
      const io = captureIo();
      // R9-9: valid with findings exits 3, never 0 (a script checking the code must not pass it).
      expect(await verifyCommand([exported.path, '--key', keyFile, '--lang', lang], io)).toBe(3);
      const lines = io.stdout().split('\n');
      // Right under the headline, before what the bundle proves.
      expect(lines[1]).toBe(title);
      expect(lines.slice(2, 2 + ivanEvents.length).join('\n')).toContain(line);
    }

    const jsonIo = captureIo();
    expect(await verifyCommand([exported.path, '--key', keyFile, '--json'], jsonIo)).toBe(3);
    expect(JSON.parse(jsonIo.stdout())).toMatchObject({ valid: true });

    // The list is under the interviewer's signature: the seal without it does not verify.
    const sealFields = {
      sessionId,
      head: sealedEvent.head,
      eventCount: sealedEvent.eventCount,
      sealedAt: sealedEvent.at,
      sealedBy: sealedEvent.signer,
      signerPublicKey: sealedEvent.signerPublicKey,
    };
    expect(
      validSignature(
        sealedEvent.signature,
        sealMessage({ ...sealFields, foreignEvents: sealedEvent.foreignEvents }),
        sealedEvent.signerPublicKey,
      ),
    ).toBe(true);
    expect(
      validSignature(sealedEvent.signature, sealMessage(sealFields), sealedEvent.signerPublicKey),
    ).toBe(false);

    // The honest interview: no finding anywhere.
    const honestSeal = await call(core, 'sessions.finalize', { sessionId: honestId });
    expect(honestSeal.eventCount).toBeGreaterThan(0);
    expect(await call(core, 'sessions.verify', { sessionId: honestId })).toEqual({ ok: true });
    const honestOut = join(out, 'honest');
    mkdirSync(honestOut);
    const honest = await call(core, 'export.sealed', { sessionId: honestId, outDir: honestOut });
    const honestDoc = JSON.parse(readFileSync(join(honest.path, 'transcript.json'), 'utf8'));
    expect(honestDoc.format).toBe('hearth.transcript.v2');
    expect(honestDoc.seal.foreignEvents).toBeUndefined();
    expect(readFileSync(join(honest.path, 'transcript.txt'), 'utf8')).not.toMatch(
      /FOREIGN_EVENT|Written by others/,
    );
    const honestVerdict = await call(core, 'export.verify', {
      path: honest.path,
      publicKey: key.publicKey,
    });
    expect(honestVerdict).toMatchObject({
      valid: true,
      foreignEvents: [],
      findings: [],
      findingFacts: [],
    });
    const io = captureIo();
    expect(await verifyCommand([honest.path, '--key', keyFile], io)).toBe(0);
    expect(io.stdout()).not.toMatch(/FINDINGS|FOREIGN_EVENT/);
  } finally {
    core.close();
    rmSync(out, { recursive: true, force: true });
    removeDir(dir);
  }
});
