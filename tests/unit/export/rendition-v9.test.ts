// Rendition 9 (issue #19, audits 19e/19f): the own-words languages named from a frozen table
// ("Mam (mam)", never “language code “mam””). Version 8 shipped and stays frozen: a bundle this
// Hearth's code exported with it before 9 (fixture v8-bundle, made by make-frozen-bundle.ts 8 at main
// a5b6c18) still re-renders byte for byte and prints what it printed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCrypto } from '../../../src/crypto';
import { parseTrustedKey, verifyBundleFiles } from '../../../src/export';
import type { TranscriptDocument } from '../../../src/export/document';
import { renderPdf } from '../../../src/export/pdf';
import { RENDITION_VERSION, REPRODUCIBLE_VERSIONS } from '../../../src/export/rendition';
import { renderText } from '../../../src/export/text';
import { pdfText, storedBundle } from '../../helpers/stored-bundles';
import esTeam from '../../../locales/es/team.json';
import { wordsFor } from '../../../src/export/words';
import v8En from '../../../src/export/frozen-wording/v8.en.json';
import v8Es from '../../../src/export/frozen-wording/v8.es.json';
import v9En from '../../../src/export/frozen-wording/v9.en.json';
import v9Es from '../../../src/export/frozen-wording/v9.es.json';
import { CHILD_LANGUAGES } from '../../../renderer/cases/child-languages';
import { text } from './helpers';

const fixture = storedBundle;

const stamp = {
  bundleFingerprint: 'f'.repeat(64),
  signerFingerprint: 'e'.repeat(64),
  signerName: 'Iván',
};
const v = (version: number, language: 'en' | 'es') => ({
  version,
  language,
  utcOffsetMinutes: -300,
});

beforeAll(async () => {
  await initCrypto();
});

test('this Hearth writes rendition 9 or later (10 since train28), and reproduces 9', () => {
  expect(RENDITION_VERSION).toBeGreaterThanOrEqual(9);
  expect(REPRODUCIBLE_VERSIONS).toContain(9);
});

describe('a version-8 bundle exported before 9 (v8-bundle)', () => {
  const { files, centre } = fixture('v8-bundle');
  const doc = JSON.parse(text(files.get('transcript.json'))) as TranscriptDocument;

  test('re-renders byte for byte, verifies, and prints version 8’s words (the code of Mam)', async () => {
    const verdict = await verifyBundleFiles(files, parseTrustedKey(centre)!);
    if (!verdict.valid) throw new Error(`${verdict.failure}: ${verdict.reason}`);
    expect(verdict.rendition).toMatchObject({ version: 8, language: 'es', reRendered: true });
    const txt = renderText(doc, v(8, 'es'));
    expect(txt).toBe(text(files.get('transcript.txt')));
    expect(txt).toContain('(código de idioma “mam”), textuales] We went to the mall.');
  }, 600_000);

  test.each([
    [
      'es',
      '[palabras propias de la persona entrevistada, mam (mam), textuales] We went to the mall.',
    ],
    ['en', "[child's own words, Mam (mam), verbatim] We went to the mall."],
  ] as const)(
    'version 9 names Mam with its code in the txt and the PDF (%s)',
    async (language, line) => {
      const txt = renderText(doc, v(9, language));
      expect(txt).toContain(line);
      expect(txt).not.toContain('“mam”');
      const pdf = pdfText(await renderPdf(doc, stamp, v(9, language)));
      expect(pdf).toContain(line);
      expect(pdf).not.toContain('“mam”');
    },
    60_000,
  );

  test('version 9 leaves English and Spanish as they were (no code beside them)', () => {
    const txt = renderText(doc, v(9, 'es'));
    expect(txt).toContain(
      'Interpretación: 2 turnos de quien entrevista español→inglés; 2 turnos del niño o la niña inglés→español;',
    );
    expect(txt).not.toMatch(/inglés \(en\)|español \(es\)/);
  });
});

