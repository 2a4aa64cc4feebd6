// coach43 (session 29): review28's open items for the question coach, one block per item, each
// with English and Spanish (es-419) cases.
import { classifyQuestion } from '../../../src/questions/classify';

const code = (
  text: string,
  lang: 'en' | 'es',
  childWords: string[],
  stage?: 'pre-substantive' | 'substantive',
) => classifyQuestion(text, lang, { childWords, ...(stage ? { stage } : {}) });

describe('1: the child’s own verb in another tense is the child’s detail', () => {
  test.each([
    ['en', 'Did he take pictures of you?', 'He took pictures of me.'],
    ['en', 'Was he taking pictures of you?', 'He took pictures of me.'],
    ['en', 'Did he take a video of you?', 'He took a video of me.'],
    ['en', 'Did he take pictures of you?', 'He takes pictures of me.'],
    ['es', '¿Te tomó fotos?', 'Él me toma fotos.'],
    ['es', '¿Te tomaba fotos?', 'Él me tomó fotos.'],
    ['es', '¿Te sacaba fotos?', 'Me sacó unas fotos.'],
    ['es', '¿Te grababa?', 'Él me grabó.'],
  ] as const)('%s %s after %s: plain option-posing', (lang, text, child) => {
    const r = code(text, lang, [child]);
    expect(r.type).toBe('option-posing');
    expect(r.subtype).toBe('yes-no');
  });

  test.each([
    // another object or another act with the same verb is not the filming of the child
    ['en', 'Did he take pictures of you?', 'He took the camera.'],
    ['en', 'Did he take pictures of you?', 'He took my phone.'],
    ['en', 'Was he taking pictures of you?', 'He had a camera.'],
    ['es', '¿Te tomó fotos?', 'Él tomó la cámara.'],
    ['es', '¿Te tomaba fotos?', 'Tenía una cámara.'],
    ['es', '¿Te grababa?', 'Tenía una cámara.'],
  ] as const)('%s %s after %s: still an unsaid detail', (lang, text, child) => {
    const r = code(text, lang, [child]);
    expect(r.type).toBe('suggestive');
    expect(r.subtype).toBe('new-detail');
  });

  test.each([
    ['en', 'Tell me more about him taking pictures.', 'He had a camera.'],
    ['es', 'Cuéntame más de cuando te tomaba fotos.', 'Tenía una cámara.'],
  ] as const)(
    '%s %s after %s: the inflected act in an invitation is flagged',
    (lang, text, child) => {
      const r = code(text, lang, [child]);
      expect(r.type).toBe('suggestive');
      expect(r.recommended).toBe(false);
    },
  );
  test.each([
    ['en', 'Tell me more about him taking pictures.', 'He took pictures of me.'],
    ['es', 'Cuéntame más de cuando te tomaba fotos.', 'Me tomó fotos.'],
  ] as const)(
    '%s %s after %s: the child’s act in another tense is a cued invitation',
    (lang, text, child) => {
      const r = code(text, lang, [child]);
      expect(r.type).toBe('cued-invitation');
    },
  );
});

describe('2: number counts for persons (one offender is not several), in both languages', () => {
  test.each([
    ['en', 'Tell me more about the men.', 'A man touched me.', 'men'],
    ['en', 'What did your uncles do?', 'My uncle was there.', 'uncles'],
    ['en', 'Tell me about your uncles.', 'My uncle was there.', 'uncles'],
    ['en', 'What did the guys do?', 'A guy came in.', 'guys'],
    ['es', 'Cuéntame más de los hombres.', 'Un señor me tocó.', 'hombres'],
    ['es', '¿Cuántos hombres te tocaron?', 'Un señor me tocó.', 'hombres'],
    ['es', '¿Qué hicieron tus tíos?', 'Mi tío estaba ahí.', 'tíos'],
    ['es', 'Cuéntame más de tus tíos.', 'Mi tío estaba ahí.', 'tíos'],
    ['es', '¿Dónde estaban tus hermanos?', 'Mi hermana y yo dormíamos.', 'hermanos'],
  ] as const)('%s %s after %s: the plural is unsaid', (lang, text, child, cue) => {
    const r = code(text, lang, [child]);
    expect(r.type).toBe('suggestive');
    expect(r.cue).toContain(cue);
  });

  test.each([
    ['es', '¿Los hombres te tocaron?', 'Un señor me tocó.'],
    ['en', 'Did the men touch you?', 'A man touched me.'],
  ] as const)(
    '%s %s after %s: a closed question puts the several to the child',
    (lang, text, child) => {
      const r = code(text, lang, [child]);
      expect(r.type).toBe('suggestive');
      expect(r.subtype).toBe('new-detail');
    },
  );

  test.each([
    ['en', 'What did the guys do?', 'Some guys came in.', 'directive'],
    ['en', 'Tell me more about your uncles.', 'My uncles were there.', 'cued-invitation'],
    ['es', 'Cuéntame más de los señores.', 'Unos hombres me tocaron.', 'cued-invitation'],
    ['es', 'Cuéntame más del señor.', 'Unos hombres me tocaron.', 'cued-invitation'],
    ['es', '¿Qué hicieron tus tíos?', 'Mis tíos estaban ahí.', 'directive'],
    ['es', 'Cuéntame más de los hombres.', 'Los hombres me tocaron.', 'cued-invitation'],
  ] as const)(
    '%s %s after %s: the child’s own plural (or one of them) is the child’s',
    (lang, text, child, type) => {
      expect(code(text, lang, [child]).type).toBe(type);
    },
  );
});

