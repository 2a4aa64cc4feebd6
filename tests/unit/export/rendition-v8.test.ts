// Rendition 8 (issue #15, es-419 review es11, B19e-7): the events written after the seal are
// named in the txt and the PDF (writer, stated time, kind; never the content) and said not to be
// part of the sealed transcript; the Spanish wording takes the review's findings on rendition 7.
// Version 7 shipped and stays frozen: bundles integ11's code exported with it (fixtures) still
// re-render byte for byte and print what they printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initCrypto } from '../../../src/crypto';
import {
  buildBundle,
  DEFAULT_CHOICES,
  parseTrustedKey,
  verifyBundleFiles,
} from '../../../src/export';
import type { TranscriptDocument } from '../../../src/export/document';
import { ageText } from '../../../src/export/format';
import { renderPdf } from '../../../src/export/pdf';
import { RENDITION_VERSION } from '../../../src/export/rendition';
import { renderText } from '../../../src/export/text';
import { pdfText, storedBundle } from '../../helpers/stored-bundles';
import { wordsFor } from '../../../src/export/words';
import v7En from '../../../src/export/frozen-wording/v7.en.json';
import v7Es from '../../../src/export/frozen-wording/v7.es.json';
import { syntheticTranscript } from '../../fixtures/export/synthetic';
import { CONTEXT, text, trustedKeyOf } from './helpers';

// Exported by integ11's code at 67f1c98 (rendition 7), before version 8 (synthetic data).
// v7-bundle: the Spanish interview of the v6 fixture (seed 19, observer queue, interpreted turns).
// v7-after-seal-bundle: a vault-made Spanish interview sealed by ola, into which ivan's modified
// client wrote a child note and a distress mark after the seal, then ola's addendum.
const fixture = storedBundle;

beforeAll(async () => {
  await initCrypto();
});

test('this Hearth writes rendition 8 or later (9: rendition-v9.test.ts)', () => {
  expect(RENDITION_VERSION).toBeGreaterThanOrEqual(8);
});

describe.each(['v7-bundle', 'v7-after-seal-bundle'])('a version-7 bundle (%s)', (name) => {
  test('re-renders byte for byte, verifies, and prints version 7’s words', async () => {
    const { files, centre } = fixture(name);
    const verdict = await verifyBundleFiles(files, parseTrustedKey(centre)!);
    if (!verdict.valid) throw new Error(`${verdict.failure}: ${verdict.reason}`);
    expect(verdict.rendition).toMatchObject({ version: 7, language: 'es', reRendered: true });
    const txt = text(files.get('transcript.txt'));
    expect(txt).toContain('Cabeza del sello:');
    expect(txt).not.toContain('Valor final de la cadena sellada');
    expect(txt).not.toContain('ESCRITO DESPUÉS DEL SELLADO');
    expect(pdfText(files.get('transcript.pdf'))).not.toContain('Escrito después del sellado por');
  }, 600_000);
});

test('version 7 keeps every word of its frozen catalog (en and es)', () => {
  for (const [language, frozen] of [
    ['en', v7En],
    ['es', v7Es],
  ] as const) {
    const w = wordsFor({ version: 7, language, utcOffsetMinutes: 0 });
    const v8 = wordsFor({ version: 8, language, utcOffsetMinutes: 0 });
    let changed = 0;
    for (const [key, value] of Object.entries(frozen)) {
      if (typeof value !== 'string') continue;
      const blank = value.replace(/\{\{\w+\}\}/g, '');
      expect([key, w.t(key as never)]).toEqual([key, blank]);
      if (v8.t(key as never) !== blank) changed++;
    }
    for (const id of Object.keys(frozen.events))
      expect(w.event(id)).toBe(frozen.events[id as 'note']);
    for (const id of Object.keys(frozen.kinds))
      expect(w.kind(id)).toBe(frozen.kinds[id as 'child']);
    for (const id of Object.keys(frozen.subtypes))
      expect(w.lookup('subtypes', id)).toBe(frozen.subtypes[id as 'wh']);
    for (const id of Object.keys(frozen.codings))
      expect(w.coding(id)).toBe(frozen.codings[id as 'facilitator'].toLowerCase());
    for (const n of [1, 2])
      expect(w.count('questionTurn', n, { from: 'a', to: 'b' })).toBe(
        frozen.plural[n === 1 ? 'questionTurn_one' : 'questionTurn_other']
          .replace('{{count}}', String(n))
          .replace('{{from}}', 'a')
          .replace('{{to}}', 'b'),
      );
    // Spanish is reworded in 8; English only gains keys.
    if (language === 'es') expect(changed).toBeGreaterThanOrEqual(15);
    else expect(changed).toBe(0);
  }
});

