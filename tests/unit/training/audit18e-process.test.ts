// Issue #18 outside audit 5 (N18e-1): talk about the interview itself (the NICHD revised
// protocol's own introduction, ground rules, break, closing and support statements, the
// trainee's own wording of those steps, and pressure lines) plants no detail in the simulated
// child's account, in en and es-419, over many seeds; a statement about the event still does,
// and pressure still raises reluctance.
import { scriptedLines } from '../../../src/protocols/scripted-lines';
import { builtInScenario, BUILTIN_IDS, simulate, type PracticeTurn } from '../../../src/training';
import { isProcessSentence } from '../../../src/training/process-talk';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 8;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
const LANGS: TrainingLanguage[] = ['en', 'es'];
const STEPS = new Set(['introduction', 'groundRules', 'break', 'closing', 'reconnect', 'support']);
const NAME = { en: 'Alex', es: 'Ana' };

/**
 * The statement sentences of the NICHD protocol's scripted introduction, ground rules, break,
 * closing, reconnecting and support lines (every age band's wording), the interviewer's name
 * filled in; lines with a [slot] for the team to fill are left out (they name a third person).
 */
function protocolStatements(language: TrainingLanguage): string[] {
  const out = new Set<string>();
  for (const line of scriptedLines(language)) {
    if (!STEPS.has(line.phaseId) && !line.id.startsWith('groundRules.')) continue;
    if (line.text.includes('[')) continue;
    const text = line.text.replace(/\{\{interviewerName\}\}/g, NAME[language]);
    // Statement sentences only: a question of the protocol is answered, not taken up.
    for (const sentence of text.split(/(?<=[.!])\s+/u))
      if (!/[?¿]/u.test(sentence)) out.add(sentence.trim());
  }
  return [...out];
}

/** The trainee's own wording of the same steps and the audit's pressure lines (aud18e). */
const OWN: Record<TrainingLanguage, string[]> = {
  en: [
    "I'm going to write some notes while we talk.",
    "Let's take a little break and drink some water.",
    "The camera records our talk so I don't forget.",
    'Let me check with my colleague for a minute.',
    'We have plenty of time.',
    'My job is to talk with kids about things that happened.',
    "I wasn't there, so I don't know what happened.",
    "It's important that you only tell me things that really happened.",
    'You said a lot of things. I want to make sure I understand.',
    "Some kids feel nervous here. That's okay.",
    'Come on, just say it. It will be over quick.',
    "If you tell me, you'll feel better and you can go home.",
    'Other kids already told me, so you should too.',
    "You need to tell me now. We can't leave until you tell me.",
    "I'll be right back. I need to check something with my team.",
    "We're almost done. Thanks for your time today.",
  ],
  es: [
    'Voy a tomar unas notas mientras platicamos.',
    'Tenemos mucho tiempo.',
    'Vamos a tomar un descansito y a tomar agua.',
    'Mi trabajo es platicar con niños sobre cosas que pasaron.',
    'Yo no estaba ahí, así que no sé qué pasó.',
    'Es importante que solo me digas cosas que de verdad pasaron.',
    'Me dijiste muchas cosas. Quiero asegurarme de que entiendo.',
    'La cámara graba nuestra plática para que no se me olvide.',
    'Déjame consultar con mi compañera un momento.',
    'Platico con muchos niños. Me puedes contar cosas buenas y cosas malas.',
    'Tienes que decírmelo ahora. No nos podemos ir hasta que me lo digas.',
    'Los otros niños ya me contaron, así que tú también deberías.',
    'Ándale, nada más dilo. Se acaba rápido.',
    'Si me dices, te vas a sentir mejor y te puedes ir a tu casa.',
    'Ya casi terminamos. Gracias por tu tiempo hoy.',
  ],
};

