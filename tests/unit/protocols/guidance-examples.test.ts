// Audit 19c (B19c-3): every example question the plan's guidance shows (band warnings, language
// tips, phase warnings) must pass Hearth's own question coach, given the child's words the
// guidance states. The youth guidance once taught "Tell me about the apps you use" after the
// youth had only talked about a phone, and the coach beside it flagged "apps" as a new detail.
// Every quoted phrase of three words or more in any plan's guidance is listed below as an example
// to ask (coached), a counterexample (what not to ask), or words the child said (context), so a
// new example cannot slip in uncoached.
import { listProtocols, planSession } from '../../../src/protocols';
import { classifyQuestion } from '../../../src/questions';

type Language = 'en' | 'es';

/** Examples to ask, with the child's words the guidance states before them. */
const ASK: Record<string, { language: Language; childSaid: string[]; stated?: true }> = {
  'Tell me more about the phone': { language: 'en', childSaid: ['He took my phone'], stated: true },
  'Cuéntame más sobre el celular': {
    language: 'es',
    childSaid: ['Me quitó el celular'],
    stated: true,
  },
  // The pronoun tip names the kitchen as the place the child spoke of.
  'Tell me more about the kitchen': { language: 'en', childSaid: ['We were in the kitchen.'] },
  'Cuéntame más sobre la cocina': { language: 'es', childSaid: ['Estábamos en la cocina.'] },
};

/** What the guidance says not to ask (the counterexamples), and the child's quoted words. */
const NOT_ASKED = new Set([
  'how many times',
  'one time or more than one time?',
  "Why didn't you tell?",
  'Why did you go there?',
  "You don't remember?",
  'Where were you and who was there?',
  "why didn't you tell sooner",
  'Tell me more about it',
  '¿una vez o más de una vez?',
  '¿Por qué no le dijiste a nadie?',
  '¿Por qué fuiste ahí?',
  '¿No fue él quien...?',
  '¿No te acuerdas?',
  '¿Dónde estabas y quién estaba ahí?',
  '¿por qué no lo dijiste antes?',
  'Cuéntame más sobre eso',
  // The child's words, quoted as the context of an example.
  'He took my phone',
  'Me quitó el celular',
  'después de comer',
  'en casa de mi abuela',
  // Forms with a placeholder the interviewer fills, shown to say how to name the person (es tip).
  '¿Qué dijo [la palabra del niño o la niña para esa persona]?',
  'la casa de [esa misma palabra]',
  // NICHD's allegation-specific transition prompt, quoted to say Hearth does not offer it.
  'Did somebody [a brief summary of the allegation]?',
  '¿Alguien [breve resumen de la alegación]?',
  // A button's label (the reluctance rule), not a question.
  'Anotar reticencia',
]);

interface Shown {
  language: Language;
  id: string;
  text: string;
  quote: string;
}

/** Every quoted phrase of 3+ words in the guidance of every protocol, age and language. */
function quotedInGuidance(): Shown[] {
  const out = new Map<string, Shown>();
  for (const language of ['en', 'es'] as const)
    for (const p of listProtocols(language))
      for (let age = 3; age <= 17; age++)
        for (const exploitationConcern of [false, true]) {
          const plan = planSession(p.id, age, language, { exploitationConcern });
          const texts = [
            ...plan.band.warnings,
            ...plan.band.language,
            ...plan.sessions.flatMap((s) => s.phases.flatMap((ph) => ph.warnings ?? [])),
          ];
          for (const { id, text } of texts)
            for (const m of text.matchAll(/[“"]([^”"]+)[”"]/g)) {
              const quote = m[1] ?? '';
              if (quote.split(/\s+/).length >= 3)
                out.set(`${language}\u0000${quote}`, { language, id, text, quote });
            }
        }
  return [...out.values()];
}

const shown = quotedInGuidance();

test('the youth guidance shows its example with the child words it follows (en, es)', () => {
  const youth = shown.filter((s) => s.id === 'youthOpenAreas').map((s) => s.quote);
  expect(youth).toEqual(
    expect.arrayContaining(['Tell me more about the phone', 'Cuéntame más sobre el celular']),
  );
});

test('every quoted phrase in the guidance is listed as an example or a counterexample', () => {
  const unlisted = shown.filter((s) => !(s.quote in ASK) && !NOT_ASKED.has(s.quote));
  // A new example in locales/*/protocols.json: add it to ASK with the child's words it follows.
  expect(unlisted.map((s) => `${s.language} ${s.id}: ${s.quote}`)).toEqual([]);
});

test.each(shown.filter((s) => s.quote in ASK).map((s) => [s.language, s.id, s.quote, s]))(
  '%s %s: "%s" passes the question coach given the stated child words',
  (_l, _id, quote, s) => {
    const { language, childSaid, stated } = ASK[quote]!;
    const shownAt = s;
    expect(shownAt.language).toBe(language);
    // The child's words the example follows are in the guidance itself.
    if (stated) for (const said of childSaid) expect(shownAt.text).toContain(`“${said}”`);
    for (const age of [6, 15]) {
      const c = classifyQuestion(quote, language, {
        childWords: childSaid,
        childAgeYears: age,
      });
      expect({ quote, recommended: c.recommended, subtype: c.subtype }).toEqual({
        quote,
        recommended: true,
        subtype: expect.not.stringMatching(/presumptive|new-detail|label/),
      });
    }
  },
);

test('the youth example as the audit found it is flagged by the coach (the test can fail)', () => {
  const c = classifyQuestion('Tell me about the apps you use', 'en', {
    childWords: ['He took my phone'],
    childAgeYears: 15,
  });
  expect(c.recommended).toBe(false);
});
