// The reluctant-child pathway (revised NICHD: support, no escalation, close warmly and plan a
// second session), Hearth's break-reminder heuristic (configurable, never during free narrative)
// and the gate on Ten Step's putative-confession option (only after the child named the person).
import { planSession, reduceGuidance, type GuidanceEvent } from '../../../src/protocols';

const MIN = 60_000;
const start: GuidanceEvent = { type: 'session-started', elapsedMs: 0 };

describe('reluctant child (revised NICHD)', () => {
  const plan = planSession('nichd', 8, 'en');
  const toTransition: GuidanceEvent[] = [
    start,
    { type: 'phase-entered', phaseId: 'rapport', elapsedMs: MIN },
    // Reluctance noticed in rapport, before anything substantive.
    { type: 'reluctance-noted', elapsedMs: 2 * MIN },
  ];

  it('offers non-suggestive support from rapport on', () => {
    const view = reduceGuidance(plan, toTransition, 3 * MIN);
    expect(view.reluctance).toMatchObject({ active: true, notedCount: 1, closeWarmly: null });
    expect(view.nextPrompts[0]).toMatchObject({ source: 'supportive', kind: 'supportive' });
    expect(view.nextPrompts[0]!.citation.label).toMatch(/NICHD Revised Protocol, 2014/);
  });

  it('never escalates to option-posing or last-resort transition prompts', () => {
    const events: GuidanceEvent[] = [
      ...toTransition,
      { type: 'phase-entered', phaseId: 'transition', elapsedMs: 10 * MIN },
      ...[
        'transition.open',
        'transition.why',
        'transition.myJob',
        'transition.talkedTo',
        'transition.marks',
      ].map((promptId, n): GuidanceEvent => ({
        type: 'note',
        noteKind: 'question',
        questionType: 'invitation',
        promptId,
        elapsedMs: 10 * MIN + n * 1000,
      })),
    ];
    // The open prompts are used up: a reluctant child gets support, not the graded escalation.
    const view = reduceGuidance(plan, events, 12 * MIN);
    expect(view.nextPrompts.map((p) => p.source)).toEqual(['supportive']);
    expect(view.nextPrompts.filter((p) => p.kind === 'option-posing' || p.lastResort)).toEqual([]);
    // Without reluctance the same point of the interview offers the graded last resorts.
    const calm = reduceGuidance(
      plan,
      events.filter((e) => e.type !== 'reluctance-noted'),
      12 * MIN,
    );
    expect(calm.nextPrompts.map((p) => p.id)).toEqual([
      'transition.worried',
      'transition.place',
      'transition.bothering',
    ]);
  });

  it('offers "close warmly and plan a second session" once the interview reaches the topic', () => {
    const view = reduceGuidance(
      plan,
      [...toTransition, { type: 'phase-entered', phaseId: 'transition', elapsedMs: 10 * MIN }],
      11 * MIN,
    );
    expect(view.reluctance.closeWarmly?.text).toMatch(/Close warmly/);
    // A further session is the team's decision, never promised (practitioner review 7, P7-9).
    expect(view.reluctance.closeWarmly?.text).toMatch(/further session is the team/);
    expect(view.reluctance.closeWarmly?.text).not.toMatch(/plan a second session/);
    expect(view.reluctance.closeWarmly?.source.label).toMatch(/Hershkowitz et al\., 2021/);
    expect(plan.reluctance.secondSessionAvailable).toBe(true);
    // The child starts talking (keywords): reluctance is still noted, talking is not telling
    // (practitioner review 26p, finding 5); only the interviewer's withdrawal ends it.
    const talking = reduceGuidance(
      plan,
      [
        ...toTransition,
        { type: 'phase-entered', phaseId: 'transition', elapsedMs: 10 * MIN },
        { type: 'note', noteKind: 'child', keywords: ['my uncle'], elapsedMs: 11 * MIN },
      ],
      11 * MIN,
    );
    expect(talking.reluctance.active).toBe(true);
    expect(talking.reluctance.closeWarmly).not.toBeNull();
  });
});

