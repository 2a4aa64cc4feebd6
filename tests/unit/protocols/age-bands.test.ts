// A 4-year-old's plan and a 12-year-old's plan must differ in the ways the issue lists:
// wording, ground rules, attention and breaks, warnings, and recommended phases.
import { planSession, type PlannedPhase, type SessionPlan } from '../../../src/protocols';

const phases = (p: SessionPlan): PlannedPhase[] => p.sessions.flatMap((s) => s.phases);
const prompts = (p: SessionPlan) => phases(p).flatMap((ph) => ph.prompts);
const promptText = (p: SessionPlan, phaseId: string, promptId: string): string => {
  const found = phases(p)
    .find((ph) => ph.id === phaseId)
    ?.prompts.find((q) => q.id === promptId);
  if (!found) throw new Error(`${phaseId}/${promptId} not planned`);
  return found.text;
};
/** What the child hears: interviewer notes in [brackets] removed. */
const spoken = (t: string): string => t.replace(/\[[^\]]*\]/g, ' ');
const words = (t: string): number => spoken(t).split(/\s+/).filter(Boolean).length;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Prompts said to the child (not interviewer guidance such as last-resort instructions). */
const childDirected = (p: SessionPlan) =>
  prompts(p).filter((q) => !q.lastResort && !q.optional && q.kind !== 'directive');

describe.each(['nichd', 'ncac', 'ten-step', 'abe'])('%s: age 4 vs age 12', (id) => {
  const four = planSession(id, 4, 'en');
  const twelve = planSession(id, 12, 'en');

  it('derives the band from the age', () => {
    expect(four.band.band).toBe('3-5');
    expect(twelve.band.band).toBe('10-13');
    expect(four.band.label).not.toBe(twelve.band.label);
  });

  it('uses shorter wording for the 4-year-old', () => {
    const w4 = mean(childDirected(four).map((q) => words(q.text)));
    const w12 = mean(childDirected(twelve).map((q) => words(q.text)));
    expect(w4).toBeLessThan(w12 * 0.8);
    // The same prompt is worded differently, not just filtered.
    const shared = childDirected(four).filter((q) =>
      childDirected(twelve).some((t) => t.id === q.id && t.text !== q.text),
    );
    expect(shared.length).toBeGreaterThan(5);
  });

  it('speaks to the 4-year-old without third-person pronouns or legal words', () => {
    // Third-person and place pronouns whose referent a preschooler loses track of.
    const pronoun = /\b(he|she|it|they|him|her|them|his|hers|their|there)\b/i;
    const legal = /\b(abuse|allegation|incident|inappropriate|offender|perpetrator|disclose)\b/i;
    const offending = childDirected(four)
      .map((q) => spoken(q.text))
      .filter((t) => pronoun.test(t) || legal.test(t));
    expect(offending).toEqual([]);
    // The 12-year-old's wording is allowed them, and does use them.
    expect(childDirected(twelve).some((q) => pronoun.test(spoken(q.text)))).toBe(true);
  });

  it('warns against "when", "how many times", "why", negative and compound questions for the 4-year-old', () => {
    const w4 = four.band.warnings.map((w) => w.id);
    const w12 = twelve.band.warnings.map((w) => w.id);
    expect(w4).toEqual(
      expect.arrayContaining([
        'avoidWhen',
        'avoidHowManyTimes',
        'avoidWhy',
        'avoidNegative',
        'avoidCompound',
      ]),
    );
    expect(w12).not.toContain('avoidWhen');
    expect(w12).not.toContain('avoidHowManyTimes');
    // Blaming "why", negatives and compounds are bad at every age.
    expect(w12).toEqual(expect.arrayContaining(['avoidWhy', 'avoidNegative', 'avoidCompound']));
    expect(four.band.language.map((l) => l.id)).toEqual(
      expect.arrayContaining(['noPronouns', 'noLegalWords', 'shortSentences']),
    );
    expect(twelve.band.language.map((l) => l.id)).not.toContain('noPronouns');
  });

  it('asks the 4-year-old "one time or more than one time", never a numerical "how many times"', () => {
    const p4 = prompts(four);
    const ids4 = p4.map((q) => q.id);
    // Separating instances is how young children's repeated events are untangled.
    expect(ids4).toEqual(
      expect.arrayContaining(['recall.oneOrMore', 'recall.lastTime', 'recall.firstTime']),
    );
    expect(p4.find((q) => q.id === 'recall.oneOrMore')!.text).toMatch(
      /one time or more than one time/,
    );
    expect(p4.filter((q) => /how many times/i.test(q.text))).toEqual([]);
    expect(ids4).not.toContain('recall.segment');
    expect(prompts(twelve).map((q) => q.id)).toContain('recall.oneOrMore');
  });

  it('suggests breaks sooner for the 4-year-old, as Hearth’s labelled heuristic', () => {
    expect(four.breakIntervalMs).toBeLessThan(twelve.breakIntervalMs);
    expect(four.textSources.breakReminder.label).toBe('hearth');
    expect('attentionSpanMinutes' in four.band).toBe(false);
  });

  it('changes which ground rules are practised and how', () => {
    const mode = (p: SessionPlan, rule: string) =>
      p.band.groundRules.find((r) => r.id === rule)?.mode;
    // Preschoolers cannot reliably notice they did not understand: explained, not practised.
    expect(mode(four, 'dont-understand')).toBe('explain');
    expect(mode(twelve, 'dont-understand')).toBe('practise');
    // The promise at every age; the true/not-true item only at 6-9. At 10-13 it adds nothing to
    // the promise (Lyon & Saywitz 1999; Lyon 2011; practitioner review C2).
    expect(mode(four, 'truth')).toBe('explain');
    expect(mode(twelve, 'truth')).toBe('explain');
    expect(mode(planSession(id, 7, 'en'), 'truth')).toBe('practise');
    expect(prompts(twelve).map((q) => q.id)).not.toContain('groundRules.truth.practice');
    expect(mode(four, 'dont-know')).toBe('practise');
    const ids4 = prompts(four).map((q) => q.id);
    const ids12 = prompts(twelve).map((q) => q.id);
    expect(ids4).not.toContain('groundRules.dontUnderstand.practice');
    expect(ids12).toContain('groundRules.dontUnderstand.practice');
    const labels = (p: SessionPlan) =>
      phases(p).flatMap((ph) =>
        ph.checklist.filter((c) => c.id === 'dont-understand').map((c) => c.label),
      );
    expect(labels(four)[0]).toMatch(/explained/);
    expect(labels(twelve)[0]).toMatch(/practiced/);
  });
});

