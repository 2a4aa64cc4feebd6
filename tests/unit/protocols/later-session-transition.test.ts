// Session k of an extended interview reaches its transition with the protocol's whole graded
// sequence (NICHD revised protocol 2014, Transition: prompts in order, from the most open), each
// prompt with its source. The revised protocol's second session is continued rapport building
// "before exploring for possible abuse" (Hershkowitz, Lamb, Blasbalg & Karni-Visel 2021,
// abstract), so the exploring uses the same graded transition as a single session; nothing is
// silently dropped. Before, the reducer cut the list at three, so the prompts after the third
// never surfaced. A reluctant child still gets no option-posing or last-resort prompt, and an
// allegation-blind interview still gets none of the prompts built on the team's information.
import {
  planSession,
  planSessionAt,
  reduceGuidance,
  type GuidanceEvent,
  type SessionPlan,
} from '../../../src/protocols';

const start = (plan: SessionPlan): GuidanceEvent[] => [
  { type: 'session-started', elapsedMs: 0, sessionNumber: plan.sessions[0]!.number },
  { type: 'phase-entered', phaseId: 'transition', elapsedMs: 1_000 },
];

const transitionOf = (plan: SessionPlan) =>
  plan.sessions[0]!.phases.find((p) => p.id === 'transition')!;

describe.each(['nichd', 'ncac'])('%s, session 2 of 2: the transition', (protocol) => {
  it.each(['en', 'es'] as const)('%s: every graded prompt is offered, in order, cited', (lang) => {
    const plan = planSessionAt(protocol, 8, lang, {}, { index: 2, planned: 2 });
    const phase = transitionOf(plan);
    const view = reduceGuidance(plan, start(plan), 2_000);
    expect(view.currentPhase?.id).toBe('transition');
    const ids = view.nextPrompts.map((p) => p.id);
    // The graded prompts are there, in the plan's order, the last resorts after the others.
    const open = phase.prompts.filter((p) => !p.lastResort).map((p) => p.id);
    const last = phase.prompts.filter((p) => p.lastResort).map((p) => p.id);
    expect(ids).toEqual([...open, ...last]);
    expect(ids).toEqual(
      expect.arrayContaining([
        'transition.worried',
        'transition.talkedTo',
        'transition.marks',
        'transition.place',
        'transition.bothering',
      ]),
    );
    expect(ids.length).toBeGreaterThan(3);
    for (const p of view.nextPrompts) expect(p.citation.label.trim()).not.toBe('');
    // The same sequence a single session offers (nothing is dropped for a later session).
    const single = planSession(protocol, 8, lang, {});
    const singlePhase = single.sessions[0]!.phases.find((p) => p.id === 'transition');
    // …with the revisit line of a later session after the open prompt (P11-3).
    if (singlePhase) {
      const singleIds = singlePhase.prompts.map((p) => p.id);
      expect(phase.prompts.map((p) => p.id)).toEqual([
        singleIds[0],
        'reconnect.revisit',
        ...singleIds.slice(1),
      ]);
    }
  });

  it('moves down the sequence as prompts are used: talked-to next, not "worried" (P7-2)', () => {
    const plan = planSessionAt(protocol, 8, 'en', {}, { index: 2, planned: 2 });
    const asked = (ids: string[]): GuidanceEvent[] =>
      ids.map((promptId, n) => ({
        type: 'note',
        noteKind: 'question',
        questionType: 'invitation',
        promptId,
        elapsedMs: 3_000 + n,
      }));
    const opens = ['transition.open', 'reconnect.revisit', 'transition.why', 'transition.myJob'];
    const ids = reduceGuidance(plan, [...start(plan), ...asked(opens)], 5_000).nextPrompts.map(
      (p) => p.id,
    );
    // NICHD's order after the three open prompts: talked-to, marks, worried, then last resorts.
    expect(ids).toEqual([
      'transition.talkedTo',
      'transition.marks',
      'transition.worried',
      'transition.place',
      'transition.bothering',
    ]);
    for (const id of opens) expect(ids).not.toContain(id);
    const after = reduceGuidance(
      plan,
      [...start(plan), ...asked([...opens, 'transition.talkedTo', 'transition.marks'])],
      5_000,
    ).nextPrompts.map((p) => p.id);
    expect(after[0]).toBe('transition.worried');
  });

  it('a reluctant child is offered support and no escalating prompt', () => {
    const plan = planSessionAt(protocol, 8, 'en', {}, { index: 2, planned: 2 });
    const view = reduceGuidance(
      plan,
      [...start(plan), { type: 'reluctance-noted', elapsedMs: 1_500 }],
      2_000,
    );
    expect(view.nextPrompts[0]!.source).toBe('supportive');
    for (const p of view.nextPrompts) {
      expect(p.kind).not.toBe('option-posing');
      expect(p.lastResort).toBe(false);
    }
    expect(view.nextPrompts.map((p) => p.id)).toContain('transition.talkedTo');
  });

  it('allegation-blind: the open and blind prompts only', () => {
    const plan = planSessionAt(
      protocol,
      8,
      'en',
      { allegationBlind: true },
      { index: 2, planned: 2 },
    );
    const ids = reduceGuidance(plan, start(plan), 2_000).nextPrompts.map((p) => p.id);
    // The revisit line carries only the child's own earlier words: not the team's information.
    expect(ids).toEqual([
      'transition.open',
      'reconnect.revisit',
      'transition.why',
      'transition.myJob',
      'transition.blind',
    ]);
  });
});

// Review 7, P7-10: the third open prompt and the reworded "worried" and "place" are cited as
// Hearth's wording after NICHD, never as NICHD's own words; the others keep their NICHD citation.
describe.each(['en', 'es'] as const)('%s: transition wording attribution', (lang) => {
  it('cites reworded prompts as Hearth’s wording after NICHD', () => {
    const phase = transitionOf(planSession('nichd', 8, lang, {}));
    const byId = new Map(phase.prompts.map((p) => [p.id, p]));
    for (const id of ['transition.myJob', 'transition.worried', 'transition.place']) {
      const p = byId.get(id)!;
      expect(p.source.doc).toBe('hearth');
      expect(p.source.section).toBe(
        lang === 'en'
          ? 'Wording after NICHD (transition)'
          : 'Redacción a partir del NICHD (transición)',
      );
      expect(p.source.basis.join(' ')).toMatch(/NICHD/);
    }
    for (const id of ['transition.open', 'transition.talkedTo', 'transition.bothering'])
      expect(byId.get(id)!.source.doc).toBe('nichd-2014');
    // es-419: the new open prompt speaks to the child in the tú form, as the others do.
    if (lang === 'es') expect(byId.get('transition.myJob')!.text).toMatch(/Cuéntame por qué crees/);
  });
});
