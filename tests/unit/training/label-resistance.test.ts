// Issue #18 audit B18-10: the exploited 16-year-old who does not see herself as a victim rejects
// victim and exploitation labels or disengages (Lavoie et al. 2019; Henderson et al. 2021; see
// research.ts LABEL_RESISTANCE), never agrees; and a label question is the same kind of question
// in English and Spanish, so the training measures (prompt type, who introduced the allegation,
// false details) do not depend on the language. The question table is written for this test, in
// parallel pairs, apart from the audit's examples.
import { planSession } from '../../../src/protocols';
import { classifyQuestion } from '../../../src/questions';
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { scriptedMatchers } from '../../../src/training/scripted';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 150;
const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });

const RAPPORT = {
  en: 'Tell me about things you like to do.',
  es: 'Cuéntame sobre las cosas que te gusta hacer.',
} as const;

// [English, Spanish]: the same label question in both languages.
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['Does Marcus exploit you?', '¿Marcus te está explotando?'],
  ['Is he exploiting you?', '¿Te anda explotando?'],
  ['Has he been trafficking you?', '¿Te ha estado traficando?'],
  ['Are you a victim of sex trafficking?', '¿Eres víctima de trata de personas?'],
  ['Is Marcus your pimp?', '¿Marcus es tu padrote?'],
  ['Do you have clients?', '¿Tienes clientes?'],
  ['Were you sexually exploited at the motel?', '¿Te explotaron sexualmente en el motel?'],
  ['Does he want to exploit you?', '¿Él quiere explotarte?'],
  ['Is he selling you to men?', '¿Te está vendiendo con hombres?'],
];

const YES = /^(yes|yeah|yep|s[ií])\b/i;

function run(language: TrainingLanguage, question: string) {
  const scenario = builtInScenario('teen-exploitation', language)!;
  const matchers = scriptedMatchers(planSession('nichd', 16, language));
  let yes = 0;
  let falseDetails = 0;
  let byInterviewer = 0;
  let moreReluctant = 0;
  const types = new Set<string>();
  for (let seed = 1; seed <= SEEDS; seed++) {
    const before = simulate(scenario, seed, [R(RAPPORT[language])], [], matchers);
    const sim = simulate(scenario, seed, [R(RAPPORT[language]), S(question)], [], matchers);
    const reply = sim.replies[1]!;
    types.add(reply.coding.type);
    if (YES.test(reply.answer)) yes++;
    if (sim.falseDetails.length > 0) falseDetails++;
    if (sim.allegation.by === 'interviewer') byInterviewer++;
    if (sim.reluctanceEnd > before.reluctanceEnd && reply.reluctant) moreReluctant++;
  }
  return { types: [...types], yes, falseDetails, byInterviewer, moreReluctant };
}

describe('B18-10 the youth who does not see herself as a victim and labels', () => {
  it.each(PAIRS)(
    '%s / %s: denial or disengagement, the same measures in both languages',
    (en, es) => {
      const a = run('en', en);
      const b = run('es', es);
      for (const r of [a, b]) {
        expect(r.yes).toBe(0);
        expect(r.falseDetails).toBe(0);
        expect(r.moreReluctant).toBe(SEEDS);
        expect(r.types).toEqual(['suggestive']);
      }
      // Who introduced the allegation does not depend on the language.
      expect(a.byInterviewer).toBe(b.byInterviewer);
      expect(a.byInterviewer).toBe(SEEDS);
    },
  );

  it('labels drawn out over an interview end in disengagement, not a "yes" (es and en)', () => {
    for (const language of ['en', 'es'] as const) {
      const scenario = builtInScenario('teen-exploitation', language)!;
      const turns = [
        R(RAPPORT[language]),
        ...PAIRS.slice(0, 6).map((p) => S(p[language === 'en' ? 0 : 1])),
      ];
      let notToday = 0;
      for (let seed = 1; seed <= 60; seed++) {
        const sim = simulate(scenario, seed, turns);
        expect(sim.replies.slice(1).every((r) => !YES.test(r.answer))).toBe(true);
        expect(sim.falseDetails).toEqual([]);
        if (sim.notToday) notToday++;
      }
      // Five labels in a row without support: the youth closes down in most runs.
      expect(notToday).toBeGreaterThan(30);
    }
  });

  it("a scenario child who does not reject labels still can take one up (the rule is the scenario's)", () => {
    const scenario = builtInScenario('uncle-secret', 'en')!;
    let yes = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sim = simulate(scenario, seed, [R(RAPPORT.en), S('Did your uncle abuse you?')]);
      if (YES.test(sim.replies[1]!.answer)) yes++;
    }
    expect(yes).toBeGreaterThan(0);
  });
});

describe('B18-10b exploitation verbs are labels in Spanish as in English (coach lexicon)', () => {
  it.each([
    ['¿Marcus te está explotando?', 'es'],
    ['¿Las estaban explotando?', 'es'],
    ['¿Quería traficarla?', 'es'],
    ['¿Fuiste explotada?', 'es'],
    ['¿Los explotan sexualmente?', 'es'],
    ['¿Te estaba vendiendo?', 'es'],
    ['Does he exploit you?', 'en'],
    ['Did they exploit her?', 'en'],
  ] as const)('%s is a label', (text, language) => {
    const c = classifyQuestion(text, language);
    expect({ type: c.type, subtype: c.subtype }).toEqual({ type: 'suggestive', subtype: 'label' });
  });

  it.each([
    ['¿Qué estaba explotando en la fiesta?', 'es'],
    ['¿Cuándo explotó el globo?', 'es'],
  ] as const)('%s (to explode) is not a label', (text, language) => {
    expect(classifyQuestion(text, language).subtype).not.toBe('label');
  });
});
