// Kinds the lead fixed after reading the blind set heldout26's misses (session 26; the set is
// spent for them): the only risky utterances the coach left unwarned. New wordings of each kind,
// not the set's items.
// 1. Social pressure (Garven et al. 1998, social incentives): "big kids tell", «los niños
//    valientes sí cuentan», «no seas miedosa».
// 2. A secret called bad before the child called it anything: "the bad secret", «el secreto feo».
import { classifyQuestion } from '../../../src/questions';

type Case = [language: 'en' | 'es', child: string[], utterance: string];
const code = ([language, child, utterance]: Case) =>
  classifyQuestion(utterance, language, { childWords: child });

describe.each([
  ['en', ["I don't want to say."], 'Big girls tell me what happened.'],
  ['en', ['No.'], 'Brave kids always talk to me about it.'],
  ['es', ['No quiero decir.'], 'Las niñas valientes sí cuentan lo que pasó.'],
  ['es', ['No me acuerdo.'], 'No seas miedoso, los niños grandes siempre dicen la verdad.'],
  ['es', ['No.'], 'Ándale, no seas llorona.'],
] as Case[])('(%s) social pressure', (...c) => {
  it(`${c[2]} is suggestive pressure`, () => {
    const coded = code(c);
    expect([coded.type, coded.subtype, coded.recommended]).toEqual([
      'suggestive',
      'pressure',
      false,
    ]);
  });
});

describe.each([
  ['en', ['We played a game.'], 'I know you can tell me about the yucky secret.'],
  ['en', [], 'Can you tell me the bad secret?'],
  ['es', ['Jugamos un juego.'], 'Sé que me puedes contar el secreto feo.'],
] as Case[])('(%s) a secret labelled bad by the interviewer', (...c) => {
  it(`${c[2]} is flagged`, () => {
    expect(code(c).recommended).toBe(false);
  });
});

describe.each([
  ['en', ['He said it was our bad secret.'], 'Tell me more about the bad secret.'],
  ['es', ['Me dijo que era un secreto feo.'], 'Cuéntame más del secreto feo.'],
  ['en', ['My big sister tells me stories.'], 'What stories does she tell?'],
  ['es', ['Mi hermana grande me cuenta cuentos.'], '¿Qué cuentos te cuenta?'],
] as Case[])('(%s) the child said it', (...c) => {
  it(`${c[2]} stays unwarned`, () => {
    expect(code(c).recommended).toBe(true);
  });
});
