// Practitioner review 10, P10-4: the Ten Step relies on the promise to tell the truth (Lyon &
// Dorado 2008), not on a true/not-true test, and NCAC is planned the same way. The NICHD practice
// item stays available in those plans as an optional prompt labelled Hearth's; the checklist
// never requires it; the child is asked to promise once; and the practice item is false.
import { planSession, type SessionPlan } from '../../../src/protocols';
import en from '../../../locales/en/protocols.json';
import es from '../../../locales/es/protocols.json';

const AGES = [4, 7, 12, 15];

function rules(plan: SessionPlan) {
  return plan.sessions[0]!.phases.find((ph) =>
    ph.prompts.some((p) => p.id === 'groundRules.truth.explain'),
  )!;
}

describe.each(['en', 'es'] as const)('the truth rule (%s)', (lang) => {
  const promised = { en, es }[lang].checklist.groundRules.truth;

  it.each(['ten-step', 'ncac'].flatMap((id) => AGES.map((age) => [id, age] as const)))(
    '%s at %i: the checklist asks for the promise; any practice is optional and Hearth\u2019s',
    (id, age) => {
      const phase = rules(planSession(id, age, lang));
      const truthChecks = phase.checklist.filter((c) => c.id === 'truth');
      expect(truthChecks.map((c) => c.label)).toEqual([promised.explained]);
      for (const p of phase.prompts.filter((x) => x.id === 'groundRules.truth.practice'))
        expect({ optional: p.optional, doc: p.source.doc }).toEqual({
          optional: true,
          doc: 'hearth',
        });
    },
  );

  it('NICHD keeps the practice as its own ground rule (the check can tell the two apart)', () => {
    const phase = rules(planSession('nichd', 7, lang));
    expect(phase.checklist.filter((c) => c.id === 'truth').map((c) => c.label)).toEqual([
      promised.practised,
    ]);
    const practice = phase.prompts.find((p) => p.id === 'groundRules.truth.practice');
    expect(practice?.optional).toBe(false);
    expect(practice?.source.doc).toBe('nichd-2014');
  });

  it.each(['nichd', 'ten-step', 'ncac'])(
    '%s: the child is asked to promise once, and the practice statement is false',
    (id) => {
      const phase = rules(planSession(id, 7, lang));
      const lines = phase.prompts
        .filter((p) => p.id.startsWith('groundRules.truth.'))
        .map((p) => p.text);
      const promise = lang === 'en' ? /\bpromise\b/i : /\bprometes?\b/i;
      expect(lines.filter((t) => promise.test(t))).toHaveLength(1);
      const practice = phase.prompts.find((p) => p.id === 'groundRules.truth.practice')!.text;
      expect(practice).toMatch(lang === 'en' ? /\[a color they are not\]/ : /\[un color que no es/);
    },
  );
});
