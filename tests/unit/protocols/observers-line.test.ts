// Practitioner review 8, P8-12: the recording line told every child "Some people who help me are
// watching from another room", whether or not anyone was; the 3-5 line left it out while the
// checklist asked for it. The kind: no scripted line may tell the child something untrue about the
// room. Over every protocol, age band and language, a plan for a session nobody watches carries
// no line about watchers and no check for one; a watched session carries one line and its check at
// every age, and the core's observer list decides (an interpreter in the room is not a watcher).
import { listProtocols, planSession, watchedFromAnotherRoom } from '../../../src/protocols';

const WATCHING = { en: /watching/i, es: /mirando/i } as const;
const AGES = [4, 8, 12, 15];

describe.each(['en', 'es'] as const)('the observers line (%s)', (lang) => {
  const plans = (observed: boolean) =>
    listProtocols(lang).flatMap((p) =>
      AGES.map((age) => ({
        id: `${p.id}@${age}`,
        plan: planSession(p.id, age, lang, { observed }),
      })),
    );

  it('is never said when nobody watches, and nothing asks for it', () => {
    for (const { id, plan } of plans(false)) {
      const phases = plan.sessions.flatMap((s) => s.phases);
      const said = phases.flatMap((ph) => ph.prompts).filter((p) => WATCHING[lang].test(p.text));
      expect({ id, said: said.map((p) => p.id) }).toEqual({ id, said: [] });
      const checks = phases
        .flatMap((ph) => ph.checklist)
        .filter((c) => WATCHING[lang].test(c.label));
      expect({ id, checks: checks.map((c) => c.id) }).toEqual({ id, checks: [] });
    }
  });

  it('is said once, with its check, at every age when someone watches', () => {
    for (const { id, plan } of plans(true)) {
      const phases = plan.sessions.flatMap((s) => s.phases);
      const said = phases.flatMap((ph) => ph.prompts).filter((p) => WATCHING[lang].test(p.text));
      expect({ id, said: said.map((p) => p.id) }).toEqual({ id, said: ['intro.observers'] });
      expect(said[0]!.source.label).not.toBe('');
      const checks = phases.flatMap((ph) => ph.checklist).map((c) => c.id);
      expect(checks).toContain('intro.observers');
      expect(checks).toContain('intro.recording');
    }
  });
});

test('who counts as watching: anyone but an interpreter in the room', () => {
  expect(watchedFromAnotherRoom(undefined)).toBe(false);
  expect(watchedFromAnotherRoom([])).toBe(false);
  expect(watchedFromAnotherRoom([{ role: 'interpreter' }])).toBe(false);
  expect(watchedFromAnotherRoom([{ role: 'interpreter' }, { role: 'cps' }])).toBe(true);
  expect(watchedFromAnotherRoom([{ role: 'law-enforcement' }])).toBe(true);
});
