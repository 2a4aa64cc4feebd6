// Practitioner review 11, P11-1: in the studies the hypothetical putative confession came before
// free recall and the yes/no questions (Stolzenberg, McWilliams & Lyon 2017), so Hearth offers it
// before every option-posing prompt of the allegation step, and pairs it with a recall invitation.
import { planSession, type SessionPlan } from '../../../src/protocols';

const DECISION = {
  decidedBy: 'MDT and prosecutor, case conference',
  personNamed: 'this-interview',
} as const;
const allegation = (plan: SessionPlan) =>
  plan.sessions[0]!.phases.find((p) => p.id === 'allegation')!;

describe('Ten Step putative confession: order and follow-up (P11-1)', () => {
  it.each([
    [4, 'en'],
    [7, 'es'],
    [9, 'en'],
  ] as const)('at %i (%s) it precedes every option-posing prompt of the step', (age, lang) => {
    const phase = allegation(planSession('ten-step', age, lang, { putativeConfession: DECISION }));
    const ids = phase.prompts.map((p) => p.id);
    const pc = ids.indexOf('tenStep.putativeConfession');
    expect(pc).toBeGreaterThan(-1);
    const optionPosing = phase.prompts
      .map((p, i) => (p.kind === 'option-posing' ? i : -1))
      .filter((i) => i >= 0);
    // worried, place and bothering: the graded prompts the technique is meant to spare the child.
    expect(optionPosing.length).toBeGreaterThanOrEqual(3);
    for (const i of optionPosing) expect(pc).toBeLessThan(i);
    // …and after the open and cued prompts, which come first in every case.
    for (const id of ['transition.open', 'transition.why', 'transition.talkedTo']) {
      expect(ids.indexOf(id)).toBeLessThan(pc);
    }
  });

  it('tells the interviewer to follow it at once with a recall invitation, in en and es', () => {
    const en = allegation(planSession('ten-step', 7, 'en', { putativeConfession: DECISION }));
    const es = allegation(planSession('ten-step', 7, 'es', { putativeConfession: DECISION }));
    const pcText = (phase: typeof en) =>
      phase.prompts.find((p) => p.id === 'tenStep.putativeConfession')!.text;
    expect(pcText(en)).toContain('before any yes/no or choice question');
    expect(pcText(en)).toContain('Then at once: "Tell me everything that happened."');
    expect(pcText(es)).toContain('antes de cualquier pregunta de sí o no o de opciones');
    expect(pcText(es)).toContain('Enseguida: “Cuéntame todo lo que pasó”.');
    expect(en.warnings.find((w) => w.id === 'putativeConfession')!.text).toMatch(
      /came before recall and yes\/no questions: use it before them, not after\.$/,
    );
    expect(es.warnings.find((w) => w.id === 'putativeConfession')!.text).toMatch(
      /antes de las preguntas de recuerdo y de sí o no: úsela antes, no después\.$/,
    );
  });
});
