// Review B3 (train32): the revised NICHD protocol's reluctant-child pathway, in the plan the live
// screen uses (two sessions) and the one the practice screen uses (single session). Once the
// interviewer notes reluctance in session 1: support comes first, once (never listed twice), in
// rapport and in the transition; no option-posing or last-resort transition rung is offered
// (transition.worried, transition.place, transition.bothering) nor the elicitation phase's
// option-posing prompt; "close warmly", with the further session left to the team, is offered in
// the substantive part; the account phases stay open to follow a spontaneous disclosure (their
// open prompts are never withheld). Every support line and caution names its source: a document
// and section, or Hearth's own. Sources: Hershkowitz, Lamb, Blasbalg & Karni-Visel 2021 (support
// in session 1 predicted cooperation in session 2); Blasbalg et al. 2020; Hershkowitz et al. 2006
// (reluctance shows before the substantive phase); Ahern et al. 2014.
import {
  HEARTH,
  planSession,
  reduceGuidance,
  type GuidanceEvent,
  type SessionPlan,
} from '../../../src/protocols';

const ESCALATING = ['transition.worried', 'transition.place', 'transition.bothering'];
const LANGUAGES = ['en', 'es'] as const;
const AGES = [4, 8, 12, 15];

function plans(language: 'en' | 'es', age: number): Array<[string, SessionPlan]> {
  return [
    ['live, two sessions', planSession('nichd', age, language, { multiSession: true })],
    ['practice, one session', planSession('nichd', age, language, {})],
  ];
}

const noted = (phaseId: string): GuidanceEvent[] => [
  { type: 'session-started', elapsedMs: 0, sessionNumber: 1 },
  { type: 'phase-entered', phaseId: 'rapport', elapsedMs: 10 },
  { type: 'reluctance-noted', elapsedMs: 20 },
  ...(phaseId === 'rapport' ? [] : [{ type: 'phase-entered' as const, phaseId, elapsedMs: 30 }]),
];

describe.each(LANGUAGES)('reluctant child in session 1 (%s)', (language) => {
  test.each(AGES)('age %i: support first, once; no escalating rung; close warmly', (age) => {
    for (const [, plan] of plans(language, age)) {
      const phases = plan.sessions[0]!.phases.map((p) => p.id);
      for (const phaseId of ['rapport', 'transition', 'investigation', 'elicitation']) {
        if (!phases.includes(phaseId)) continue;
        const view = reduceGuidance(plan, noted(phaseId), 40);
        const ids = view.nextPrompts.map((p) => p.id);
        expect(view.nextPrompts[0]?.source).toBe('supportive');
        expect(new Set(ids).size).toBe(ids.length);
        for (const p of view.nextPrompts) {
          expect(p.kind).not.toBe('option-posing');
          expect(p.lastResort).toBe(false);
        }
        for (const id of ESCALATING) expect(ids).not.toContain(id);
        expect(ids).not.toContain('elicit.optionPosing');
        const substantive = plan.sessions[0]!.phases.find((p) => p.id === phaseId)!.substantive;
        expect(view.reluctance.closeWarmly !== null).toBe(substantive);
      }
      const transition = reduceGuidance(plan, noted('transition'), 40);
      for (const step of transition.ladder ?? [])
        if (ESCALATING.includes(step.id)) expect(step.state).toBe('withheld');
      // A spontaneous disclosure is followed: free recall's open prompts are all still offered.
      const recall = reduceGuidance(plan, noted('investigation'), 40);
      expect(recall.nextPrompts.map((p) => p.id)).toEqual(
        expect.arrayContaining(['recall.everything', 'recall.thenWhat']),
      );
    }
  });

  test('without the note, the same plan reaches the last-resort rung after the open ones', () => {
    const plan = planSession('nichd', 8, language, { multiSession: true });
    const view = reduceGuidance(
      plan,
      [
        { type: 'session-started', elapsedMs: 0, sessionNumber: 1 },
        { type: 'phase-entered', phaseId: 'transition', elapsedMs: 10 },
      ],
      20,
    );
    expect(view.ladder?.find((s) => s.id === 'transition.bothering')?.state).toBe('afterOpen');
    expect(view.nextPrompts.map((p) => p.id)).toContain('transition.bothering');
  });

  test('session 1 of the two-session plan elicits nothing: the account phases only follow a disclosure', () => {
    const plan = planSession('nichd', 8, language, { multiSession: true });
    const first = plan.sessions[0]!.phases;
    for (const id of ['investigation', 'directive', 'elicitation', 'disclosure'])
      expect(first.find((p) => p.id === id)?.optional).toBe(true);
    for (const id of ['rapport', 'narrativePractice', 'transition', 'closing'])
      expect(first.find((p) => p.id === id)?.optional).toBe(false);
    // Session 2 starts again with rapport (reconnect), as Hershkowitz et al. 2021's second session.
    expect(plan.sessions[1]!.phases[0]!.id).toBe('reconnect');
  });

  test('every support line, the caution and close-warmly name a source; Hearth’s rule is labelled Hearth’s', () => {
    const plan = planSession('nichd', 8, language, { multiSession: true });
    expect(plan.supportivePrompts.length).toBeGreaterThan(3);
    for (const p of plan.supportivePrompts) {
      expect(p.kind).toBe('supportive');
      expect(p.source.label.trim()).not.toBe('');
      expect(p.source.section.trim()).not.toBe('');
    }
    const transition = plan.sessions[0]!.phases.find((p) => p.id === 'transition')!;
    const caution = transition.warnings.find((w) => w.id === 'reluctance')!;
    expect(caution.source.doc).toBe('nichd-2014');
    const rule = transition.warnings.find((w) => w.id === 'reluctanceHearthRule')!;
    expect(rule.source.doc).toBe(HEARTH);
    expect(plan.reluctance.closeWarmly.source.doc).toBe('hershkowitz-2021');
  });
});
