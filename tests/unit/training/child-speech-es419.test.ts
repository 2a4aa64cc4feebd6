// Issue #18, native Latin American Spanish review of the simulated child's speech (fix18q). Each
// fault is one example of a kind; each test covers the kind over seeds, ages and scenarios:
// agreement with the child's own gender, refusing a place, refusing acts, time questions the
// child cannot answer, duplicate reply pools, offers and praise, and act questions.
import enTexts from '../../../locales/en/training.json';
import esTexts from '../../../locales/es/training.json';
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import {
  agreeAdjective,
  agreeOptionAboutChild,
  agreeWithChild,
  optionsGender,
} from '../../../src/training/child-agreement';
import type { ChildGender, TrainingLanguage } from '../../../src/training/types';

const SEEDS = 12;
const AGES = [4, 7, 10, 14];
const IDS = [
  'dog-bite',
  'visitor-nothing',
  'party-push',
  'babysitter-repeated',
  'uncle-secret',
  'stolen-bike',
];
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };

interface Played {
  id: string;
  age: number;
  gender: ChildGender;
  answer: string;
}

/** The reply to `q` after one open invitation, over seeds, ages and scenarios. */
function play(lang: TrainingLanguage, q: string, ids: readonly string[] = IDS): Played[] {
  const out: Played[] = [];
  for (const id of ids)
    for (const age of AGES)
      for (let seed = 1; seed <= SEEDS; seed++) {
        const base = builtInScenario(id, lang)!;
        const sc = { ...base, reluctance: 0, ageYears: age };
        const r = simulate(sc, seed, [S(OPEN[lang]), S(q)]).replies[1]!;
        out.push({ id, age, gender: base.gender!, answer: r.answer });
      }
  return out;
}

describe("1: what the child says about itself agrees with the child's gender", () => {
  test.each([
    ['¿Lloraste o te quedaste callada?', /callad[oa]/u],
    ['¿Lloraste o te quedaste callado?', /callad[oa]/u],
    ['¿Te pusiste nerviosa o te reíste?', /nervios[oa]/u],
    ['¿Te pusiste roja o te reíste?', /roj[oa]/u],
  ])('"%s"', (q, word) => {
    const played = play('es', q);
    const said = played.filter((p) => word.test(p.answer));
    expect(said.length).toBeGreaterThan(0);
    expect(said.some((p) => p.gender === 'boy')).toBe(true);
    expect(said.some((p) => p.gender === 'girl')).toBe(true);
    for (const p of said) {
      const form = word.exec(p.answer)![0];
      expect({ id: p.id, form }).toEqual({
        id: p.id,
        form: form.replace(/[oa]$/u, p.gender === 'girl' ? 'a' : 'o'),
      });
    }
  });

  test('the agreement module: adjectives after a first-person linking verb only', () => {
    expect(agreeWithChild('Me quedé callada.', 'boy', 'es')).toBe('Me quedé callado.');
    expect(agreeWithChild('Me puse rojo.', 'girl', 'es')).toBe('Me puse roja.');
    expect(agreeWithChild('Sí. Estaba asustada.', 'boy', 'es')).toBe('Sí. Estaba asustado.');
    // Someone else, a name, a place, an invariant adjective, English: unchanged.
    expect(agreeWithChild('La puerta estaba cerrada.', 'boy', 'es')).toBe(
      'La puerta estaba cerrada.',
    );
    expect(agreeWithChild('Estaba Tina.', 'boy', 'es')).toBe('Estaba Tina.');
    expect(agreeWithChild('Me quedé en la casa.', 'boy', 'es')).toBe('Me quedé en la casa.');
    expect(agreeWithChild('Me sentí triste.', 'girl', 'es')).toBe('Me sentí triste.');
    expect(agreeWithChild('I stayed quiet.', 'girl', 'en')).toBe('I stayed quiet.');
    expect(agreeWithChild('Me quedé callada.', undefined, 'es')).toBe('Me quedé callada.');
    expect(agreeAdjective('asustados', 'girl')).toBe('asustadas');
    expect(agreeOptionAboutChild('¿Estabas nerviosa o tranquila?', 'Tranquila.', 'boy', 'es')).toBe(
      'Tranquilo.',
    );
    // A question about something else keeps the option as asked.
    expect(agreeOptionAboutChild('¿Su camisa era roja o azul?', 'Roja.', 'boy', 'es')).toBe(
      'Roja.',
    );
  });

  test('"ninguno/ninguna de esos/esas" agrees with the nouns offered', () => {
    expect(optionsGender(['la cocina', 'la sala'])).toBe('feminine');
    expect(optionsGender(['el cuarto', 'la cocina'])).toBe('masculine');
    expect(optionsGender(['su camisa', 'su gorra'])).toBe('feminine');
    expect(optionsGender(['roja', 'azul'])).toBeUndefined();
    const played = play('es', '¿Era la cocina o la sala?');
    expect(played.some((p) => p.answer === 'Ninguna de esas.')).toBe(true);
    expect(played.some((p) => /^Ninguno/u.test(p.answer))).toBe(false);
  });
});