describe('3: asking the child to judge who lies is coded once, in every wording and both languages', () => {
  const child = { en: 'My sister said it.', es: 'Mi hermana lo dijo.' } as const;
  test.each([
    ['en', 'Is your sister lying?'],
    ['en', 'Is your sister telling the truth?'],
    ['en', 'Did your sister make that up?'],
    ['en', 'Was your sister making that up?'],
    ['en', 'Who is lying?'],
    ['en', 'Did your sister lie to you?'],
    ['en', 'Do you think your mom is lying?'],
    ['es', '¿Quién miente?'],
    ['es', '¿Tu hermana te mintió?'],
    ['es', '¿Tu hermana está diciendo la verdad?'],
    ['es', '¿Tu hermana se lo inventó?'],
    ['es', '¿Tu hermana estaba inventando eso?'],
    ['es', '¿Crees que tu mamá está mintiendo?'],
  ] as const)('%s %s: suggestive/confrontation, named Hearth’s coding', (lang, text) => {
    for (const stage of [undefined, 'substantive'] as const) {
      const r = code(text, lang, [child[lang]], stage);
      expect(r.type).toBe('suggestive');
      expect(r.subtype).toBe('confrontation');
      expect(r.reason).toMatch(/Hearth's coding|codificación de Hearth/);
      expect(r.reason).toMatch(/Lamb et al\. 2007/);
      expect(r.reason).not.toMatch(/Garven et al\. 2000\)/);
    }
  });

  test.each([
    ['en', 'Are you telling me the truth?'],
    ['es', '¿Me estás diciendo la verdad?'],
  ] as const)('%s %s: a challenge to the child, the general confrontation reason', (lang, text) => {
    const r = code(text, lang, [child[lang]]);
    expect(r.subtype).toBe('confrontation');
    expect(r.reason).toMatch(/Challenges, doubts|Cuestiona, duda/);
  });

  test.each([
    ['en', 'Was she telling a story at bedtime?'],
    ['en', 'Was your sister telling you a story?'],
    ['en', 'Did he lie down on the bed?'],
    ['en', 'Did he tell you to lie?'],
    ['en', 'Do you promise to tell me the truth?'],
    ['es', '¿Te contaba un cuento a la hora de dormir?'],
    ['es', '¿Prometes decirme la verdad?'],
    ['es', '¿Inventaron un juego?'],
  ] as const)('%s %s: not a judgement of lying', (lang, text) => {
    expect(code(text, lang, [child[lang]]).subtype).not.toBe('confrontation');
  });
});

describe('5: a cue never opens on «¿» or «¡»', () => {
  test.each([
    ['¿Tu tío está mintiendo?', 'Tu tío está mintiendo'],
    ['¿Quién miente?', 'Quién miente'],
    ['¡Dime la verdad esta vez!', 'Dime la verdad esta vez'],
    ['¿No te pegó?', 'No te pegó'],
  ])('%s', (text, cue) => {
    const r = code(text, 'es', ['Mi tío me pegó.']);
    expect(r.cue).toBe(cue);
    expect(r.reason).toContain(`“${cue}”`);
  });
});

