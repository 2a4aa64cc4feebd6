// One source of truth for whether an interview is interpreter-mediated (issue #19 audit, item 1):
// a Spanish-speaking child with an English-speaking interviewer, the commonest US case, with no
// interpreter flag set anywhere by hand. The planning record, the session's sealed observers and
// the export header must agree, and "not needed" across languages needs a recorded reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, callError, makeVault, removeDir, tempDir } from '../../helpers/core';
import { interpreterNeed, languagesDiffer } from '../../../src/protocols/interpreter-need';

jest.setTimeout(180_000);

async function spanishChildCase() {
  const core = await makeVault();
  // No interpreterNeeded given: the case intake left the box alone.
  const { caseId } = await call(core, 'cases.create', {
    reference: 'INTERP-1',
    childAlias: 'Luz',
    childAgeYears: 9,
    language: 'es',
  });
  return Object.assign(core, { caseId });
}

describe('the rule (protocols/interpreter-need)', () => {
  test.each([
    ['es', 'en', true],
    ['es-MX', 'en', true],
    ['mam', 'es', true],
    ['es', 'es-419', false],
    ['es-MX', 'es', false],
    ['EN', 'en-US', false],
    ['und', 'en', false],
    ['es', undefined, false],
  ])('languagesDiffer(%s, %s) is %s', (a, b, expected) =>
    expect(languagesDiffer(a, b)).toBe(expected),
  );
  test('recorded wins; differing languages need a reason to do without', () => {
    expect(
      interpreterNeed({ recorded: true, childLanguage: 'en', interviewLanguage: 'en' }),
    ).toEqual({ needed: true, basis: 'recorded' });
    expect(
      interpreterNeed({ recorded: false, childLanguage: 'es', interviewLanguage: 'en' }),
    ).toEqual({ needed: true, basis: 'languages-differ' });
    expect(
      interpreterNeed({
        recorded: false,
        childLanguage: 'es',
        interviewLanguage: 'en',
        notNeededReason: '   ',
      }).needed,
    ).toBe(true);
    expect(
      interpreterNeed({
        recorded: false,
        childLanguage: 'es',
        interviewLanguage: 'en',
        notNeededReason: 'Bilingual; chose English',
      }),
    ).toEqual({ needed: false, basis: 'reason-recorded' });
  });
});

test('planning carries the case language, refuses "not needed" across languages without a reason, and keeps the case in step', async () => {
  const core = await spanishChildCase();
  try {
    const before = await call(core, 'planning.get', { caseId: core.caseId });
    expect(before.interpreter.childLanguage).toBe('es');

    const refused = await callError(core, 'planning.update', {
      caseId: core.caseId,
      interpreter: { needed: false, interviewLanguage: 'en' },
    });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(/differs from the interview language/);
    expect(refused.message).toMatch(/Mark an interpreter as needed, or record in notNeededReason/);
    // Nothing was written.
    expect((await call(core, 'planning.get', { caseId: core.caseId })).version).toBe(0);

    const needed = await call(core, 'planning.update', {
      caseId: core.caseId,
      interpreter: { needed: true, interviewLanguage: 'en', name: 'Marta Q' },
    });
    expect(needed.interpreter).toMatchObject({ needed: true, childLanguage: 'es' });
    expect((await call(core, 'cases.get', { caseId: core.caseId })).interpreterNeeded).toBe(true);

    const bilingual = await call(core, 'planning.update', {
      caseId: core.caseId,
      interpreter: {
        needed: false,
        interviewLanguage: 'en',
        notNeededReason: 'Bilingual; asked for English',
      },
    });
    expect(bilingual.interpreter).toMatchObject({
      needed: false,
      notNeededReason: 'Bilingual; asked for English',
    });
    expect((await call(core, 'cases.get', { caseId: core.caseId })).interpreterNeeded).toBe(false);
    // Same language: no reason needed.
    const same = await call(core, 'planning.update', {
      caseId: core.caseId,
      interpreter: { needed: false, interviewLanguage: 'es-419' },
    });
    expect(same.interpreter.needed).toBe(false);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('an English session for a Spanish-speaking child is interpreter-mediated in the sealed record and the export header, with no flag set by hand', async () => {
  const core = await spanishChildCase();
  const out = tempDir();
  try {
    // The case flag was never set, and nobody planned anything.
    expect((await call(core, 'cases.get', { caseId: core.caseId })).interpreterNeeded).toBe(false);
    const { sessionId } = await call(core, 'sessions.start', {
      caseId: core.caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
      observers: [{ role: 'interpreter', name: 'Marta Q' }],
    });
    const summary = await call(core, 'sessions.get', { sessionId });
    expect(summary.observers.filter((o) => o.role === 'interpreter')).toHaveLength(1);
    // es and es-MX turns: one language, one direction in the header.
    for (const language of ['es', 'es-MX'])
      await call(core, 'sessions.addNote', {
        sessionId,
        kind: 'child',
        text: 'We went in his car.',
        interpreted: true,
        original: { text: 'Fuimos en su carro.', language },
      });
    await call(core, 'sessions.finalize', { sessionId });
    const { path } = await call(core, 'export.sealed', { sessionId, outDir: out });
    const txt = readFileSync(join(path, 'transcript.txt'), 'utf8');
    expect(txt).toMatch(/Interview language: +English, interpreter present/);
    expect(txt).not.toMatch(/no interpreter/i);
    expect(txt).toMatch(/Interpreted: 2 child turns Spanish→English; interpreter: Marta Q/);
    const { publicKey } = await call(core, 'keys.centrePublicKey', {});
    expect((await call(core, 'export.verify', { path, publicKey })).valid).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});

test('no interpreter listed at start: the session adds one when the languages differ, not when they match', async () => {
  const core = await spanishChildCase();
  try {
    const start = (language: string) =>
      call(core, 'sessions.start', {
        caseId: core.caseId,
        protocolId: 'nichd',
        mode: 'live',
        language,
      });
    const english = await start('en');
    const en = await call(core, 'sessions.get', { sessionId: english.sessionId });
    expect(en.observers.map((o) => o.role)).toEqual(['interpreter']);
    await call(core, 'sessions.finalize', { sessionId: english.sessionId });
    const spanish = await start('es');
    const es = await call(core, 'sessions.get', { sessionId: spanish.sessionId });
    expect(es.observers).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
