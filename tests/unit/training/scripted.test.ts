// Issue #18 outside review, item 1: a scripted prompt's slot ("[the child's word]") matches only
// the child's own words from earlier in this session, never any words at all.
import type { SessionPlan } from '../../../src/protocols';
import { matchScripted, scriptedMatchers } from '../../../src/training/scripted';

const plan = {
  sessions: [
    {
      phases: [
        { prompts: [{ kind: 'invitation', text: "Tell me more about [the child's word]." }] },
      ],
    },
  ],
  supportivePrompts: [],
} as unknown as SessionPlan;
const matchers = scriptedMatchers(plan);

test('a slot filled with words the child never said is not the scripted prompt', () => {
  expect(
    matchScripted(matchers, 'Tell me more about the man who hurt you.', ['The dog bit me.']),
  ).toBeUndefined();
  expect(matchScripted(matchers, 'Tell me more about the man.', [])).toBeUndefined();
});

test("a slot filled with the child's exact earlier words is the scripted prompt", () => {
  expect(matchScripted(matchers, 'Tell me more about the dog.', ['The dog bit me.'])?.type).toBe(
    'invitation',
  );
  expect(matchScripted(matchers, 'Tell me more about bit me.', ['The dog bit me.'])?.type).toBe(
    'invitation',
  );
  // Inflected forms are the child's words only as said: "shouted" is not "shouting".
  expect(
    matchScripted(matchers, 'Tell me more about shouted.', ['He was shouting.']),
  ).toBeUndefined();
});
