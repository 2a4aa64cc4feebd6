// Spain-only Spanish words and a finder, shared by the es-419 test and the report script.
import { readFileSync } from 'node:fs';

/** Spain form -> Latin American form for a US centre (Mexican usage where countries differ). */
export const SPAIN_ONLY: Readonly<Record<string, string>> = {
  vale: 'está bien / ok',
  zumo: 'jugo',
  tarta: 'pastel',
  tortitas: 'hot cakes / panqueques',
  tobogán: 'resbaladilla',
  tirita: 'curita',
  cole: 'escuela',
  insti: 'prepa / high school',
  instituto: 'prepa / high school',
  bachillerato: 'prepa / high school',
  finde: 'fin de semana',
  chaval: 'chavo / muchacho',
  chavala: 'chava / muchacha',
  euros: 'dólares',
  patatas: 'papas / papitas',
  pilló: 'cachó / agarró',
  móvil: 'celular',
  piscina: 'alberca',
  coche: 'carro',
  ordenador: 'computadora',
  chocolatinas: 'chocolates',
  vosotros: 'ustedes',
  vosotras: 'ustedes',
  vuestro: 'su / de ustedes',
  vuestra: 'su / de ustedes',
  gilipollas: '(never in a child interview)',
  guay: 'padre / chido / genial',
  mola: 'me gusta / está padre',
  jersey: 'suéter',
  gafas: 'lentes',
  bocadillo: 'sándwich / torta',
  zapatillas: 'tenis',
};

const LETTER = '\\p{L}';
export const PATTERNS = Object.keys(SPAIN_ONLY).map(
  (word) => [word, new RegExp(`(?<!${LETTER})${word}(?!${LETTER})`, 'iu')] as const,
);

/** Every string of a JSON value with its dotted path (keys of objects, indexes of arrays). */
export function strings(node: unknown, path = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    strings(v, path ? `${path}.${k}` : k),
  );
}

export function spainOnlyFindings(file: string): string[] {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const found: string[] = [];
  for (const [path, text] of strings(json))
    for (const [word, re] of PATTERNS)
      if (re.test(text)) found.push(`${path}: "${word}" -> ${SPAIN_ONLY[word]}`);
  return found;
}

// Masculine-generic forms in staff Spanish, shared by the protocol texts' test
// (spanish-gender-neutral.test.ts) and the coach's explanations (questions/open-prompts-es.test.ts).
/** Quoted source titles that may keep a masculine generic (exact text, stripped before the check). */
const SOURCE_TITLES: readonly string[] = [];

const NOT_LETTER_BEFORE = '(?<!\\p{L})';
const NOT_LETTER_AFTER = '(?!\\p{L})';
/** Each form, with what staff-facing es-419 says instead. */
const FORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    new RegExp(
      `${NOT_LETTER_BEFORE}(?<!la niña o )(el|al|del|un|este|ese|cada) niño${NOT_LETTER_AFTER}(?! o (la |a la |una |esta |esa )?niña)`,
      'iu',
    ),
    'el niño o la niña',
  ],
  [
    new RegExp(
      `${NOT_LETTER_BEFORE}(?<!niñas y (las |los )?)niños${NOT_LETTER_AFTER}(?! (y|o) (las )?niñas)`,
      'iu',
    ),
    'niños y niñas',
  ],
  [
    new RegExp(
      `${NOT_LETTER_BEFORE}(el|al|del|un|los) entrevistador(es)?${NOT_LETTER_AFTER}`,
      'iu',
    ),
    'quien entrevista',
  ],
  [
    new RegExp(`${NOT_LETTER_BEFORE}(el|al|del|un|los) intérpretes?${NOT_LETTER_AFTER}`, 'iu'),
    'la persona intérprete',
  ],
  [
    new RegExp(`${NOT_LETTER_BEFORE}(el|al|del|un) intermediario${NOT_LETTER_AFTER}`, 'iu'),
    'la persona intermediaria',
  ],
  [
    new RegExp(`${NOT_LETTER_BEFORE}(este|ese|el|al|del) testigo${NOT_LETTER_AFTER}`, 'iu'),
    'rephrase',
  ],
];

/** The masculine-generic forms in `text`, each with its replacement ("" when there are none). */
export function masculineGenerics(text: string): string[] {
  const checked = SOURCE_TITLES.reduce((t, title) => t.split(title).join(''), text);
  return FORMS.flatMap(([re, instead]) => {
    const m = re.exec(checked);
    return m ? [`"${m[0]}" -> ${instead}`] : [];
  });
}
