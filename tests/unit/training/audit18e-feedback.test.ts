// Issue #18 outside audit 5 (N18e-3, N18e-5, N18e-7, N18e-9): what the feedback and the
// conclusion say, over many seeds, in en and es-419.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { codeTranscript } from '../../../src/training/coding';
import { judgeConclusion } from '../../../src/training/feedback';
import { matchScripted, scriptedMatchers } from '../../../src/training/scripted';
import { planSession } from '../../../src/protocols';
import type { TrainingLanguage } from '../../../src/training/types';

const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const LANGS: TrainingLanguage[] = ['en', 'es'];

describe('N18e-5: a grooming indicator is not the disclosure of the act', () => {
  const INVITATIONS = {
    en: [
      'Tell me what you came to talk about today.',
      'Tell me everything about that.',
      'And then what happened?',
      'Tell me more about that.',
    ],
    es: [
      'Cuéntame a qué viniste a platicar hoy.',
      'Cuéntame todo sobre eso.',
      '¿Y luego qué pasó?',
      'Cuéntame más de eso.',
    ],
  };
  test.each(LANGS)(
    '%s teen-exploitation: "he says I owe him" without the dates leaves "cannot tell" correct',
    (lang) => {
      const base = builtInScenario('teen-exploitation', lang);
      if (!base) throw new Error('no scenario');
      const scenario = { ...base, reluctance: 0.3 };
      let oweOnly = 0;
      let actTold = 0;
      const wrong: number[] = [];
      for (let seed = 1; seed <= 150; seed++) {
        const sim = simulate(scenario, seed, INVITATIONS[lang].map(S));
        const measures = { allegationBy: sim.allegation.by };
        if (sim.elicited.has('dates')) {
          actTold++;
          expect(sim.allegation.by).toBe('child');
          continue;
        }
        if (!sim.elicited.has('owe')) continue;
        oweOnly++;
        const judged = judgeConclusion('cannot-tell', scenario, sim, { measures, falseDetails: [] });
        if (!judged.correct || sim.allegation.by === 'child') wrong.push(seed);
      }
      // The case the audit found (24/200 runs) occurs here too, and the act is still counted.
      expect(oweOnly).toBeGreaterThan(5);
      expect(actTold).toBeGreaterThan(5);
      expect(wrong).toEqual([]);
    },
  );
});

describe('N18e-3: a second session codes the child words of the first session as the child\'s', () => {
  const FIRST = {
    en: ['Tell me what you came to talk about today.', 'Tell me everything about that.', 'And then what happened?'],
    es: ['Cuéntame a qué viniste a platicar hoy.', 'Cuéntame todo sobre eso.', '¿Y luego qué pasó?'],
  };
  const CUED = {
    en: 'Last time you told me about Marcus. Tell me more about Marcus.',
    es: 'La vez pasada me contaste de Marcus. Cuéntame más de Marcus.',
  };
  test.each(LANGS)('%s: "Tell me more about Marcus" is a cued invitation, never flagged', (lang) => {
    const scenario = builtInScenario('teen-exploitation', lang);
    if (!scenario) throw new Error('no scenario');
    let sessions = 0;
    const flagged: number[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const sim = simulate(scenario, seed, [S(CUED[lang])], [FIRST[lang].map(S)]);
      const earlier = sim.earlierSaid ?? [];
      if (!earlier.some((a) => a.includes('Marcus'))) continue;
      sessions++;
      const turns = [
        { speaker: 'interviewer' as const, text: CUED[lang], phaseId: 'investigation' },
        { speaker: 'child' as const, text: sim.replies[0]?.answer ?? '' },
      ];
      const report = codeTranscript(turns, lang, scenario.ageYears, earlier);
      if (report.flagged.length > 0 || report.findings.some((f) => f.rule === 'presumptive'))
        flagged.push(seed);
      // Without the first session's words the same prompt is presumptive: the words matter.
      expect(codeTranscript(turns, lang, scenario.ageYears).flagged.length).toBeGreaterThan(0);
    }
    expect(sessions).toBeGreaterThan(5);
    expect(flagged).toEqual([]);
  });
});

describe('N18e-7: an interviewer-introduced detail is shown in the interviewer\'s words', () => {
  test('"Mr. Dan" named first by the question is shown as "Mr. Dan", never the stem "dan"', () => {
    const scenario = builtInScenario('visitor-nothing', 'en');
    if (!scenario) throw new Error('no scenario');
    const shown = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const sim = simulate(scenario, seed, [S('Tell me about Mr. Dan.'), S('What did Mr. Dan do?')]);
      for (const d of sim.introducedDetails) shown.add(d.detail);
    }
    expect([...shown]).toEqual(['Mr. Dan']);
  });
});

describe('N18e-8: the es scripted wording is recognised as the en one is', () => {
  // The same interview in both languages (the audit's clean visitor-nothing interview).
  const SAME: Array<[string, string]> = [
    ['Tell me more about that.', 'Cuéntame más de eso.'],
    ['And then what happened?', '¿Y luego qué pasó?'],
    ['And then what happened?', '¿Y después qué pasó?'],
    ['Tell me more about that.', 'Cuéntame más sobre eso.'],
    ["I want to check that I have understood everything. I'll be back in a few minutes.", 'Quiero asegurarme de que entendí todo. Vuelvo en unos minutos.'],
    ['Is there anything else you think I should know?', '¿Hay algo más que creas que yo debería saber?'],
    ["You've worked hard today. Thank you for talking with me.", 'Gracias por tu esfuerzo de hoy y por hablar conmigo.'],
  ];
  test.each([4, 7, 11, 15])('age %i: every pair is recognised in both languages or in neither', (age) => {
    const en = scriptedMatchers(planSession('nichd', age, 'en'));
    const es = scriptedMatchers(planSession('nichd', age, 'es'));
    const differ = SAME.filter(
      ([e, s]) => (matchScripted(en, e, []) !== undefined) !== (matchScripted(es, s, []) !== undefined),
    );
    expect(differ).toEqual([]);
    expect(SAME.filter(([, s]) => matchScripted(es, s, []) !== undefined).length).toBe(SAME.length);
  });
});
