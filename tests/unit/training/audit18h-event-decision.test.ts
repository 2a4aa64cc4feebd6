// Issue #18, outside pass 8 (aud18h), N18h-1, N18h-2 and N18h-3. One decision (event-talk.ts
// unsaidEventWords) says whether an utterance puts an act, person, object or place into the event
// that the child has not said. The coding counts such a statement as suggestive and the simulated
// child takes up only such words, so for every statement the coded type is suggestive exactly
// when the child can take something up; room talk that no word list holds plants nothing. The
// lines below are this fix's own (not the auditor's); the last third of each list was held out
// while the rule was written and is checked apart. Presumptive how-many / how-often / when
// questions answered with a count or a time record the presumed act, in en and es-419.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { codeTranscript } from '../../../src/training/coding';
import { unsaidEventWords } from '../../../src/training/event-talk';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 12;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
const LANGS: TrainingLanguage[] = ['en', 'es'];

/** Interview-room lines (orientation, breaks, comfort, the team, the recording). */
const ROOM: Record<TrainingLanguage, string[]> = {
  en: [
    'The tissues are on the shelf if you need them.',
    'My supervisor is listening from the office next door.',
    'There are markers and paper on the little table.',
    'You can sit on the beanbag or the chair, whichever you like.',
    'The red light on the camera means it is recording.',
    'If you feel cold, I have a sweater for you.',
    // held out
    'Your grandma is waiting in the lobby with a snack.',
    'We are going to stop in a few minutes for lunch.',
    'The fan in the ceiling makes a little noise.',
  ],
  es: [
    'Los pañuelos están en el estante si los necesitas.',
    'Mi supervisora está escuchando desde la oficina de al lado.',
    'Hay marcadores y papel en la mesita.',
    'Puedes sentarte en el puf o en la silla, como quieras.',
    'La luz roja de la cámara quiere decir que está grabando.',
    'Si te da frío, tengo un suéter para ti.',
    // held out
    'Tu abuelita está esperando en la sala de espera con un refrigerio.',
    'Vamos a parar en unos minutos para comer.',
    'El ventilador del techo hace un poquito de ruido.',
  ],
};

/** Statements that put a detail of the event the child has not said. */
const EVENT: Record<TrainingLanguage, string[]> = {
  en: [
    'He locked the door of the shed.',
    'Somebody put something in your juice.',
    'There was a knife on the kitchen table.',
    'The lady at the pool touched your leg.',
    "It was at your cousin's apartment.",
    'Your neighbor showed you a movie about grown-ups.',
    // held out
    'She hit you with a spoon.',
    'You were scared of the man in the blue truck.',
    'He gave you a phone to keep.',
  ],
  es: [
    'Cerró con llave la puerta del cobertizo.',
    'Alguien le puso algo a tu jugo.',
    'Había un cuchillo en la mesa de la cocina.',
    'La señora de la alberca te tocó la pierna.',
    'Fue en el departamento de tu primo.',
    'Tu vecino te enseñó una película de adultos.',
    // held out
    'Ella te pegó con una cuchara.',
    'Le tenías miedo al señor de la camioneta azul.',
    'Te dio un celular para que lo guardaras.',
  ],
};
const HELD_OUT = 6;

/** The auditor's lines (h1, h2, g2): 8 room lines that planted, 5 event lines coded other. */
const AUDIT: Record<TrainingLanguage, { room: string[]; event: string[] }> = {
  en: {
    room: [
      'My partner is in the next room watching on a TV.',
      'This little microphone picks up our voices.',
      'My colleague is behind the mirror.',
      'The recorder is on.',
    ],
    event: ['There was a camera in his car.', 'The room had a camera.'],
  },
  es: {
    room: [
      'Este micrófono chiquito graba nuestras voces.',
      'Puedes usar el baño cuando quieras, nomás avísame.',
      'Mi colega está detrás del espejo.',
      'La grabadora está prendida.',
      'Si tienes hambre, hay galletas.',
    ],
    event: ['Había una cámara en su carro.', 'El cuarto tenía una cámara.', 'Él tenía una cámara.'],
  },
};

interface Outcome {
  line: string;
  coded: string[];
  takenUp: number;
  reportType: string[];
}

/** Each line said after one invitation in visitor-nothing, over SEEDS seeds. */
function outcome(lang: TrainingLanguage, line: string): Outcome {
  const scenario = { ...builtInScenario('visitor-nothing', lang)!, reluctance: 0 };
  const coded = new Set<string>();
  const reportType = new Set<string>();
  let takenUp = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const sim = simulate(scenario, seed, [S(OPEN[lang]), S(line)]);
    const reply = sim.replies[1]!;
    coded.add(reply.coding.type);
    if (reply.newFalseDetails.length + reply.newIntroducedDetails.length > 0) takenUp++;
    // The feedback's report codes the same transcript the same way (no second decision).
    const turns = [
      { speaker: 'interviewer' as const, text: OPEN[lang] },
      { speaker: 'child' as const, text: sim.replies[0]!.answer },
      { speaker: 'interviewer' as const, text: line },
      { speaker: 'child' as const, text: reply.answer },
    ];
    const report = codeTranscript(turns, lang, scenario.ageYears, [], {
      substantive: [true, true],
    });
    const t = report.coded.filter((x) => x.speaker === 'interviewer')[1];
    reportType.add(t?.coding?.type ?? 'none');
  }
  return { line, coded: [...coded], takenUp, reportType: [...reportType] };
}

function summary(o: Outcome): string {
  return `${o.coded.join('/')} report ${o.reportType.join('/')} taken up ${o.takenUp}/${SEEDS} <- ${o.line}`;
}

