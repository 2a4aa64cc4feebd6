// coach39 (issue #16): the kinds the coach still missed on heldout25 and review25's open findings.
// Every case is our own wording of a kind (en-US and es-419), not a blind-set line, with and
// without the detail in the child's words where context matters. Sources per block.
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (lang: Language, text: string, childWords?: readonly string[]) =>
  classifyQuestion(text, lang, childWords === undefined ? {} : { childWords: [...childWords] });
const RAPPORT_CHILD: Record<Language, string> = { en: 'I like pizza.', es: 'Me gusta la pizza.' };

// 1. Narrative practice about a neutral event. The revised NICHD protocol's episodic memory
//    training asks about a recent holiday, birthday or special day ("Tell me everything that
//    happened on [holiday]"; Lamb et al. 2007 appendix; Lamb et al. 2018): a rapport topic, not a
//    presumed allegation detail. With another person, an act or a sensitive place it stays checked.
describe('1. narrative practice about a holiday or special day', () => {
  it.each<[Language, string]>([
    ['en', 'Tell me about the things you did on Halloween.'],
    ['en', 'Tell me everything that happened on Thanksgiving, from the beginning to the end.'],
    ['en', 'Tell me about your last birthday party.'],
    ['en', 'Tell me what you did on the Fourth of July.'],
    ['en', 'Tell me all about Christmas.'],
    ['en', 'Tell me everything you did on New Year’s Eve.'],
    ['es', 'Cuéntame todo lo que hiciste en Navidad.'],
    ['es', 'Platícame todo lo que hiciste el Día de Acción de Gracias.'],
    ['es', 'Cuéntame lo que hiciste el Día de Muertos.'],
    ['es', 'Cuéntame de tu fiesta de cumpleaños.'],
    ['es', 'Cuéntame todo sobre la Nochebuena, desde el principio hasta el final.'],
    ['es', 'Cuéntame qué hiciste en Halloween.'],
  ])('%s "%s" is an open invitation, with or without the child’s words', (lang, q) => {
    for (const ctx of [[], [RAPPORT_CHILD[lang]]]) {
      const r = code(lang, q, ctx);
      expect(r.type).toMatch(/invitation/);
      expect(r.recommended).toBe(true);
    }
  });

  it.each<[Language, string]>([
    ['en', 'Tell me about the Christmas party where he touched you.'],
    ['en', 'Tell me what your uncle did to you on Halloween.'],
    ['es', 'Cuéntame lo que te hizo tu tío en Navidad.'],
    ['es', 'Cuéntame de la fiesta de cumpleaños donde él te tocó.'],
  ])('%s "%s" still names an unsaid person or act: suggestive', (lang, q) => {
    expect(code(lang, q, [RAPPORT_CHILD[lang]]).type).toBe('suggestive');
  });
});

// 2. The true/not-true practice of the ground rules (NICHD revised protocol 2014; ABE 2022) is a
//    hypothetical about the room, not a putative confession (Lyon et al. 2014 is about another
//    person's account). Coded as the protocol's own option-posing question in both languages.
describe('2. truth/lie practice with "if I said..."', () => {
  it.each<[Language, string]>([
    ['es', 'Si te digo que mis zapatos son rojos, ¿eso es verdad o mentira?'],
    ['es', 'Si te dijera que hoy está lloviendo aquí adentro, ¿eso sería verdad o mentira?'],
    ['es', 'Si yo te digo que mi camisa es verde, ¿es verdad o no es verdad?'],
    ['en', 'If I said my shoes are red, would that be the truth or a lie?'],
    ['en', 'If I told you my shirt is green, would that be true or not true?'],
  ])('%s "%s" is the protocol’s truth practice, no warning', (lang, q) => {
    for (const ctx of [undefined, []]) {
      const r = code(lang, q, ctx);
      expect(r.subtype).not.toBe('putative-confession');
      expect(r.type).toBe('option-posing');
      expect(r.subtype).toBe('protocol');
      expect(r.recommended).toBe(true);
    }
  });

  // A practice item about the child or the interviewer in the room stays coach32's ground rule.
  it('«Si te digo que estoy sentada, ¿es cierto o no es cierto?» is a ground rule, no warning', () => {
    const r = code('es', 'Si te digo que estoy sentada, ¿es cierto o no es cierto?', []);
    expect(r.subtype).toBe('ground-rule');
    expect(r.recommended).toBe(true);
  });

  it.each<[Language, string]>([
    ['es', 'Si te digo que tu tío te lastimó, ¿eso es verdad o mentira?'],
    ['en', 'If I said your uncle hurt you, would that be the truth or a lie?'],
  ])('%s "%s" puts an act to the child: never the protocol question', (lang, q) => {
    const r = code(lang, q, []);
    expect(r.subtype).not.toBe('protocol');
    expect(r.recommended).toBe(false);
  });
});

