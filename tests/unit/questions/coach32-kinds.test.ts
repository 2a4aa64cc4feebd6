// coach32 (issue #16): the kinds of fault left by the last blind set and by CLI use. Each kind
// has the reported example and instances written here from the sources (never from a blind set).
// 1. Asked and answered across turns (Garven et al. 1998; Poole & White 1991; Krähenbühl et al.
//    2009): a focused question repeating one the child answered, whatever its paraphrase.
// 2. Praise for telling (Garven et al. 1998, 2000: positive consequences) vs thanks for effort.
// 3. NICHD ground-rule practice ("If I said you were a two-year-old boy…") is a ground rule, not
//    a putative confession or a question.
// 4. CLI false positives: exclamations and pleasantries, "worried because of what he did",
//    in-situ wh- questions, «¿va?» as a tag vs assent, the child's place phrase in other wording.
import { classifyQuestion, DialogueCoder, type Language } from '../../../src/questions';
import { answeredOf, isAnswer } from '../../../src/questions/asked-answered';
import { analyseSequence } from '../../../src/questions/sequence';

/** Codes a labelled dialogue as the CLI does; returns the codes of the interviewer lines. */
function dialogue(lines: string[], language: Language) {
  const coder = new DialogueCoder({ language });
  return lines.map((l) => coder.push(l)).filter((c) => c !== undefined);
}
const last = (lines: string[], language: Language) => {
  const coded = dialogue(lines, language);
  const final = coded[coded.length - 1];
  if (!final) throw new Error('no interviewer line');
  return final.coding;
};

