// Practitioner review 9, P9-10 (issue #17, ground rules: "the child is told that a repeated
// question does not mean the first answer was wrong"): the 3-5 wording had lost that point
// ("That's okay."), at the ages where children most often change an answer when asked again
// (Memon & Vartoukian 1996; Brubacher et al. 2015, cited with the rule). Every protocol's plan,
// every age, en and es, says it.
import { planSession } from '../../../src/protocols';
import { PROTOCOLS } from '../../../src/protocols/definitions';

const NOT_WRONG = {
  en: /doesn't mean (?:you said something wrong|your first answer was wrong)/,
  es: /no quiere decir que (?:lo que dijiste|tu primera respuesta) esté mal/,
} as const;

describe.each(['en', 'es'] as const)('the repeated-question rule (%s)', (language) => {
  it.each(PROTOCOLS.flatMap((p) => [3, 4, 5, 8, 15].map((age) => [p.id, age] as const)))(
    '%s, age %i: says a repeated question does not mean the answer was wrong',
    (protocolId, age) => {
      const plan = planSession(protocolId, age, language);
      const lines = plan.sessions
        .flatMap((s) => s.phases.flatMap((p) => p.prompts))
        .filter((p) => p.id.includes('repeatedQuestion'));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line.text).toMatch(NOT_WRONG[language]);
    },
  );
});