describe('2: neither of two places is "En otro lado.", never "En ninguno."', () => {
  test.each(['¿Fue en la cocina o en el cuarto?', '¿Pasó en el parque o en la escuela?'])(
    '"%s"',
    (q) => {
      const played = play('es', q);
      expect(played.some((p) => p.answer === 'En otro lado.')).toBe(true);
      for (const p of played) expect(p.answer).not.toMatch(/^En ningun[oa]\.$/u);
    },
  );
});

describe('3: refusing a choice between acts is no "Ninguno de esos."', () => {
  test.each(['¿Lloraste o te quedaste callada?', '¿Gritaste o corriste?'])('"%s"', (q) => {
    const played = play('es', q);
    expect(played.some((p) => /^(?:Ni uno ni otro|Ninguna de esas cosas)\.$/u.test(p.answer))).toBe(
      true,
    );
    for (const p of played) expect(p.answer).not.toMatch(/^Ningun[oa] de es[oa]s\.$/u);
  });
});

describe('4: a time the child cannot give is "No sé." / "No me acuerdo."', () => {
  test.each([
    '¿Te acuerdas cuándo pasó?',
    '¿Sabes qué día fue?',
    '¿Qué hora era?',
    '¿Cuándo fue eso?',
    '¿Fue en la mañana o en la noche?',
  ])('"%s": a time or "I don\'t know", never "No." or a count', (q) => {
    const played = play('es', q);
    for (const p of played) {
      expect(p.answer).not.toMatch(/^No\.(?:\s|$)/u);
      expect(p.answer).not.toMatch(/^¿(?:Cinco|Dos veces)\?$/u);
      expect(p.answer).not.toMatch(/^En ningun[oa]\.$/u);
    }
    expect(played.some((p) => /^No (?:sé|me acuerdo)\.$/u.test(p.answer))).toBe(true);
  });
});

describe('5: no reply pool lists the same string twice', () => {
  /** Every list of strings under the child's replies, the guesses and the frequency answers. */
  function pools(texts: unknown, path: string, out: Array<[string, string[]]>): void {
    if (Array.isArray(texts)) {
      if (texts.every((x) => typeof x === 'string')) out.push([path, texts]);
      return;
    }
    if (texts !== null && typeof texts === 'object')
      for (const [k, v] of Object.entries(texts)) pools(v, `${path}.${k}`, out);
  }
  test.each([
    ['en', enTexts],
    ['es', esTexts],
  ] as const)('%s', (_lang, texts) => {
    const found: Array<[string, string[]]> = [];
    pools(texts.child, 'child', found);
    pools(texts.guesses, 'guesses', found);
    pools(texts.frequency, 'frequency', found);
    // Every scenario's rapport lines are replies too.
    pools(
      Object.fromEntries(
        Object.entries(texts.scenarios).map(([id, sc]) => [
          id,
          (sc as { rapport?: unknown }).rapport,
        ]),
      ),
      'scenarios',
      found,
    );
    expect(found.length).toBeGreaterThan(10);
    for (const [path, list] of found)
      expect({ path, duplicates: list.filter((x, i) => list.indexOf(x) !== i) }).toEqual({
        path,
        duplicates: [],
      });
  });
});

describe('6: offers get an offer reply, praise a thank-you, never a correction', () => {
  test.each([
    ['es', '¿Quieres descansar?', ['Sí, porfa.', 'No, estoy bien.']],
    ['es', '¿Necesitas un descanso?', ['Sí, porfa.', 'No, estoy bien.']],
    ['es', '¿Quieres agua?', ['Sí, porfa.', 'No, estoy bien.']],
    ['en', 'Do you want a break?', ['Yes, please.', "No, I'm okay."]],
  ] as const)('%s offer "%s"', (lang, q, replies) => {
    const played = play(lang, q);
    for (const p of played) expect(replies).toContain(p.answer);
    for (const r of replies) expect(played.some((p) => p.answer === r)).toBe(true);
  });

  test.each([
    ['es', 'Qué bonito dibujo.', ['Gracias.', 'Sí.']],
    ['es', 'Eres muy valiente.', ['Gracias.', 'Sí.']],
    ['en', "You're being really brave.", ['Thanks.', 'Thank you.', 'Yeah.']],
  ] as const)('%s praise "%s"', (lang, q, replies) => {
    const played = play(lang, q);
    for (const p of played) {
      expect(p.answer).not.toMatch(/not right|no es cierto|don't know|don't remember|No sé/u);
      expect(replies).toContain(p.answer);
    }
  });
});

describe('7: a wh- question about an act is answered with the act or "I don\'t know"', () => {
  test('"¿Qué te hizo en el sótano?" never echoes the place', () => {
    const played = play('es', '¿Qué te hizo en el sótano?', [
      ...IDS,
      'shoplifting-sibling',
      'road-accident',
    ]);
    for (const p of played) {
      expect(p.answer).not.toMatch(/^(?:En|Pasó en) el sótano\.$/u);
      expect(p.answer).not.toMatch(/(?<!\p{L})algo(?!\p{L})/u);
    }
    expect(played.filter((p) => p.age === 4).some((p) => /^No sé\.$/u.test(p.answer))).toBe(true);
  });
});