describe('1. asked and answered: a question the child has answered, asked again', () => {
  it.each<[Language, string, string, string]>([
    // The reported example (blind scoring, kind 1), en and es.
    ['en', 'Did he say anything?', 'No.', 'Did he say anything to you?'],
    ['es', '¿Él te dijo algo?', 'No.', '¿Te dijo algo?'],
    // Written here: tense, negation, "any"/"some", recipient, subject pronoun, wh- questions.
    ['en', 'Did he touch you?', 'No.', 'Has he ever touched you?'],
    ['en', 'Did anyone see?', 'No.', "So nobody saw, didn't anybody see?"],
    ['en', 'Where did he take you?', 'To the park.', 'And where did he take you?'],
    ['en', 'Did she tell you a secret?', "I don't know.", 'Did she tell you a secret?'],
    ['es', '¿Te tocó?', 'No.', '¿Él te ha tocado alguna vez?'],
    ['es', '¿A dónde te llevó?', 'Al parque.', '¿Y a dónde te llevó?'],
    ['es', '¿Alguien más estaba ahí?', 'No sé.', '¿Estaba alguien más ahí?'],
    ['es', '¿Te dijo algo?', 'No.', 'te dijo algo a ti'],
  ])('%s: "%s" / "%s" / "%s" is suggestive, asked-answered', (lang, first, answer, again) => {
    const child = lang === 'en' ? 'Child' : 'Niña';
    const interviewer = lang === 'en' ? 'Interviewer' : 'Entrevistadora';
    // The child first says he took her somewhere, so the wh- questions presume nothing.
    const opening = lang === 'en' ? 'He took me somewhere.' : 'Me llevó a un lado.';
    const coding = last(
      [
        `${child}: ${opening}`,
        `${interviewer}: ${first}`,
        `${child}: ${answer}`,
        `${interviewer}: ${again}`,
      ],
      lang,
    );
    expect(coding.type).toBe('suggestive');
    expect(coding.subtype).toBe('asked-answered');
    expect(coding.verdict).toBe('avoid');
    expect(coding.reason).toMatch(/Garven/);
  });

  it.each<[Language, string, string, string]>([
    // An unclear reply is no answer: asking again is a clarification.
    ['en', 'Did he say anything?', '[inaudible]', 'Did he say anything to you?'],
    ['en', 'Did he say anything?', 'What?', 'Did he say anything to you?'],
    ['en', 'Did he say anything?', 'Um...', 'Did he say anything?'],
    ['es', '¿Te dijo algo?', '¿Mande?', '¿Él te dijo algo?'],
    ['es', '¿Te dijo algo?', '(asiente)', '¿Te dijo algo?'],
    // A different question is not a repeat, even with the same words around it.
    ['en', 'Did he say anything?', 'No.', 'Did he do anything?'],
    ['en', 'Did he touch you?', 'Yes.', 'Did he touch your sister?'],
    ['es', '¿Te dijo algo?', 'No.', '¿Te dio algo?'],
  ])('%s: "%s" / "%s" / "%s" is not asked-answered', (lang, first, answer, again) => {
    const child = lang === 'en' ? 'Child' : 'Niña';
    const interviewer = lang === 'en' ? 'Interviewer' : 'Entrevistadora';
    const coding = last(
      [`${interviewer}: ${first}`, `${child}: ${answer}`, `${interviewer}: ${again}`],
      lang,
    );
    expect(coding.subtype).not.toBe('asked-answered');
  });

  it('repeated open invitations are the protocol, not a repeat', () => {
    const coding = last(
      [
        'Interviewer: Tell me more about that.',
        'Child: He yelled.',
        'Interviewer: Tell me more about that.',
      ],
      'en',
    );
    expect(coding.type).toBe('invitation');
  });

  it('a question asked before the child answered anything is not a repeat', () => {
    const coded = dialogue(
      ['Interviewer: Did he say anything?', 'Interviewer: Did he say anything to you?'],
      'en',
    );
    expect(coded.map((c) => c.coding.subtype)).toEqual(['yes-no', 'yes-no']);
  });

  it('a new dialogue (blank line) forgets the earlier questions', () => {
    const coding = last(
      ['Interviewer: Did he say anything?', 'Child: No.', '', 'Interviewer: Did he say anything?'],
      'en',
    );
    expect(coding.subtype).toBe('yes-no');
  });

  it('the quality report codes the repeat the same way', () => {
    const { coded } = analyseSequence(
      [
        { speaker: 'interviewer', text: '¿Él te dijo algo?' },
        { speaker: 'child', text: 'No.' },
        { speaker: 'interviewer', text: '¿Te dijo algo a ti?' },
      ],
      { language: 'es' },
    );
    expect(coded[2]?.coding?.subtype).toBe('asked-answered');
  });

  it('the library takes the answered questions as context', () => {
    const coding = classifyQuestion('Did he say anything to you?', 'en', {
      childWords: ['No.'],
      answered: [{ question: 'Did he say anything?', answer: 'No.' }],
    });
    expect(coding.subtype).toBe('asked-answered');
    expect(
      classifyQuestion('Did he say anything to you?', 'en', { childWords: ['No.'] }).subtype,
    ).toBe('yes-no');
  });

  it('answeredOf pairs each question with the child turns after it, skipping others', () => {
    expect(
      answeredOf([
        { speaker: 'interviewer', text: 'Hi.' },
        { speaker: 'interviewer', text: 'Did he say anything?' },
        { speaker: 'interpreter', text: '¿Te dijo algo?' },
        { speaker: 'child', text: 'No.' },
        { speaker: 'child', text: 'Nothing.' },
        { speaker: 'interviewer', text: 'Okay.' },
      ]),
    ).toEqual([{ question: 'Did he say anything?', answer: 'No. Nothing.' }]);
  });

  it.each<[string, Language, boolean]>([
    ["I don't know", 'en', true],
    ['no', 'en', true],
    ['[unintelligible]', 'en', false],
    ['huh?', 'en', false],
    ['', 'en', false],
    ['no sé', 'es', true],
    ['¿qué?', 'es', false],
    ['mmm', 'es', false],
  ])('"%s" (%s) is an answer: %s', (answer, lang, expected) => {
    expect(isAnswer(answer, lang)).toBe(expected);
  });
});