test('version 8 keeps every word of its frozen catalog (en and es)', () => {
  for (const [language, frozen] of [
    ['en', v8En],
    ['es', v8Es],
  ] as const) {
    const w = wordsFor({ version: 8, language, utcOffsetMinutes: 0 });
    for (const [key, value] of Object.entries(frozen)) {
      if (typeof value !== 'string') continue;
      expect([key, w.t(key as never)]).toEqual([key, value.replace(/\{\{\w+\}\}/g, '')]);
    }
    for (const table of ['events', 'kinds', 'roles', 'languages'] as const)
      for (const [id, words] of Object.entries(frozen[table]))
        expect([
          table,
          id,
          (w as unknown as Record<string, (id: string) => string>)[
            table === 'events'
              ? 'event'
              : table === 'kinds'
                ? 'kind'
                : table === 'roles'
                  ? 'role'
                  : 'languageName'
          ]!(id),
        ]).toEqual([table, id, words]);
    // Version 8 names only English and Spanish: Mam stays a code there (frozen).
    expect(w.languageName('mam')).toBe('mam');
  }
});

test.each([
  ['en', v9En],
  ['es', v9Es],
] as const)(
  'every language the own-words select offers has a frozen %s name in version 9',
  (language, frozen) => {
    const w = wordsFor({ version: 9, language, utcOffsetMinutes: 0 });
    for (const code of CHILD_LANGUAGES) {
      const name = w.languageName(code);
      expect([code, w.knowsLanguage(code)]).toEqual([code, true]);
      expect(name.trim()).not.toBe('');
      expect(frozen.languageNames).toHaveProperty(code, name);
    }
    expect(Object.keys(frozen.languageNames).sort()).toEqual([...CHILD_LANGUAGES].sort());
  },
);

test('the names courts and the Guatemalan academy use (en, es-419)', () => {
  const en = wordsFor(v(9, 'en'));
  const es = wordsFor(v(9, 'es'));
  expect(en.languageName('quc')).toBe("K'iche'");
  expect(en.languageName('kjb')).toBe("Q'anjob'al");
  expect(en.languageName('ht')).toBe('Haitian Creole');
  expect(es.languageName('ht')).toBe('criollo haitiano');
  expect(es.languageName('tzo')).toBe('tsotsil');
  // A region subtag is the same language.
  expect(es.languageName('pt-BR')).toBe('portugués');
  // ISO 639-3's reference name for trc; fa is ISO's "Persian" (fix19j).
  expect(en.languageName('trc')).toBe('Copala Triqui');
  expect(es.languageName('trc')).toBe('triqui de Copala');
  expect(en.languageName('fa')).toBe('Persian');
});

test.each([
  ['en', v9En],
  ['es', v9Es],
] as const)(
  '%s: no frozen language name has a bracket, so "Name (code)" never nests one in another',
  (_language, frozen) => {
    const bracketed = Object.entries(frozen.languageNames).filter(([, n]) => /[()[\]]/.test(n));
    expect(bracketed).toEqual([]);
  },
);

