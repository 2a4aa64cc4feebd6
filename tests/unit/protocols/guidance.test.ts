// The reducer over a realistic interview: open items are reported but never block, the break
// reminder fires at the band's interval, and focused questions are paired with invitations.
import {
  planSession,
  reduceGuidance,
  type GuidanceEvent,
  type SessionPlan,
} from '../../../src/protocols';

const MIN = 60_000;

/** A 7-year-old (band 6-9, breaks every 25 minutes) interviewed with the NICHD protocol. */
function nichdSevenYearOld(language = 'en'): SessionPlan {
  return planSession('nichd', 7, language);
}

const opening: GuidanceEvent[] = [
  { type: 'session-started', elapsedMs: 0 },
  { type: 'checklist-item-done', itemId: 'intro.introduced', elapsedMs: 20_000 },
  { type: 'checklist-item-done', itemId: 'intro.recording', elapsedMs: 40_000 },
  { type: 'phase-entered', phaseId: 'rapport', elapsedMs: 1 * MIN },
  {
    type: 'note',
    noteKind: 'question',
    text: 'Tell me about things you like to do.',
    questionType: 'invitation',
    promptId: 'rapport.likes',
    elapsedMs: 1 * MIN + 5_000,
  },
  {
    type: 'note',
    noteKind: 'child',
    text: 'I play soccer with my cousin',
    keywords: ['soccer', 'my cousin'],
    elapsedMs: 1 * MIN + 20_000,
  },
  { type: 'checklist-item-done', itemId: 'rapport.childTalked', elapsedMs: 3 * MIN },
  { type: 'checklist-item-done', itemId: 'rapport.pleasant', elapsedMs: 4 * MIN },
  // The unpleasant event is never covered: it must be reported, and must not block.
  { type: 'phase-entered', phaseId: 'groundRules', elapsedMs: 5 * MIN },
  { type: 'checklist-item-done', itemId: 'truth', elapsedMs: 6 * MIN },
  { type: 'checklist-item-done', itemId: 'dont-know', elapsedMs: 7 * MIN },
];

