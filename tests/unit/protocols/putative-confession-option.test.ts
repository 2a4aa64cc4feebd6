// Practitioner review 8: P8-7 (one source of truth for the putative-confession ages) and P8-9 (its checklist item only when enabled).
import { planSession, PUTATIVE_CONFESSION_AGES, type SessionPlan } from '../../../src/protocols';
import { PROTOCOLS } from '../../../src/protocols/definitions';

const DECISION = {
  decidedBy: 'MDT and prosecutor, case conference',
  personNamed: 'this-interview',
} as const;
const checklistIds = (plan: SessionPlan): string[] =>
  plan.sessions.flatMap((s) => s.phases).flatMap((ph) => ph.checklist.map((c) => c.id));

describe('Ten Step putative-confession option', () => {
  it('the definition offers the prompt for exactly the shared ages (4 to 9)', () => {
    expect(PUTATIVE_CONFESSION_AGES).toEqual({ min: 4, max: 9 });
    const tenStep = PROTOCOLS.find((p) => p.id === 'ten-step')!;
    const pc = tenStep.phases
      .flatMap((ph) => ph.prompts)
      .find((p) => p.id === 'tenStep.putativeConfession');
    expect(pc?.ages).toEqual(PUTATIVE_CONFESSION_AGES);
  });

  it.each([4, 9])('accepts it at %i, and lists its checklist item only then', (age) => {
    const on = planSession('ten-step', age, 'en', { putativeConfession: DECISION });
    expect(checklistIds(on)).toContain('tenStep.putativeConfession');
    const off = planSession('ten-step', age, 'en');
    expect(checklistIds(off)).not.toContain('tenStep.putativeConfession');
  });
});

describe('Ten Step putative-confession option outside its ages (P8-7)', () => {
  const outside = [3, 10, 12, 15];
  it.each(outside)('refuses it at age %i with INVALID_OPTION, the ages and a next step', (age) => {
    let caught: unknown;
    try {
      planSession('ten-step', age, 'en', { putativeConfession: DECISION });
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({
      name: 'ProtocolError',
      code: 'INVALID_OPTION',
      details: { option: 'putativeConfession', ageYears: age, ages: PUTATIVE_CONFESSION_AGES },
    });
    const message = (caught as Error).message;
    expect(message).toContain(`${PUTATIVE_CONFESSION_AGES.min} to ${PUTATIVE_CONFESSION_AGES.max}`);
    expect(message).toMatch(/Plan the session without it/);
    // The same child is planned without the option: nothing is lost but the refused decision.
    expect(planSession('ten-step', age, 'en').putativeConfession).toBeNull();
  });

  it('every age the plan accepts the option at is an age the prompt is offered at', () => {
    for (let age = 3; age <= 17; age++) {
      let plan: SessionPlan | null = null;
      try {
        plan = planSession('ten-step', age, 'es', { putativeConfession: DECISION });
      } catch {
        plan = null;
      }
      const offered = plan?.sessions
        .flatMap((s) => s.phases)
        .some((ph) => ph.prompts.some((p) => p.id === 'tenStep.putativeConfession'));
      expect({ age, accepted: plan !== null }).toEqual({ age, accepted: offered === true });
    }
  });
});
