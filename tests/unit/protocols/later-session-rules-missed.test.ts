// Practitioner review 11, P11-2: a later session cannot "remind" a child of ground rules the
// earlier session never gave. When the session before never reached the protocol's rules phase,
// the later session plans it in full right after reconnect (with narrative practice when that
// was missed too), instead of the reminder.
import { planSessionAt, type SessionPlan } from '../../../src/protocols';

const ids = (plan: SessionPlan) => plan.sessions[0]!.phases.map((p) => p.id);
const reconnect = (plan: SessionPlan) =>
  plan.sessions[0]!.phases.find((p) => p.id === 'reconnect')!;

describe('later session after missed ground rules (P11-2)', () => {
  it('NICHD session 2 of 2: full ground rules and narrative practice after reconnect', () => {
    const plan = planSessionAt(
      'nichd',
      7,
      'en',
      {},
      { index: 2, planned: 2, rulesPhasesNotReached: ['groundRules', 'narrativePractice'] },
    );
    expect(ids(plan).slice(0, 4)).toEqual([
      'reconnect',
      'groundRules',
      'narrativePractice',
      'transition',
    ]);
    const rules = plan.sessions[0]!.phases.find((p) => p.id === 'groundRules')!;
    expect(rules.prompts.map((p) => p.id)).toContain('groundRules.truth.explain');
    // Not reminded of what was never given; the full phase carries the promise and its check.
    expect(reconnect(plan).prompts.map((p) => p.id)).not.toContain('reconnect.rulesReminder');
    expect(reconnect(plan).checklist.map((c) => c.id)).not.toContain('reconnect.rules');
  });

  it('only the ground rules when narrative practice was reached (NCAC, es)', () => {
    const plan = planSessionAt(
      'ncac',
      5,
      'es',
      {},
      { index: 3, planned: 3, rulesPhasesNotReached: ['instructions'] },
    );
    expect(ids(plan).slice(0, 3)).toEqual(['reconnect', 'instructions', 'transition']);
  });

  it('ABE: phase one in full, where ABE gives the ground rules', () => {
    const plan = planSessionAt(
      'abe',
      12,
      'en',
      {},
      { index: 2, planned: 2, rulesPhasesNotReached: ['rapport'] },
    );
    expect(ids(plan).slice(0, 3)).toEqual(['planning', 'reconnect', 'rapport']);
  });

  it('unchanged when the rules were reached, or only narrative practice was missed', () => {
    for (const notReached of [undefined, [], ['narrativePractice']]) {
      const plan = planSessionAt(
        'nichd',
        7,
        'en',
        {},
        { index: 2, planned: 2, ...(notReached ? { rulesPhasesNotReached: notReached } : {}) },
      );
      expect(ids(plan)).not.toContain('groundRules');
      expect(reconnect(plan).prompts.map((p) => p.id)).toContain('reconnect.rulesReminder');
    }
  });
});