// 3 and 4. A wh- question's definite article, possessive or when-clause presupposes its detail
//    (Loftus & Zanni 1975; Lamb et al. 2007): suggestive when unsaid. Said in another form, by a
//    synonym, or implied by the act (the hand a touch is done with), it is the child's.
describe('3-4. presupposed objects and acts, and details the child said in other words', () => {
  it.each<[Language, string, string, string]>([
    ['en', 'What did he do with the knife?', 'He had a knife and he cut me.', 'He was mean to me.'],
    ['en', 'Where did she put the belt?', 'She hit me with a belt.', 'She got mad at me.'],
    ['es', '¿Qué hizo con la navaja?', 'Sacó una navaja y me cortó.', 'Se enojó conmigo.'],
    ['es', '¿Dónde dejó el cinturón?', 'Me pegó con el cinturón.', 'Se enojó conmigo.'],
    [
      'en',
      'What was he wearing when he touched your privates?',
      'He touched my privates.',
      'He came to my house.',
    ],
    [
      'es',
      '¿Qué traía puesto cuando te tocó tus partes?',
      'Me tocó mis partes.',
      'Vino a mi casa.',
    ],
  ])('%s "%s": a directive after "%s", suggestive after "%s"', (lang, q, said, unsaid) => {
    expect(code(lang, q, [said]).type).toBe('directive');
    const r = code(lang, q, [unsaid]);
    expect(r.type).toBe('suggestive');
    expect(r.subtype).toBe('presumptive');
  });

  it.each<[Language, string, string]>([
    ['en', 'Where was he standing when he pushed you?', 'He pushed me.'],
    ['en', 'Where was she sitting when she yelled at you?', 'She yelled at me.'],
    ['en', 'What did he do with his hand when he touched your chest?', 'He touched my chest.'],
    ['en', 'What did she do with her hands when she grabbed you?', 'She grabbed me by the arm.'],
    ['en', 'Who else was at the house that morning?', 'It was in the morning at home.'],
    ['es', '¿Dónde estaba parado cuando te empujó?', 'Me empujó.'],
    ['es', '¿Qué hizo con la mano cuando te tocó el pecho?', 'Me tocó el pecho.'],
    ['es', '¿Qué hizo con sus manos cuando te agarró?', 'Me agarró del brazo.'],
    ['es', '¿Qué te dijo la maestra Ruiz cuando te quedaste?', 'Me quedé con la profe Ruiz.'],
    ['es', '¿Quién más estaba en la casa esa mañana?', 'Estábamos en la casa en la mañanita.'],
  ])('%s "%s" after "%s" is not flagged', (lang, q, said) => {
    const r = code(lang, q, [said]);
    expect(r.type).toBe('directive');
  });

  // Without the act, the hand is no longer implied: the cue names the act or the hand.
  it.each<[Language, string, string, RegExp]>([
    ['en', 'Where was he standing when he pushed you?', 'He was mean to me.', /pushed/],
    [
      'en',
      'What did he do with his hand when he touched your chest?',
      'He came over.',
      /touched|hand/,
    ],
    ['es', '¿Qué hizo con la mano cuando te tocó el pecho?', 'Vino a mi casa.', /tocó|mano/],
  ])('%s "%s" after "%s" still presumes the act', (lang, q, unsaid, cue) => {
    const r = code(lang, q, [unsaid]);
    expect(r.type).toBe('suggestive');
    expect(r.cue).toMatch(cue);
  });
});

// 5. Disappointment in the child (Garven, Wood, Malpass & Shaw 1998; Garven, Wood & Malpass 2000:
//    negative reinforcement, criticising or expressing disappointment in the child's answers).
describe('5. disappointment and pressure statements', () => {
  it.each<[Language, string]>([
    ['en', 'I thought you were old enough to tell me.'],
    ['en', 'I thought you were big enough to tell me what happened.'],
    ['en', 'I expected more from you.'],
    ['en', 'I figured you were big enough to talk to me.'],
    ['en', 'I really thought you were grown-up enough to talk to me about it.'],
    ['es', 'Pensé que eras lo bastante inteligente para contármelo.'],
    ['es', 'Pensaba que eras lo suficientemente grande para contarme.'],
    ['es', 'Creí que ya eras grande para decirme.'],
    ['es', 'Esperaba más de ti.'],
    ['es', 'Yo creía que me lo ibas a contar.'],
  ])('%s "%s" is suggestive, with and without context', (lang, q) => {
    for (const ctx of [undefined, []]) {
      const r = code(lang, q, ctx);
      expect(r.type).toBe('suggestive');
      expect(r.recommended).toBe(false);
      expect(r.reason).toMatch(/Garven/);
    }
  });

  it.each<[Language, string]>([
    ['en', 'I thought you might be tired, so let’s take a break.'],
    ['es', 'Pensé que tenías hambre.'],
  ])('%s "%s" is no disappointment', (lang, q) => {
    expect(code(lang, q, []).type).not.toBe('suggestive');
  });
});

