// Practitioner review 26p, findings 2 and 3. Each session is sealed and exported on its own, so a
// later session's recording shows on its face who the interviewer is, that the child was told
// about the recording and who watches, and who interprets (the interpreter may be someone else
// this time). An interpreted interview has the interpreter's statement on the record, a neutral
// check behind "they understand each other", the "I don't understand" rule covering the
// interpreter, and the interviewer's cautions in every phase. All of it is labelled Hearth's.
import { planSession } from '../../../src/protocols';
import { planSessionAt } from '../../../src/protocols/extended';

const LATER = ['nichd', 'ncac', 'abe'] as const;

describe('a later session introduces again (each recording stands alone)', () => {
  for (const protocol of LATER) {
    it(`${protocol} session 2, interpreted and observed: interviewer, interpreter, recording, observers`, () => {
      const plan = planSessionAt(
        protocol,
        8,
        'en',
        { interpreter: true, observed: true },
        { index: 2, planned: 2 },
      );
      const reconnect = plan.sessions[0]!.phases.find((p) => p.id === 'reconnect')!;
      const ids = reconnect.prompts.map((p) => p.id);
      for (const id of [
        'reconnect.self',
        'intro.interpreterStatement',
        'intro.interpreter',
        'reconnect.recording',
        'reconnect.observers',
      ])
        expect(ids).toContain(id);
      // Before the rules and the promise, which the recording then carries after them.
      expect(ids.indexOf('reconnect.recording')).toBeLessThan(
        ids.indexOf('reconnect.rulesReminder'),
      );
      expect(reconnect.checklist.map((c) => c.id)).toEqual(
        expect.arrayContaining([
          'reconnect.introduced',
          'intro.interpreterStatement',
          'intro.interpreter',
          'reconnect.recording',
          'intro.observers',
        ]),
      );
      const self = reconnect.prompts.find((p) => p.id === 'reconnect.self')!;
      expect(self.source.doc).toBe('hearth');
      expect(self.source.section).toMatch(/Each recording stands alone/);
    });

    it(`${protocol} session 2 without interpreter or observers says neither`, () => {
      const plan = planSessionAt(protocol, 8, 'en', {}, { index: 2, planned: 2 });
      const reconnect = plan.sessions[0]!.phases.find((p) => p.id === 'reconnect')!;
      const ids = reconnect.prompts.map((p) => p.id);
      expect(ids).toContain('reconnect.self');
      expect(ids).toContain('reconnect.recording');
      expect(ids.filter((id) => /interpreter|observers/.test(id))).toEqual([]);
    });
  }
});

describe('an interpreted interview (review 26p, finding 3)', () => {
  const plan = planSession('nichd', 8, 'en', { interpreter: true });
  const phases = plan.sessions[0]!.phases;
  const intro = phases.find((p) => p.id === 'introduction')!;

  it('puts the interpreter’s statement on the record, labelled Hearth’s', () => {
    const statement = intro.prompts.find((p) => p.id === 'intro.interpreterStatement')!;
    expect(statement.text).toMatch(/name \(or agency number\)/);
    expect(statement.text).toMatch(/completely and accurately, in the first person/);
    expect(statement.source.doc).toBe('hearth');
    expect(intro.checklist.map((c) => c.id)).toContain('intro.interpreterStatement');
  });

  it('has a neutral exchange behind “they understand each other”', () => {
    const check = intro.prompts.find((p) => p.id === 'intro.interpreterCheck')!;
    expect(check.text).toMatch(/Through the interpreter/);
    expect(check.kind).toBe('invitation');
  });

  it('extends “I don’t understand” to the interpreter’s words', () => {
    const rules = phases.find((p) => p.id === 'groundRules')!;
    const ids = rules.prompts.map((p) => p.id);
    expect(ids).toContain('groundRules.dontUnderstand.interpreter');
    expect(ids.indexOf('groundRules.dontUnderstand.interpreter')).toBe(
      ids.indexOf('groundRules.dontUnderstand.explain') + 1,
    );
  });

  it('shows the interviewer’s cautions in every phase', () => {
    for (const phase of phases) {
      const caution = phase.warnings.find((w) => w.id === 'interpreted');
      expect([phase.id, caution?.text]).toEqual([
        phase.id,
        expect.stringMatching(/not to the interpreter/),
      ]);
      expect(caution?.source.basis).toEqual(expect.arrayContaining(['Fontes & Tishelman, 2016']));
    }
  });

  it('adds none of it without an interpreter', () => {
    const plain = planSession('nichd', 8, 'en');
    const all = plain.sessions[0]!.phases;
    expect(all.flatMap((p) => p.prompts).filter((p) => /interpreter/i.test(p.id))).toEqual([]);
    expect(all.flatMap((p) => p.warnings).filter((w) => w.id === 'interpreted')).toEqual([]);
  });
});

describe('Spanish prompt lines say the Spanish is Hearth’s (review 26p, finding 4)', () => {
  it('every Spanish prompt citing a document is marked; Hearth’s own lines and English are not', () => {
    for (const protocol of ['nichd', 'ncac', 'abe', 'ten-step']) {
      const es = planSession(protocol, 8, 'es', { interpreter: true, observed: true });
      const prompts = [
        ...es.sessions.flatMap((s) => s.phases.flatMap((p) => p.prompts)),
        ...es.supportivePrompts,
      ];
      for (const p of prompts)
        expect([p.id, p.source.translation]).toEqual([
          p.id,
          p.source.doc === 'hearth' ? undefined : 'hearth',
        ]);
      expect(es.textSources.pairing.translation).toBe('hearth');
      const en = planSession(protocol, 8, 'en');
      expect(
        en.sessions[0]!.phases.flatMap((p) => p.prompts).some((p) => p.source.translation),
      ).toBe(false);
    }
  });
});
