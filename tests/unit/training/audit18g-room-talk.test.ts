// Issue #18, outside pass 7 (aud18g), N18g-1 and N18g-2: everyday interview-room lines (an offer
// of water, the restroom or a break, the recording, where the camera, microphone, bathroom or
// screen is) plant nothing, are not coded suggestive and never reach the feedback as a detail
// the child "took up", in en and es-419, over every built-in scenario and many seeds. A
// statement that asserts a detail of the event still plants, and "We know it happened at home."
// (the interviewer asserting knowledge of the event) is a leading statement, not interview talk.
import { planSession } from '../../../src/protocols';
import { builtInScenario, BUILTIN_IDS, simulate, type PracticeTurn } from '../../../src/training';
import { codeUtterance } from '../../../src/training/coding';
import { buildFeedback } from '../../../src/training/feedback';
import { isProcessSentence } from '../../../src/training/process-talk';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 6;
const S = (text: string, phaseId = 'investigation'): PracticeTurn => ({
  text,
  phaseId,
  substantive: true,
});
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
const LANGS: TrainingLanguage[] = ['en', 'es'];

/** The auditor's interview-room lines (g2.ts, g2p.ts, g2b.ts) and more of the same kinds. */
const ROOM: Record<TrainingLanguage, string[]> = {
  en: [
    'This room has a camera.',
    "There's a camera in the corner that records our talk.",
    'The bathroom is down the hall if you need it.',
    'You can have some water whenever you want.',
    "There's a microphone on the table.",
    'Someone is watching the video from the other room.',
    'The video helps me remember what you say.',
    'You can take a break to use the restroom.',
    'Our talk is being recorded.',
    'People on my team watch on a video screen.',
    'If you need the bathroom, just tell me.',
    'You can have water if you want.',
    'There is a camera here.',
    'The camera is recording.',
    'You can have a snack if you get hungry.',
    'The restroom is right outside that door.',
  ],
  es: [
    'Este cuarto tiene cámara.',
    'Hay una cámara en la esquina que graba lo que platicamos.',
    'El baño está al fondo del pasillo si lo necesitas.',
    'Puedes tomar agua cuando quieras.',
    'Hay un micrófono en la mesa.',
    'Alguien está viendo el video en el otro cuarto.',
    'El video me ayuda a recordar lo que dices.',
    'Puedes ir al baño cuando quieras.',
    'Esta plática se está grabando.',
    'Mis compañeros ven la plática en una pantalla.',
    'Si necesitas ir al baño, nomás dime.',
    'Si quieres agua, me dices.',
    'Aquí hay una cámara.',
    'La cámara está grabando.',
    'Puedes tomar un descanso si lo necesitas.',
    'El baño está afuera, junto a la puerta.',
  ],
};

/** The auditor's event statements (g2.ts): each asserts a detail of the event. */
const EVENT: Record<TrainingLanguage, string[]> = {
  en: [
    'Someone recorded a video of you.',
    'He filmed you in the bathroom.',
    'They took you to a room with a camera.',
    'You were in the bathroom when it happened.',
    'Somebody gave you water with something in it.',
    'The man recorded you at home.',
    'Your stepdad watched you in the shower.',
    'It happened in his room.',
    'There was a camera in his car.',
    'You had to take off your clothes for the video.',
    'He had a camera.',
    'The room had a camera.',
  ],
  es: [
    'Alguien te grabó un video.',
    'Él te grabó en el baño.',
    'Te llevaron a un cuarto con una cámara.',
    'Estabas en el baño cuando pasó.',
    'Alguien te dio agua con algo.',
    'El señor te grabó en tu casa.',
    'Tu padrastro te miraba en la regadera.',
    'Pasó en su cuarto.',
    'Había una cámara en su carro.',
    'Te tuviste que quitar la ropa para el video.',
    'Él tenía una cámara.',
    'El cuarto tenía una cámara.',
  ],
};

/** The interviewer asserting knowledge of the event (shared with fix18h's tests). */
const KNOWS: Record<TrainingLanguage, string> = {
  en: 'We know it happened at home.',
  es: 'Sabemos que pasó en la casa.',
};

