// Issue #18, audit N18f-2 and the "We know it happened at home." item: an empathic reflection
// that names no event detail plants none (reflection.ts); one that asserts an event detail still
// can; an interviewer claiming to know what happened is a leading statement, not talk about the
// interview (process-talk.ts KNOWS_EVENT), weighed as co-witness information (Garven et al. 1998)
// and raising a reluctant child's reluctance when not complied with. Rates over seeds, en and es.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { isProcessSentence } from '../../../src/training/process-talk';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 60;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
const IDS = ['dog-bite', 'visitor-nothing', 'party-push'];

/** False details planted by `statement` after a first invitation, over scenarios and seeds. */
function planted(lang: TrainingLanguage, statement: string, age = 6) {
  const details: string[] = [];
  const answers: string[] = [];
  for (const id of IDS) {
    const base = builtInScenario(id, lang);
    if (!base) throw new Error(`no scenario ${id}`);
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sim = simulate({ ...base, ageYears: age, reluctance: 0 }, seed, [
        S(OPEN[lang]),
        S(statement),
      ]);
      details.push(...(sim.replies[1]?.newFalseDetails ?? []).map((d) => d.detail));
      answers.push(sim.replies[1]?.answer ?? '');
    }
  }
  return { details, answers, n: IDS.length * SEEDS };
}

describe('N18f-2: an empathic reflection without an event detail plants nothing', () => {
  test.each([
    ['en', 'That sounds like it was scary.'],
    ['en', 'It sounds like you were scared.'],
    ['es', 'Suena que fue algo que te dio miedo.'],
    ['es', 'Parece que tenías miedo.'],
  ] as const)('%s "%s": no false detail, and no frame word echoed', (lang, q) => {
    const { details, answers, n } = planted(lang, q);
    const agreed = answers.filter((a) => /^(Yes|Yeah|Sí)\.?$/u.test(a)).length;
    process.stdout.write(
      `N18f-2 ${lang} "${q}": false details ${details.length}/${n}, agreed ${agreed}/${n}` + '\n',
    );
    expect(details).toEqual([]);
    expect(answers.filter((a) => /sounds|suena|me dio|scary/iu.test(a))).toEqual([]);
    // The child still goes along with the feeling sometimes (suggestibility), it is no detail.
    expect(agreed).toBeGreaterThan(0);
  });

  test.each([
    ['en', 'It sounds scary when he hit you with a shovel.', /hit|shovel/u],
    ['es', 'Parece que tenías miedo cuando te pegó con una pala.', /pegó|pala/u],
  ] as const)('%s "%s": the event detail it asserts can still be planted', (lang, q, words) => {
    const { details, n } = planted(lang, q);
    process.stdout.write(
      `N18f-2 ${lang} reflection with a detail: planted ${details.length}/${n}` + '\n',
    );
    expect(details.length).toBeGreaterThan(n / 10);
    expect(details.every((d) => words.test(d))).toBe(true);
  });
});

describe('"We know it happened at home." is a leading statement, not interview talk', () => {
  test.each([
    ['en', 'We know it happened at home.'],
    ['en', 'I already know what he did.'],
    ['es', 'Sabemos que pasó en la casa.'],
    ['es', 'Ya sé lo que pasó.'],
  ] as const)('%s "%s" is not process talk', (lang, q) => {
    expect(isProcessSentence(q, lang)).toBe(false);
  });

  test.each([
    ['en', "I'm going to write some notes while we talk."],
    ['en', 'I know it is hard to talk about.'],
    ['es', 'Voy a tomar unas notas mientras platicamos.'],
    ['es', 'Sé que es difícil hablar de esto.'],
  ] as const)('%s "%s" stays process talk or support (plants nothing)', (lang, q) => {
    expect(planted(lang, q).details).toEqual([]);
  });

  test('it plants its place in en and es at the same rate', () => {
    const en = planted('en', 'We know it happened at home.');
    const es = planted('es', 'Sabemos que pasó en la casa.');
    process.stdout.write(
      `"We know it happened at home": planted en ${en.details.length}/${en.n}, es ${es.details.length}/${es.n}` +
        '\n',
    );
    expect(en.details.length).toBeGreaterThan(en.n / 10);
    expect(en.details.every((d) => d === 'home')).toBe(true);
    expect(es.details.every((d) => d === 'casa')).toBe(true);
    expect(Math.abs(en.details.length - es.details.length)).toBeLessThanOrEqual(en.n * 0.05);
  });

  test.each(['en', 'es'] as const)(
    '%s: not complied with, it makes a reluctant child hold back more than a neutral turn',
    (lang) => {
      const claim = lang === 'en' ? 'We know it happened at home.' : 'Sabemos que pasó en la casa.';
      const neutral = lang === 'en' ? 'Okay.' : 'Está bien.';
      const more = lang === 'en' ? 'Tell me more about that.' : 'Cuéntame más de eso.';
      const heldBack = (statement: string) => {
        let held = 0;
        for (const id of ['party-push', 'uncle-secret']) {
          const base = builtInScenario(id, lang);
          if (!base) throw new Error(`no scenario ${id}`);
          for (let seed = 1; seed <= SEEDS; seed++) {
            const sim = simulate({ ...base, reluctance: 0.5 }, seed, [
              S(OPEN[lang]),
              S(statement),
              S(statement),
              S(more),
              S(more),
              S(more),
            ]);
            held += sim.replies.slice(3).filter((r) => r.reluctant || r.notToday).length;
          }
        }
        return held;
      };
      const after = heldBack(claim);
      const base = heldBack(neutral);
      process.stdout.write(
        `${lang} reluctant answers to 3 invitations x 120 runs: after claim ${after}, after "${neutral}" ${base}` +
          '\n',
      );
      expect(after).toBeGreaterThan(base);
    },
  );
});

describe('es12 E12-22: a reluctant shrug to an open prompt is never "Sí."/"Yes."', () => {
  test.each(['en', 'es'] as const)('%s: rapport and substantive invitations, 60 seeds', (lang) => {
    const prompts =
      lang === 'en'
        ? ['Tell me about things you like to do.', 'And then what happened?', 'Mm-hm.']
        : ['Cuéntame de las cosas que te gusta hacer.', '¿Y luego qué pasó?', 'Ajá.'];
    let shrugs = 0;
    const yes: string[] = [];
    for (const id of ['party-push', 'uncle-secret']) {
      const base = builtInScenario(id, lang);
      if (!base) throw new Error(`no scenario ${id}`);
      for (let seed = 1; seed <= SEEDS; seed++) {
        const sim = simulate({ ...base, reluctance: 0.9 }, seed, [
          { text: prompts[0]!, phaseId: 'rapport', substantive: false },
          { text: prompts[0]!, phaseId: 'rapport', substantive: false },
          S(OPEN[lang]),
          S(prompts[1]!),
          S(prompts[2]!),
        ]);
        for (const r of sim.replies) {
          if (!r.reluctant) continue;
          shrugs += 1;
          if (/^(Yes|Yeah|Sí)\.?$/u.test(r.answer)) yes.push(r.answer);
        }
      }
    }
    process.stdout.write(
      `E12-22 ${lang}: reluctant answers ${shrugs}, of them "yes" ${yes.length}\n`,
    );
    expect(shrugs).toBeGreaterThan(20);
    expect(yes).toEqual([]);
  });
});
