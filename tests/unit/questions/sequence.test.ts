import { analyseSequence, type Turn } from '../../../src/questions';

const i = (text: string): Turn => ({ speaker: 'interviewer', text });
const c = (text: string): Turn => ({ speaker: 'child', text });

describe('analyseSequence', () => {
  it('flags an option-posing question not paired with an invitation within two turns', () => {
    const { findings } = analyseSequence(
      [
        i('Did he say anything?'),
        c('yes'),
        i('Where were you?'),
        c('home'),
        i('Who was there?'),
        c('mum'),
      ],
      { language: 'en' },
    );
    expect(findings.filter((f) => f.rule === 'pairing').map((f) => f.turnIndex)).toEqual([0]);
  });

  it('accepts a paired option-posing question (facilitators do not use up the window)', () => {
    const { findings } = analyseSequence(
      [
        i('Did he say anything?'),
        c('yes'),
        i('Okay.'),
        i('Where were you?'),
        c('home'),
        i('Tell me everything he said.'),
      ],
      { language: 'en' },
    );
    expect(findings.filter((f) => f.rule === 'pairing')).toEqual([]);
  });

  it('flags a riskier re-ask after "I don\'t know"', () => {
    const { findings } = analyseSequence(
      [
        c('we went in the car'),
        i('What colour was the car?'),
        c("I don't know"),
        i('Was it red or blue?'),
        c('red'),
      ],
      { language: 'en' },
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'riskier-reask', turnIndex: 3, relatedTurnIndex: 2 }),
    );
    const es = analyseSequence(
      [i('¿Qué te dijo?'), c('No sé'), i('Te dijo que era un secreto, ¿verdad?')],
      {
        language: 'es',
      },
    );
    expect(es.findings.map((f) => f.rule)).toContain('riskier-reask');
  });

  it('flags a detail the child has not said yet, but not once the child has said it', () => {
    const { coded, findings } = analyseSequence(
      [
        i('Tell me what happened.'),
        c('He came in my room.'),
        i('Where did he touch you?'),
        c('he touched my arm'),
        i('How did he touch you?'),
      ],
      { language: 'en' },
    );
    expect(findings.filter((f) => f.rule === 'presumptive').map((f) => f.turnIndex)).toEqual([2]);
    expect(findings.find((f) => f.rule === 'presumptive')?.detail).toBe('touch');
    expect(coded[4]?.coding?.type).toBe('directive');
  });

  it('flags long runs of closed questions', () => {
    const turns = [
      'Was it dark?',
      'Were you alone?',
      'Did he hurt you?',
      'Was it at home?',
      'Did you tell anyone?',
    ].flatMap((q) => [i(q), c('yes')]);
    const { findings } = analyseSequence(turns, { language: 'en', closedRunLength: 5 });
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'closed-run', turnIndex: 0, relatedTurnIndex: 8, length: 5 }),
    );
    expect(
      analyseSequence(turns.slice(0, 8), { language: 'en', closedRunLength: 5 }).findings.some(
        (f) => f.rule === 'closed-run',
      ),
    ).toBe(false);
  });

  it('keeps an existing (reviewer-corrected) coding', () => {
    const coding = {
      type: 'invitation' as const,
      subtype: 'open' as const,
      recommended: true,
      verdict: 'recommended' as const,
      reason: 'reviewer',
    };
    const { coded } = analyseSequence([{ speaker: 'interviewer', text: 'Did he?', coding }], {
      language: 'en',
    });
    expect(coded[0]?.coding).toBe(coding);
  });
});
