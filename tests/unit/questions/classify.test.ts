import { classifyQuestion } from '../../../src/questions';

describe('classifyQuestion', () => {
  it('codes the issue examples with exact type strings', () => {
    expect(classifyQuestion('Tell me everything that happened', 'en').type).toBe('invitation');
    expect(
      classifyQuestion('You said the garage. Tell me everything about the garage', 'en').type,
    ).toBe('cued-invitation');
    expect(classifyQuestion('Mm-hmm', 'en').type).toBe('facilitator');
    expect(classifyQuestion('Where did it happen?', 'en')).toMatchObject({
      type: 'directive',
      subtype: 'wh',
    });
    expect(classifyQuestion('Was it red or blue?', 'en')).toMatchObject({
      type: 'option-posing',
      subtype: 'forced-choice',
      recommended: false,
    });
    expect(classifyQuestion("He hurt you, didn't he?", 'en')).toMatchObject({
      type: 'suggestive',
      subtype: 'tag',
    });
    expect(classifyQuestion('Your sister already told me', 'en')).toMatchObject({
      type: 'suggestive',
      subtype: 'co-witness',
    });
    expect(classifyQuestion('My name is Sam.', 'en').type).toBe('other');
  });

  it('treats faux invitations as option-posing and suggests the open form', () => {
    // A request for narrative is an invitation (NICHD coding; techniques-round6b.test.ts).
    expect(classifyQuestion('Can you tell me what happened?', 'en')).toMatchObject({
      type: 'invitation',
      recommended: true,
    });
    const c = classifyQuestion('Do you remember what happened?', 'en');
    expect(c).toMatchObject({
      type: 'option-posing',
      subtype: 'faux-invitation',
      recommended: false,
    });
    expect(c.suggestion).toBe('Tell me what happened.');
    // The rest is reused only when its content words are the child's own.
    const es = classifyQuestion('¿Te acuerdas de qué pasó en el parque?', 'es', {
      childWords: ['fuimos al parque'],
    });
    expect(es.type).toBe('option-posing');
    expect(es.suggestion).toBe('Cuéntame qué pasó en el parque.');
    expect(classifyQuestion('¿Te acuerdas de qué pasó en el parque?', 'es').suggestion).toBe(
      'Cuéntame más sobre eso.',
    );
  });

  it('flags why about the child at every age, and time/count directives for young children', () => {
    expect(classifyQuestion('Why did you go there?', 'en', { childAgeYears: 14 })).toMatchObject({
      subtype: 'why',
      verdict: 'ask-differently',
      recommended: false,
    });
    expect(classifyQuestion('Why did he say that?', 'en', { childAgeYears: 14 })).toMatchObject({
      subtype: 'why',
      verdict: 'acceptable',
    });
    expect(
      classifyQuestion('How many times did it happen?', 'en', { childAgeYears: 9 }),
    ).toMatchObject({
      verdict: 'acceptable',
    });
    expect(
      classifyQuestion('How many times did it happen?', 'en', { childAgeYears: 5 }),
    ).toMatchObject({
      type: 'directive',
      subtype: 'time-or-count',
      recommended: false,
    });
    expect(classifyQuestion('¿Cuándo pasó?', 'es', { childAgeYears: 5 }).recommended).toBe(false);
  });

  it('explains the decision with the cue, in the interview language', () => {
    const en = classifyQuestion('Did he say anything?', 'en');
    expect(en.reason).toContain('Did he');
    const es = classifyQuestion('Te tocó, ¿verdad?', 'es');
    // The cue keeps the interviewer's accents ("tocó", never "toco").
    expect(
      classifyQuestion('¿Dónde te tocó?', 'es', { childWords: ['vino a la casa'] }).reason,
    ).toContain('tocó');
    expect(es.type).toBe('suggestive');
    expect(es.reason).toMatch(/Coletilla/);
    expect(es.reason).toContain('verdad');
  });

  it('detects presumption only when the child words are known', () => {
    expect(classifyQuestion('Where did he touch you?', 'en').type).toBe('directive');
    const presumptive = classifyQuestion('Where did he touch you?', 'en', {
      childWords: ['he came in my room'],
    });
    expect(presumptive).toMatchObject({
      type: 'suggestive',
      subtype: 'presumptive',
      recommended: false,
    });
    expect(presumptive.reason).toContain('touch');
    const said = classifyQuestion('Where did he touch you?', 'en', {
      childWords: ['he touched me'],
    });
    expect(said.type).toBe('directive');
    expect(
      classifyQuestion('¿Dónde te tocó?', 'es', { childWords: ['entró a mi cuarto'] }).subtype,
    ).toBe('presumptive');
    expect(
      classifyQuestion('¿Dónde te tocó?', 'es', { childWords: ['me tocaba la pierna'] }).type,
    ).toBe('directive');
  });

  it("recognises a cued invitation from the child's own words and reuses them in suggestions", () => {
    const cued = classifyQuestion('Tell me more about the garage.', 'en', {
      childWords: ['we went to the garage'],
    });
    expect(cued).toMatchObject({ type: 'cued-invitation', subtype: 'child-words' });
    const closed = classifyQuestion('Was the garage dark?', 'en', {
      childWords: ['we went to the garage'],
    });
    expect(closed.suggestion).toBe('You said, “we went to the garage”. Tell me more about that.');
    const es = classifyQuestion('¿El cobertizo estaba cerrado?', 'es', {
      childWords: ['fuimos al cobertizo'],
    });
    expect(es.suggestion).toBe('Dijiste: “fuimos al cobertizo”. Cuéntame más sobre eso.');
  });

  it('codes time segmenting as a cued invitation', () => {
    expect(
      classifyQuestion('Tell me what happened from when you got home until bedtime.', 'en'),
    ).toMatchObject({
      type: 'cued-invitation',
      subtype: 'time-segment',
    });
  });

  it('handles questions typed without a question mark (live notes)', () => {
    expect(classifyQuestion('did he hurt you', 'en').type).toBe('option-posing');
    expect(classifyQuestion('where were you', 'en').type).toBe('directive');
    expect(classifyQuestion('when you are ready, tell me what happened', 'en').type).not.toBe(
      'directive',
    );
  });

  it('is deterministic and bounded on huge input', () => {
    // Only the first MAX_UTTERANCE_CHARS characters are analysed (the bound is by length, not time).
    const huge = 'tell me '.repeat(200_000);
    const c = classifyQuestion(huge, 'en');
    expect(c.type).toBe('invitation');
    expect(classifyQuestion('', 'en')).toMatchObject({ type: 'other', subtype: 'empty' });
  });
});
