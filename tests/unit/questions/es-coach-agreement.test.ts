// Audit 19e, B19e-7: the Spanish coach called the NICHD option-posing code "de opción" (the
// protocol text says "de opciones") and spoke of "el niño" to a 15-year-old girl's interviewer. Its
// reasons now name the NICHD code as the protocol does and the interviewee without a gender.
import { classifyQuestion, classifySuggestion } from '../../../src/questions';

const CHILD = ['Mi novio me quitó el celular en la fiesta.'];

test('es: a new detail in a yes/no question: "de opciones", and no "niño"', () => {
  // A neutral detail (a place): «¿Te llevó al hotel?» names an act, suggestive since coach41.
  const c = classifySuggestion('¿Estabas en el hotel?', 'es', {
    childWords: CHILD,
    childAgeYears: 15,
  });
  expect(c.subtype).toBe('new-detail');
  expect(c.type).toBe('option-posing');
  expect(c.reason).toMatch(/de opciones en la tipología NICHD/);
  expect(c.reason).toMatch(/a la persona entrevistada un detalle que no ha dicho/);
  expect(c.reason).not.toMatch(/\bniño\b/);
});

test('es: a cued invitation and a label speak of the interviewee, not "el niño"', () => {
  const cued = classifyQuestion('Cuéntame más sobre la fiesta.', 'es', { childWords: CHILD });
  expect(cued.recommended).toBe(true);
  expect(cued.reason).toMatch(/de la persona entrevistada/);
  expect(cued.reason).not.toMatch(/\bniño\b/);
  const label = classifyQuestion('Cuéntame más sobre tu padrote.', 'es', { childWords: CHILD });
  expect(label.reason).not.toMatch(/\bniño\b/);
});

test('es: a statement that puts words in the interviewee’s mouth, not "del niño… los niños" (B19f-6)', () => {
  const s = classifyQuestion('Entonces él te llevó al hotel.', 'es', { childWords: CHILD });
  expect(s.reason).toMatch(/en boca de la persona entrevistada \(“te llevó”\)/);
  expect(s.reason).toMatch(/las personas entrevistadas a menudo no corrigen/);
  expect(s.reason).not.toMatch(/\bniños?\b/);
});
