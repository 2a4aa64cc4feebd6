// Red team round 9, R9-4 and R9-5: the txt/PDF marked only the events the seal's own list named.
// The interviewer's modified client (assertIntact skipped while "her" client seals and exports)
// signs an old-style hearth.seal.v1 over a chain holding a colleague's forged child note: the
// verifier reported the note from the chain's `by`, but transcript.txt/PDF showed it as ordinary
// text, the finding said "The seal names it" (false), and an export withholding child notes left
// the forged note unnamed by any finding. Now the marks and the findings come from one list, worded
// by what the bundle can show, and a withheld event whose writer the bundle cannot show is named.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCommand } from '../../../src/cli/commands/verify';
import type * as SessionAccess from '../../../src/interview/session-access';
import type * as SessionVerify from '../../../src/interview/session-verify';
import { captureIo } from '../../helpers/cli-io';
import { call, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(240_000);

let FORGE = false;
let SKIP_INTACT = false;
jest.mock('../../../src/interview/session-access', () => {
  const real = jest.requireActual<typeof SessionAccess>('../../../src/interview/session-access');
  return {
    ...real,
    assertCanWrite: (...args: Parameters<typeof real.assertCanWrite>) =>
      FORGE ? undefined : real.assertCanWrite(...args),
  };
});
jest.mock('../../../src/interview/session-verify', () => {
  const real = jest.requireActual<typeof SessionVerify>('../../../src/interview/session-verify');
  return {
    ...real,
    assertIntact: (...args: Parameters<typeof real.assertIntact>) =>
      SKIP_INTACT ? [] : real.assertIntact(...args),
    // The export reads the same check with the events written after the seal (R10-14).
    assertIntactRecord: (...args: Parameters<typeof real.assertIntactRecord>) =>
      SKIP_INTACT ? { foreignEvents: [], writtenAfterSeal: [] } : real.assertIntactRecord(...args),
  };
});

const PASS = 'a long enough staff passphrase';
const SECRET = 'FORGED-CHILD-NOTE';

test('R9-4 / R9-5: a v1 seal over a colleague note: txt, PDF and findings mark it, and a withheld one is named', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  const out = mkdtempSync(join(tmpdir(), 'hearth-r94-'));
  try {
    for (const username of ['ola', 'ivan'])
      await call(core, 'users.add', {
        username,
        displayName: username.toUpperCase(),
        role: 'interviewer',
        passphrase: PASS,
      });
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-R94',
      childAlias: 'Robin',
      childAgeYears: 8,
      language: 'en',
    });
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'question', text: 'Tell me.' });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'After dinner.' });
    const key = await call(core, 'keys.centrePublicKey', {});
    const keyFile = join(out, 'centre.pub');
    writeFileSync(keyFile, key.publicKey);
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    FORGE = true;
    const forgedSeq = (
      await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: SECRET })
    ).seq;
    FORGE = false;
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const ivanEvents = (await call(core, 'sessions.verify', { sessionId })).foreignEvents!;
    expect(ivanEvents).toContainEqual({ seq: forgedSeq, by: 'ivan' });
    SKIP_INTACT = true;
    await call(core, 'sessions.finalize', { sessionId });
    const fullDir = join(out, 'full');
    const partDir = join(out, 'part');
    mkdirSync(fullDir);
    mkdirSync(partDir);
    const full = await call(core, 'export.sealed', { sessionId, outDir: fullDir });
    const part = await call(core, 'export.sealed', {
      sessionId,
      outDir: partDir,
      choices: {
        includeCaseReference: false,
        includeChildAlias: false,
        includeAllegationSummary: false,
        includeObserverNames: false,
        noteKinds: ['question'],
        includeCoding: false,
        includeImportedTranscript: false,
      },
    });
    SKIP_INTACT = false;
    // The vault itself names the seal that leaves the colleague's events out.
    expect(await call(core, 'sessions.verify', { sessionId })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/names other events .* than the chain shows/),
    });

    // The full export: every event of Ivan's is a finding worded "the seal does not name it"
    // (the writer by username: only the signers' certificates travel in the bundle),
    // and marked in the txt and the PDF.
    const doc = JSON.parse(readFileSync(join(full.path, 'transcript.json'), 'utf8'));
    expect(doc.format).toBe('hearth.transcript.v2');
    const verdict = await call(core, 'export.verify', {
      path: full.path,
      publicKey: key.publicKey,
    });
    expect(verdict.valid).toBe(true);
    expect(verdict.findingFacts).toEqual(
      ivanEvents.map((f) => ({
        code: 'foreignEventUnnamed',
        params: { seq: f.seq, writer: 'ivan', interviewer: 'ola' },
      })),
    );
    expect(verdict.findings!.join('\n')).not.toMatch(/The seal names it/);
    expect(verdict.findings![0]).toMatch(/The seal does not name it/);
    const txt = readFileSync(join(full.path, 'transcript.txt'), 'utf8');
    expect(txt).toMatch(
      new RegExp(
        `Not named by the seal: +${ivanEvents.map((f) => `#${f.seq} ivan`).join(', ')}: not by the interviewer; the seal does not name them`,
      ),
    );
    expect(txt).toMatch(
      new RegExp(
        `#${forgedSeq} .*\\n    ${SECRET}\\n    !! FOREIGN_EVENT: written by ivan, not by the interviewer`,
      ),
    );
    expect(txt).not.toMatch(/Written by others/);
    const pdf = spawnSync('pdftotext', [join(full.path, 'transcript.pdf'), '-'], {
      encoding: 'utf8',
    });
    const pdfText = pdf.stdout.replace(/\s+/g, ' ');
    expect(pdfText).toContain('!! FOREIGN_EVENT: written by ivan, not by the interviewer');
    expect(pdfText).toContain('Not named by the seal');
    const io = captureIo();
    expect(await verifyCommand([full.path, '--key', keyFile], io)).toBe(3);

    // The export that withholds child notes: Ivan's note is withheld, and named as a withheld
    // event whose writer the bundle cannot show (no plaintext anywhere in the verdict).
    const partVerdict = await call(core, 'export.verify', {
      path: part.path,
      publicKey: key.publicKey,
    });
    expect(partVerdict.valid).toBe(true);
    expect(partVerdict.findingFacts).toContainEqual({
      code: 'foreignWriterUnknown',
      params: { seq: forgedSeq, interviewer: 'ola' },
    });
    expect(JSON.stringify(partVerdict)).not.toContain(SECRET);
    const partTxt = readFileSync(join(part.path, 'transcript.txt'), 'utf8');
    expect(partTxt).toMatch(new RegExp(`Writer not shown: +.*#${forgedSeq}\\b`));
    expect(partTxt).not.toContain(SECRET);
    const partIo = captureIo();
    expect(await verifyCommand([part.path, '--key', keyFile], partIo)).toBe(3);
    expect(partIo.stdout()).toContain(`WRITER NOT SHOWN: event ${forgedSeq} of the sealed record`);
  } finally {
    core.close();
    rmSync(out, { recursive: true, force: true });
    removeDir(dir);
  }
});
