// Rendition 5: the header's interpreter follows the sealed session (issue #19 audit: "English, no
// interpreter" printed above "Interpreted: … interpreter: Marta Q"); versions 2 to 4 keep
// printing the case flag only, so their bundles re-render byte for byte. Directions group by
// language name from version 5 ("es" and "es-MX" are one Spanish entry).
import { interpreterInHeader, languageLine } from '../../../src/export/format';
import { interpretationSummary, teamWording } from '../../../src/export/team';
import { wordsFor } from '../../../src/export/words';

const doc = (observers: Array<{ role: string }>, interpreted: boolean[]) =>
  ({
    case: { interpreterNeeded: false },
    session: { language: 'en', observers },
    events: interpreted.map((i) => ({ interpreted: i })),
  }) as unknown as Parameters<typeof interpreterInHeader>[1];

test.each([
  [[{ role: 'interpreter' }], [false], true],
  [[], [true], true],
  [[{ role: 'advocate' }], [false], false],
])('version 5: observers %j, interpreted %j -> present %s', (observers, turns, present) => {
  const w = wordsFor({ version: 5, language: 'en', utcOffsetMinutes: 0 });
  expect(interpreterInHeader(w, doc(observers, turns))).toBe(present);
  expect(languageLine(w, 'en', interpreterInHeader(w, doc(observers, turns)))).toBe(
    present ? 'English, interpreter present' : 'English, no interpreter',
  );
});

test('versions 2 to 4 keep the case flag only', () => {
  for (const version of [2, 3, 4]) {
    const w = wordsFor({ version, language: 'en', utcOffsetMinutes: 0 });
    expect(interpreterInHeader(w, doc([{ role: 'interpreter' }], [true]))).toBe(false);
  }
});

test('es and es-MX turns are one direction from version 5, two before', () => {
  const events = ['es', 'es-MX'].map((language) => ({
    kind: 'child',
    interpreted: true,
    original: { text: 'x', language },
  }));
  const d = {
    events,
    session: { language: 'en', observers: [{ role: 'interpreter', name: 'M' }] },
  };
  const line = (version: number) =>
    interpretationSummary(
      d as unknown as Parameters<typeof interpretationSummary>[0],
      teamWording(wordsFor({ version, language: 'en', utcOffsetMinutes: 0 })),
    );
  expect(line(5)).toMatch(/^Interpreted: 2 child turns Spanish→English; interpreter: M/);
  expect(line(4)).toMatch(/1 child turn Spanish→English; 1 child turn Spanish→English/);
});

// B19-5: "name not included in this copy" claimed a withheld name when none had been recorded.
describe('an interpreter with no recorded name', () => {
  const d = (includeObserverNames: boolean, name?: string) => ({
    events: [{ kind: 'child', interpreted: true, original: { text: 'x', language: 'es' } }],
    session: {
      language: 'en',
      observers: [{ role: 'interpreter', ...(name ? { name } : {}) }],
    },
    choices: { includeObserverNames },
  });
  const line = (version: number, language: 'en' | 'es', doc: ReturnType<typeof d>) =>
    interpretationSummary(
      doc as unknown as Parameters<typeof interpretationSummary>[0],
      teamWording(wordsFor({ version, language, utcOffsetMinutes: 0 })),
    );

  test('from version 6, names included: "not recorded", never "not included in this copy"', () => {
    expect(line(6, 'en', d(true))).toContain('interpreter: name not recorded (');
    expect(line(6, 'es', d(true))).toContain('intérprete: nombre no registrado (');
    expect(line(6, 'en', d(true))).not.toContain('not included');
  });

  test('names left out of this copy: "not included in this copy"', () => {
    expect(line(6, 'en', d(false))).toContain('interpreter: name not included in this copy (');
    expect(line(6, 'es', d(false))).toContain('nombre no incluido en esta copia');
  });

  test('a recorded name is printed when names are included', () => {
    expect(line(6, 'en', d(true, 'Ana Ruiz'))).toContain('interpreter: Ana Ruiz (');
  });

  test('version 5 bundles re-render as they were exported', () => {
    expect(line(5, 'en', d(true))).toContain('interpreter: name not included in this copy (');
  });
});
