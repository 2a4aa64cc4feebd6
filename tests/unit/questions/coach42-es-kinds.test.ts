// coach42 (issue #16 item 8, Spanish): the kinds behind the Spanish misses, one describe per
// kind, each with the cases that must change and the ones that must not (sources in the module
// docstrings: es-forms.ts, es-reasons.ts, vocabulary.ts morePersons, lexicon categories).
import { classifyQuestion, type QuestionType } from '../../../src/questions';

type Case = [string, string[], QuestionType, string?];
const expectAll = (cases: Case[]) =>
  it.each(cases.map(([text, child, type, subtype]) => [text, child, type, subtype ?? ''] as const))(
    '«%s» after %j codes as %s %s',
    (text, child, type, subtype) => {
      const c = classifyQuestion(text, 'es', { childWords: [...child] });
      expect(c.type).toBe(type);
      if (subtype !== '') expect(c.subtype).toBe(subtype);
    },
  );

describe('(a) number of a person word: a plural the child did not say is more people', () => {
  expectAll([
    ['¿Los hombres te tocaron?', ['un hombre me tocó'], 'suggestive', 'new-detail'],
    ['¿Los señores te tocaron?', ['un señor me tocó'], 'suggestive', 'new-detail'],
    ['¿Las mujeres te llevaron?', ['una mujer me llevó'], 'suggestive', 'new-detail'],
    // Kin plurals too (coach43 person-number.ts, merged after coach42, which had left kin words
    // out as "the family group"): a plural the child did not say names more people in both
    // languages, as English "your cousins", "your brothers" after one of them does.
    ['¿Tus primos te tocaron?', ['mi primo me tocó'], 'suggestive', 'new-detail'],
    ['¿Dónde estaban tus hermanos?', ['mi hermana y yo dormíamos'], 'suggestive', 'presumptive'],
    ['¿Dónde estaban los hombres?', ['un hombre me tocó'], 'suggestive', 'presumptive'],
    ['Cuéntame más de los hombres.', ['un hombre me tocó'], 'suggestive', 'presumptive'],
    // said in the plural (or a plural of the family), or asked in the singular: unchanged
    ['¿Qué te dijeron los hombres?', ['los hombres me dijeron cosas'], 'directive'],
    ['¿Dónde estaba el hombre?', ['unos hombres me tocaron'], 'directive'],
    ['Cuéntame más de los señores.', ['unos señores me llevaron'], 'cued-invitation'],
    ['¿Dónde estaban los hombres?', ['unos señores me llevaron'], 'directive'],
  ]);

  it('names the plural in the reason, in es-419 and in English, citing the grammar', () => {
    const es = classifyQuestion('¿Los hombres te tocaron?', 'es', {
      childWords: ['un hombre me tocó'],
    });
    expect(es.cue).toBe('hombres');
    expect(es.reason).toMatch(/^Nombra en plural \(“hombres”\).*Nueva gramática.*§3\.1/);
    const en = classifyQuestion(
      '¿Los hombres te tocaron?',
      'es',
      { childWords: ['un hombre me tocó'] },
      'en',
    );
    expect(en.reason).toMatch(/^Names in the plural \(“hombres”\)/);
  });
});

describe('(b) the subject pronoun said back in another gender is not a restatement', () => {
  expectAll([
    ['¿Él te abrazó?', ['ella me abrazó'], 'option-posing', 'yes-no'],
    ['¿Ella te abrazó?', ['él me abrazó'], 'option-posing', 'yes-no'],
    ['¿Ella te tocó?', ['él me tocó'], 'option-posing', 'yes-no'],
    ['¿Ellas te pegaron?', ['ellos me pegaron'], 'option-posing', 'yes-no'],
    // same pronoun, or the child's pronoun dropped on either side: still a restatement
    ['¿Ella te abrazó?', ['ella me abrazó'], 'facilitator'],
    ['¿Él te jaló?', ['él me jaló del brazo'], 'facilitator'],
    ['¿Te abrazó?', ['ella me abrazó'], 'facilitator'],
    ['¿Ella te abrazó?', ['me abrazó', 'ella es mi tía'], 'facilitator'],
    ['¿Ella te abrazó?', ['él me abrazó', 'y ella me abrazó también'], 'facilitator'],
  ]);

  it('says which pronoun in the reason', () => {
    const c = classifyQuestion('¿Ella te abrazó?', 'es', { childWords: ['él me abrazó'] });
    expect(c.cue).toBe('Ella');
    expect(c.reason).toMatch(/^Repite las palabras .* otro pronombre \(“Ella”\).*§16\.2/);
  });
});

