// coach36 (issue #16): kinds of fault fixed from the sources, each in English and Latin American
// Spanish, with and without the child's words as context.
// 1. The yes/no and either/or questions a protocol asks on purpose (item 5): the truth promise and
//    the true/not-true practice (NICHD revised protocol 2014, ground rules; Lyon & Dorado 2008;
//    ABE 2022, truth and lies), the closing questions (NICHD 2014, closing) and "one time or more
//    than one time" (NICHD 2014, investigating incidents) are option-posing, subtype 'protocol',
//    without a warning, with the section in the reason; in free wordings too. The same frame that
//    names an act or goes on with a question of its own is coded by the ordinary rules.
// 2. A yes/no question that presumes an act the child has not reported (a gerund after "stop",
//    a perception verb's complement, "tell ... that", a definite nominal act) is suggestive (Lamb
//    et al. 2007: suggestive utterances assume details not disclosed; Loftus & Zanni 1975 on
//    presupposition); with the act in the child's words it stays option-posing.
// 3. Spanish faults left by review23: the touching noun («tocamientos») and verbs with a clitic
//    («tocarte») are acts; «me hizo la comida» is no report of an act; an introduction's tail is
//    checked with no child context too (the interviewer introduces themselves before the child
//    has said anything).
import { buildQualityReport, classifyQuestion, type Language } from '../../../src/questions';

const code = (lang: Language, text: string, childWords?: string[]) =>
  classifyQuestion(text, lang, childWords ? { childWords } : {});

describe('1. the protocol asks it on purpose: option-posing, no warning, section named', () => {
  it.each<[Language, string, RegExp]>([
    ['en', 'If I said this table is purple, would that be true or not true?', /ground rules/],
    ['en', 'If I said that my shoes are red, would that be the truth or a lie?', /ground rules/],
    ['en', 'Do you promise to tell the truth?', /ground rules/],
    ['en', 'Do you promise to tell me the truth today?', /ground rules/],
    ['en', 'Is there anything else you want to tell me?', /closing/],
    ['en', 'Is there anything else I should know?', /closing/],
    ['en', 'is there anything else you think I should know', /closing/],
    ['en', 'Do you have any questions for me?', /closing/],
    ['en', 'Is there anything you want to ask me?', /closing/],
    ['en', 'Did it happen one time or more than one time?', /investigating incidents/],
    ['es', 'Si yo te digo que esta mesa es morada, ¿eso sería verdad o mentira?', /reglas básicas/],
    ['es', 'Si yo dijera que mis zapatos son rojos, ¿sería verdad o no sería verdad?', /reglas/],
    ['es', '¿Me prometes que me vas a decir la verdad?', /reglas básicas/],
    ['es', '¿Prometes decir la verdad?', /reglas básicas/],
    ['es', '¿Hay algo más que quieras decirme?', /cierre/],
    ['es', '¿Hay algo más que me quieras contar?', /cierre/],
    ['es', '¿Hay algo más que creas que yo debería saber?', /cierre/],
    ['es', '¿Tienes alguna pregunta para mí?', /cierre/],
    ['es', '¿Hay algo que me quieras preguntar?', /cierre/],
    ['es', '¿Pasó una vez o más de una vez?', /investigar incidentes/],
  ])('%s: "%s"', (lang, text, section) => {
    for (const context of [undefined, [], ['Fui al parque con mi tía.']]) {
      const c = classifyQuestion(text, lang, context ? { childWords: context } : {});
      expect({ type: c.type, subtype: c.subtype, recommended: c.recommended }).toEqual({
        type: 'option-posing',
        subtype: 'protocol',
        recommended: true,
      });
      expect(c.reason).toMatch(/NICHD/);
      expect(c.reason).toMatch(section);
      expect(c.suggestion).toBeUndefined();
    }
  });

  it.each<[Language, string]>([
    // The frame names an act or a body part: no protocol question, the ordinary checks apply.
    ['en', 'If I said he touched you, would that be true or not true?'],
    ['en', 'Is there anything else he did to your private parts?'],
    ['en', 'Is there anything else you want to tell me about when he touched you?'],
    ['es', 'Si yo te dijera que él te tocó, ¿sería verdad o mentira?'],
    ['es', '¿Hay algo más que quieras contarme de cuando te tocó?'],
  ])('%s: a protocol frame that names the event is no protocol question: "%s"', (lang, text) => {
    const c = code(lang, text, []);
    expect(c.subtype).not.toBe('protocol');
    expect(c.recommended).toBe(false);
  });

  it('the report does not count them against the interview', () => {
    const turns = [
      { speaker: 'interviewer' as const, text: 'Tell me everything that happened.' },
      { speaker: 'child' as const, text: 'He hit me in the kitchen.' },
      { speaker: 'interviewer' as const, text: 'Did it happen one time or more than one time?' },
      { speaker: 'child' as const, text: 'One time.' },
      { speaker: 'interviewer' as const, text: 'Is there anything else you want to tell me?' },
    ];
    const r = buildQualityReport(turns, { language: 'en' });
    expect(r.headline.optionPosing).toBe(0);
    expect(r.headline.invitations).toBe(1);
    expect(r.headline.invitationShare).toBe(1);
    expect(r.flagged).toEqual([]);
  });
});

