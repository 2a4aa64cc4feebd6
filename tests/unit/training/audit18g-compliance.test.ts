// Issue #18, outside pass 7 (aud18g), N18g-3 to N18g-9: the child's yes-sentence (the question's
// clause from the child's side) is a natural sentence or nothing: when the rewrite cannot give
// one, the child says a bare "Yes." / "Sí." (N18g-3/-4/-5/-6/-8). A prepared lure that shares
// one word with the question is not said after the "yes" (N18g-9).
import { builtInScenario, BUILTIN_IDS, simulate, type PracticeTurn } from '../../../src/training';
import { brokenReason, compliantClause } from '../../../src/training/compliance';

/** The auditor's 36 Spanish clause shapes (g1c.ts) and more of the same kinds. */
const ES = [
  '¿Te compró dulces para que no dijeras nada?',
  '¿Te pegaba todos los días?',
  '¿Te gritó groserías?',
  '¿Te tomó fotografías?',
  '¿Te llevó con tus tías?',
  '¿Te compró unas sandías?',
  '¿Te dio dinero para que no le dijeras a nadie?',
  '¿Te regaló dulces para que te callaras?',
  '¿Verdad que te empujó por la escalera?',
  '¿Verdad que te tocó?',
  '¿No te dejó salir del baño?',
  '¿Te dijo que no le contaras a nadie?',
  '¿Te dijo que si contabas te iba a pegar?',
  '¿Te tocó cuando estabas dormida?',
  '¿Te tocó mientras tu mamá trabajaba?',
  '¿Te llevó a la tienda y te compró un helado?',
  '¿Te decía que eras su novia?',
  '¿Te pidió que le mandaras fotos?',
  '¿Te amenazó para que no fueras a la policía?',
  '¿Te quitó tus cosas cuando llegaste?',
  '¿Te lastimó cuando te caíste?',
  '¿Te grabó mientras te bañabas?',
  '¿Es cierto que te pegó?',
  '¿Será que te pegó?',
  '¿Te pegó, mija?',
  'Oye, ¿te pegó con la chancla?',
  '¿Te tocó tus partes privadas?',
  '¿Te daba miedo cuando venía?',
  '¿Te encerraba en el clóset?',
  '¿Te decía mentiras?',
  '¿Ibas con él a las fiestas?',
  '¿Te hacía cosquillas?',
  '¿Te ponía películas de adultos?',
  '¿Él te dio de tomar?',
  '¿Tu maestro te pegó con la regla?',
  '¿Te obligaba a que le dieras dinero?',
  // more shapes
  '¿Te tocó por encima o por debajo de la ropa?',
  '¿Te amenazó con una pistola o con un cuchillo?',
  '¿Nadie te ayudó?',
  '¿Te acuerdas si tenía un tatuaje?',
  '¿Te mandó mensajes para que no contaras?',
  '¿Te pidió que no le dijeras a tu mamá?',
  '¿Te compró regalos para que te quedaras callada?',
  '¿Te llevó al motel?',
  '¿Te pegó en la cara o en la espalda?',
  '¿Nunca te dejó ir a tu casa?',
];
const EN = [
  "Did he buy you candy so you wouldn't tell?",
  'Were you guys playing outside?',
  'Was it your uncle who hurt you?',
  'Did your tummy hurt a lot afterwards?',
  'Do you remember if he had a tattoo?',
  'Did he take your ID?',
  'Did he pull your hair?',
  'Did he hit you in the face or on the back?',
  "Didn't anybody help you?",
  'Did he tell you not to tell your mom?',
  'Did he take your red bike?',
  'Were you scared?',
  'Did she give you money so you would keep quiet?',
  'Was he wearing a hat?',
];

/** Broken forms, checked independently of the rewrite's own checker. */
function broken(reply: string, language: 'en' | 'es'): string | undefined {
  const r = reply.toLowerCase();
  if (language === 'es') {
    if (/^que\b/u.test(r)) return 'opens with que';
    if (/(?:^|\s)(?:te|tu|tus|ti|contigo)(?=\s|[.,]|$)/u.test(r)) return 'tú left';
    if (/\p{L}{3,}(?:aras|eras|ieras)(?=\s|[.,]|$)/u.test(r)) return 'second-person subjunctive';
    if (/\s(?:o)\s/u.test(r)) return 'either/or';
    if (/(?:^|\s)(?:grosería|fotografía|sandía)(?=\s|[.,]|$)/u.test(r)) return 'plural lost';
  } else {
    if (/\b(?:you|your)\b/u.test(r)) return 'you left';
    if (/\bor\b/u.test(r)) return 'either/or';
    // "if I tell" is the child's own condition ("He said if I tell, my mom will be sad"), not a
    // person shift gone wrong.
    if (
      /\bi (?:was|am) guys\b|(?<!\bif )\bi tell\b|\ba afterwards\b|\buncle hurt\b|\bremember if\b/u.test(
        r,
      )
    )
      return 'known broken form';
    if (/\bmy\.$/u.test(r)) return 'dangling possessive';
  }
  return undefined;
}