// 6. Speech-recognition text keeps its tag question without "?" (Hearth's reading of
//    unpunctuated transcripts; tag questions are suggestive: Lamb et al. 2007).
describe('6. unpunctuated tag endings', () => {
  it.each<[Language, string]>([
    ['es', 'fuiste a su casa después de la escuela verdad que sí'],
    ['es', 'él te pegó verdad que sí'],
    ['es', 'te llevó a su carro cierto que sí'],
    ['es', 'no le dijiste a nadie verdad que no'],
    ['es', 'te quitó la ropa no es así'],
    ['en', 'you went to his house after school right'],
    ['en', 'it was in the bedroom isn’t it'],
    ['en', 'he gave you the money didn’t he'],
  ])('%s "%s" is a suggestive tag without context', (lang, q) => {
    for (const ctx of [undefined, []]) {
      const r = code(lang, q, ctx);
      expect(r.type).toBe('suggestive');
    }
  });
});

// 7. A request frame ("Can you show me...", «¿Me puedes enseñar...?») wrapping a presumed act or
//    the stereotype label "the bad man" (Garven et al. 1998: stereotype induction; Lamb et al.
//    2007: presumption) is suggestive, not a plain option-posing question.
describe('7. yes/no frames around a presumed act or a stereotype label', () => {
  it.each<[Language, string, readonly string[] | undefined]>([
    ['en', 'Can you show me where the bad man touched you?', undefined],
    ['en', 'Can you show me where the bad man touched you?', []],
    ['en', 'Could you point to where he hurt you?', ['He came over.']],
    ['en', 'Can you show me where he touched you?', ['He was mean.']],
    ['es', '¿Me puedes enseñar dónde te tocó el hombre malo?', undefined],
    ['es', '¿Me puedes mostrar dónde te tocó el señor malo?', []],
    ['es', '¿Puedes señalar dónde te tocó?', ['Me gritó.']],
  ])('%s "%s" is suggestive', (lang, q, ctx) => {
    const r = code(lang, q, ctx);
    expect(r.type).toBe('suggestive');
  });

  it.each<[Language, string, string]>([
    ['en', 'Can you show me where he touched you?', 'He touched me.'],
    ['es', '¿Puedes señalar dónde te tocó?', 'Me tocó.'],
  ])('%s "%s" after "%s" asks about the child’s own act: not suggestive', (lang, q, said) => {
    expect(code(lang, q, [said]).type).not.toBe('suggestive');
  });
});

