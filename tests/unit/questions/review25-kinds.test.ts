// review25 (practitioner + native es-419 reviewer): F10 (another person's report put to the child
// in English as in Spanish) and F13 (acts a time clause takes as given: a penetration named by a
// pronoun, an undressing that names no garment, the end of an act).
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (lang: Language, text: string, childWords?: readonly string[]) =>
  classifyQuestion(text, lang, childWords ? { childWords: [...childWords] } : {});

describe('F10: what another person said, put to the child, is co-witness information', () => {
  it.each<[Language, string, string]>([
    [
      'en',
      'My teacher told me to come here.',
      'Your teacher said something happened to you. Tell me about that.',
    ],
    ['es', 'Mi maestra me dijo que viniera.', 'Tu maestra dijo que te pasó algo. Cuéntame de eso.'],
    ['en', 'I went to school.', 'Your mom told me something happened. Tell me about that.'],
  ])('%s: [%s] %s', (lang, child, text) => {
    for (const ctx of [[child], undefined]) {
      const c = code(lang, text, ctx);
      expect(c.type).toBe('suggestive');
      expect(c.subtype).toBe('co-witness');
      expect(c.verdict).toBe('avoid');
    }
  });

  it.each<[Language, string, string]>([
    [
      'en',
      'My teacher said something happened to me.',
      'Your teacher said something happened to you. Tell me about that.',
    ],
    [
      'en',
      'My teacher said something funny.',
      'You said your teacher said something funny. Tell me about that.',
    ],
  ])('must not flag when the child said that person said it: %s [%s] %s', (lang, child, text) => {
    const c = code(lang, text, [child]);
    expect(c.type).toBe('cued-invitation');
    expect(c.verdict).toBe('recommended');
  });
});

describe('F13: a time clause that presumes an act the child has not told', () => {
  it.each<[Language, string, string, string]>([
    ['en', 'He came into my room.', 'How did you feel when he put it in?', 'put it in'],
    ['en', 'We were playing.', 'What happened when he was done?', 'he was done'],
    ['en', 'He came into my room.', 'What happened when you got undressed?', 'undressed'],
    ['es', 'Estábamos jugando.', 'Cuéntame qué pasó cuando te desvestiste.', 'desvestiste'],
    ['es', 'Estábamos jugando.', 'Cuéntame qué pasó cuando te encueraste.', 'encueraste'],
    ['es', 'Él entró a mi cuarto.', '¿Qué dijo cuando terminó?', 'terminó'],
    ['es', 'Él entró a mi cuarto.', '¿Cómo te sentiste cuando te lo metió?', 'metió'],
  ])('%s: [%s] %s', (lang, child, text, cue) => {
    for (const ctx of [[child], []]) {
      const c = code(lang, text, ctx);
      expect(c.type).toBe('suggestive');
      expect(c.subtype).toBe('presumptive');
      expect(c.reason).toContain(cue);
    }
  });

  it.each<[Language, string, string]>([
    ['en', 'He put it in my pee-pee.', 'How did you feel when he put it in?'],
    ['en', 'He touched me and then he stopped.', 'What did he say when he was done?'],
    ['en', 'I was drawing.', 'What did you do when you were done?'],
    ['es', 'Me desvestí y él me tocó.', 'Cuéntame qué pasó cuando te desvestiste.'],
    ['es', 'Él me tocó y luego paró.', '¿Qué dijo cuando terminó?'],
    ['es', 'Estaba dibujando.', '¿Qué hiciste cuando terminaste?'],
  ])('must not flag what the child told: %s [%s] %s', (lang, child, text) => {
    expect(code(lang, text, [child]).type).not.toBe('suggestive');
  });
});

// review25 F15: a subject put before the wh- word («¿Y ella qué te dijo?») is a wh- question.
describe('F15: a fronted subject before a wh- word is a wh- question', () => {
  it.each<[string, string]>([
    ['Alex me pegó.', '¿Y ella qué te dijo?'],
    ['Alex me pegó.', '¿Y él qué hizo?'],
    ['Mi mamá estaba ahí.', '¿Y tu mamá dónde estaba?'],
  ])('[%s] %s', (child, text) => {
    for (const ctx of [[child], undefined]) {
      const c = code('es', text, ctx);
      expect(c.type).toBe('directive');
      expect(c.subtype).toBe('wh');
    }
  });

  it.each<[string, string]>([
    ['Alex me pegó.', '¿Y ella te dijo algo?'],
    ['Fui con mi tía.', '¿La vez que fuiste con tu tía te gustó?'],
  ])('a yes/no question stays yes/no: [%s] %s', (child, text) => {
    expect(code('es', text, [child]).type).toBe('option-posing');
  });
});

// review25 F18: Spanish reason wording (the child's account is no «denuncia»; «él» is a word,
// not a person). The leading-declarative reason keeps «las personas entrevistadas»: B19f-6
// (es-coach-agreement.test) chose it over «niños» on purpose.
describe('F18: Spanish reason wording', () => {
  it('support is kept away from what the child told, not from a «denuncia»', () => {
    const c = code('es', 'No fue tu culpa.', ['Fuimos a la escuela.']);
    expect(c.reason).toContain('sin referirse a lo que contó');
    expect(c.reason).not.toContain('denuncia');
  });
  it('a pronoun for someone not named says who uses it', () => {
    const c = code('es', '¿Dónde te pegó él?', ['Mi tía me pegó.']);
    expect(c.reason).toContain('Usa “él” para alguien que la persona entrevistada no ha nombrado');
  });
});