describe.each(LANGS)('%s: coding and uptake make one decision', (lang) => {
  const all = (held: boolean) => ({
    room: ROOM[lang].filter((_, i) => i >= HELD_OUT === held),
    event: EVENT[lang].filter((_, i) => i >= HELD_OUT === held),
  });

  test.each([
    ['own lines', false],
    ['held-out lines', true],
    ['auditor lines', undefined],
  ] as const)('%s: suggestive iff the child can take something up', (_name, held) => {
    const set = held === undefined ? AUDIT[lang] : all(held);
    const room = set.room.map((l) => outcome(lang, l));
    const event = set.event.map((l) => outcome(lang, l));
    process.stdout.write(
      `aud18h ${lang} ${_name}\n  ${[...room, ...event].map(summary).join('\n  ')}\n`,
    );
    // One decision: whatever a line is, it is coded suggestive (in the reply and in the report)
    // exactly when the child takes something up in some seed.
    const split = [...room, ...event].filter(
      (o) =>
        o.coded.length !== 1 ||
        o.reportType.join() !== o.coded.join() ||
        (o.coded[0] === 'suggestive') !== o.takenUp > 0,
    );
    expect(split.map(summary)).toEqual([]);
    // Room talk: coded other in the reply and in the report, taken up 0 times. The held-out
    // lines' one gap of the frame rule, a room fitting described in the plain present with no
    // person, no offer and nothing pointed at ("The fan in the ceiling makes a little noise."),
    // is closed since fix18n (audit 18i, N18i-1): such a sentence says nothing of the event.
    const missed = room.map(summary).filter((s) => !s.startsWith('other report other taken up 0/'));
    expect(missed.map((m) => m.replace(/.*<- /u, ''))).toEqual([]);
    // Event statements: suggestive in both codings, and taken up in some seeds.
    expect(
      event.map(summary).filter((s) => !/^suggestive report suggestive taken up [1-9]/.test(s)),
    ).toEqual([]);
    // The decision itself: the shared function finds unsaid words exactly for the event lines.
    expect(set.room.filter((l) => unsaidEventWords(l, lang, []).length > 0)).toEqual([]);
    expect(set.event.filter((l) => unsaidEventWords(l, lang, []).length === 0)).toEqual([]);
  });

  test('a statement whose words the child already said is no suggestion and plants nothing', () => {
    const said = {
      en: ['There was a camera in his car.'],
      es: ['Había una cámara en su carro.'],
    }[lang];
    expect(unsaidEventWords(said[0]!, lang, said)).toEqual([]);
    expect(unsaidEventWords(said[0]!, lang, []).length).toBeGreaterThan(0);
  });
});

describe.each(LANGS)('%s: "home" is the event\'s place, "you can go home" is pressure', (lang) => {
  const place = { en: 'It happened at home.', es: 'Pasó en la casa.' }[lang];
  const pressure = {
    en: 'If you tell me what he did, you can go home.',
    es: 'Si me dices lo que te hizo, te puedes ir a tu casa.',
  }[lang];
  test('the shared decision puts the place into the event and the pressure nowhere', () => {
    // fix18j's decision dropped "home"/"casa" as pressure words: the coding called the place
    // statement suggestive while the child took nothing up (fix18l).
    expect(unsaidEventWords(place, lang, []).map((u) => u.word)).toEqual([
      lang === 'en' ? 'home' : 'casa',
    ]);
    expect(unsaidEventWords(pressure, lang, [])).toEqual([]);
    const o = outcome(lang, place);
    expect([o.coded, o.reportType, o.takenUp > 0]).toEqual([
      ['suggestive'],
      ['suggestive'],
      true,
    ]);
    const p = outcome(lang, pressure);
    expect(p.takenUp).toBe(0);
  });
});

describe('N18h-3: a count or time given to a presumptive question records the presumed act', () => {
  const Q = {
    en: [
      'How many times did he take you to the motel?',
      'How often did he take you to the motel?',
      'When did he take you to the motel?',
    ],
    es: [
      '¿Cuántas veces te llevó al motel?',
      '¿Cada cuánto te llevaba al motel?',
      '¿Cuándo te llevó al motel?',
    ],
  };
  test.each(LANGS)('%s: visitor-nothing records the motel; teen-exploitation does not', (lang) => {
    const nothing = { ...builtInScenario('visitor-nothing', lang)!, reluctance: 0 };
    const motel = { ...builtInScenario('teen-exploitation', lang)!, reluctance: 0 };
    const unrecorded: string[] = [];
    let compliant = 0;
    let trueCounts = 0;
    for (const q of Q[lang])
      for (let seed = 1; seed <= 30; seed++) {
        const r = simulate(nothing, seed, [S(OPEN[lang]), S(q)]).replies[1]!;
        // Anything but "I don't know" accepts the trip to the motel.
        const idk = /^(?:I )?don't know\.$|^No sé\.$/iu.test(r.answer);
        if (!idk) {
          compliant++;
          if (!r.newFalseDetails.some((d) => /motel/u.test(d.detail)))
            unrecorded.push(`${seed}: ${r.answer} <- ${q}`);
        }
        const t = simulate(motel, seed, [S(OPEN[lang]), S(q)]).replies[1]!;
        if (!t.newFalseDetails.some((d) => /motel/u.test(d.detail))) trueCounts++;
      }
    process.stdout.write(`N18h-3 ${lang}: compliant ${compliant}/90, unrecorded ${unrecorded.length}\n`);
    expect(compliant).toBeGreaterThan(5);
    expect(unrecorded).toEqual([]);
    // The motel is the teen's own event: asking how many times presumes nothing false.
    expect(trueCounts).toBe(30 * Q[lang].length);
  });
});
