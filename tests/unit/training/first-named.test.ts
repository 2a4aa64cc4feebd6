// Issue #18 audit B18-6: "who first named what happened" points at the first question that named
// the act the child later took up, not the later question that drew it out. Over seeds, in both
// languages, for several suggestive sequences in the nothing-happened scenario.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import type { TrainingLanguage } from '../../../src/training/types';
import { wordTools } from '../../../src/training/words';

const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });

const SEQUENCES: Record<TrainingLanguage, string[][]> = {
  en: [
    [
      'Tell me why you came to talk to me today.',
      'Did Mr. Dan touch you?',
      'Where did he touch you?',
      'Tell me more about that.',
    ],
    [
      'Did he hurt you?',
      'Tell me about your class.',
      'How did he hurt you?',
      'He hurt you, didn’t he?',
    ],
    ['Did Mr. Dan hit you?', 'Did he hit you hard?', 'What did he hit you with?'],
  ],
  es: [
    [
      'Cuéntame por qué viniste a hablar conmigo hoy.',
      '¿El señor Dan te tocó?',
      '¿Dónde te tocó?',
      'Cuéntame más sobre eso.',
    ],
    ['¿Te lastimó?', 'Cuéntame de tu salón.', '¿Cómo te lastimó?', 'Te lastimó, ¿verdad?'],
    ['¿El señor Dan te pegó?', '¿Te pegó fuerte?', '¿Con qué te pegó?'],
  ],
};

describe.each(['en', 'es'] as TrainingLanguage[])(
  'B18-6 first question that named it (%s)',
  (language) => {
    const scenario = builtInScenario('visitor-nothing', language)!;
    const t = wordTools(language);
    const rapport =
      language === 'en'
        ? 'Tell me about things you like to do.'
        : 'Cuéntame sobre las cosas que te gusta hacer.';

    it.each(SEQUENCES[language].map((q) => [q.join(' / '), q] as const))(
      '%s',
      (_name, questions) => {
        const turns = [R(rapport), ...questions.map(S)];
        let checked = 0;
        let earlier = 0;
        for (let seed = 1; seed <= 200; seed++) {
          const sim = simulate(scenario, seed, turns);
          if (sim.allegation.by !== 'interviewer') continue;
          // The detail of concern (an act), not a frame word taken up elsewhere.
          const fd = sim.falseDetails.find(
            (d) =>
              d.source === 'suggested' &&
              [...t.stemsOf([d.detail])].some((s) => t.concernStems(d.question).has(s)),
          );
          if (!fd) continue;
          const stems = t.stemsOf([fd.detail.replace(/^me /, '')]);
          const first = turns.findIndex(
            (turn, i) => i > 0 && [...t.stemsOf([turn.text])].some((s) => stems.has(s)),
          );
          checked++;
          expect({ seed, allegationTurn: sim.allegation.turn }).toEqual({
            seed,
            allegationTurn: first,
          });
          if (first < fd.turn) earlier++;
        }
        expect(checked).toBeGreaterThan(0);
        // Every sequence names the act more than once: some runs take it up only at a later
        // question, the case the measure got wrong (B18-6).
        expect(earlier).toBeGreaterThan(0);
      },
    );
  },
);