test('version 8 Spanish takes the es-419 review (E11-3/4/15..21, B19e-7)', () => {
  const w = wordsFor({ version: 8, language: 'es', utcOffsetMinutes: 0 });
  expect(w.t('teamAsksSuggestion', { seq: 7 })).toBe(
    'hace la pregunta sugerida por observador (n.º 7)',
  );
  expect(w.t('teamAsksHiddenSuggestion')).toBe('hace una pregunta sugerida por un observador');
  expect(w.event('distress-observed')).toBe('Malestar observado');
  expect(w.kind('question')).toBe('Pregunta de quien entrevista');
  expect(w.count('questionTurn', 2, { from: 'español', to: 'inglés' })).toBe(
    '2 turnos de quien entrevista español→inglés',
  );
  expect(w.t('foreignEventMark', { who: 'ana' })).toBe(
    '!! FOREIGN_EVENT: escrito por ana, no por quien hizo la entrevista',
  );
  expect(w.t('teamEnteredBy', { who: 'ana' })).toBe(
    '(ingresada en el puesto de quien entrevista por ana)',
  );
  expect(w.t('sealHead')).toBe('Valor final de la cadena sellada');
  expect(w.t('teamBriefingNotDone')).toBe(
    'no consta que se completara la preparación de la persona intérprete',
  );
  expect(w.t('teamQuestionRendering', { language: 'inglés' })).toBe(
    'según la interpretación de la persona intérprete (inglés)',
  );
  expect(w.lookup('subtypes', 'wh')).toBe('pregunta de qué/dónde/quién');
  expect(w.coding('facilitator')).toBe('facilitadora');
  // One quote style (“…”) in the whole Spanish catalog.
  const all = JSON.stringify(
    JSON.parse(readFileSync(join(__dirname, '../../../locales/es/transcript.json'), 'utf8')),
  );
  expect(all).not.toMatch(/[«»]|\\"/);
});

test('a new export (version 8 or later) keeps the review’s words and “interpretada” in the txt (es)', async () => {
  const { input, interviewerKey, centreKey } = syntheticTranscript({
    notes: 14,
    turns: 0,
    addenda: 1,
    durationMs: 20 * 60 * 1000,
    seed: 19,
    extras: true,
    interpretedEdges: true,
  });
  const built = await buildBundle(
    input,
    DEFAULT_CHOICES,
    { ...CONTEXT, utcOffsetMinutes: -300 },
    { username: 'ivan', displayName: 'Iván Muñoz', ...interviewerKey },
  );
  const verdict = await verifyBundleFiles(built.files, trustedKeyOf(centreKey));
  if (!verdict.valid) throw new Error(`${verdict.failure}: ${verdict.reason}`);
  expect(verdict.rendition).toMatchObject({ version: RENDITION_VERSION, reRendered: true });
  const txt = text(built.files.get('transcript.txt'));
  expect(txt).toContain('Pregunta de quien entrevista (interpretada)');
  expect(txt).not.toContain('(interpretado)');
  expect(txt).toContain('Malestar observado');
  expect(txt).toContain('Valor final de la cadena sellada:');
  expect(txt).toContain(
    'Turnos interpretados: 2 turnos de quien entrevista español→inglés; 2 turnos de la persona entrevistada inglés→español;',
  );
  expect(txt).not.toMatch(/entrevistador\/a|Cabeza del sello|Angustia/);
  // A record with nothing written after the seal prints no after-seal section.
  expect(txt).not.toContain('ESCRITO DESPUÉS DEL SELLADO');
}, 600_000);

describe('version 8: the events written after the seal, named without their content', () => {
  const { files } = fixture('v7-after-seal-bundle');
  const doc = JSON.parse(text(files.get('transcript.json'))) as TranscriptDocument;
  const manifest = JSON.parse(text(files.get('manifest.json'))) as {
    bundleFingerprint: string;
    signer: { fingerprint: string; displayName: string };
  };
  const stamp = {
    bundleFingerprint: manifest.bundleFingerprint,
    signerFingerprint: manifest.signer.fingerprint,
    signerName: manifest.signer.displayName,
  };
  const v8 = (language: 'en' | 'es') => ({ version: 8, language, utcOffsetMinutes: -300 });
  const [note, distress] = doc.afterSeal!;

  test('the fixture holds two after-seal events and no trace of their text', () => {
    expect(doc.afterSeal).toHaveLength(2);
    expect(JSON.stringify(doc)).not.toContain('NOT SHOWN');
  });

  test('Spanish txt and PDF', async () => {
    const w = wordsFor(v8('es'));
    const txt = renderText(doc, v8('es'));
    const section = txt.slice(txt.indexOf('ESCRITO DESPUÉS DEL SELLADO'));
    expect(section).toContain(
      'ESCRITO DESPUÉS DEL SELLADO POR OTRA PERSONA, NO POR QUIEN HIZO LA ENTREVISTA (NO forma parte de la transcripción sellada)',
    );
    expect(section).toContain(
      `  Evento n.º ${note!.seq}: nota de palabras del niño o la niña, escrito por ivan, hora declarada ${w.dateTime(note!.at)}`,
    );
    expect(section).toContain(
      `  Evento n.º ${distress!.seq}: malestar observado, escrito por ivan, hora declarada ${w.dateTime(distress!.at)}`,
    );
    expect(section).toContain('NO forman parte de la transcripción sellada');
    // After the addenda, and only once.
    expect(txt.indexOf('ADENDAS')).toBeLessThan(txt.indexOf('ESCRITO DESPUÉS DEL SELLADO'));
    expect(txt.split('ESCRITO DESPUÉS DEL SELLADO')).toHaveLength(2);
    const pdf = pdfText(await renderPdf(doc, stamp, v8('es')));
    expect(pdf).toContain(
      'Escrito después del sellado por otras personas Estos eventos NO forman parte',
    );
    expect(pdf).toContain(
      `Evento n.º ${note!.seq}: nota de palabras del niño o la niña, escrito por ivan`,
    );
    expect(pdf).toContain(`Evento n.º ${distress!.seq}: malestar observado, escrito por ivan`);
    expect(pdf).toContain('NO forman parte de la transcripción sellada');
  }, 600_000);

  test('English txt and PDF', async () => {
    const w = wordsFor(v8('en'));
    const txt = renderText(doc, v8('en'));
    expect(txt).toContain(
      'WRITTEN AFTER THE SEAL BY SOMEONE OTHER THAN THE INTERVIEWER (NOT part of the sealed transcript)',
    );
    expect(txt).toContain(
      `  Event #${note!.seq}: child note, written by ivan, stated time ${w.dateTime(note!.at)}`,
    );
    expect(txt).toContain(
      `  Event #${distress!.seq}: distress observed, written by ivan, stated time ${w.dateTime(distress!.at)}`,
    );
    const pdf = pdfText(await renderPdf(doc, stamp, v8('en')));
    expect(pdf).toContain('Written after the seal by others These events are NOT part');
    expect(pdf).toContain(`Event #${note!.seq}: child note, written by ivan`);
    expect(pdf).toContain('These events are NOT part of the sealed transcript');
  }, 600_000);

  test('a type or kind this Hearth does not know is said to be unknown, its code quoted', () => {
    const odd = {
      ...doc,
      afterSeal: [{ seq: 6, by: 'ivan', at: note!.at, type: 'hologram-added' }],
    } as TranscriptDocument;
    expect(renderText(odd, v8('en'))).toContain(
      'Event #6: an event of a type this Hearth does not know (“hologram-added”), written by ivan',
    );
    expect(renderText(odd, v8('es'))).toContain(
      'Evento n.º 6: un evento de un tipo que esta versión de Hearth no conoce (“hologram-added”)',
    );
  });

  test('rendition 7 of the same record prints no after-seal section (frozen)', () => {
    const v7 = renderText(doc, { version: 7, language: 'es', utcOffsetMinutes: 0 });
    expect(v7).toBe(text(files.get('transcript.txt')));
    expect(v7).not.toContain('ESCRITO DESPUÉS');
  });
});

// Practitioner review 11, P11-8: a media-aid event sealed before the phase and the stance's source
// were sealed with it still renders under version 8, saying so; version 7 prints no such line.
describe('version 8: an older media-aid event without a sealed phase or source', () => {
  const { files } = fixture('v7-bundle');
  const doc = JSON.parse(text(files.get('transcript.json'))) as TranscriptDocument;
  const v8 = (language: 'en' | 'es') => ({ version: 8, language, utcOffsetMinutes: -300 });
  const manifest = JSON.parse(text(files.get('manifest.json'))) as {
    bundleFingerprint: string;
    signer: { fingerprint: string; displayName: string };
  };
  const stamp = {
    bundleFingerprint: manifest.bundleFingerprint,
    signerFingerprint: manifest.signer.fingerprint,
    signerName: manifest.signer.displayName,
  };

  test('Spanish and English txt say the phase and the source were not recorded', () => {
    const es = renderText(doc, v8('es'));
    expect(es).toContain(
      'se decidió no usar: diagrama corporal (postura del protocolo: solo después de una revelación verbal) — motivo: No hizo falta\n    fase no registrada; fuente de la postura del protocolo no registrada\n',
    );
    const en = renderText(doc, v8('en'));
    expect(en).toContain(
      '— reason: No hizo falta\n    phase not recorded; source of the protocol stance not recorded\n',
    );
    // Child turns precede it (#11 on), so it is not marked as before anything the child said.
    expect(en).not.toContain('before anything the child said');
  });

  test('the PDF says it too (es)', async () => {
    const pdf = pdfText(await renderPdf(doc, stamp, v8('es')));
    expect(pdf).toContain('fase no registrada; fuente de la postura del protocolo no registrada');
  });

  test('rendition 7 of the same record prints no media line (frozen)', () => {
    const v7 = renderText(doc, { version: 7, language: 'es', utcOffsetMinutes: -300 });
    expect(v7).toBe(text(files.get('transcript.txt')));
    expect(v7).not.toContain('fase no registrada');
  });
});

describe('version 8: an own-words language "Not known" (und) or without a name (B19f-1)', () => {
  const { files } = fixture('v7-bundle');
  const doc = JSON.parse(text(files.get('transcript.json'))) as TranscriptDocument;
  const stamp = {
    bundleFingerprint: 'f'.repeat(64),
    signerFingerprint: 'e'.repeat(64),
    signerName: 'Iván',
  };
  // Turn 28 (interpreted child turn) picked "Not known"; turn 34 (code-switched) is in French,
  // a language the rendition's table does not name.
  const picked = {
    ...doc,
    events: doc.events.map((e) =>
      e.seq === 28 && e.original
        ? { ...e, original: { ...e.original, language: 'und' } }
        : e.seq === 34 && e.original
          ? { ...e, original: { ...e.original, language: 'fr' } }
          : e,
    ),
  } as TranscriptDocument;
  const v = (version: number, language: 'en' | 'es') => ({
    version,
    language,
    utcOffsetMinutes: -300,
  });

  test.each([
    [
      'en',
      "[child's own words (language not recorded), verbatim] He left in his car.",
      '1 child turn language not recorded→Spanish',
      'own words (language code “fr”), verbatim',
    ],
    [
      'es',
      '[palabras propias de la persona entrevistada (idioma no registrado), textuales] He left in his car.',
      '1 turno del niño o la niña idioma no registrado→español',
      'palabras propias de la persona entrevistada (código de idioma “fr”), textuales',
    ],
  ] as const)(
    '%s txt and PDF name it, never the bare code',
    async (language, line, direction, french) => {
      const txt = renderText(picked, v(8, language));
      expect(txt).toContain(line);
      expect(txt).toContain(direction);
      expect(txt).toContain(french);
      expect(txt).not.toMatch(/\(und\)|\bund→|→und\b|\(fr\)/);
      const pdf = pdfText(await renderPdf(picked, stamp, v(8, language)));
      expect(pdf).toContain(line);
      expect(pdf).toContain(direction);
      expect(pdf).not.toMatch(/\(und\)|\bund→|→und\b|\(fr\)/);
    },
    60_000,
  );

  test('version 7 of the same record still prints the code (frozen)', () => {
    const v7 = renderText(picked, v(7, 'es'));
    expect(v7).toContain('(und)');
    expect(v7).not.toContain('idioma no registrado→');
    // And the unchanged record re-renders byte for byte.
    expect(renderText(doc, { version: 7, language: 'es', utcOffsetMinutes: -300 })).toBe(
      text(files.get('transcript.txt')),
    );
  });
});

// Practitioner pass 12, P12-3: from rendition 8 the header's age agrees with its number; version 7
// keeps its own words ("1 months"), frozen.
describe('version 8: age in years and months with singular forms (P12-3)', () => {
  test.each([
    ['en', 8, '4 years 1 month'],
    ['es', 8, '4 años y 1 mes'],
    ['en', 7, '4 years 1 months'],
    ['es', 7, '4 años y 1 meses'],
  ] as const)('%s, version %i: %s', (language, version, shown) => {
    expect(ageText(wordsFor({ version, language, utcOffsetMinutes: 0 }), 4, 1)).toBe(shown);
  });
  test('plural stays plural', () => {
    expect(ageText(wordsFor({ version: 8, language: 'es', utcOffsetMinutes: 0 }), 5, 7)).toBe(
      '5 años y 7 meses',
    );
  });
});