describe('8: the truth/lie picture task is a ground-rules item, not a suggestive question', () => {
  test.each([
    ['en', 'Is the girl in this picture telling the truth or telling a lie?'],
    ['en', 'Is this boy telling the truth or telling a lie?'],
    ['es', '¿La niña de este dibujo está diciendo la verdad o está diciendo una mentira?'],
    ['es', '¿Este niño está diciendo la verdad o una mentira?'],
  ] as const)(
    '%s %s: option-posing/protocol with no warning before the substantive phase',
    (lang, text) => {
      for (const stage of [undefined, 'pre-substantive'] as const)
        for (const childWords of [[], ['Me gusta el fútbol.']]) {
          const r = code(text, lang, childWords, stage);
          expect(r).toMatchObject({
            type: 'option-posing',
            subtype: 'protocol',
            recommended: true,
          });
          expect(r.reason).toMatch(/Lyon (&|y) Saywitz 1999/);
        }
      const r = classifyQuestion(text, lang);
      expect(r).toMatchObject({ type: 'option-posing', subtype: 'protocol', recommended: true });
    },
  );
  it('in the substantive phase the ordinary rules code it', () => {
    const r = code(
      'Is this boy telling the truth or telling a lie?',
      'en',
      ['He hit me.'],
      'substantive',
    );
    expect(r.recommended).toBe(false);
  });
});

describe('6: the narrative-practice section is named once, by one heading', () => {
  test.each([
    ['en', 'Tell me about your last birthday party.', 'I like pizza.', /episodic memory training/],
    [
      'es',
      'Cuéntame de tu última fiesta de cumpleaños.',
      'Me gusta la pizza.',
      /entrenamiento de memoria episódica/,
    ],
  ] as const)('%s %s', (lang, text, child, heading) => {
    const r = code(text, lang, [child]);
    expect(r.reason).toMatch(heading);
    expect(r.reason).not.toMatch(/narrative practice section|sección de práctica narrativa/);
  });
});

describe('7: a name after a kinship word is checked like any name', () => {
  test.each([
    [
      'en',
      'Tell me everything from when Uncle Joe came over until bedtime.',
      'My uncle was there.',
      'Joe',
    ],
    ['en', 'Tell me more about Aunt Rosa.', 'My aunt was there.', 'Rosa'],
    ['en', 'What did Grandpa Luis say?', 'My grandpa was there.', 'Luis'],
    [
      'es',
      'Cuéntame todo desde que llegó el tío Beto hasta la hora de dormir.',
      'Mi tío estaba ahí.',
      'Beto',
    ],
    [
      'es',
      'Cuéntame todo desde que llegó el Tío Beto hasta la hora de dormir.',
      'Mi tío estaba ahí.',
      'Beto',
    ],
    ['es', '¿Qué dijo la tía Rosa?', 'Mi tía estaba ahí.', 'Rosa'],
  ] as const)('%s %s after %s: %s is unsaid', (lang, text, child, name) => {
    const r = code(text, lang, [child]);
    expect(r.type).toBe('suggestive');
    expect(r.cue).toBe(name);
  });
  test.each([
    [
      'en',
      'Tell me everything from when Uncle Joe came over until bedtime.',
      'My uncle Joe was there.',
    ],
    [
      'es',
      'Cuéntame todo desde que llegó el tío Beto hasta la hora de dormir.',
      'Mi tío Beto estaba ahí.',
    ],
  ] as const)('%s %s after %s: the child’s own name, a time segment', (lang, text, child) => {
    expect(code(text, lang, [child])).toMatchObject({
      type: 'cued-invitation',
      subtype: 'time-segment',
    });
  });
});

describe('4: an endearment used as address keeps its code and gets Hearth’s practice note', () => {
  test.each([
    ['en', 'Honey, tell me more about that.', 'Honey', 'He hit me.'],
    ['en', 'What happened next, sweetie?', 'sweetie', 'He hit me.'],
    ['es', 'Mi amor, cuéntame más de eso.', 'Mi amor', 'Me pegó.'],
    ['es', '¿Y luego qué pasó, mi reina?', 'mi reina', 'Me pegó.'],
    ['es', 'Preciosa, cuéntame más.', 'Preciosa', 'Me pegó.'],
    ['es', 'Cuéntame más, mija.', 'mija', 'Me pegó.'],
  ] as const)('%s %s', (lang, text, word, child) => {
    const r = code(text, lang, [child]);
    expect(r.type).toBe('invitation');
    expect(r.recommended).toBe(true);
    expect(r.practiceNote).toBe(
      lang === 'en'
        ? `Term of endearment (“${word}”): call the child by name (Hearth’s practice note).`
        : `Palabra cariñosa (“${word}”): llame a la persona entrevistada por su nombre (nota de práctica de Hearth).`,
    );
  });
  it('no note without an endearment used as address, and the note follows the explanation language', () => {
    expect(code('Did he call you honey?', 'en', ['He hit me.']).practiceNote).toBeUndefined();
    expect(code('Tell me more about that.', 'en', ['He hit me.']).practiceNote).toBeUndefined();
    expect(
      classifyQuestion('Mi amor, cuéntame más.', 'es', { childWords: [] }, 'en').practiceNote,
    ).toBe('Term of endearment (“Mi amor”): call the child by name (Hearth’s practice note).');
  });
});
