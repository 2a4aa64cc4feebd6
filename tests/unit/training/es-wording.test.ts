// Issue #18, es12 E12-15/16/18/19: one term for reluctance ("reticencia"), the subjunctive after
// a negated "demuestra", a refusal that does not take the question's verb as its object, and a
// child who addresses the interviewer as "usted" throughout.
import es from '../../../locales/es/training.json';
import esUi from '../../../locales/es/training-ui.json';

const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

describe('Spanish training wording (es12)', () => {
  const all = [...strings(es), ...strings(esUi)];

  it('names reluctance one way: reticencia/reticente, never renuencia/renuente/se contuvo', () => {
    expect(all.filter((s) => /renuen|se contuvo/iu.test(s))).toEqual([]);
    expect(all.some((s) => /reticencia/u.test(s))).toBe(true);
  });

  it('says "por sí sola" and "no haya pasado nada"', () => {
    const text = es.conclusion.noDisclosureIsNotNothing;
    expect(text).toContain('por sí sola');
    expect(text).toContain('no haya pasado nada');
    expect(all.filter((s) => /entrevista sola|establece que no pasó/u.test(s))).toEqual([]);
  });

  it('the reluctant child asks "¿Tengo que contestar?", not "¿Tengo que hacerlo?"', () => {
    expect(es.child.reluctant).toContain('¿Tengo que contestar?');
    expect(es.child.reluctant).not.toContain('¿Tengo que hacerlo?');
  });

  it('the child addresses the interviewer as usted in every line', () => {
    const child = strings(es.child);
    expect(child.filter((s) => /\bte (?:lo )?dije\b|¿me entiendes|\btú\b/iu.test(s))).toEqual([]);
    expect(child).toContain('Ya le dije.');
  });
});