describe('N18g-3..8: the yes-sentence is natural or a bare yes', () => {
  test.each([
    ['es', ES],
    ['en', EN],
  ] as const)('%s: zero broken rewrites over the question shapes', (lang, list) => {
    const out = list.map((q) => ({ q, clause: compliantClause(q, lang, []) }));
    const bad = out.filter((o) => o.clause !== undefined && broken(o.clause, lang) !== undefined);
    expect(bad).toEqual([]);
    // Most shapes still give a sentence: the fallback is not a blanket "Sí.".
    const sentences = out.filter((o) => o.clause !== undefined).length;
    expect(sentences).toBeGreaterThanOrEqual(Math.floor(list.length / 3));
  });

  test.each([
    ['¿Te pidió que le mandaras fotos?', 'Me pidió que le mandara fotos.'],
    ['¿Te dijo que no le contaras a nadie?', 'Me dijo que no le contara a nadie.'],
    ['¿Te quitó tus cosas cuando llegaste?', 'Me quitó mis cosas cuando llegué.'],
  ])('es: %s still gives "%s"', (q, want) => {
    expect(compliantClause(q, 'es', [])).toBe(want);
  });

  test.each([
    ['¿Te compró dulces para que no dijeras nada?', 'Me compró dulces para que no dijeras algo.'],
    // A verb of letting asks about the refusal (N18g-6; negation.ts's Spanish exception).
    ['¿No te dejó salir del baño?', 'Me dejó salir del baño.'],
    ['¿Verdad que te tocó?', 'Que me tocó.'],
    ['¿Te gritó groserías?', 'Me gritó grosería.'],
  ])('es: the checker names what is wrong in "%s" -> "%s"', (q, turned) => {
    expect(brokenReason(turned, q, 'es')).toBeDefined();
  });

  test.each(['es', 'en'] as const)(
    '%s: no child reply over all scenarios and seeds holds a broken yes-sentence',
    (lang) => {
      const list = lang === 'es' ? ES : EN;
      const turns: PracticeTurn[] = [
        lang === 'es' ? 'Cuéntame todo lo que pasó.' : 'Tell me everything that happened.',
        ...list,
      ].map((text) => ({ text, phaseId: 'investigation', substantive: true }));
      const bad: string[] = [];
      let yes = 0;
      for (const id of BUILTIN_IDS)
        for (let seed = 1; seed <= 3; seed++) {
          const sim = simulate({ ...builtInScenario(id, lang)!, reluctance: 0 }, seed, turns);
          sim.replies.forEach((r, i) => {
            if (i === 0 || !/^(?:Sí|Yes)\./u.test(r.answer)) return;
            yes++;
            const rest = r.answer.replace(/^(?:Sí|Yes)\.\s*/u, '');
            const why = rest === '' ? undefined : broken(rest, lang);
            if (why) bad.push(`${id}/${seed} ${turns[i]!.text} -> ${r.answer} (${why})`);
          });
        }
      expect(yes).toBeGreaterThan(20);
      expect(bad).toEqual([]);
    },
  );
});

describe('N18g-9: no unrelated lure after "yes"', () => {
  test.each([
    ['en', 'Did he take your red bike?'],
    ['es', '¿Se llevó tu bicicleta roja?'],
  ] as const)('%s: "%s" is never answered with a lure about something else', (lang, q) => {
    const asked = new Set(q.toLowerCase().match(/\p{L}+/gu) ?? []);
    let yes = 0;
    let bare = 0;
    for (const id of BUILTIN_IDS)
      for (let seed = 1; seed <= 6; seed++) {
        const scenario = { ...builtInScenario(id, lang)!, reluctance: 0 };
        const open =
          lang === 'es' ? 'Cuéntame todo lo que pasó.' : 'Tell me everything that happened.';
        const r = simulate(
          scenario,
          seed,
          [open, q].map((text) => ({ text, phaseId: 'investigation', substantive: true })),
        ).replies[1]!;
        if (/^(?:Sí|Yes)\.$/u.test(r.answer)) bare++;
        if (!/^(?:Sí|Yes)\.\s+\S/u.test(r.answer)) continue;
        yes++;
        const said =
          r.answer
            .replace(/^(?:Sí|Yes)\.\s*/u, '')
            .toLowerCase()
            .match(/\p{L}{4,}/gu) ?? [];
        // Every content word of the sentence after "yes" comes from the question (person
        // changes aside): nothing about a car or a driver.
        expect(
          said.filter((w) => !asked.has(w) && !/^(?:mine|mío|mía|took|llevó|quitó|did)$/u.test(w)),
        ).toEqual([]);
      }
    // The lure adoption happens (a bare yes or a sentence of the question's words).
    expect(yes + bare).toBeGreaterThan(0);
  });
});