describe('2. praise for telling is suggestive; thanks for effort is not', () => {
  const ctx = (childWords: string[]) => ({ childWords, stage: 'substantive' as const });
  it.each<[Language, string]>([
    ['en', 'Good girl for telling me what he did.'],
    ['en', 'You were really brave to tell me about that.'],
    ['en', "That's very brave of you to tell me what he did."],
    ['en', "I'm so proud of you for telling me he touched you."],
    ['en', 'Good boy, you told me what he did.'],
    ['es', 'Muy bien, qué valiente por contarme lo que te hizo.'],
    ['es', 'Qué valiente eres por contarme.'],
    ['es', 'Fuiste muy valiente al contarme eso.'],
    ['es', 'Buena niña por decirme lo que te hizo.'],
    ['es', 'Muy bien, niña, me contaste lo que te hizo.'],
  ])('%s: %s', (lang, text) => {
    const coding = classifyQuestion(text, lang, ctx([lang === 'en' ? 'he touched me' : 'me tocó']));
    expect(coding.type).toBe('suggestive');
    expect(coding.subtype).toBe('pressure');
    expect(coding.reason).toMatch(/Garven/);
  });

  it.each<[Language, string]>([
    ['en', 'Thank you for telling me.'],
    ['en', 'Thanks for talking with me today.'],
    ['en', 'I want to thank you for working hard today.'],
    ['en', "You're doing a good job listening."],
    ['es', 'Gracias por contarme.'],
    ['es', 'Gracias por platicar conmigo hoy.'],
    ['es', 'Te agradezco mucho tu esfuerzo.'],
  ])('%s: %s is not flagged', (lang, text) => {
    const coding = classifyQuestion(text, lang, ctx([lang === 'en' ? 'he touched me' : 'me tocó']));
    expect(coding.type).toBe('other');
    expect(coding.recommended).toBe(true);
  });
});

describe('3. the ground-rule correction practice codes as a ground rule', () => {
  it.each<[Language, string]>([
    ['en', 'If I said you were a two-year-old boy, what would you say?'],
    ['en', "What if I said that you're a two year old boy?"],
    ['en', 'What if I told you that you were standing up?'],
    ['en', 'what if i said youre a boy'],
    ['en', 'If I make a mistake and say you are 2 years old, what would you say?'],
    ['en', 'What if I called you by the wrong name?'],
    ['es', 'Si yo dijera que eres un niño de dos años, ¿qué me dirías?'],
    ['es', '¿Y si te digo que estás parada?'],
    ['es', 'si te digo que eres un niño de dos años eso es verdad o mentira'],
    ['es', '¿Qué pasaría si te digo que tienes dos años?'],
    ['es', 'Si me equivoco y digo que eres un niño, ¿qué me dices?'],
    ['es', 'Si te llamo por otro nombre, ¿qué me dirías?'],
  ])('%s: %s', (lang, text) => {
    const child = lang === 'en' ? 'my uncle touched me' : 'mi tío me tocó';
    for (const context of [undefined, { childWords: [child] }, { childWords: [] }]) {
      const coding = classifyQuestion(text, lang, context);
      expect(coding.type).toBe('other');
      expect(coding.subtype).toBe('ground-rule');
      expect(coding.recommended).toBe(true);
    }
  });

  it.each<[Language, string]>([
    ['en', 'What if I said your uncle touched you?'],
    ['es', '¿Y si te digo que tu tío te tocó?'],
  ])('a hypothetical about the act is still not a ground rule: %s', (lang, text) => {
    expect(classifyQuestion(text, lang).subtype).not.toBe('ground-rule');
  });
});