// 8. review25 F14 and F18: a diminutive and a regional synonym of the child's own word are the
//    same detail (Nueva gramática 2009, §9.1; the pairs are everyday Latin American variants).
describe('8. F14 diminutives and F18 regional synonyms of the child’s word', () => {
  it.each<[Language, string, string]>([
    ['es', '¿Qué pasó con tu pancita?', 'Me dolía la panza.'],
    ['es', '¿Qué pasó con tu panza?', 'Me dolía la pancita.'],
    ['es', '¿Dónde estaba la tacita?', 'Me dio una taza.'],
    ['es', '¿Qué hizo con el cinturón?', 'Me pegó con el cinto.'],
    ['es', '¿Qué hizo con el cinto?', 'Me pegó con el cinturón.'],
    ['es', '¿De qué color era el carro?', 'Me subió a su auto.'],
    ['es', '¿De qué color era el auto?', 'Me subió a su carro.'],
    ['es', '¿Qué pasó en la recámara?', 'Me llevó a su dormitorio.'],
    ['es', '¿Qué pasó en el cuarto?', 'Me llevó a su recámara.'],
    ['es', '¿De qué color era la playera?', 'Me quitó la camiseta.'],
    ['es', '¿Qué hizo con la cobija?', 'Me tapó con la frazada.'],
    ['es', '¿De qué color era la pickup?', 'Llegó en su troca.'],
    ['es', '¿De qué color eran los calzones?', 'Me bajó las pantaletas.'],
    ['es', '¿De qué color eran los chones?', 'Me bajó los calzones.'],
    ['es', '¿Dónde estaban los lentes?', 'Se quitó los anteojos.'],
    ['es', '¿Qué pasó en la alberca?', 'Estábamos en la piscina.'],
    ['es', '¿Qué pasó en la piscina?', 'Estábamos en la alberca.'],
    ['en', 'What happened on the couch?', 'He sat on the sofa.'],
    ['en', 'What happened to your tummy?', 'My belly hurt.'],
  ])('%s "%s" after "%s" is not flagged', (lang, q, said) => {
    const r = code(lang, q, [said]);
    expect(r.type).not.toBe('suggestive');
    expect(r.recommended).toBe(true);
  });

  it('a suggestion keeps the child’s exact word, never the synonym or diminutive asked', () => {
    const r = code('es', 'Cuéntame de cuando te tocó la pancita.', ['Me dolía la panza.']);
    expect(r.recommended).toBe(false);
    expect(r.suggestion ?? '').not.toContain('pancita');
  });

  it.each<[Language, string, string]>([
    ['es', '¿Qué hizo con la pistola?', 'Tenía un arma.'],
    ['es', '¿De qué color era el carro?', 'Me pegó.'],
  ])('%s "%s" after "%s" still names an unsaid detail', (lang, q, said) => {
    expect(code(lang, q, [said]).type).toBe('suggestive');
  });

  // review26es M7: a word with another common regional sense is in no group ('guagua' is a baby
  // in the Andes, 'coche' a pig in Guatemala, 'camioneta' a bus or a van), and a girls'-only word
  // for underwear is not cleared by one anyone uses (a new detail and a gender cue).
  it.each<[Language, string, string]>([
    ['es', '¿De qué color era el autobús?', 'Estaba cargando a la guagua.'],
    ['es', '¿De qué color era el carro?', 'Tenían un coche en el corral.'],
    ['es', '¿De qué color era la troca?', 'Llegamos en la camioneta.'],
    ['es', '¿De qué color eran las pantaletas?', 'Me bajó los calzones.'],
    ['es', '¿De qué color era el blúmer?', 'Me bajó los chones.'],
  ])('%s "%s" after "%s" is not cleared by a regional word', (lang, q, said) => {
    expect(code(lang, q, [said]).type).toBe('suggestive');
  });
});

// 8. review25 F17: "Your mom told me..." is other people's information (co-witness; Garven et
//    al. 1998), not a putative confession, unless the one who told is the suspect (Lyon,
//    Wandrey, Ahern, Licht, Sim & Quas 2014, Child Development 85:1756-1769).
describe('8. F17 the reason for another person’s account', () => {
  it.each<[Language, string, readonly string[]]>([
    ['en', 'Your mom told me what happened.', []],
    ['en', 'Your sister already told us what he did.', []],
    ['es', 'Tu mamá me contó todo lo que pasó.', []],
    ['es', 'Tu maestra ya nos dijo todo.', ['Me gusta la escuela.']],
  ])('%s "%s": co-witness reason naming Garven', (lang, q, ctx) => {
    const r = code(lang, q, ctx);
    expect(r.type).toBe('suggestive');
    expect(r.subtype).toBe('co-witness');
    expect(r.reason).toMatch(/Garven/);
    expect(r.reason).not.toMatch(/confes/i);
  });

  it.each<[Language, string, readonly string[]]>([
    ['en', 'He told me everything that happened.', []],
    ['en', 'Your uncle told me everything that happened.', ['My uncle touched me.']],
    ['es', 'Él ya me contó todo.', []],
    ['es', 'Tu tío ya me contó todo.', ['Mi tío me tocó.']],
  ])('%s "%s": the suspect’s account is the direct putative confession', (lang, q, ctx) => {
    const r = code(lang, q, ctx);
    expect(r.type).toBe('suggestive');
    expect(r.reason).toMatch(/Lyon/);
    expect(r.reason).toMatch(/confes/i);
  });
});

// 8. review25 F16: a he/she for a person the child named without a sex refers to that person
//    and adds no event detail (Lamb et al. 2007): not flagged (presumed-person.ts explains why).
//    When the child's own words give the other sex, it names another person and is flagged.
describe('8. F16 a pronoun for a person named without a sex', () => {
  it.each<[Language, string, string]>([
    ['en', 'Where did he hurt you?', 'My cousin Alex hurt me.'],
    ['en', 'What did she say?', 'My friend Sam yelled at me.'],
    ['es', '¿Dónde te lastimó él?', 'Mi primo Alex me lastimó.'],
  ])('%s "%s" after "%s" is not flagged', (lang, q, said) => {
    expect(code(lang, q, [said]).type).toBe('directive');
  });

  it('the child’s own pronoun gives the sex: the other one is a presumed person', () => {
    const r = code('en', 'Where did she hurt you?', ['My cousin Alex hurt me, he is mean.']);
    expect(r.type).toBe('suggestive');
    expect(r.cue).toBe('she');
  });
});