describe('N18e-1: talk about the interview plants no detail', () => {
  test.each(LANGS)('%s: the protocol list is broad (at least 25 scripted statements)', (lang) => {
    expect(protocolStatements(lang).length).toBeGreaterThanOrEqual(25);
  });

  test.each(LANGS)(
    '%s: 0 false details from the protocol statements, the trainee wording and pressure',
    (lang) => {
      const statements = [...protocolStatements(lang), ...OWN[lang]];
      const planted: string[] = [];
      let runs = 0;
      for (const id of BUILTIN_IDS) {
        const scenario = builtInScenario(id, lang);
        if (!scenario) throw new Error(`no scenario ${id}`);
        for (let seed = 1; seed <= SEEDS; seed++) {
          // All the statements in one interview, after a first invitation: the child has an
          // account, and every statement has the chance to be taken up.
          const sim = simulate(scenario, seed, [S(OPEN[lang]), ...statements.map(S)]);
          runs++;
          for (const f of sim.falseDetails) planted.push(`${f.detail} <- ${f.question}`);
        }
      }
      expect(runs).toBe(BUILTIN_IDS.length * SEEDS);
      expect(planted).toEqual([]);
    },
  );

  // The rule is about the kind of sentence, not a blanket pardon of its words: a statement that
  // names someone in the event, or a question, keeps its words (the suggestibility literature's
  // "He had a camera" plants the camera).
  test.each([
    ['en', 'He had a camera and he recorded you.', false],
    ['en', 'Did he give you some water?', false],
    ['en', 'So Mr. Dan took notes.', false],
    ['en', "Hi, I'm Alex. I talk with lots of kids.", true],
    ['es', 'Él tenía una cámara y te grabó.', false],
    ['es', '¿Te dio agua?', false],
    ['es', 'Hola, me llamo Ana. Mi trabajo es hablar con niños.', true],
  ] as const)('%s "%s" is interview talk: %s', (lang, sentence, process) => {
    const sentences = sentence.split(/(?<=[.!])\s+/u);
    expect(sentences.every((s) => isProcessSentence(s, lang))).toBe(process);
  });

  test.each(LANGS)('%s: a leading statement about the event still plants details', (lang) => {
    const lead = {
      en: 'So Mr. Dan ripped a book and broke a window.',
      es: 'Entonces el señor Dan rompió un libro y quebró una ventana.',
    }[lang];
    const scenario = builtInScenario('visitor-nothing', lang);
    if (!scenario) throw new Error('no scenario');
    let planted = 0;
    for (let seed = 1; seed <= 100; seed++)
      planted += simulate(scenario, seed, [S(OPEN[lang]), S(lead)]).falseDetails.length;
    // Roberts & Lamb 1999: most distortions are left to stand; generous bounds.
    expect(planted).toBeGreaterThan(20);
  });

  test.each(LANGS)('%s: pressure lines still raise reluctance', (lang) => {
    const pressure = OWN[lang].slice(lang === 'en' ? 10 : 10, lang === 'en' ? 14 : 14);
    const scenario = builtInScenario('party-push', lang);
    if (!scenario) throw new Error('no scenario');
    let raised = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const sim = simulate(scenario, seed, [S(OPEN[lang]), ...pressure.map(S)]);
      if (sim.reluctanceEnd > (scenario.reluctance ?? 0.5)) raised++;
    }
    expect(raised).toBeGreaterThan(40);
  });
});

// Audit 18f, N18f-1: the N18e-1 rule hid statements ABOUT the event whose words are also words of
// the interview ("Someone recorded a video of you." planted nothing in the nothing-happened
// scenario), and the es check read the article "el" as the pronoun "él".
describe('N18f-1: a statement about the event is not talk about the interview', () => {
  test.each([
    ['en', 'Someone recorded a video of you.'],
    ['en', 'It happened in the bathroom.'],
    ['en', 'You were at home when it happened.'],
    ['es', 'Alguien te grabó un video.'],
    ['es', 'Pasó en el baño.'],
    ['es', 'Te grabó con una cámara.'],
  ] as const)('%s: "%s" keeps its words', (language, sentence) => {
    expect(isProcessSentence(sentence, language)).toBe(false);
  });
  test.each([
    ['en', "The camera records our talk so I don't forget."],
    ['en', "Let's take a little break and drink some water."],
    ['es', 'Vamos a tomar un descansito y a tomar agua.'],
    ['es', 'Esta sala tiene una cámara y un micrófono.'],
    ['es', 'Tenemos mucho tiempo.'],
  ] as const)('%s: "%s" is still talk about the interview', (language, sentence) => {
    expect(isProcessSentence(sentence, language)).toBe(true);
  });
});