describe('4. CLI false positives', () => {
  it.each<[Language, string]>([
    ['es', '¡Qué bueno!'],
    ['es', 'que bueno'],
    ['es', 'qué bueno que viniste'],
    ['es', 'Fue un gusto conocerte.'],
    ['es', 'fue un gusto conocerte'],
    ['es', 'fue un placer platicar contigo'],
    ['en', 'how nice'],
    ['en', 'it was nice to meet you'],
    ['en', 'what a cute dog'],
  ])('%s: %s is a statement, not a question', (lang, text) => {
    const coding = classifyQuestion(text, lang, { childWords: [] });
    expect(coding.type).toBe('other');
  });

  it.each<[Language, string, string[]]>([
    ['es', 'Tu maestra está preocupada por ti por lo que te hizo tu papá.', []],
    ['es', 'Tu mamá está muy preocupada por lo que te hizo tu tío.', ['mi tío es bueno']],
    ['es', 'A tu maestra le preocupa lo que te hizo tu papá.', []],
    ['en', 'Your teacher is worried about you because of what your dad did to you.', []],
    ['en', 'Your mom is really upset about what your uncle did.', ['I like my uncle']],
  ])('%s: %s (other people’s information presuming an act) is suggestive', (lang, text, cw) => {
    const coding = classifyQuestion(text, lang, { childWords: cw });
    expect(coding.type).toBe('suggestive');
    expect(coding.subtype).not.toBe('protocol');
  });

  it('the NICHD caregiver-worry prompt itself stays the protocol’s', () => {
    expect(classifyQuestion('¿Tu maestra está preocupada por ti?', 'es').subtype).toBe('protocol');
    expect(classifyQuestion('Is your teacher worried about you?', 'en').subtype).toBe('protocol');
  });

  it.each<[Language, string, string, string]>([
    ['en', 'and then you went where', 'I went to the store', 'directive'],
    ['en', 'and then you went where', 'he took me under the bridge', 'suggestive'],
    ['en', 'and then you talked to who', 'he was there', 'suggestive'],
    ['en', 'so he took you where', 'he took me to his car', 'directive'],
    ['es', 'y luego te fuiste adónde', 'me fui a la tienda', 'directive'],
    ['es', 'y luego te fuiste adónde', 'me llevó al parque', 'suggestive'],
    ['es', 'y entonces fuiste con quién', 'me llevó al parque', 'suggestive'],
    ['es', 'y luego te llevó adónde', 'me llevó al parque', 'directive'],
  ])('%s in-situ wh-: "%s" after "%s" is %s', (lang, text, child, type) => {
    const coding = classifyQuestion(text, lang, { childWords: [child] });
    expect(coding.type).toBe(type);
    if (type === 'suggestive') expect(coding.subtype).toBe('presumptive');
  });

  it.each<[Language, string, string[]]>([
    ['es', 'Él te pegó, ¿va?', []],
    ['es', 'Él te pegó, ¿va?', ['él me pegó']],
    ['es', 'el te pego va', ['él me pegó']],
    ['es', 'Te tocó, ¿va?', ['me tocó']],
    ['en', 'he hit you okay', ['he hit me']],
    ['en', 'He touched you, okay?', ['he touched me']],
  ])('%s: %s is a tag question', (lang, text, cw) => {
    const coding = classifyQuestion(text, lang, { childWords: cw });
    expect(coding.type).toBe('suggestive');
    expect(coding.subtype).toBe('tag');
  });

  it.each<[Language, string]>([
    ['es', 'Me avisas si no entiendes, ¿va?'],
    ['es', 'Vamos a platicar un rato, ¿va?'],
    ['es', 'Cuéntame todo lo que pasó, ¿va?'],
    ['en', "Tell me if you don't understand, okay?"],
    ['en', "If you don't know, just say you don't know, okay?"],
  ])('%s: %s asks for assent, not agreement', (lang, text) => {
    const coding = classifyQuestion(text, lang, { childWords: [] });
    expect(coding.type).not.toBe('suggestive');
    expect(coding.recommended).toBe(true);
  });

  it.each<[Language, string, string]>([
    ['es', 'Cuéntame más de cuando te tocó por debajo de la ropa.', 'me tocó debajo de la ropa'],
    ['es', 'Cuéntame más de cuando te tocó debajo de la ropa.', 'me tocó por debajo de mi ropa'],
    ['es', 'Cuéntame más de cuando te tocó por encima de la ropa.', 'me tocó encima de mi ropa'],
    [
      'en',
      'Tell me more about him touching you under your clothes.',
      'he touched me under the clothes',
    ],
    [
      'en',
      'Tell me more about when he touched you under his clothes.',
      'he touched me under the clothes',
    ],
    [
      'en',
      'Tell me more about him touching you over your clothes.',
      'he touched me over my clothes',
    ],
  ])("%s: the child's place phrase in other words: %s", (lang, text, child) => {
    const coding = classifyQuestion(text, lang, { childWords: [child] });
    expect(coding.type).toBe('cued-invitation');
  });

  it.each<[Language, string, string]>([
    ['es', '¿Te tocó por encima de la ropa?', 'me tocó debajo de la ropa'],
    ['en', 'Did he touch you over your clothes?', 'he touched me under the clothes'],
  ])('%s: the other place is still a new detail: %s', (lang, text, child) => {
    const coding = classifyQuestion(text, lang, { childWords: [child] });
    expect(coding.subtype).toBe('new-detail');
  });
});