describe('2. a yes/no question that presumes an unreported act is suggestive', () => {
  // [language, what the child said of the act, what the child said without it, question]
  it.each<[Language, string, string, string]>([
    ['en', 'He touched me.', 'He was mean.', 'Did it hurt when he touched you?'],
    ['en', 'He touched me.', 'He was mean.', 'Did he stop touching you?'],
    ['en', 'He touched me.', 'He was mean.', 'Did anyone see him touch you?'],
    ['en', 'He touched me.', 'He was mean.', 'Did the touching hurt?'],
    ['en', 'He touched me.', 'He was mean.', 'Did you tell your mom that he touched you?'],
    ['en', 'He touched me.', 'He was mean.', 'Did he use his hand or something else to touch you?'],
    ['es', 'Me tocó.', 'Fue malo conmigo.', '¿Te dolió cuando te tocó?'],
    ['es', 'Me tocó.', 'Fue malo conmigo.', '¿Dejó de tocarte?'],
    ['es', 'Me tocó.', 'Fue malo conmigo.', '¿Alguien lo vio tocarte?'],
    ['es', 'Me tocó.', 'Fue malo conmigo.', '¿Te dolieron los tocamientos?'],
    ['es', 'Me tocó.', 'Fue malo conmigo.', '¿Le dijiste a tu mamá que te tocó?'],
    ['es', 'Me tocó.', 'Fue malo conmigo.', '¿Usó la mano para tocarte?'],
  ])('%s: after "%s" option-posing, after "%s" suggestive: %s', (lang, said, unsaid, q) => {
    const presumes = code(lang, q, [unsaid]);
    expect([presumes.type, presumes.verdict]).toEqual(['suggestive', 'avoid']);
    expect(code(lang, q, [said]).type).toBe('option-posing');
  });

  it.each<[Language, string, string]>([
    // Asking whether the act happened presumes nothing, but it introduces the act: since coach41
    // (issue #16 item 2, the lead's scheme; Lamb et al. 2007) an abuse-relevant act the child has
    // not said makes it suggestive/new-detail, not presumptive.
    ['en', 'He was mean.', 'Did he touch you?'],
    ['es', 'Fue malo conmigo.', '¿Te tocó?'],
  ])('%s: after "%s", "%s" is suggestive/new-detail (it presumes nothing)', (lang, said, q) => {
    const c = code(lang, q, [said]);
    expect([c.type, c.subtype]).toEqual(['suggestive', 'new-detail']);
  });

  it.each<[Language, string, string]>([
    // A verb of the frame with no act after it presumes nothing either.
    ['en', 'He was mean.', 'Did he stop being mean?'],
    ['en', 'He was mean.', 'Did anyone see what happened?'],
  ])('%s: after "%s", "%s" stays option-posing', (lang, said, q) => {
    expect(code(lang, q, [said]).type).toBe('option-posing');
  });
});

describe('3. Spanish faults left by review23', () => {
  it.each<[Language, string]>([
    ['es', 'Mi trabajo es platicar con niños sobre tocamientos.'],
    ['es', 'Hola, me llamo Dana y mi trabajo es platicar con niños sobre tocamientos.'],
    ['en', 'My job is to talk with kids about touching.'],
    ['en', "Hi, my name is Dana and I'm sorry he touched you."],
    ['es', 'Hola, me llamo Dana y siento mucho que te haya tocado.'],
  ])(
    '%s: an introduction whose tail names the act is flagged, with or without context: %s',
    (lang, text) => {
      for (const context of [undefined, []]) {
        const c = classifyQuestion(text, lang, context ? { childWords: context } : {});
        expect([c.type, c.recommended]).toEqual(['suggestive', false]);
      }
    },
  );

  it.each<[Language, string]>([
    [
      'en',
      'Hi, my name is Dana and my job is to talk with kids about things that happened to them.',
    ],
    ['es', 'Hola, me llamo Dana y mi trabajo es platicar con niños sobre cosas que les pasan.'],
    ['en', "Hi, my name is Dana and I'm a police officer."],
  ])('%s: the generic introduction stays other without context: %s', (lang, text) => {
    for (const context of [undefined, []]) {
      const c = classifyQuestion(text, lang, context ? { childWords: context } : {});
      expect([c.type, c.recommended]).toEqual(['other', true]);
    }
  });

  it.each<[string, string]>([
    ['Me hizo la comida.', '¿Qué te hizo?'],
    ['Mi abuela me hizo un pastel.', '¿Qué más te hizo?'],
  ])('es: «%s» (making something) is no report of an act: %s is suggestive', (said, q) => {
    expect(code('es', q, [said]).type).toBe('suggestive');
  });

  it.each<[string, string]>([
    ['Me hizo una cosa fea.', '¿Qué te hizo?'],
    ['Me hizo daño.', '¿Qué te hizo?'],
  ])('es: «%s» reports an act: %s is a directive', (said, q) => {
    expect(code('es', q, [said]).type).toBe('directive');
  });
});
