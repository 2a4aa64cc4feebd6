// review28 (session 28, an outside practitioner and es-419 reader on coach41's scheme):
// - C1: the suggestiveDetail reason says plainly that coding a closed question that introduces a
//   detail as suggestive is Hearth's rule, stricter than the NICHD typology (Lamb et al. 2007
//   code it option-posing), instead of crediting it to the NICHD coding;
// - C2: rapport and narrative-practice questions ("Did you get presents on your birthday?",
//   «¿Fuiste a pie a la fiesta?») are not sealed as suggestive; a question that puts a person to
//   the child stays suggestive in any phase;
// - C3/M2: the confrontation reason does not credit Garven et al. 2000 with questions about
//   lying, and "telling a story" is not an accusation of lying.
import { classifyQuestion } from '../../../src/questions/classify';

const code = (
  text: string,
  lang: 'en' | 'es',
  childWords: string[],
  stage?: 'pre-substantive' | 'substantive',
) => classifyQuestion(text, lang, { childWords, ...(stage ? { stage } : {}) });

describe('C1: the stricter rule is named as Hearth’s', () => {
  test.each([
    [
      'en',
      'Did Alex touch your bottom?',
      'Alex hurt my bottom',
      /stricter than the NICHD typology \(Lamb et al\. 2007\)/,
    ],
    [
      'es',
      '¿Alex te tocó la pompa?',
      'Alex me lastimó la pompa',
      /más estricto que la tipología NICHD \(Lamb et al\. 2007\)/,
    ],
  ] as const)('%s %s', (lang, text, child, wording) => {
    const r = code(text, lang, [child], 'substantive');
    expect(r.type).toBe('suggestive');
    expect(r.subtype).toBe('new-detail');
    expect(r.reason).toMatch(wording);
    expect(r.reason).not.toMatch(/NICHD coding\)|codificación NICHD\)/);
    expect(r.reason).not.toMatch(/abuse-relevant|relevante para el abuso/);
  });
});

describe('C2: rapport talk keeps the NICHD code; a person put to the child does not', () => {
  test.each([
    [
      'en',
      'Did you get presents on your birthday?',
      'My birthday was fun. We had cake.',
      undefined,
    ],
    [
      'en',
      'Did you get presents on your birthday?',
      'My birthday was fun. We had cake.',
      'pre-substantive',
    ],
    ['es', '¿Fuiste a pie a la fiesta?', 'Mi cumpleaños estuvo padre.', undefined],
    [
      'es',
      '¿Te dieron regalos en tu cumpleaños?',
      'Mi cumpleaños estuvo padre. Comimos pastel.',
      'pre-substantive',
    ],
  ] as const)(
    '%s %s (child: %s; stage %s) is option-posing/new-detail',
    (lang, text, child, stage) => {
      const r = code(text, lang, [child], stage);
      expect(`${r.type}/${r.subtype}`).toBe('option-posing/new-detail');
    },
  );

  test.each([
    ['en', 'Did he touch you?', 'We played at the park.', 'pre-substantive'],
    ['en', 'Did he give you presents on your birthday?', 'My birthday was fun.', undefined],
    ['en', 'Did he give you presents?', 'he came over', 'substantive'],
  ] as const)('%s %s (child: %s; stage %s) stays suggestive', (lang, text, child, stage) => {
    expect(code(text, lang, [child], stage).type).toBe('suggestive');
  });

  test('the foot of "a pie" is an idiom only there: «¿Te pateó con el pie?» still names the act', () => {
    expect(
      code('¿Te pateó con el pie?', 'es', ['Mi tío estaba enojado.'], 'substantive').type,
    ).toBe('suggestive');
  });
});

describe('C3/M2: confrontation', () => {
  test('asking whether someone is lying is confrontation, named as Hearth’s coding', () => {
    const r = code('Is your sister lying?', 'en', ['My sister said that.'], 'substantive');
    expect(r.subtype).toBe('confrontation');
    expect(r.reason).toMatch(/Hearth's coding/);
    expect(r.reason).not.toMatch(/lying, Garven et al\. 2000/);
    const es = code('¿Tu hermano está mintiendo?', 'es', ['Mi hermano dijo eso.'], 'substantive');
    expect(es.subtype).toBe('confrontation');
    expect(es.reason).toMatch(/codificación de Hearth/);
  });

  test.each(['Was your sister telling you a story?', 'Was she telling stories at bedtime?'])(
    '"%s" is not an accusation of lying',
    (text) => {
      expect(code(text, 'en', ['My sister reads to me.'], 'substantive').subtype).not.toBe(
        'confrontation',
      );
    },
  );
});

describe('M1: a camera the child named does not clear the filming of the child', () => {
  test.each([
    ['en', 'Did he take videos of you?', 'He had a camera in his room.'],
    ['en', 'Did he take photos of you?', 'He showed me a picture of a dog.'],
    ['es', '¿Te tomó videos?', 'Tenía una cámara en su cuarto.'],
    ['es', '¿Te grabó?', 'Tenía una cámara en su cuarto.'],
    ['es', '¿Te sacó fotos?', 'Tenía una cámara.'],
  ] as const)('%s %s after "%s" is suggestive/new-detail', (lang, text, child) => {
    const r = code(text, lang, [child], 'substantive');
    expect(`${r.type}/${r.subtype}`).toBe('suggestive/new-detail');
  });
});