describe("Hearth's break reminder", () => {
  it('is never shown during the child\u2019s free narrative', () => {
    const plan = planSession('nichd', 8, 'en');
    const inRecall: GuidanceEvent[] = [
      start,
      { type: 'phase-entered', phaseId: 'investigation', elapsedMs: MIN },
    ];
    expect(reduceGuidance(plan, inRecall, 40 * MIN).breakReminder).toBeNull();
    const after = [
      ...inRecall,
      { type: 'phase-entered', phaseId: 'directive', elapsedMs: 40 * MIN } as const,
    ];
    expect(reduceGuidance(plan, after, 41 * MIN).breakReminder).not.toBeNull();
  });

  // P9-8: a first account usually begins in the transition (NICHD transition, Ten Step step 7),
  // where the reminder used to fire mid-disclosure. It waits while the child's account runs:
  // after a child turn, through invitations and facilitators, until a focused question.
  it.each([
    ['nichd', 'transition'],
    ['ten-step', 'allegation'],
    ['ncac', 'transition'],
  ] as const)('waits while the child is disclosing in the %s %s phase', (protocolId, phaseId) => {
    const plan = planSession(protocolId, 8, 'en');
    const entered: GuidanceEvent[] = [start, { type: 'phase-entered', phaseId, elapsedMs: MIN }];
    // Before the child speaks the reminder is due as usual.
    expect(reduceGuidance(plan, entered, 40 * MIN).breakReminder).not.toBeNull();
    const disclosing: GuidanceEvent[] = [
      ...entered,
      { type: 'note', noteKind: 'child', text: 'x', elapsedMs: 30 * MIN },
      {
        type: 'note',
        noteKind: 'question',
        text: 'x',
        questionType: 'invitation',
        elapsedMs: 31 * MIN,
      },
      { type: 'note', noteKind: 'child', text: 'x', elapsedMs: 32 * MIN },
      {
        type: 'note',
        noteKind: 'question',
        text: 'x',
        questionType: 'facilitator',
        elapsedMs: 33 * MIN,
      },
    ];
    expect(reduceGuidance(plan, disclosing, 40 * MIN).breakReminder).toBeNull();
    // A focused question ends the running account: the reminder comes back.
    const focused: GuidanceEvent[] = [
      ...disclosing,
      {
        type: 'note',
        noteKind: 'question',
        text: 'x',
        questionType: 'directive',
        elapsedMs: 41 * MIN,
      },
    ];
    expect(reduceGuidance(plan, focused, 42 * MIN).breakReminder).not.toBeNull();
  });

  it('a child turn in rapport does not hold the reminder back', () => {
    const plan = planSession('nichd', 8, 'en');
    const rapport = plan.sessions[0]!.phases.find((p) => !p.substantive)!;
    const events: GuidanceEvent[] = [
      start,
      { type: 'phase-entered', phaseId: rapport.id, elapsedMs: MIN },
      { type: 'note', noteKind: 'child', text: 'x', elapsedMs: 30 * MIN },
    ];
    expect(reduceGuidance(plan, events, 40 * MIN).breakReminder).not.toBeNull();
  });

  it('is configurable, and can be turned off', () => {
    const ten = planSession('abe', 8, 'en', { breakReminderMinutes: 10 });
    expect(ten.breakIntervalMs).toBe(10 * MIN);
    expect(reduceGuidance(ten, [start], 10 * MIN).breakReminder).not.toBeNull();
    const off = planSession('abe', 8, 'en', { breakReminderMinutes: null });
    expect(off.band.breakReminderMinutes).toBeNull();
    expect(reduceGuidance(off, [start], 600 * MIN).breakReminder).toBeNull();
    expect(() => planSession('abe', 8, 'en', { breakReminderMinutes: 2 })).toThrow(/5 to 120/);
  });

  it('keeps the planned NICHD break as the team consultation', () => {
    const phase = planSession('nichd', 8, 'en').sessions[0]!.phases.find((p) => p.id === 'break')!;
    expect(phase.title).toBe('Break to consult the team');
    expect(phase.source.label).toMatch(/NICHD Revised Protocol, 2014/);
  });
});

describe('Ten Step putative-confession gate', () => {
  const inAllegation: GuidanceEvent[] = [
    start,
    { type: 'phase-entered', phaseId: 'allegation', elapsedMs: 5 * MIN },
    ...[
      'transition.open',
      'transition.why',
      'transition.worried',
      'transition.talkedTo',
      'transition.marks',
      'transition.place',
      'transition.bothering',
    ].map((promptId, n): GuidanceEvent => ({
      type: 'note',
      noteKind: 'question',
      questionType: 'invitation',
      promptId,
      elapsedMs: 5 * MIN + n * 1000,
    })),
  ];
  const ids = (plan: ReturnType<typeof planSession>, events: GuidanceEvent[]) =>
    reduceGuidance(plan, events, 6 * MIN).nextPrompts.map((p) => p.id);

  it('is offered only after the interviewer marks that the child named the person', () => {
    const plan = planSession('ten-step', 7, 'en', {
      putativeConfession: { decidedBy: 'MDT and ADA', personNamed: 'this-interview' },
    });
    expect(ids(plan, inAllegation)).not.toContain('tenStep.putativeConfession');
    expect(
      ids(plan, [...inAllegation, { type: 'person-named', elapsedMs: 5 * MIN + 30_000 }]),
    ).toContain('tenStep.putativeConfession');
  });

  it('is withheld while reluctance is noted, as the screen says, and offered once the child talks (P10-14)', () => {
    const plan = planSession('ten-step', 7, 'en', {
      putativeConfession: { decidedBy: 'MDT and ADA', personNamed: 'this-interview' },
    });
    const named: GuidanceEvent = { type: 'person-named', elapsedMs: 5 * MIN + 30_000 };
    const reluctant: GuidanceEvent = { type: 'reluctance-noted', elapsedMs: 5 * MIN + 40_000 };
    expect(ids(plan, [...inAllegation, named, reluctant])).not.toContain(
      'tenStep.putativeConfession',
    );
    expect(ids(plan, [...inAllegation, named])).toContain('tenStep.putativeConfession');
    const warning = plan.sessions[0]!.phases.find((ph) => ph.id === 'allegation')!.warnings.find(
      (w) => w.id === 'putativeConfession',
    );
    expect(warning?.text).toMatch(/While reluctance is noted, Hearth withholds it/);
  });

  it('is refused for a prior disclosure: only the child naming the person here unlocks it', () => {
    const attempt = () =>
      planSession('ten-step', 7, 'en', {
        putativeConfession: { decidedBy: 'MDT and ADA', personNamed: 'prior-disclosure' },
      } as never);
    expect(attempt).toThrow(/"this-interview".*person-named/);
    try {
      attempt();
    } catch (e) {
      expect((e as { code?: string }).code).toBe('INVALID_OPTION');
    }
  });
});