describe("(c) es-419 regional words: the child's word covers the interviewer's equivalent", () => {
  expectAll([
    ['¿De qué color era el coche?', ['me llevó en su carro'], 'directive'],
    ['¿Qué hizo con el teléfono?', ['me tomó fotos con el celular'], 'directive'],
    ['Cuéntame más de los mensajes.', ['me mandaba textos'], 'cued-invitation'],
    ['Cuéntame más de los textos.', ['me mandaba mensajes'], 'cued-invitation'],
    ['¿De qué color era la chaqueta?', ['me quitó la chamarra'], 'directive'],
    ['¿Tu papi te pegó en la cara?', ['mi papá me pegó en la cara y me dolió'], 'option-posing'],
    // one way only, and never without the child's word
    ['¿De qué color era el coche?', ['fuimos al parque'], 'suggestive'],
    ['¿Qué pasó en la recámara?', ['fuimos a la casa'], 'suggestive'],
    // «cuarto» does not cover «recámara» (review25 F13: «entró a mi recámara» reads as an act):
    ['Platícame más de cuando te llevó a la recámara.', ['me llevó al cuarto'], 'suggestive'],
    ['¿De qué color era la chamarra?', ['me enseñó su chaqueta'], 'suggestive'],
    ['¿Tu papi te pegó?', ['mi mamá me pegó'], 'suggestive'],
  ]);
});

describe("(d) the diminutive of the child's own body word", () => {
  expectAll([
    ['¿Te dolió cuando te tocó la colita?', ['él me tocó la cola'], 'option-posing'],
    ['Cuéntame más de cuando te tocó la colita.', ['me tocó la cola'], 'cued-invitation'],
    ['¿Qué pasó cuando te tocó la colita?', ['me tocó la cola'], 'cued-invitation'],
    // «cola» with no act is a tail or a queue; «cosa» never vouches for «cosita»
    ['¿Te tocó la colita?', ['la cola del perro'], 'suggestive'],
    ['¿Te tocó la colita?', ['hicimos cola para entrar'], 'suggestive'],
    ['¿Te tocó la cosita?', ['me tocó una cosa'], 'suggestive'],
  ]);
});

describe('(e) usted, ustedes and Mexican forms of the invitations and facilitators', () => {
  expectAll([
    ['Sígame contando.', ['me tocó'], 'invitation'],
    ['Sigan contándome.', ['me tocó'], 'invitation'],
    ['Sígale contando.', ['me tocó'], 'invitation'],
    ['Síguele platicando.', ['me tocó'], 'invitation'],
    ['Me gustaría que me contara todo lo que pasó.', ['me tocó'], 'invitation'],
    ['Quisiera que me platique más de eso.', ['me tocó'], 'invitation'],
    ['Síguele.', ['me tocó'], 'facilitator'],
    ['Sigan.', ['me tocó'], 'facilitator'],
    // what they do not cover: the truth ground rule in usted stays a ground rule
    ['Quiero que me diga la verdad.', [], 'other'],
  ]);
});

describe('(f) one garment in either number («el pantalón» / «los pantalones»)', () => {
  expectAll([
    ['Cuéntame de cuando te bajó los pantalones.', ['me bajó el pantalón'], 'cued-invitation'],
    ['Cuéntame de cuando te bajó el pantalón.', ['me bajó los pantalones'], 'cued-invitation'],
    ['Cuéntame de cuando te quitó los calzones.', ['me quitó el calzón'], 'cued-invitation'],
    // still presumptive when the child did not say the undressing
    ['Cuéntame de cuando te bajó los pantalones.', ['me regañó'], 'suggestive'],
  ]);
});

describe('(g) «traer» for what the child wore: a neutral clothing directive', () => {
  expectAll([
    ['¿Qué ropa traías cuando te tocó?', ['me tocaba'], 'directive'],
    ['¿Qué ropa llevabas cuando te tocó?', ['me tocaba'], 'directive'],
    // the act in the time clause is still checked, and a closed clothing question is still one
    ['¿Qué ropa traías cuando te tocó?', ['me pegó'], 'suggestive'],
    ['¿Tenías ropa?', ['me tocaba'], 'option-posing'],
  ]);
});
