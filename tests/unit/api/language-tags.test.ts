// Spoken languages (own words, interpreter languages) are BCP-47 tags checked by the contract;
// a refusal names the field and the rule, and never repeats what was typed (issue #19 review:
// a free-text "Spanish" was cut to "Spani" and the note refused without saying why).
import { channels, invalidFields, isLanguageTag } from '../../../src/api/contract';

const SESSION = `sess_${'a'.repeat(32)}`;

describe('isLanguageTag', () => {
  test.each(['es', 'en', 'es-419', 'es-MX', 'zh-Hant', 'mam', 'yua', 'hmn', 'und', 'quc'])(
    'accepts %s',
    (tag) => expect(isLanguageTag(tag)).toBe(true),
  );
  test.each([
    '',
    'Spanish',
    'Spani',
    'español',
    'e',
    'es_MX',
    'es-',
    '-es',
    'x-private',
    'es-419-',
    'es MX',
  ])('refuses %j', (tag) => expect(isLanguageTag(tag)).toBe(false));
});

describe('sessions.addNote: the own-words language', () => {
  const addNote = channels['sessions.addNote'].request;
  const note = (language: string) => ({
    sessionId: SESSION,
    kind: 'child',
    text: 'He took my phone.',
    interpreted: true,
    original: { text: 'Me quitó el celular.', language },
  });

  test('a tag from the list is accepted', () => {
    expect(addNote.safeParse(note('es-419')).success).toBe(true);
    expect(addNote.safeParse(note('mam')).success).toBe(true);
  });

  test('a truncated name is refused naming the field, the rule and the next step, without the value', () => {
    const parsed = addNote.safeParse(note('Spani'));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(invalidFields(parsed.error)).toEqual(['original.language']);
    const message = parsed.error.issues[0]?.message ?? '';
    expect(message).toMatch(/BCP-47/);
    expect(message).toMatch(/choose the language from the list/);
    expect(message).not.toContain('Spani');
  });
});

test('observer renderings and planning languages follow the same rule', () => {
  const suggest = channels['observers.decide'].request.safeParse({
    sessionId: SESSION,
    suggestionId: `sugg_${'c'.repeat(32)}`,
    decision: 'rephrased',
    text: 'Tell me about the phone.',
    rendering: { text: 'Cuéntame del celular.', language: 'Spanish' },
  });
  expect(suggest.success).toBe(false);
  if (!suggest.success) expect(invalidFields(suggest.error)).toEqual(['rendering.language']);
  const planning = channels['planning.update'].request.safeParse({
    caseId: `case_${'b'.repeat(32)}`,
    interpreter: { needed: true, childLanguage: 'Mam (Guatemala)' },
  });
  expect(planning.success).toBe(false);
  if (!planning.success)
    expect(invalidFields(planning.error)).toEqual(['interpreter.childLanguage']);
});

describe('paths the core writes to are full paths', () => {
  const backup = channels['vault.backup'].request;
  test.each(['/media/usb/b.db', 'D:\\backups\\b.db', 'C:/b.db', '\\\\server\\share\\b.db'])(
    'accepts %s',
    (path) => expect(backup.safeParse({ path }).success).toBe(true),
  );
  test.each(['b.db', './b.db', '../b.db', 'backups/b.db', '~/b.db'])(
    'refuses %s, naming the field',
    (path) => {
      const parsed = backup.safeParse({ path });
      expect(parsed.success).toBe(false);
      if (!parsed.success) {
        expect(invalidFields(parsed.error)).toEqual(['path']);
        expect(parsed.error.issues[0]?.message).toMatch(/full path/);
      }
    },
  );
  test('the progress report too', () => {
    const parsed = channels['training.progressReport'].request.safeParse({
      trainee: 'lucia',
      outPath: 'progress.pdf',
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(invalidFields(parsed.error)).toEqual(['outPath']);
  });
});
