// Practitioner review 8, P8-10: the kind is "cite the version checked". No Ten Step phase, prompt
// or caution cites as its document the 2005 text Hearth never read (it stays the basis); the step
// labels come from the 2016 slides, whose text was checked; the media stance is marked as Hearth's
// reading of Lyon 2014; the instructions goal names the rules in the order its prompts use.
import { planSession } from '../../../src/protocols';
import { HEARTH_TOPIC_SUFFIX } from '../../../src/protocols/source-sections';

test.each([4, 8, 12])(
  'Ten Step at %i cites the checked slides, never the unread 2005 text',
  (age) => {
    const plan = planSession('ten-step', age, 'en', { interpreter: true, observed: true });
    const phases = plan.sessions.flatMap((s) => s.phases);
    const sources = [
      ...phases.map((p) => ({ id: p.id, s: p.source })),
      ...phases.flatMap((p) => p.prompts.map((q) => ({ id: q.id, s: q.source }))),
      ...phases.flatMap((p) => p.warnings.map((w) => ({ id: w.id, s: w.source }))),
    ];
    expect(sources.filter(({ s }) => s.doc === 'ten-step-2005').map(({ id }) => id)).toEqual([]);
    for (const step of ['instructions', 'narrativePractice', 'allegation', 'followUp']) {
      const phase = phases.find((p) => p.id === step)!;
      expect(phase.source.doc).toBe('ten-step-2016');
      expect(phase.source.basis.join(' ')).toMatch(/\(2005\)/);
    }
    expect(plan.media.source.section.endsWith(HEARTH_TOPIC_SUFFIX)).toBe(true);
    const goal = phases.find((p) => p.id === 'instructions')!.goal;
    expect(goal.indexOf("don't know")).toBeLessThan(goal.indexOf("don't understand"));
  },
);
