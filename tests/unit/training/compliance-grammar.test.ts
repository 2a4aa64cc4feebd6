// Issue #18, es12 review (E12-2/3/4): the sentence a compliant child adds after "Sí." is the
// question's clause whole, in the child's own person, or nothing ("Sí." alone). Checked by rule
// over the reviewer's 35 questions and many seeds, and on the clause function directly.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { affirmative } from '../../../src/training/child';
import { compliantClause } from '../../../src/training/compliance';

const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const QUESTIONS = [
  '¿Marcus te quitó tu identificación?',
  '¿Te dijo que no le dijeras a nadie?',
  '¿Tienes miedo de Marcus?',
  '¿Vives con tu tío?',
  '¿Te acuerdas del motel?',
  '¿Te lastimaste la mano?',
  '¿Estabas sola en el cuarto?',
  '¿Fuiste con él al motel?',
  '¿Él te hizo daño?',
  '¿Te sentiste mal?',
  '¿Le diste el dinero a tu tía?',
  '¿Te pegó con una pala?',
  '¿Te encerró en un cuarto, mija?',
  '¿Te tocó tus partes privadas?',
  '¿Te pidió que te quitaras la ropa?',
  '¿Trabajas para él?',
  '¿Te sientes segura con él?',
  '¿Te habías ido antes?',
  '¿Te gusta ir con él?',
  '¿Te vas con él los fines de semana?',
  '¿Nunca te dijo nada del cinturón?',
  '¿Él te grababa con su teléfono?',
  '¿Usaba un cuchillo?',
  '¿No te dijo nada del cinturón?',
  '¿No te dijo que no le dijeras a nadie?',
  '¿No te tocó nadie?',
  '¿Nunca te llevó a ningún motel?',
  '¿Ustedes fueron al motel?',
  '¿Te dijo que no le contaras a tu mamá?',
  '¿Te llevó a un hotel?',
  '¿Te tocó la pierna?',
  '¿Se bajó los pantalones?',
  '¿Te mandó fotos?',
  '¿Te amenazó?',
];
const ENDS_BADLY = /\s(?:a|de|en|con|el|la|los|las|un|una|me|te|le|se|que|y|o|del|al)$/u;
/** A finite verb the clause must hold: a known form or an ending only a conjugated verb has. */
const FINITE =
  /(?:^|\s)(?:\p{L}+(?:ó|é|í|aba|ía|ara|iera)|he|ha|había|soy|es|fui|fue|sé|voy|estoy|di|vi|hice|hizo|tengo|vivo|acuerdo|trabajo|siento|gusta|usaba|estaba|quitó|dijo)(?=\s|$)/u;

/** Why a child's "Sí. ..." sentence is not grammatical Spanish in the child's voice, or undefined. */
function flaw(answer: string): string | undefined {
  const m = /^Sí\.\s+(.+?)\.?$/u.exec(answer);
  if (!m) return undefined;
  const c = ` ${m[1]!.toLowerCase()}`;
  if (ENDS_BADLY.test(c)) return 'ends on a function word';
  if (/\s(?:te|tu|tus|ti|tú|contigo|ustedes)(?=\s|$)/u.test(c)) return 'second person left';
  if (
    /\s(?:vives|acuerdas|trabajas|tienes|vas|sientes|\p{L}+aste|\p{L}+iste|\p{L}+aras|\p{L}+ieras)(?=\s|$)/u.test(
      c,
    )
  )
    return 'second-person verb';
  // "nunca"/"nadie"/"jamás" before the verb license a later "ningún"/"nada" as "no" does
  // ("Nunca me llevó a ningún motel.", audit 18h N18g-6: the negation is kept).
  if (
    !/\s(?:no|nunca|jamás|nadie)\s/u.test(c) &&
    /\s(?:nada|nadie|ningún|ninguna)(?=\s|$)/u.test(c)
  )
    return 'negative word with no "no"';
  if (/\s(?:me|le)\s+\p{L}+(?:ara|iera)\b/u.test(c) && !/\sque\s/u.test(c))
    return 'subjunctive without "que"';
  if (/^\svez\b/u.test(c)) return 'stray "vez"';
  // A word after an object clitic is the verb ("me toca", "se bajó"); so is a name's verb in -e/-a.
  if (
    !FINITE.test(c) &&
    !/\s(?:me|le|se|lo)\s+\p{L}+[ae](?=\s|$)/u.test(c) &&
    !/\s(?:vive|tiene|está)\s/u.test(c)
  )
    return 'no conjugated verb';
  return undefined;
}