describe('reduceGuidance over a realistic NICHD interview', () => {
  const plan = nichdSevenYearOld();

  it('starts in the first phase with its prompts before anything is entered', () => {
    const view = reduceGuidance(plan, [{ type: 'session-started', elapsedMs: 0 }], 30_000);
    expect(view.started).toBe(true);
    expect(view.currentPhase?.id).toBe('introduction');
    expect(view.currentPhase?.elapsedInPhaseMs).toBe(30_000);
    expect(view.nextPhase?.id).toBe('rapport');
    expect(view.nextPrompts[0]?.id).toBe('intro.self');
    expect(view.openItems.map((i) => i.itemId)).toEqual(['intro.introduced', 'intro.recording']);
  });

  it('tracks the current phase, time in phase and checklist state', () => {
    const view = reduceGuidance(plan, opening, 8 * MIN);
    expect(view.currentPhase).toMatchObject({ id: 'groundRules', enteredAtMs: 5 * MIN });
    expect(view.currentPhase?.elapsedInPhaseMs).toBe(3 * MIN);
    const rules = view.checklist.find((c) => c.phaseId === 'groundRules')!;
    expect(rules.items.filter((i) => i.done).map((i) => i.id)).toEqual(['truth', 'dont-know']);
    expect(rules.items.find((i) => i.id === 'truth')?.doneAtMs).toBe(6 * MIN);
    // What is still open before leaving ground rules, with readable labels.
    expect(view.openItems.map((i) => i.itemId)).toEqual([
      'dont-understand',
      'correct-me',
      'repeated-question',
    ]);
    expect(view.openItems[0]?.label).toMatch(/understand/);
    expect(view.anomalies).toEqual([]);
  });

  it('reports items left open in earlier phases without blocking progress', () => {
    const events: GuidanceEvent[] = [
      ...opening,
      // Leaves ground rules with two rules not covered, and moves on anyway.
      { type: 'phase-entered', phaseId: 'narrativePractice', elapsedMs: 8 * MIN },
    ];
    const view = reduceGuidance(plan, events, 9 * MIN);
    expect(view.currentPhase?.id).toBe('narrativePractice');
    expect(view.leftOpen.map((i) => `${i.phaseId}/${i.itemId}`)).toEqual([
      'rapport/rapport.unpleasant',
      'groundRules/dont-understand',
      'groundRules/correct-me',
      'groundRules/repeated-question',
    ]);
    // Going back and covering one removes it from the report.
    const later = reduceGuidance(
      plan,
      [
        ...events,
        {
          type: 'checklist-item-done',
          itemId: 'dont-understand',
          phaseId: 'groundRules',
          elapsedMs: 9 * MIN,
        },
      ],
      10 * MIN,
    );
    expect(later.leftOpen.map((i) => i.itemId)).toEqual([
      'rapport.unpleasant',
      'correct-me',
      'repeated-question',
    ]);
    expect(later.currentPhase?.id).toBe('narrativePractice');
  });

  it('reports recommended phases passed over, in a fixed-order protocol', () => {
    const view = reduceGuidance(
      plan,
      [...opening, { type: 'phase-entered', phaseId: 'transition', elapsedMs: 8 * MIN }],
      9 * MIN,
    );
    expect(view.currentPhase?.id).toBe('transition');
    expect(view.skippedPhases.map((p) => p.id)).toEqual(['narrativePractice']);
  });

  it('reminds about a break at the band heuristic interval (25 min for 6-9), not before', () => {
    expect(plan.breakIntervalMs).toBe(25 * MIN);
    expect(reduceGuidance(plan, opening, 25 * MIN - 1).breakReminder).toBeNull();
    const due = reduceGuidance(plan, opening, 25 * MIN);
    expect(due.breakReminder).toMatchObject({ sinceMs: 0, intervalMs: 25 * MIN, overdueMs: 0 });
    expect(due.breakReminder?.text).toBe(
      "Hearth's reminder (a heuristic, not a protocol rule): 25 minutes since the last break. Check the child's state; offer a break if the child seems tired.",
    );
    // Labelled as Hearth's own, never as a protocol's rule.
    expect(due.breakReminder?.source.label).toBe('hearth');
    expect(reduceGuidance(plan, opening, 31 * MIN).breakReminder?.overdueMs).toBe(6 * MIN);
  });

  it('is quiet during a break and counts the next interval from the end of the break', () => {
    const withBreak: GuidanceEvent[] = [
      ...opening,
      { type: 'break-started', elapsedMs: 26 * MIN },
      { type: 'break-ended', elapsedMs: 30 * MIN },
    ];
    const during = reduceGuidance(plan, withBreak.slice(0, -1), 28 * MIN);
    expect(during.onBreak).toBe(true);
    expect(during.breakReminder).toBeNull();
    expect(reduceGuidance(plan, withBreak, 54 * MIN).breakReminder).toBeNull();
    expect(reduceGuidance(plan, withBreak, 55 * MIN).breakReminder).toMatchObject({
      sinceMs: 30 * MIN,
      overdueMs: 0,
    });
  });

  it('uses the younger band interval: a 4-year-old is reminded at 15 minutes', () => {
    const start: GuidanceEvent[] = [{ type: 'session-started', elapsedMs: 0 }];
    const four = planSession('nichd', 4, 'en');
    expect(reduceGuidance(four, start, 15 * MIN).breakReminder?.text).toMatch(/tired or restless/);
    expect(reduceGuidance(plan, start, 15 * MIN).breakReminder).toBeNull();
  });

  describe('pairing after focused questions', () => {
    const substantive: GuidanceEvent[] = [
      ...opening,
      { type: 'phase-entered', phaseId: 'narrativePractice', elapsedMs: 8 * MIN },
      { type: 'phase-entered', phaseId: 'transition', elapsedMs: 12 * MIN },
      { type: 'phase-entered', phaseId: 'investigation', elapsedMs: 14 * MIN },
      {
        type: 'note',
        noteKind: 'question',
        text: 'Tell me everything that happened, from the beginning to the end.',
        questionType: 'invitation',
        promptId: 'recall.everything',
        elapsedMs: 14 * MIN + 10_000,
      },
      {
        type: 'note',
        noteKind: 'child',
        text: 'We were in the garage and he had the red box',
        keywords: ['the garage', 'the red box'],
        elapsedMs: 15 * MIN,
      },
      {
        type: 'note',
        noteKind: 'question',
        text: 'Was the door open or closed?',
        questionType: 'option-posing',
        elapsedMs: 16 * MIN,
      },
      { type: 'note', noteKind: 'child', text: 'Closed', elapsedMs: 16 * MIN + 5_000 },
    ];

    it('recommends the bare paired invitation after option-posing (review 26p, finding 1)', () => {
      const view = reduceGuidance(plan, substantive, 16 * MIN + 10_000);
      // NICHD's pairing after an option-posing question is the bare "Tell me everything about
      // that": a cued one would repeat back the option, not the child's words.
      expect(view.nextPrompts.map((p) => p.text).slice(0, 2)).toEqual([
        'Tell me more about that.',
        // Then the phase's own prompts, minus the one already used.
        'And then what happened?',
      ]);
      const phaseIds = plan.sessions[0]!.phases.find((p) => p.id === 'investigation')!.prompts;
      expect(view.nextPrompts.slice(1).map((p) => p.id)).toEqual(
        phaseIds.map((p) => p.id).filter((id) => id !== 'recall.everything'),
      );
      expect(view.nextPrompts[0]).toMatchObject({ source: 'pairing', kind: 'invitation' });
      expect(view.alerts.map((a) => a.kind)).toEqual(['option-posing']);
      expect(view.questionCounts['option-posing']).toBe(1);
      expect(view.questionCounts.invitation).toBe(2);
    });

    it('reuses the newest keywords the child gave after a directive question', () => {
      const view = reduceGuidance(
        plan,
        [
          ...substantive,
          {
            type: 'note',
            noteKind: 'question',
            text: 'What was in the box?',
            questionType: 'directive',
            elapsedMs: 16 * MIN + 30_000,
          },
          {
            type: 'note',
            noteKind: 'child',
            text: 'the “blue blanket”',
            keywords: ['“blue blanket”.'],
            elapsedMs: 17 * MIN,
          },
        ],
        17 * MIN,
      );
      expect(view.nextPrompts[0]?.text).toBe('You said, “blue blanket”. Tell me more about that.');
    });

    it('clears the pairing once an open invitation is asked', () => {
      const view = reduceGuidance(
        plan,
        [
          ...substantive,
          {
            type: 'note',
            noteKind: 'question',
            text: 'Tell me more about the garage.',
            questionType: 'cued-invitation',
            elapsedMs: 17 * MIN,
          },
        ],
        17 * MIN,
      );
      expect(view.nextPrompts.every((p) => p.source === 'phase')).toBe(true);
      expect(view.alerts).toEqual([]);
    });

    it('a facilitator ("mm-hm") does not count as pairing', () => {
      const view = reduceGuidance(
        plan,
        [
          ...substantive,
          {
            type: 'note',
            noteKind: 'question',
            text: 'Mm-hm',
            questionType: 'facilitator',
            elapsedMs: 17 * MIN,
          },
        ],
        17 * MIN,
      );
      expect(view.nextPrompts[0]?.source).toBe('pairing');
    });

    it('pairs a directive question too, and flags a suggestive one', () => {
      const directive = reduceGuidance(
        plan,
        [
          ...substantive.slice(0, -2),
          {
            type: 'note',
            noteKind: 'question',
            text: 'Where was the box?',
            questionType: 'directive',
            elapsedMs: 16 * MIN,
          },
        ],
        16 * MIN,
      );
      expect(directive.nextPrompts[0]?.text).toBe(
        'You said, “the garage”. Tell me more about that.',
      );
      expect(directive.alerts).toEqual([]);
      const suggestive = reduceGuidance(
        plan,
        [
          ...substantive.slice(0, -2),
          {
            type: 'note',
            noteKind: 'question',
            text: 'He hurt you, didn’t he?',
            questionType: 'suggestive',
            elapsedMs: 16 * MIN,
          },
        ],
        16 * MIN,
      );
      expect(suggestive.alerts.map((a) => a.kind)).toEqual(['suggestive']);
      expect(suggestive.nextPrompts[0]?.source).toBe('pairing');
    });

    it('falls back to a keyword-free invitation, without pronouns for the youngest', () => {
      const noWords: GuidanceEvent[] = [
        { type: 'session-started', elapsedMs: 0 },
        { type: 'phase-entered', phaseId: 'investigation', elapsedMs: MIN },
        {
          type: 'note',
          noteKind: 'question',
          text: 'Was it at home?',
          questionType: 'option-posing',
          elapsedMs: 2 * MIN,
        },
      ];
      expect(reduceGuidance(plan, noWords, 2 * MIN).nextPrompts[0]?.text).toBe(
        'Tell me more about that.',
      );
      const four = planSession('nichd', 4, 'en');
      expect(reduceGuidance(four, noWords, 2 * MIN).nextPrompts[0]?.text).toBe('Tell me more.');
    });

    it('pairs in Spanish with the child’s own Spanish words', () => {
      const es = nichdSevenYearOld('es');
      const events: GuidanceEvent[] = [
        { type: 'session-started', elapsedMs: 0 },
        { type: 'phase-entered', phaseId: 'investigation', elapsedMs: MIN },
        {
          type: 'note',
          noteKind: 'child',
          text: 'en la cocina de mi tía',
          keywords: ['la cocina'],
          elapsedMs: 2 * MIN,
        },
        {
          type: 'note',
          noteKind: 'question',
          text: '¿Qué había en la cocina?',
          questionType: 'directive',
          elapsedMs: 3 * MIN,
        },
      ];
      const view = reduceGuidance(es, events, 3 * MIN);
      expect(view.nextPrompts[0]?.text).toBe('Dijiste: “la cocina”. Cuéntame más sobre eso.');
    });
  });

  it('offers supportive statements for a reluctant child until the mark is withdrawn', () => {
    const base: GuidanceEvent[] = [
      ...opening,
      { type: 'phase-entered', phaseId: 'transition', elapsedMs: 12 * MIN },
      { type: 'reluctance-noted', elapsedMs: 13 * MIN },
    ];
    const reluctant = reduceGuidance(plan, base, 13 * MIN);
    // One supportive statement first, then the transition prompts that do not escalate (no
    // option-posing, no last resort).
    expect(reluctant.nextPrompts.map((p) => `${p.source}:${p.id}`)).toEqual([
      'supportive:support.wantToKnow',
      'phase:transition.open',
      'phase:transition.why',
      'phase:transition.myJob',
      'phase:transition.talkedTo',
      'phase:transition.marks',
    ]);
    expect(reluctant.nextPrompts[0]!.kind).toBe('supportive');
    const talking = reduceGuidance(
      plan,
      [...base, { type: 'note', noteKind: 'child', keywords: ['my uncle'], elapsedMs: 14 * MIN }],
      14 * MIN,
    );
    // Talking is not telling (review 26p, finding 5): a keyword does not end reluctance.
    expect(talking.reluctance.active).toBe(true);
    expect(talking.nextPrompts[0]?.source).toBe('supportive');
    const withdrawn = reduceGuidance(
      plan,
      [...base, { type: 'reluctance-withdrawn', elapsedMs: 14 * MIN }],
      14 * MIN,
    );
    expect(withdrawn.nextPrompts.some((p) => p.source === 'supportive')).toBe(false);
  });

  it('puts last-resort prompts after the open ones', () => {
    const view = reduceGuidance(
      plan,
      [...opening, { type: 'phase-entered', phaseId: 'transition', elapsedMs: 12 * MIN }],
      12 * MIN,
    );
    // The whole graded sequence in NICHD's order (never cut at three): three open prompts,
    // talked-to and marks, then "worried", then the last resorts (review 7, P7-2).
    expect(view.nextPrompts.map((p) => p.id)).toEqual([
      'transition.open',
      'transition.why',
      'transition.myJob',
      'transition.talkedTo',
      'transition.marks',
      'transition.worried',
      'transition.place',
      'transition.bothering',
    ]);
    const used: GuidanceEvent[] = [
      'transition.open',
      'transition.why',
      'transition.myJob',
      'transition.talkedTo',
      'transition.marks',
      'transition.worried',
      'transition.place',
    ].map((promptId, n) => ({
      type: 'note',
      noteKind: 'question',
      questionType: 'invitation',
      promptId,
      elapsedMs: 12 * MIN + n * 1000,
    }));
    const exhausted = reduceGuidance(
      plan,
      [...opening, { type: 'phase-entered', phaseId: 'transition', elapsedMs: 12 * MIN }, ...used],
      13 * MIN,
    );
    expect(exhausted.nextPrompts).toEqual([
      expect.objectContaining({ id: 'transition.bothering', lastResort: true }),
    ]);
  });

  it('reports bad records as anomalies and keeps going', () => {
    const view = reduceGuidance(
      plan,
      [
        { type: 'phase-entered', phaseId: 'rapport', elapsedMs: 1000 },
        { type: 'phase-entered', phaseId: 'no-such-phase', elapsedMs: 2000 },
        { type: 'checklist-item-done', itemId: 'no-such-item', elapsedMs: 3000 },
        { type: 'break-ended', elapsedMs: 2500 },
      ],
      4000,
    );
    expect(view.currentPhase?.id).toBe('rapport');
    expect(view.anomalies.map((a) => [a.code, a.eventIndex])).toEqual([
      ['no-session-start', 0],
      ['unknown-phase', 1],
      ['unknown-item', 2],
      ['time-went-backwards', 3],
      ['break-not-started', 3],
    ]);
  });

  it('after the session ends: no prompts, no reminders, time frozen at the end', () => {
    const view = reduceGuidance(
      plan,
      [
        ...opening,
        { type: 'phase-entered', phaseId: 'closing', elapsedMs: 40 * MIN },
        { type: 'session-ended', elapsedMs: 45 * MIN },
        { type: 'note', noteKind: 'observation', text: 'late', elapsedMs: 46 * MIN },
      ],
      90 * MIN,
    );
    expect(view.ended).toBe(true);
    expect(view.nextPrompts).toEqual([]);
    expect(view.breakReminder).toBeNull();
    expect(view.currentPhase?.elapsedInPhaseMs).toBe(5 * MIN);
    expect(view.anomalies.map((a) => a.code)).toEqual(['event-after-end']);
  });

  it('is pure: the same input gives the same view, and the input is not modified', () => {
    const events = structuredClone(opening);
    const a = reduceGuidance(plan, events, 8 * MIN);
    const b = reduceGuidance(plan, events, 8 * MIN);
    expect(b).toEqual(a);
    expect(events).toEqual(opening);
  });
});

