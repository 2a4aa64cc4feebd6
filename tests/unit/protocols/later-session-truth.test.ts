// Practitioner review 11, P11-2: each session of an extended interview is sealed and exported on
// its own, so a later session asks for the child's promise to tell the truth again and tells the
// child that a repeated question does not mean a wrong answer; the promise is a required check.
import { planSessionAt, type SessionPlan } from '../../../src/protocols';

const reconnect = (plan: SessionPlan) =>
  plan.sessions[0]!.phases.find((p) => p.id === 'reconnect')!;

describe('later session: truth promise and repeated-question instruction (P11-2)', () => {
  it.each(['nichd', 'ncac', 'abe'])('%s session 2: en and es, every band', (protocolId) => {
    for (const age of [4, 7, 12, 15]) {
      const en = reconnect(planSessionAt(protocolId, age, 'en', {}, { index: 2, planned: 2 }));
      const es = reconnect(planSessionAt(protocolId, age, 'es', {}, { index: 2, planned: 2 }));
      const rem = (ph: typeof en) => ph.prompts.find((p) => p.id === 'reconnect.rulesReminder')!;
      expect(rem(en).text).toMatch(/Do you promise to tell me the truth( today)?\?$/);
      expect(rem(en).text).toMatch(/If I ask (about something )?again/);
      expect(rem(es).text).toMatch(/¿Me prometes decirme la verdad( hoy)?\?$/);
      expect(rem(es).text).toMatch(/Si te pregunto (algo )?otra vez/);
      // The added instructions are Hearth's wording, with the promise's evidence named.
      expect(rem(en).source.doc).toBe('hearth');
      expect(rem(en).source.basis.join(' ')).toMatch(/Lyon/);
      const truth = en.checklist.find((c) => c.id === 'reconnect.truth');
      expect(truth).toMatchObject({ required: true });
      expect(truth!.label).toBe('The child promised (or agreed) to tell the truth in this session');
      expect(es.checklist.find((c) => c.id === 'reconnect.truth')!.label).toBe(
        'El niño o la niña prometió (o aceptó) decir la verdad en esta sesión',
      );
    }
  });
});
