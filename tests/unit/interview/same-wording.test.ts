// Audit B19-1: an accepted suggestion is linked to the question that asked it by its wording. The
// interviewer types without the final full stop, or with ¿? where the observer typed ?; those are
// the same question. Different words are not (the link is never a guess).
import { sameWording } from '../../../src/interview/observers';

test.each([
  ['Cuéntame más del motel.', 'Cuéntame más del motel'],
  ['Cuéntame más del motel.', 'cuéntame  más del motel'],
  ['¿Qué aplicación usabas?', 'Qué aplicación usabas?'],
  ['Tell me more about the "red car".', 'Tell me more about the red car'],
  ['Tell me more about the red car.', 'Tell me more about the red car…'],
  ['Cue\u0301ntame ma\u0301s', 'Cuéntame más'],
])('same question: %j and %j', (a, b) => {
  expect(sameWording(a, b)).toBe(true);
});

test.each([
  ['Ask what app.', 'What app?'],
  ['Tell me about the motel.', 'Tell me about the hotel.'],
  ['Did he pay you?', 'Did she pay you?'],
  ['Tell me more about that.', 'Tell me more about that day.'],
])('different question: %j and %j', (a, b) => {
  expect(sameWording(a, b)).toBe(false);
});
