// Staff read Hearth's Spanish in US centres, and the child may be a girl or a boy: the protocol
// texts, the verifier's sentences and the section descriptions name the child as "el niño o la
// niña" (plural "niños y niñas"), the interviewer as "quien entrevista" and the interpreter as
// "la persona intérprete", as the newer strings do (issue #17, practitioner review G). This
// lists the older masculine-generic forms ("el niño", "al entrevistador", "los niños") left in
// those files. A publication's own title may keep its wording: none of these files quotes one
// with such a form today, so the allowance below is empty and a new one must be named here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strings } from './spanish-words';

const DIR = join(__dirname, '../../../locales/es');
const FILES = ['protocols', 'verify', 'source-sections'] as const;

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

describe('gender-neutral staff Spanish (es-419)', () => {
  it('finds the old forms and passes the neutral ones (the check can fail)', () => {
    expect(masculineGenerics('Use las palabras del niño.')).toEqual([
      '"del niño" -> el niño o la niña',
    ]);
    expect(masculineGenerics('Yo hablo con muchos niños.')).toEqual(['"niños" -> niños y niñas']);
    expect(masculineGenerics('no el entrevistador {{interviewer}}')).toEqual([
      '"el entrevistador" -> quien entrevista',
    ]);
    expect(masculineGenerics('[nombre del intérprete]')).toEqual([
      '"del intérprete" -> la persona intérprete',
    ]);
    expect(
      masculineGenerics(
        'Si el niño o la niña cuenta, con niños y niñas de 3 a 5 años, las niñas y los niños, al niño o a la niña, la persona intérprete y quien entrevista; la niña o el niño; un niño o una niña; este niño o esta niña (es11, E11-2).',
      ),
    ).toEqual([]);
  });

  it.each(FILES)('%s.json (es) has no masculine-generic forms', (name) => {
    const json: unknown = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'));
    const found = strings(json).flatMap(([path, text]) =>
      masculineGenerics(text).map((finding) => `${path}: ${finding}`),
    );
    expect(found).toEqual([]);
  });
});