// fix19j (audit 19g, B19g-5/B19g-6): rendition 9's court copy says each thing once and in one
// bracket. The fixture's record, varied: its question #31 asks suggestion #29, and (for the
// default copy) the observer queue withheld. Version 8 of the same document is unchanged.
describe('rendition 9 wording and layout of the observer queue (B19g-5, B19g-6)', () => {
  const { files } = fixture('v8-bundle');
  const base = JSON.parse(text(files.get('transcript.json'))) as TranscriptDocument;
  const asking = {
    ...base,
    events: base.events.map((e) =>
      e.seq === 31 ? { ...e, asksSuggestionId: 'sugg_efefefefefefefefefefefefefefefef' } : e,
    ),
  } as TranscriptDocument;
  const declined = {
    ...base,
    events: base.events.map((e) =>
      e.seq === 30 && e.observer ? { ...e, observer: { ...e.observer, decision: 'declined' } } : e,
    ),
  } as TranscriptDocument;
  const withheld = {
    ...base,
    events: base.events.filter((e) => e.seq !== 29 && e.seq !== 30),
    omittedEventSeqs: [29, 30],
    withheld: {
      count: 2,
      byKind: { 'observer-suggestion': 1, 'observer-decision': 1 },
      byChoiceOf: 'ivan',
    },
    choices: { ...base.choices, includeObserverQueue: false },
  } as TranscriptDocument;
  const line = (txt: string, start: string) =>
    txt.split('\n').find((l) => l.includes(start)) ?? `(no line with ${start})`;

  test.each([
    [
      'en',
      'Interviewer question (interpreted; asks observer suggestion #29)',
      'Interviewer question (interpreted) (asks observer suggestion #29)',
    ],
    [
      'es',
      'Pregunta de quien entrevista (interpretada; formula la sugerencia n.º 29 de una persona observadora)',
      'Pregunta de quien entrevista (interpretada) (hace la pregunta sugerida por observador (n.º 29))',
    ],
  ] as const)(
    '%s: the suggestion a question asks goes in its one bracket (version 8: two, frozen)',
    (language, nine, eight) => {
      expect(line(renderText(asking, v(9, language)), '#31')).toContain(nine);
      expect(line(renderText(asking, v(8, language)), '#31')).toContain(eight);
    },
  );

  test('es: a declined suggestion is "rechazada" in 9 as in 8, the word the break screen uses', () => {
    const nine = renderText(declined, v(9, 'es'));
    expect(nine).toContain(': rechazada');
    expect(nine).toContain('rechazadas 0');
    expect(nine).not.toContain('no preguntada');
    expect(renderText(declined, v(8, 'es'))).toContain(': rechazada');
    expect(esTeam.observers.status.declined).toBe('rechazada');
  });

  test.each([
    [
      'en',
      'Withheld at export',
      'Left out by choice',
      '2 events: 1 observer suggestion, 1 decision on an observer suggestion, by the choice of ivan',
    ],
    [
      'es',
      'Omitido al exportar',
      'Omitido por decisión',
      '2 eventos: 1 sugerencia de observador, 1 decisión sobre una sugerencia de observador, por decisión de ivan',
    ],
  ] as const)(
    '%s PDF: the withheld events are stated once, and no page is left nearly empty (8 unchanged)',
    async (language, withheldLabel, leftOutLabel, value) => {
      const nine = await renderPdf(withheld, stamp, v(9, language));
      const eight = await renderPdf(withheld, stamp, v(8, language));
      const nineText = pdfText(nine);
      expect(nineText).toContain(`${withheldLabel} ${value}`);
      expect(nineText).not.toContain(leftOutLabel);
      expect(nineText).not.toMatch(/\((events?|eventos?)\)/);
      expect(pdfText(eight)).toContain(leftOutLabel);
      // Every page but the last holds a page's worth of text (the near-empty page 2 had a
      // paragraph and the running header and footer: under 12 lines).
      const pages = pdfPages(nine);
      for (const [i, page] of pages.slice(0, -1).entries())
        expect([i + 1, page >= 30]).toEqual([i + 1, true]);
      expect(pages.length).toBeLessThan(pdfPages(eight).length);
      // The same document as the plain text says it: once.
      const txt = renderText(withheld, v(9, language));
      expect(txt.split(withheldLabel)).toHaveLength(2);
      expect(txt).toContain(value);
    },
    60_000,
  );
});

/** Lines of text on each page of a PDF (pdftotext -layout; pages split at form feeds). */
function pdfPages(pdf: Uint8Array): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-v9-'));
  try {
    writeFileSync(join(dir, 't.pdf'), pdf);
    const all = execFileSync('pdftotext', ['-layout', join(dir, 't.pdf'), '-'], {
      encoding: 'utf8',
    });
    return all
      .split('\f')
      .slice(0, -1)
      .map((p) => p.split('\n').filter((l) => l.trim() !== '').length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Audit 19h, B19h-1: the joined event said the suggestion came "from the observation room" while
// the suggestion beside it says "entered at the interviewer's station" (the observer window runs
// on the interviewer's computer). Rendition 9 names no place for either the event or the header.
test.each(['en', 'es'] as const)(
  '%s: an observer who joined is described without a place the record does not prove',
  (language) => {
    const nine = JSON.stringify(language === 'en' ? v9En : v9Es);
    expect(nine).toContain(language === 'en' ? 'Observer joined' : 'persona observadora');
    expect(nine).not.toMatch(/observation room|sala de observación/);
    expect(nine).not.toMatch(/un observador|del observador|observador que/);
  },
);
