// Practitioner review 11, P11-4: ABE's planning happens before the child is in the room, so its
// interpreter item is "booked and briefed", never "introduced; the child and the interpreter
// understand each other", which only phase one (rapport) can tick honestly.
import { planSession } from '../../../src/protocols';

describe('ABE planning: the interpreter is arranged, introduced only in rapport (P11-4)', () => {
  it.each(['en', 'es'] as const)('%s', (lang) => {
    const phases = planSession('abe', 8, lang, { interpreter: true }).sessions[0]!.phases;
    const planning = phases.find((p) => p.id === 'planning')!;
    const rapport = phases.find((p) => p.id === 'rapport')!;
    const arranged = planning.checklist.find((c) => c.id === 'abe.interpreterArranged');
    expect(arranged).toMatchObject({ required: true });
    expect(arranged!.label).toMatch(
      lang === 'en'
        ? /^Interpreter booked and briefed before the interview/
        : /^Intérprete contratado e informado antes de la entrevista/,
    );
    expect(planning.checklist.map((c) => c.id)).not.toContain('intro.interpreter');
    expect(rapport.checklist.map((c) => c.id)).toContain('intro.interpreter');
    // Without an interpreter, no interpreter item at all.
    const none = planSession('abe', 8, lang).sessions[0]!.phases.find((p) => p.id === 'planning')!;
    expect(none.checklist.map((c) => c.id)).not.toContain('abe.interpreterArranged');
  });
});