describe('recommended phases change with age', () => {
  it('Ten Step: multiple incidents are asked about at every age, inside the follow-ups', () => {
    const ids = (age: number) =>
      phases(planSession('ten-step', age, 'en'))
        .find((p) => p.id === 'followUp')!
        .prompts.map((p) => p.id);
    expect(ids(12)).toContain('recall.oneOrMore');
    expect(ids(4)).toContain('recall.oneOrMore');
  });

  it('NCAC: the family discussion is recommended up to 13 and only offered to teenagers', () => {
    const family = (age: number) =>
      phases(planSession('ncac', age, 'en')).find((p) => p.id === 'family');
    expect(family(4)?.recommended).toBe(true);
    expect(family(12)?.recommended).toBe(true);
    expect(family(15)?.recommended).toBe(false);
    expect(family(15)?.skippable).toBe(true);
    expect(family(15)?.checklist.every((c) => !c.required)).toBe(true);
  });

  it('teenagers get the rules explained rather than practised with child examples', () => {
    const teen = planSession('nichd', 15, 'en');
    expect(teen.band.groundRules.every((r) => r.mode === 'explain')).toBe(true);
    expect(prompts(teen).some((q) => q.kind === 'practice')).toBe(false);
    expect(teen.band.warnings.map((w) => w.id)).toContain('autonomy');
  });
});

describe('Spanish wording changes with age too', () => {
  it('uses shorter prompts for a 4-year-old in Spanish', () => {
    const four = planSession('nichd', 4, 'es');
    const twelve = planSession('nichd', 12, 'es');
    expect(promptText(four, 'introduction', 'intro.self')).not.toBe(
      promptText(twelve, 'introduction', 'intro.self'),
    );
    expect(mean(childDirected(four).map((q) => words(q.text)))).toBeLessThan(
      mean(childDirected(twelve).map((q) => words(q.text))),
    );
    expect(four.texts.pairedInvitationNoKeyword).toBe('Cuéntame más.');
  });
});
