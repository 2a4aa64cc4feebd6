// Practitioner review 9, P9-11 (Spanish part): the line telling the child that people watch from
// another room and its checklist item say the same thing, at every age. review26es M8: the line
// said to the child names no room («cuarto» is a child's word for a bedroom, «sala» a living
// room), so the interviewer never says first a word the child may use for a place in the event.
import { planSession } from '../../../src/protocols';

it.each([4, 8, 15])(
  'es, age %i: the observers line and its check say "otro lugar", no room noun',
  (age) => {
    const plan = planSession('nichd', age, 'es', { observed: true });
    const phases = plan.sessions.flatMap((s) => s.phases);
    const line = phases.flatMap((p) => p.prompts).find((p) => p.id === 'intro.observers');
    const check = phases.flatMap((p) => p.checklist).find((c) => c.id === 'intro.observers');
    expect(line?.text).toMatch(/desde otro lugar/);
    expect(check?.label).toMatch(/desde otro lugar/);
    expect(`${line?.text} ${check?.label}`).not.toMatch(/\b(?:sala|cuarto)\b/);
  },
);