describe('compliant clause (es12 E12-2/3/4)', () => {
  it('every "Sí. <clause>" over 34 questions x 20 seeds x 2 scenarios is whole, 1st person, with a verb', () => {
    const bad: string[] = [];
    let clauses = 0;
    for (const id of ['teen-exploitation', 'uncle-secret'])
      for (let seed = 1; seed <= 20; seed++) {
        const scenario = { ...builtInScenario(id, 'es')!, reluctance: 0 };
        for (const q of QUESTIONS) {
          const answer = simulate(scenario, seed, [S('Cuéntame todo lo que pasó.'), S(q)])
            .replies[1]!.answer;
          if (/^Sí\.\s+\S/u.test(answer)) clauses++;
          const why = flaw(answer);
          if (why) bad.push(`${q} -> ${answer} (${why})`);
        }
      }
    expect(bad).toEqual([]);
    // The check is not vacuous: many answers carry a clause.
    expect(clauses).toBeGreaterThan(200);
  });

  it("the rule catches the reviewer's broken sentences", () => {
    for (const broken of [
      'Sí. Me dijo no le dijeras a.',
      'Sí. Vives con mi tío.',
      'Sí. Me acuerdas del motel.',
      'Sí. Me con él los fines de semana.',
      'Sí. Me dijo nada del cinturón.',
      'Sí. Vez me dijo del cinturón.',
      'Sí. Me pidió me quitara la ropa.',
      'Sí. Trabajas para él.',
    ])
      expect(flaw(broken)).toBeDefined();
  });

  it.each([
    ['¿Vives con tu tío?', 'tío', 'Vivo con mi tío.'],
    ['¿Te acuerdas del motel?', 'motel', 'Me acuerdo del motel.'],
    ['¿Trabajas para él?', 'trabajas', 'Trabajo para él.'],
    ['¿Te pidió que te quitaras la ropa?', 'ropa', 'Me pidió que me quitara la ropa.'],
    ['¿Te dijo que no le contaras a tu mamá?', 'mamá', 'Me dijo que no le contara a mi mamá.'],
    ['¿Te dijo que no le dijeras a nadie?', 'dijeras', 'Me dijo que no le dijera a nadie.'],
    ['¿Te habías ido antes?', 'antes', 'Me había ido antes.'],
    ['¿Te vas con él los fines de semana?', 'fines', 'Me voy con él los fines de semana.'],
    ['¿Él te hizo daño?', 'daño', 'Él me hizo daño.'],
    // A negative proposition keeps its negation (audit 18h N18g-6; these two were inverted,
    // "Me llevó a algún motel.", "Me dijo algo del cinturón.").
    ['¿Nunca te llevó a ningún motel?', 'motel', 'Nunca me llevó a ningún motel.'],
    // fix18r: an opening "No" presumes the act, as "Didn't he tell you anything about the belt?"
    // does in English (negation.ts, one rule for en/es).
    ['¿No te dijo nada del cinturón?', 'cinturón', 'Me dijo algo del cinturón.'],
    ['¿Te dijo nada del cinturón?', 'cinturón', 'Me dijo algo del cinturón.'],
    ['¿Alguna vez te dijo algo del cinturón?', 'cinturón', 'Me dijo algo del cinturón.'],
    ['¿Te pegó nomás con una pala, mija?', 'pala', 'Me pegó con una pala.'],
  ])('es: %s -> %s', (q, detail, want) => {
    expect(compliantClause(q, 'es', [detail])).toBe(want);
  });

  it.each([
    ['¿Ustedes fueron al motel?', 'motel'],
    ['¿Sola en el cuarto?', 'sola'],
    ['¿Con tu tío?', 'tío'],
  ])('es: %s cannot be turned safely, so no clause (the child says "Sí." alone)', (q, detail) => {
    expect(compliantClause(q, 'es', [detail])).toBeUndefined();
  });

  it.each([
    ['Do you live with your uncle?', 'live', 'I do live with my uncle.'],
    ['Did he say you were bad?', 'bad', 'He did say I was bad.'],
    ['Did he tell you that you could go?', 'go', 'He did tell me that I could go.'],
  ])('en: %s -> %s', (q, detail, want) => {
    expect(compliantClause(q, 'en', [detail])).toBe(want);
  });
});

describe('a negative question heard as affirmative (es12 E12-4)', () => {
  it.each([
    ['¿No te dijo nada?', 'es', '¿Te dijo algo?'],
    ['¿No te tocó nadie?', 'es', '¿Te tocó alguien?'],
    ['¿Nunca te llevó a ningún motel?', 'es', '¿Alguna vez te llevó a algún motel?'],
    ['¿No te dijo que no le dijeras a nadie?', 'es', '¿Te dijo que no le dijeras a nadie?'],
    ["Didn't he say nothing?", 'en', 'Did he say something?'],
    ["Didn't nobody see it?", 'en', 'Did somebody see it?'],
    ['Did he never hit you?', 'en', 'Did he ever hit you?'],
  ] as const)('%s -> %s', (q, lang, want) => {
    expect(affirmative(q, lang)).toBe(want);
  });
});
