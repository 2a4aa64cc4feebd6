// Audit 19e, B19e-8: a prosecutor's "Did he sell pictures of you online?", when the child has
// said only phone, party and money, was "not recommended" for the right rule, but its reason named
// only "sell": "pictures" and "online" were not named. The reason names every new detail.
import { classifyQuestion, classifySuggestion } from '../../../src/questions';

const EN_CHILD = [
  'My boyfriend took my phone at the party.',
  'Daddy said I had to make money for us.',
];
const ES_CHILD = [
  'Mi novio me quitó el celular en la fiesta.',
  'Daddy dijo que tenía que hacer dinero para nosotros.',
];

test('en: every new detail of a yes/no suggestion is named, in the interviewer’s spelling', () => {
  const c = classifySuggestion('Did he sell pictures of you online?', 'en', {
    childWords: EN_CHILD,
    childAgeYears: 15,
  });
  // coach28: option-posing/new-detail; coach41 (issue #16 item 2, the lead's scheme): selling and
  // pictures are abuse-relevant, so suggestive/new-detail.
  expect(c).toMatchObject({ type: 'suggestive', subtype: 'new-detail', recommended: false });
  expect(c.cue).toBe('sell, pictures, online');
  expect(c.reason).toContain('("sell, pictures, online")');
});

test('es: the same, with no possessive taken for a detail', () => {
  const c = classifySuggestion('¿Él vendió fotos tuyas en internet?', 'es', {
    childWords: ES_CHILD,
    childAgeYears: 15,
  });
  expect(c).toMatchObject({ subtype: 'new-detail', recommended: false });
  expect(c.cue).toBe('vendió, fotos, internet');
});

test('the child’s own words and the question’s frame are not listed', () => {
  // "party" and "phone" are the child's; "remember" is the frame.
  const c = classifyQuestion('Do you remember if he sold your phone at the hotel?', 'en', {
    childWords: EN_CHILD,
  });
  expect(c.subtype).toBe('new-detail');
  expect(c.cue?.split(', ').sort()).toEqual(['hotel', 'sold']);
  // One new detail stays one.
  expect(classifyQuestion('Was it at the hotel?', 'en', { childWords: EN_CHILD }).cue).toBe(
    'hotel',
  );
});
