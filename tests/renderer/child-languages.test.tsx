// Every child language offered has a name in both UI languages: none shows as a raw code such as
// "quc" (K'iche'), whatever the ICU data of the machine.
import {
  CHILD_LANGUAGES,
  languageName,
  needsInterpreter,
} from '../../renderer/cases/child-languages';

test.each(['en', 'es'])('every child language has a name in %s, not its code', (ui) => {
  // Spanish writes "mam" as its code is spelt; that is a name when English names it "Mam".
  const raw = CHILD_LANGUAGES.filter(
    (code) => languageName(code, ui) === code && languageName(code, 'en').toLowerCase() !== code,
  );
  expect(CHILD_LANGUAGES.filter((code) => languageName(code, 'en') === code)).toEqual([]);
  expect(raw).toEqual([]);
});

test('the Mayan and Mexican indigenous languages are named as their communities write them', () => {
  expect(languageName('quc', 'en')).toBe("K'iche'");
  expect(languageName('kjb', 'es')).toBe("q'anjob'al");
  expect(languageName('tzo', 'es')).toBe('tsotsil');
  expect(new Set(CHILD_LANGUAGES).size).toBe(CHILD_LANGUAGES.length);
});

test("any child language differing from the interviewer's needs an interpreter, Spanish with English included", () => {
  expect(needsInterpreter('es', 'en')).toBe(true);
  expect(needsInterpreter('en', 'es')).toBe(true);
  expect(needsInterpreter('mam', 'es')).toBe(true);
  expect(needsInterpreter('es', 'es')).toBe(false);
  expect(needsInterpreter('en', 'en')).toBe(false);
});
