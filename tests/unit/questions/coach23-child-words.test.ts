// Issue #16, kind 2, session 23 (coach23): a prompt built from the child's own words stays an
// invitation, cued invitation or directive; measured from outside, Spanish ones were coded
// suggestive far more often than English ones (14% vs 0%). The kind behind the gap: the child's
// words were matched against the question by one crude Spanish stem, which missed the forms a
// Spanish interviewer uses for the child's own word (verb tense and stem change "muerde" /
// "mordió", spelling "toqué" / "tocaste", diminutives "casita" / "casa", enclitics "tocarte"),
// and the interview's own wording in voseo, with enclitics and in "acabar de" ("contame",
// "decime", "cuéntamelo", "me acabas de decir"). Probes: tests/fixtures/questions-own23 (Hearth's
// own items with the child's prior turns, written from the Spanish NICHD protocol's cued
// invitations, Lamb et al. 2007 and es-419 usage; `untouched` was kept aside until the end; kept
// outside tests/fixtures/questions so that the equivalence corpus keeps its inputs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (text: string, language: Language, childWords?: string[]) =>
  classifyQuestion(text, language, childWords ? { childWords } : undefined);

interface Probe {
  kind: string;
  lang: Language;
  child: string[];
  text: string;
  expect: 'ok' | 'directive' | 'flag';
  source: string;
}
const probes = (split: string): Probe[] =>
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'questions-own23', `${split}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Probe);
const OPEN = ['invitation', 'cued-invitation', 'directive', 'facilitator'];

describe("the outside trainer's examples", () => {
  it.each([
    ['es', 'Cuéntame más de lo que me acabas de decir.', ['Mi tío me pegó.']],
    ['en', 'Tell me more about what you just told me.', ['My uncle hit me.']],
    ['es', 'Cuéntame más de lo que me acabas de decir.', []],
    ['en', 'Tell me more about what you just told me.', []],
  ] as const)('%s "%s" is a cued invitation (child said %j)', (lang, text, child) => {
    const c = code(text, lang, [...child]);
    expect(c.type).toBe('cued-invitation');
    expect(c.recommended).toBe(true);
  });

  // Lyon 2014 (Annu Rev Law Soc Sci 10:73-89) and the revised NICHD protocol (Lamb et al. 2018):
  // a "why" about the child's own behaviour, not disclosing included, can sound like blame, so it
  // is asked differently; it is a wh- directive and, naming nobody, introduces no detail.
  it.each([
    ['en', "Why didn't you tell anybody?"],
    ['es', '¿Por qué no le dijiste a nadie?'],
    ['en', "Why didn't you tell somebody?"],
    ['es', '¿Por qué no le contaste a alguien?'],
  ] as const)('%s "%s" is a why-directive to ask differently, in both languages', (lang, text) => {
    for (const child of [[], [lang === 'en' ? 'My uncle hit me.' : 'Mi tío me pegó.']]) {
      const c = code(text, lang, child);
      expect([c.type, c.subtype, c.verdict]).toEqual(['directive', 'why', 'ask-differently']);
    }
  });

  it('a why-question that names a person or an act the child has not said is still suggestive', () => {
    expect(code("Why didn't you tell your mom?", 'en', []).type).toBe('suggestive');
    expect(code('¿Por qué no le dijiste a tu mamá?', 'es', []).type).toBe('suggestive');
    expect(code("Why didn't you tell anybody he touched you?", 'en', ['he was mean']).type).toBe(
      'suggestive',
    );
    expect(code('¿Por qué no le dijiste a nadie que te tocó?', 'es', ['era malo']).type).toBe(
      'suggestive',
    );
    // A statement keeps its indefinite subject as asserted: "Somebody hurt you." is leading.
    expect(code('Somebody hurt you.', 'en', []).type).toBe('suggestive');
  });
});

describe("the child's own word in another Spanish form is the child's", () => {
  it.each([
    ['stem-changing verb', 'Él me muerde el brazo.', '¿Qué pasó cuando te mordió el brazo?'],
    ['preterite spelling', 'Yo lo toqué porque él me dijo.', 'Cuéntame más de cuando lo tocaste.'],
    ['diminutive said', 'Me llevó al cuartito de atrás.', '¿Qué pasó en el cuarto de atrás?'],
    ['diminutive asked', 'Me acosté en la cama.', 'Cuéntame más de la camita.'],
    ['enclitic', 'Me quiso tocar.', '¿Qué pasó cuando quiso tocarte?'],
    ['voseo frame', 'Me jaló la chumpa.', 'Contame más de cuando te jaló la chumpa.'],
    [
      'acabar de',
      'Se metió a mi cuarto.',
      'Acabas de decir que se metió a tu cuarto. Cuéntame más.',
    ],
    ['recién', 'Me encerró en el baño.', 'Platícame más de lo que recién me contaste.'],
    ['vos', 'Me quitó el celular.', '¿Qué hiciste vos cuando te quitó el celular?'],
  ])('%s: "%s" then "%s"', (_kind, child, text) => {
    expect(OPEN).toContain(code(text, 'es', [child]).type);
  });
});

describe('never a new false negative: what the child has not said is still flagged', () => {
  it.each([
    // a person of the other gender: the stemmer joins them, English keeps them apart
    ['es', 'Mi hermana me gritó.', '¿Qué te hizo tu hermano?', 'hermano'],
    ['es', 'Mi abuelita me regañó.', '¿Qué hizo tu abuelo?', 'abuelo'],
    ['en', 'My sister yelled at me.', 'What did your brother do?', 'brother'],
    // a listed euphemism is not the base word's diminutive
    ['es', 'Me dio una cosa.', '¿Qué pasó cuando te tocó la cosita?', 'tocó'],
    ['es', 'Me dio una cosa.', '¿Dónde está la cosita?', 'cosita'],
    // an act, object, body part or place the child has not said
    ['es', 'Me acabo de acordar de algo.', '¿Qué pasó cuando te tocó?', 'tocó'],
    ['es', 'Estábamos en la casita.', '¿Qué pasó en la recámara?', 'recámara'],
    ['es', 'Él me muerde el brazo.', '¿Qué pasó cuando te mordió el pecho?', 'pecho'],
    ['es', 'Me quiso tocar.', '¿Qué pasó cuando quiso besarte?', 'besarte'],
    ['es', 'Me jaló del pelo.', 'Contame más de cuando te tocó la colita.', 'tocó'],
    ['es', 'Me dijo que me callara.', 'Decime qué hizo con la pistola.', 'pistola'],
    ['es', 'Me tomó fotos con la cámara.', '¿Qué pasó en la cama?', 'cama'],
    ['en', 'He was mean to me.', 'What did he hit you with?', 'hit'],
    ['en', 'We were in the little tent.', 'What happened in the bedroom?', 'bedroom'],
    ['en', 'He wanted to touch me.', 'What happened when he kissed you?', 'kissed'],
  ] as const)('%s "%s" then "%s" is suggestive (%s)', (lang, child, text, cue) => {
    const c = code(text, lang, [child]);
    expect(c.type).toBe('suggestive');
    expect(c.cue).toContain(cue);
  });

  it('a generic masculine plural covers a sister, asked or said', () => {
    // coach43 (review28 M1): number counts, so the plural is asked after the child's plural
    // («mis hermanas»); after «mi hermana» alone, «tus hermanos» brings in more siblings than the
    // child spoke of, and is flagged (coach43.test.ts).
    expect(code('¿Dónde estaban tus hermanos?', 'es', ['mis hermanas y yo dormíamos']).type).toBe(
      'directive',
    );
    expect(code('¿Dónde estaba tu hermana?', 'es', ['mis hermanos estaban ahí']).type).toBe(
      'directive',
    );
  });
});

describe("own23 probes (Spanish and English, with the child's prior turns)", () => {
  for (const split of ['dev', 'untouched']) {
    it.each(probes(split).map((p) => [p.kind, p.lang, p.text, p] as const))(
      `${split}: %s %s "%s"`,
      (_kind, _lang, _text, p) => {
        const c = code(p.text, p.lang, p.child);
        // "flag": never recommended and "avoid"; a yes/no question with a new detail is
        // new-detail (option-posing for a neutral detail, suggestive for an abuse-relevant one
        // since coach41), any other flag suggestive.
        if (p.expect === 'flag') {
          expect(c.verdict).toBe('avoid');
          if (c.subtype === 'new-detail') expect(['option-posing', 'suggestive']).toContain(c.type);
          else expect(c.type).toBe('suggestive');
        } else if (p.expect === 'directive') expect(c.type).toBe('directive');
        else expect(OPEN).toContain(c.type);
      },
    );
  }
});
