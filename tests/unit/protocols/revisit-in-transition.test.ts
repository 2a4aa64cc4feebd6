// Practitioner review 11, P11-3: "Last time, you told me about [the child's words]…" is a cued
// invitation about what the child said before, which may be the disclosure. It is planned in a
// later session's transition (ABE: its free narrative), after the open prompt, never in the
// reconnect phase that rebuilds rapport without pressure; and it is labelled Hearth's wording.
import {
  planSession,
  planSessionAt,
  reconnectLine,
  type SessionPlan,
} from '../../../src/protocols';

const phaseOf = (plan: SessionPlan, promptId: string) =>
  plan.sessions.flatMap((s) => s.phases).filter((p) => p.prompts.some((q) => q.id === promptId));

describe('the revisit line (P11-3)', () => {
  it.each([
    ['nichd', 'transition', 'Hershkowitz'],
    ['ncac', 'transition', 'NCAC'],
    ['abe', 'freeNarrative', 'ABE'],
  ])(
    '%s session 2: in %s after its open prompt, not in reconnect',
    (protocolId, phaseId, basis) => {
      for (const language of ['en', 'es'] as const) {
        const plan = planSessionAt(protocolId, 8, language, {}, { index: 2, planned: 2 });
        const phases = phaseOf(plan, 'reconnect.revisit');
        expect(phases.map((p) => p.id)).toEqual([phaseId]);
        const ids = phases[0]!.prompts.map((p) => p.id);
        expect(ids.indexOf('reconnect.revisit')).toBe(1);
        const revisit = phases[0]!.prompts[1]!;
        expect(revisit.kind).toBe('cued-invitation');
        expect(revisit.source.doc).toBe('hearth');
        expect(revisit.source.basis.join(' ')).toContain(basis);
        const reconnect = plan.sessions[0]!.phases.find((p) => p.id === 'reconnect')!;
        expect(reconnect.prompts.map((p) => p.id)).toEqual([
          'reconnect.welcome',
          'reconnect.self',
          'reconnect.recording',
          'reconnect.sinceLast',
          'reconnect.rulesReminder',
          'reconnect.open',
        ]);
        // reconnectLine fills it there, with the child's own words only.
        const line = reconnectLine(plan, { keyword: 'basement', phrase: 'the basement' });
        expect(line?.text).toContain('the basement');
      }
    },
  );

  it('is never planned in a first session or a single interview', () => {
    for (const protocolId of ['nichd', 'ncac', 'abe']) {
      expect(phaseOf(planSession(protocolId, 8, 'en'), 'reconnect.revisit')).toEqual([]);
      const first = planSessionAt(protocolId, 8, 'en', {}, { index: 1, planned: 2 });
      expect(phaseOf(first, 'reconnect.revisit')).toEqual([]);
    }
  });
});
