// Practitioner review 26p, finding 1: a pairing never repeats back a word the interviewer brought
// in. "Was it in the basement?" / "yes the basement" kept `basement` as the child's keyword, and
// the first suggestion was "You said, “basement”. Tell me more about that." The word is the
// interviewer's even when echoed (Lamb et al. 2007, suggestive utterances; the same rule as the
// extended interview's reconnect topics, src/interview/child-topics.ts).
import { planSession, reduceGuidance, type GuidanceEvent } from '../../../src/protocols';
import { firstSaying } from '../../../src/protocols/said-first';

const plan = planSession('nichd', 8, 'en');
const es = planSession('nichd', 8, 'es');

function after(events: GuidanceEvent[], language: 'en' | 'es' = 'en') {
  const all: GuidanceEvent[] = [
    { type: 'session-started', elapsedMs: 0 },
    { type: 'phase-entered', phaseId: 'investigation', elapsedMs: 1000 },
    ...events,
  ];
  return reduceGuidance(language === 'en' ? plan : es, all, 60_000);
}

const q = (
  text: string,
  questionType: 'option-posing' | 'suggestive' | 'directive',
  at: number,
): GuidanceEvent => ({
  type: 'note',
  noteKind: 'question',
  text,
  questionType,
  elapsedMs: at,
});
const child = (text: string, keywords: string[], at: number): GuidanceEvent => ({
  type: 'note',
  noteKind: 'child',
  text,
  keywords,
  elapsedMs: at,
});

describe('pairing after a focused question', () => {
  it('offers only the bare invitation after an option-posing question the child echoed', () => {
    const view = after([
      q('Was it in the basement?', 'option-posing', 2000),
      child('yes the basement', ['basement'], 3000),
    ]);
    const pairing = view.nextPrompts.filter((p) => p.source === 'pairing');
    expect(pairing.map((p) => p.text)).toEqual(['Tell me more about that.']);
    expect(view.nextPrompts.some((p) => p.text.includes('basement'))).toBe(false);
    expect(view.interviewerFirst).toEqual(['basement']);
  });

  it('offers only the bare invitation after a suggestive question, whatever the child said', () => {
    const view = after([
      child('we were in the garage', ['the garage'], 1500),
      q('He hurt you in the garage, didn’t he?', 'suggestive', 2000),
      child('yes', [], 3000),
    ]);
    expect(view.nextPrompts.filter((p) => p.source === 'pairing').map((p) => p.id)).toEqual([
      'pairing.invitation',
    ]);
    expect(view.alerts[0]?.text).toMatch(/words the child said before your question/);
  });

  it('cues a directive’s pairing only on words the child said first, inflections alike', () => {
    const view = after([
      q('Where were the basements?', 'directive', 2000),
      child('in the basement with the dog', ['basement', 'the dog'], 3000),
    ]);
    const pairing = view.nextPrompts.filter((p) => p.source === 'pairing').map((p) => p.text);
    expect(pairing).toEqual(['You said, “the dog”. Tell me more about that.']);
    expect(view.interviewerFirst).toEqual(['basement']);
  });

  it('holds back an echoed word in Spanish too', () => {
    const view = after(
      [
        q('¿Dónde estaba el sótano?', 'directive', 2000),
        child('en el sótano', ['el sótano'], 3000),
      ],
      'es',
    );
    expect(view.nextPrompts.some((p) => p.text.includes('sótano'))).toBe(false);
    expect(view.nextPrompts[0]?.id).toBe('pairing.invitation');
  });

  it('agrees with the reconnect rule: one matcher decides who said a word first', () => {
    const asked = [{ elapsedMs: 2000, versions: ['Was it in the basement?'] }];
    expect(firstSaying(asked, 'basements', 'en')).toBe(asked[0]);
    expect(firstSaying(asked, 'kitchen', 'en')).toBeUndefined();
  });
});