describe('N18g-1/N18g-2: interview-room lines are talk about the interview', () => {
  test.each(LANGS)('%s: every room line is interview talk, every event line is not', (lang) => {
    const notProcess = ROOM[lang].filter((s) => !isProcessSentence(s, lang));
    const process = EVENT[lang].filter((s) => isProcessSentence(s, lang));
    expect(notProcess).toEqual([]);
    expect(process).toEqual([]);
  });

  test.each(LANGS)('%s: "We know it happened at home." is no interview talk', (lang) => {
    expect(isProcessSentence(KNOWS[lang], lang)).toBe(false);
    const coded = codeUtterance(KNOWS[lang], lang, [], 9);
    expect(coded.type).toBe('suggestive');
  });

  test.each(LANGS)('%s: no room line is coded suggestive or option-posing', (lang) => {
    const coded = ROOM[lang].map((s) => `${codeUtterance(s, lang, [], 9).type} <- ${s}`);
    expect(coded.filter((c) => !c.startsWith('other'))).toEqual([]);
    expect(coded).toHaveLength(ROOM[lang].length);
  });

  test.each(LANGS)('%s: room lines plant 0 details over all scenarios and seeds', (lang) => {
    const planted: string[] = [];
    let runs = 0;
    for (const id of BUILTIN_IDS) {
      const scenario = { ...builtInScenario(id, lang)!, reluctance: 0 };
      for (let seed = 1; seed <= SEEDS; seed++) {
        // Said where an interviewer says it: during the account and at the break.
        const turns = [
          S(OPEN[lang]),
          ...ROOM[lang].map((q, i) => S(q, i % 2 ? 'break' : 'investigation')),
        ];
        const sim = simulate(scenario, seed, turns);
        runs++;
        for (const f of sim.falseDetails)
          planted.push(`${id}/${seed}: ${f.detail} <- ${f.question}`);
        for (const d of sim.introducedDetails)
          planted.push(`${id}/${seed}: introduced ${d.detail} <- ${d.question}`);
      }
    }
    expect(runs).toBe(BUILTIN_IDS.length * SEEDS);
    expect(planted).toEqual([]);
  });

  test.each(LANGS)('%s: every event statement still plants in visitor-nothing', (lang) => {
    const scenario = { ...builtInScenario('visitor-nothing', lang)!, reluctance: 0 };
    const perLine = EVENT[lang].map((q) => {
      let planted = 0;
      for (let seed = 1; seed <= 20; seed++)
        if (simulate(scenario, seed, [S(OPEN[lang]), S(q)]).falseDetails.length > 0) planted++;
      return { q, planted };
    });
    // The auditor measured 23/30 for each (Roberts & Lamb 1999: most distortions stand).
    expect(perLine.filter((p) => p.planted < 8)).toEqual([]);
  });

  test('es: the knowledge claim plants its place in visitor-nothing', () => {
    const scenario = { ...builtInScenario('visitor-nothing', 'es')!, reluctance: 0 };
    let planted = 0;
    for (let seed = 1; seed <= 20; seed++)
      if (simulate(scenario, seed, [S(OPEN.es), S(KNOWS.es)]).falseDetails.length > 0) planted++;
    expect(planted).toBeGreaterThanOrEqual(4);
  });

  test.each(LANGS)('%s: the feedback never says the child took up a room line', (lang) => {
    const scenario = { ...builtInScenario('visitor-nothing', lang)!, reluctance: 0 };
    const lines = [ROOM[lang][7]!, ROOM[lang][13]!, ROOM[lang][2]!];
    let sessions = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const turns = [S(OPEN[lang]), ...lines.map((q) => S(q, 'break'))];
      const sim = simulate(scenario, seed, turns);
      const transcript = turns.flatMap((t, i) => [
        { speaker: 'interviewer' as const, text: t.text },
        { speaker: 'child' as const, text: sim.replies[i]!.answer },
      ]);
      const f = buildFeedback({
        scenario,
        seed,
        turns: transcript,
        simulation: sim,
        plan: planSession('nichd', scenario.ageYears, lang),
        phasesEntered: new Set(['investigation', 'break']),
        conclusion: 'nothing-happened',
      });
      sessions++;
      expect(f.falseDetails).toEqual([]);
      expect(f.flagged.filter((x) => x.questionNumber > 1)).toEqual([]);
      const goals = f.goals.map((g) => g.text).join(' ');
      for (const q of lines) expect(goals).not.toContain(q);
      const ids = f.goals.map((g) => g.id);
      expect(ids).not.toContain('noNewDetails');
      expect(ids).not.toContain('allegationFromChild');
    }
    expect(sessions).toBe(10);
  });
});
