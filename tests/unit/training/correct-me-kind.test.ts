// train27 (issue #18; fix23b left it): the "correct me" ground rule is recognised as a kind in
// practice turns, in es-419 and US English, not as one exact string: «Si digo algo que está mal,
// dímelo», «corrígeme», «si me equivoco, dime» and their natural variants state the rule; a
// practice item after it practises it; a sentence that names an error without asking the child to
// say so, or asks for something else, does not.
import es from '../../../locales/es/protocols.json';
import { builtInScenarios, simulate, type PracticeTurn } from '../../../src/training';
import { statesCorrectMe } from '../../../src/training/correct-me';
import { wordTools } from '../../../src/training/words';
import { CORRECT_ME_WORDINGS } from '../../fixtures/training/correct-me-wordings';

// review24a F3: variants the first version missed, beside the shared wordings.
const STATES: Record<'en' | 'es', readonly string[]> = {
  es: [
    ...CORRECT_ME_WORDINGS.es,
    'Si yo digo algo que no está bien, tú me dices.',
    'Si digo algo incorrecto, me puedes decir.',
    'Si te digo algo que no es cierto, tú me puedes decir que no.',
    'Si cometo un error, dímelo.',
    'Corrígeme.',
    'Me corriges, ¿sí?',
    // train28: reassurance beside the request, and a request for what is right.
    'Si digo algo mal, no pasa nada, tú me dices.',
    'Si me equivoco, dime qué es lo correcto.',
    'Si digo algo que no es cierto, dime que no es así.',
    // review25 F5: the subjunctive request, how US-CAC Spanish-speaking interviewers usually say
    // the rule, and «en algún momento» before the error (the reviewer's sentences).
    'Si digo algo que no está bien, quiero que me lo digas.',
    'Si me equivoco, quiero que me corrijas.',
    'Si me equivoco, necesito que me avises.',
    'Si me equivoco, está bien que me corrijas.',
    'Si yo digo algo que no es cierto, quiero que me digas.',
    'A veces me equivoco. Si eso pasa, quiero que me digas.',
    'Si en algún momento me equivoco, me dices.',
    'Si yo me equivoco, por favor corrígeme.',
    'Si digo algo que no pasó, tú me dices.',
    'A veces digo algo mal. Entonces tú me lo dices.',
    'Puedes decirme cuando me equivoco.',
    'Si me equivoco o resumo algo mal, corrígeme. Tú eres quien sabe.',
    'Si me equivoco en algo, avísame.',
    'Si te digo algo equivocado, tú me corriges.',
    'Si me equivoco, no te preocupes, dímelo.',
    'Si llego a decir algo que no pasó, me lo dices.',
    'Cuando diga algo que no es así, me avisas.',
    'Si me equivoco, es importante que me lo hagas saber.',
    'Si alguna vez me equivoco, necesito que tú me corrijas.',
  ],
  en: [
    ...CORRECT_ME_WORDINGS.en,
    'If I mess up, tell me.',
    'If I say something that is not true, you can say "That is not true".',
    'Correct me, okay?',
    // train28: reassurance beside the request, and a request for what is right.
    "If I say something wrong, that's okay, just tell me.",
    'If I say something wrong, tell me what really happened.',
    'If I get something wrong, you can say so.',
    "If I say something that isn't right, you can tell me what is right.",
    // review25 F5: the error named in a sentence of its own, and the answer in single quotes
    // (the reviewer's sentences).
    'I might make mistakes. If I do, tell me.',
    "If I say something wrong, just say 'that's wrong'.",
    "If I say something that's not right, I want you to tell me.",
    "If I say something wrong, it's important that you tell me.",
    'Sometimes I get things wrong. When that happens, you should tell me.',
    "If I make a mistake, tell me and we'll fix it.",
    "If I'm wrong about something, let me know.",
    "If I say something wrong, you don't have to agree with me, just tell me.",
    'Sometimes I make mistakes. If I say something wrong, tell me.',
    "Right, you're 7. When I say something wrong, you tell me.",
    'You can tell me when I get something wrong.',
    'I may get things wrong. If I do, you can say ‘no, that’s wrong’.',
  ],
};

// review25 F5: the reviewer's sentences that give the child the answer in quotes. They state the
// rule (statesCorrectMe), but the simulated child reads a turn with «eso no es cierto» in it as
// the practice item too, so they are kept out of the simulation checks below ("stated").
const STATES_WITH_QUOTED_ANSWER: Record<'en' | 'es', readonly string[]> = {
  es: [
    'Si me equivoco, está bien que me digas «eso no es cierto».',
    'Si digo algo mal, me puedes decir «eso no es cierto».',
  ],
  en: [],
};

