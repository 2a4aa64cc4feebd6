// Practitioner review 9, P9-11 (Spanish part): the line telling the child that people watch from
// another room and its checklist item name the same room ("otro cuarto", es-419), at every age.
import { planSession } from '../../../src/protocols';

it.each([4, 8, 15])('es, age %i: the observers line and its check say "otro cuarto"', (age) => {
  const plan = planSession('nichd', age, 'es', { observed: true });
  const phases = plan.sessions.flatMap((s) => s.phases);
  const line = phases.flatMap((p) => p.prompts).find((p) => p.id === 'intro.observers');
  const check = phases.flatMap((p) => p.checklist).find((c) => c.id === 'intro.observers');
  expect(line?.text).toMatch(/desde otro cuarto/);
  expect(check?.label).toMatch(/desde otro cuarto/);
  expect(`${line?.text} ${check?.label}`).not.toMatch(/\bsala\b/);
});
