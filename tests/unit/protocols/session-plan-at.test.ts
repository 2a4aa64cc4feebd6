// Session k of an extended interview is guided by its own session's plan (planSessionAt): the
// same phases the plan screen previews (extendedSessionGuidance), every phase, prompt and caution
// with its source, and the guidance reducer starts in that session's first phase. The reconnect
// line is filled only with the words given (the child's, from an earlier session).
import {
  extendedSessionGuidance,
  planSession,
  planSessionAt,
  reconnectLine,
  reduceGuidance,
} from '../../../src/protocols';
import { PROTOCOLS } from '../../../src/protocols/definitions';

const MULTI = PROTOCOLS.filter((p) => p.multiSession).map((p) => p.id);

describe.each(MULTI)('%s', (id) => {
  const max = PROTOCOLS.find((p) => p.id === id)!.multiSession!.maxSessions;
  it.each(['en', 'es'] as const)(
    '%s: session k plans the previewed phases, with sources',
    (lang) => {
      for (let index = 1; index <= max; index++) {
        const plan = planSessionAt(id, 8, lang, {}, { index, planned: max });
        const preview = extendedSessionGuidance(id, 8, lang, index, max);
        expect(plan.sessions).toHaveLength(1);
        expect(plan.sessions[0]!.number).toBe(index);
        expect(plan.sessions[0]!.phases.map((p) => p.id)).toEqual(preview.phases.map((p) => p.id));
        expect(plan.extended).toEqual({ index, planned: max, rules: preview.rules });
        for (const phase of plan.sessions[0]!.phases) {
          for (const cited of [phase, ...phase.prompts, ...phase.warnings])
            expect(cited.source.label.trim()).not.toBe('');
        }
        // The reducer guides this session: it starts in the session's own first phase.
        const view = reduceGuidance(plan, [{ type: 'session-started', elapsedMs: 0 }], 1_000);
        expect(view.sessionNumber).toBe(index);
        expect(view.anomalies).toEqual([]);
        expect(view.currentPhase?.id).toBe(preview.phases[0]!.id);
      }
    },
  );
});

test('without a place, the plan is the single-session plan', () => {
  expect(planSessionAt('nichd', 8, 'en', { allegationBlind: true })).toEqual(
    planSession('nichd', 8, 'en', { allegationBlind: true }),
  );
});

test('a place outside the protocol model is refused', () => {
  expect(() => planSessionAt('nichd', 8, 'en', {}, { index: 3, planned: 2 })).toThrow(
    /outside this extended interview/,
  );
  expect(() => planSessionAt('ten-step', 8, 'en', {}, { index: 1, planned: 2 })).toThrow();
});

test.each([
  ['en', 'Last time, you told me about the basement. Tell me more about that.'],
  ['es', null],
] as const)('%s: the reconnect line is filled with the given words only', (lang, expected) => {
  const second = planSessionAt('nichd', 8, lang, {}, { index: 2, planned: 2 });
  const phrase = lang === 'en' ? 'the basement' : 'el sótano';
  const line = reconnectLine(second, { keyword: phrase.split(' ')[1]!, phrase });
  expect(line).not.toBeNull();
  if (expected) expect(line!.text).toBe(expected);
  expect(line!.text).toContain(phrase);
  expect(line!.text).not.toMatch(/\[|\]/);
  expect(line!.source.label.trim()).not.toBe('');
  // Session 1 has no reconnect line; nothing to fill it with gives none.
  expect(
    reconnectLine(planSessionAt('nichd', 8, lang, {}, { index: 1, planned: 2 }), {
      keyword: 'x',
      phrase: null,
    }),
  ).toBeNull();
  expect(reconnectLine(second, { keyword: '  ', phrase: null })).toBeNull();
});

// Practitioner review 6, E4: without the child's article the line quotes the kept word instead
// of leaving "about basement" / "sobre sótano"; Hearth adds no article of its own.
test.each([
  ['en', 'basement', 'Last time, you told me about \u201cbasement\u201d.'],
  ['es', 'sótano', 'sobre \u201csótano\u201d'],
] as const)("%s: a keyword without the child's article is quoted", (lang, keyword, expected) => {
  const second = planSessionAt('nichd', 8, lang, {}, { index: 2, planned: 2 });
  const line = reconnectLine(second, { keyword, phrase: null });
  expect(line!.text).toContain(expected);
  expect(line!.text).not.toMatch(/about basement|sobre sótano/);
});