describe('flexible order and multiple sessions', () => {
  it('keeps the fixed order for a 4-year-old: skipped phases are reported', () => {
    const plan = planSession('nichd', 4, 'en');
    const view = reduceGuidance(
      plan,
      [
        { type: 'session-started', elapsedMs: 0 },
        { type: 'phase-entered', phaseId: 'transition', elapsedMs: MIN },
      ],
      2 * MIN,
    );
    expect(view.currentPhase?.id).toBe('transition');
    expect(view.skippedPhases.map((p) => p.id)).toEqual([
      'rapport',
      'groundRules',
      'narrativePractice',
    ]);
  });

  it('follows the phases of the session named at start', () => {
    const plan = planSession('ncac', 8, 'en', { multiSession: true });
    const second = reduceGuidance(
      plan,
      [{ type: 'session-started', sessionNumber: 2, elapsedMs: 0 }],
      MIN,
    );
    expect(second.sessionNumber).toBe(2);
    expect(second.currentPhase?.id).toBe('reconnect');
    const unknown = reduceGuidance(
      plan,
      [{ type: 'session-started', sessionNumber: 9, elapsedMs: 0 }],
      MIN,
    );
    expect(unknown.sessionNumber).toBe(1);
    expect(unknown.anomalies.map((a) => a.code)).toEqual(['unknown-session']);
  });
});
