// Staff read Hearth's Spanish in US centres, and the child may be a girl or a boy: the protocol
// texts, the verifier's sentences and the section descriptions name the child as "el niño o la
// niña" (plural "niños y niñas"), the interviewer as "quien entrevista" and the interpreter as
// "la persona intérprete", as the newer strings do (issue #17, practitioner review G). This
// lists the older masculine-generic forms ("el niño", "al entrevistador", "los niños") left in
// those files. A publication's own title may keep its wording: none of these files quotes one
// with such a form today, so the allowance below is empty and a new one must be named here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { masculineGenerics, strings } from './spanish-words';

const DIR = join(__dirname, '../../../locales/es');
const FILES = ['protocols', 'verify', 'source-sections'] as const;

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
