// Practitioner review 7, P7-2: the transition's graded prompts as a numbered ladder with a state
// per rung, in NICHD's order (open ×3, talked-to, marks, worried, then the last resorts).
import { planSession, reduceGuidance, type GuidanceEvent } from '../../../src/protocols';

const MIN = 60_000;
const plan = planSession('nichd', 8, 'en');
const toTransition: GuidanceEvent[] = [
  { type: 'session-started', elapsedMs: 0 },
  { type: 'phase-entered', phaseId: 'transition', elapsedMs: MIN },
];
const asked = (promptId: string, n: number): GuidanceEvent => ({
  type: 'note',
  noteKind: 'question',
  questionType: 'invitation',
  promptId,
  elapsedMs: (2 + n) * MIN,
});

describe('transition ladder (P7-2)', () => {
  it('numbers every rung in the protocol order; the first is next, last resorts wait for the open ones', () => {
    const view = reduceGuidance(plan, toTransition, 2 * MIN);
    const ladder = view.ladder!;
    expect(ladder.map((s) => s.step)).toEqual(ladder.map((_, i) => i + 1));
    expect(ladder.slice(0, 6).map((s) => s.id)).toEqual([
      'transition.open',
      'transition.why',
      'transition.myJob',
      'transition.talkedTo',
      'transition.marks',
      'transition.worried',
    ]);
    expect(ladder[0]!.state).toBe('next');
    expect(ladder.filter((s) => s.state === 'next')).toHaveLength(1);
    for (const s of ladder.filter((r) => r.lastResort)) expect(s.state).toBe('afterOpen');
  });

  it('after the open prompts are used, talked-to is next (not worried)', () => {
    const events = [
      ...toTransition,
      ...['transition.open', 'transition.why', 'transition.myJob'].map(asked),
    ];
    const ladder = reduceGuidance(plan, events, 10 * MIN).ladder!;
    expect(ladder.slice(0, 3).every((s) => s.state === 'asked')).toBe(true);
    expect(ladder.find((s) => s.state === 'next')!.id).toBe('transition.talkedTo');
  });

  it('while reluctance is noted, option-posing and last-resort rungs are withheld', () => {
    const events: GuidanceEvent[] = [
      ...toTransition,
      { type: 'reluctance-noted', elapsedMs: 2 * MIN },
    ];
    const ladder = reduceGuidance(plan, events, 3 * MIN).ladder!;
    const escalating = ladder.filter((s) => s.lastResort || s.kind === 'option-posing');
    expect(escalating.length).toBeGreaterThan(0);
    for (const s of escalating) expect(s.state).toBe('withheld');
  });

  it('no ladder outside the transition', () => {
    const events: GuidanceEvent[] = [
      { type: 'session-started', elapsedMs: 0 },
      { type: 'phase-entered', phaseId: 'rapport', elapsedMs: MIN },
    ];
    expect(reduceGuidance(plan, events, 2 * MIN).ladder).toBeNull();
  });
});
