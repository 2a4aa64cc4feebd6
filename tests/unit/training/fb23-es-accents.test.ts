// Latin American Spanish text keeps its accents and ñ (trainer re-check: the live co-witness
// reason said «companeros»). Every display string of every es locale file is checked for common
// words written without their accent or ñ. Match lists that the code compares in folded form
// (lower case, no punctuation: "companeros", "despues") and regular expressions are not display
// text and are left out, so the check raises no false alarm. "que" without accent stays allowed
// as the conjunction ("Dijo que sí"); only "¿que …" and "¿por que …", which can only be question
// words, are flagged, as are the other question words right after "¿".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeUtterance } from '../../../src/training/coding';

const DIR = join(__dirname, '../../../locales/es');

/** Common words whose written form needs an accent or ñ (the unaccented form is no word). */
const UNACCENTED = new RegExp(
  '(?<![\\p{L}\\p{N}])(' +
    [
      'compa[n]er[oa]s?',
      'nin[oa]s?',
      'tambien',
      'ademas',
      'despues',
      'aqui',
      'alli',
      'ahi',
      'facil',
      'dificil',
      'telefono',
      'numeros?',
      'musica',
      'peliculas?',
      'rapido',
      'ultim[oa]s?',
      'proxim[oa]s?',
      'paginas?',
      'sesion',
      'informacion',
      'cumpleanos',
      'senor(?:a|es|as)?',
      'manana',
      'anos',
      'bano',
      'pequen[oa]s?',
      'dias?',
      'sabado',
      'miercoles',
      'jamas',
      'detras',
      'adios',
      'esta(?= bien)',
    ].join('|') +
    ')(?![\\p{L}\\p{N}])',
  'iu',
);
/** A question word right after "¿" written without its accent ("¿que pasó?", "¿donde?"). */
const QUESTION_WORD =
  /¿\s*(que|por que|donde|adonde|quien(?:es)?|cual(?:es)?|cuant[oa]s?)(?![\p{L}\p{N}])/iu;

/** Display text: has a capital or punctuation; a folded match word or a regex has neither. */
const isDisplay = (s: string) =>
  /[\p{Lu}.,?!¿¡«»“”:;]/u.test(s) && !/\(\?|\\[bsdw]|\[[^\]]*\]|\^|\|/u.test(s);

function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) yield* strings(v, `${path}.${i}`);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      if (!k.startsWith('_')) yield* strings(v, path === '' ? k : `${path}.${k}`);
}

/** The unaccented words of one display string. */
function unaccented(text: string): string[] {
  if (!isDisplay(text)) return [];
  const out: string[] = [];
  for (const re of [UNACCENTED, QUESTION_WORD]) {
    const all = new RegExp(re.source, `${re.flags}g`);
    for (const m of text.matchAll(all)) out.push(m[0]);
  }
  return out;
}

describe('the check itself (no false alarm, no miss)', () => {
  test.each([
    ['Tus companeros dijeron que pasó algo.', ['companeros']],
    ['¿Que pasó despues?', ['despues', '¿Que']],
    ['El nino dijo que sí.', ['nino']],
    ['¿Por que lo hizo?', ['¿Por que']],
  ])('flags %s', (text, expected) => {
    expect(unaccented(text).sort()).toEqual([...expected].sort());
  });
  test.each([
    'Dijo que sí, porque quería ayudar.',
    '¿Qué pasó después? ¿Dónde estabas?',
    'Tus compañeros, el niño y la señora están aquí.',
    'Cuando llegó, ¿qué hizo?',
    'despues',
    '^ *(luego |despues )?',
  ])('leaves %s alone', (text) => {
    expect(unaccented(text)).toEqual([]);
  });
});

test('no es locale string lacks an accent or ñ', () => {
  const found: string[] = [];
  let checked = 0;
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
    const json: unknown = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    for (const [path, text] of strings(json, '')) {
      if (isDisplay(text)) checked++;
      for (const word of unaccented(text)) found.push(`${file} ${path}: «${word}» in «${text}»`);
    }
  }
  expect(checked).toBeGreaterThan(1000);
  expect(found).toEqual([]);
});

test('the live co-witness reason quotes the interviewer as typed («compañeros», «mamá»)', () => {
  const said = ['Vino un señor a nuestro salón.'];
  const a = codeUtterance(
    'Tus compañeros dijeron que el señor Dan rompió un libro.',
    'es',
    said,
    7,
  );
  expect(a.subtype).toBe('co-witness');
  expect(a.reason).toContain('«Tus compañeros dijeron que»');
  expect(unaccented(a.reason)).toEqual([]);
  const b = codeUtterance('Tu maestra y tu mamá ya me contaron que pasó algo.', 'es', said, 7);
  expect(b.subtype).toBe('co-witness');
  expect(b.reason).not.toMatch(/mama\b/u);
});