const NOT: Record<'en' | 'es', string[]> = {
  es: [
    'Dime qué te gusta hacer.',
    'Si digo algo mal, está bien.',
    '¿Está mal lo que pasó?',
    'Si no sabes, dime «no sé».',
    'Dímelo con tus propias palabras.',
    // review24a F3: a question about the event holding the words, a past remark, two unrelated
    // sentences, a check of one detail.
    'Si te digo algo, ¿me dices si él te tocó mal?',
    'Cuando dije que no pasó nada malo, dime qué pensaste.',
    'A veces digo cosas mal. Dime qué hiciste el sábado.',
    'Me corriges la hora en que pasó, ¿por favor?',
    // train28: an error named with reassurance, a request turned down, the correction made the
    // interviewer's own, or a request for the narrative: the child is not told to correct.
    'Si digo algo mal, no pasa nada.',
    'Si digo algo mal, está bien, dime qué pasó.',
    'Si me equivoco, no me dices nada.',
    'Si me equivoco, no tienes que decirme.',
    'Si digo algo mal, no te preocupes, yo lo corrijo.',
    'Si digo algo mal, dime todo lo que pasó.',
    'Si me equivoco, me puedes decir lo que quieras.',
    // review25 F5: the reviewer's negatives, and the new subjunctive forms turned down or asking
    // for the narrative.
    'Si me equivoco, no pasa nada, cuéntame lo que pasó.',
    'Si me equivoco no importa. Dime qué pasó.',
    'Si digo algo mal, no me digas nada.',
    'Si me equivoco, no es necesario que me digas.',
    'Si me equivoco, no quiero que me corrijas.',
    'Si me equivoco, quiero que me digas todo lo que pasó.',
    'Quiero que me digas qué pasó en la fiesta.',
    'A veces me equivoco. Quiero que me cuentes de tu escuela.',
  ],
  en: [
    'Tell me about your school.',
    "If you don't know, say I don't know.",
    'Tell me everything.',
    'When I said he did something wrong, what did you tell me?',
    'Sometimes I get things mixed up. Tell me everything about that day.',
    'Correct me if I got the day wrong: it was Sunday?',
    // train28: an error named with reassurance, a request turned down, the correction made the
    // interviewer's own, a request for the narrative, or someone else to tell.
    "If I say something wrong, that's okay.",
    "If I say something wrong, that's okay, tell me what happened.",
    "If I make a mistake, don't worry, I'll fix it.",
    "If I say something wrong, you don't have to tell me.",
    "If I say something wrong, don't tell me.",
    'If I get something wrong, tell me about your school.',
    'If I say something wrong, you should tell your mom.',
    // review25 F5: the reviewer's negatives, and "I might make mistakes" without the request.
    'If I say something wrong, tell me what happened next.',
    "If I say something wrong, that's okay. Tell me about school.",
    "If I say something wrong, don't let me know.",
    'I might make mistakes. Tell me about your school.',
    'I might get things wrong, so tell me everything.',
  ],
};

describe.each(['es', 'en'] as const)('statesCorrectMe (%s)', (language) => {
  const fold = (s: string) => wordTools(language).normalise(s);
  it.each([...STATES[language], ...STATES_WITH_QUOTED_ANSWER[language]])(
    '"%s" states the rule',
    (text) => {
      expect(statesCorrectMe(fold(text), language)).toBe(true);
    },
  );
  it.each(NOT[language])('"%s" does not', (text) => {
    expect(statesCorrectMe(fold(text), language)).toBe(false);
  });
});

test("the plan's own es-419 wordings of the rule are recognised, at every band", () => {
  const fold = (s: string) => wordTools('es').normalise(s);
  for (const text of Object.values(es.prompts.groundRules.correctMe.explain))
    expect(statesCorrectMe(fold(text), 'es')).toBe(true);
});

/** The simulated child's status of "correct me" after these turns in the ground-rules phase. */
function status(language: 'en' | 'es', ageYears: number, texts: string[], seed: number) {
  const s = builtInScenarios(language).find((x) => x.ageYears === ageYears)!;
  const turns: PracticeTurn[] = texts.map((text) => ({
    text,
    phaseId: 'groundRules',
    substantive: false,
  }));
  // No scripted matchers: the trainee's own words, not the plan's, are what is tested here.
  return simulate(s, seed, turns, []).rules.correctMe;
}

const AGES = [...new Set(builtInScenarios('es').map((s) => s.ageYears))].filter(
  (a) => a >= 6 && a <= 13,
);

test('ages 6-13 exist among the built-in scenarios', () => {
  expect(AGES.length).toBeGreaterThanOrEqual(2);
});

describe.each(AGES)('in a Spanish practice interview at %i', (age) => {
  it.each(STATES.es)('"%s" is the rule stated, in every seed', (text) => {
    for (const seed of [1, 2, 3]) expect(status('es', age, [text], seed)).toBe('stated');
  });

  it('a practice item after a natural variant practises it (seeds where the child answers right)', () => {
    const outcomes = [1, 2, 3, 4, 5, 6].map((seed) =>
      status(
        'es',
        age,
        [
          'Si digo algo que está mal, dímelo.',
          'Entonces, si te digo que tienes dos años, ¿qué me dices?',
        ],
        seed,
      ),
    );
    expect(outcomes).toContain('practised');
    expect(outcomes.every((o) => o === 'practised' || o === 'stated')).toBe(true);
  });

  it.each(NOT.es)('"%s" leaves the rule missing', (text) => {
    expect(status('es', age, [text], 1)).toBe('missing');
  });
});

// train28: the English edge in a practice interview. "If I say something wrong, that's okay" names
// the interviewer's error but does not tell the child to correct it: the simulated child has no
// "correct me" rule from it, and a request for the narrative after the reassurance adds none.
describe.each(AGES)('in an English practice interview at %i', (age) => {
  it.each(NOT.en)('"%s" leaves the rule missing', (text) => {
    expect(status('en', age, [text], 1)).toBe('missing');
  });
  it.each([
    "If I say something wrong, that's okay, just tell me.",
    'If I say something wrong, tell me.',
  ])('"%s" is the rule stated', (text) => {
    for (const seed of [1, 2, 3]) expect(status('en', age, [text], seed)).toBe('stated');
  });
});
