// Every scripted prompt, said as written, codes as the question type it is meant to be when it is
// run through Hearth's own question coach (src/questions). A prompt that the coach would flag is
// either fixed here (the wording was wrong) or, when the wording is the protocol's own and correct,
// listed below as a known classifier gap for the question-coach issue (#16) to fix.
import {
  listProtocols,
  planSession,
  type PlanOptions,
  type PromptKind,
  type SessionPlan,
} from '../../../src/protocols';
import { classifyQuestion, type QuestionType } from '../../../src/questions';
import { everyPrompt, SAMPLE_CHILD_WORDS, utteranceOf } from './scripted-prompts';
import { PUTATIVE_CONFESSION_AGES as PC_AGES } from '../../../src/protocols';
import { scriptedLines } from '../../../src/protocols/scripted-lines';

/** Lines that are not questions must never be coded as a focused, closed or leading question. */
const NOT_A_QUESTION: readonly QuestionType[] = [
  'other',
  'facilitator',
  'invitation',
  'cued-invitation',
];

const ALLOWED: Record<PromptKind, readonly QuestionType[]> = {
  // An invitation that happens to reuse the child's word ("the people at your house" after the
  // child said "house") is a cued invitation: the same top-level NICHD type.
  invitation: ['invitation', 'cued-invitation'],
  'cued-invitation': ['cued-invitation'],
  directive: ['directive'],
  'option-posing': ['option-posing'],
  statement: NOT_A_QUESTION,
  instruction: NOT_A_QUESTION,
  // Coded apart (subtype putative-confession, checked below), never as an instruction (P8-8).
  'putative-confession': ['other'],
  supportive: NOT_A_QUESTION,
  // Practice items are test questions about neutral facts; they only must not lead.
  practice: [...NOT_A_QUESTION, 'directive', 'option-posing'],
};

/**
 * Correct protocol wording that the current classifier miscodes.
 * TODO(#16): each entry is a classifier gap from the interviewing review (A4: scripted NICHD/Lyon
 * prompts, imperative "tell me how/why/what ..." clauses, the promise, the closing questions);
 * remove an entry once the coach codes the prompt as its intended type.
 */
const KNOWN_CLASSIFIER_GAPS: ReadonlyArray<{ lang: string; id: string; why: string }> = [];
/**
 * The types a prompt may code as: 'option-posing' when the protocol data states that it asks a
 * yes/no or either/or question on purpose (PromptDefinition.codedAs: the truth promise and
 * practice, the closing questions; issue #16 item 5, coach36), else by its kind.
 */
function allowedFor(
  lang: 'en' | 'es',
  p: { id: string; kind: PromptKind },
): readonly QuestionType[] {
  const asked = scriptedLines(lang).some((l) => l.id === p.id && l.codedAs === 'option-posing');
  return asked ? ['option-posing'] : ALLOWED[p.kind];
}

const isGap = (lang: string, id: string): boolean =>
  KNOWN_CLASSIFIER_GAPS.some((g) => g.lang === lang && g.id === id);

/** Other things a child might have said, filled into the placeholders for the child's words. */
const ALTERNATIVE_CHILD_WORDS: Record<string, string[]> = {
  en: ['the swimming pool', 'Uncle Joe', 'the house'],
  es: ['la alberca', 'el tío Beto', 'la casa'],
};

/** Typical fills: the child's word for an activity or place, and what the team knows. */
const TYPICAL_FILLS: Record<string, Array<{ child: string; team: string }>> = {
  en: [
    { child: 'soccer', team: 'your teacher' },
    { child: 'the park', team: "Grandpa's house" },
    { child: 'Uncle Joe', team: 'Ms. Lee' },
    { child: 'my birthday party', team: 'a bruise on your arm' },
  ],
  es: [
    { child: 'el fútbol', team: 'tu maestra' },
    { child: 'el parque', team: 'la casa del abuelo' },
    { child: 'el tío Beto', team: 'la señora Lee' },
    { child: 'mi cumpleaños', team: 'un moretón en el brazo' },
  ],
};

/**
 * What the child has said before a prompt the protocol asks only after an answer: the last, first
 * and another time follow the child's "more than one time" to "Did that happen one time or more
 * than one time?" (NICHD revised protocol 2014; Lamb et al. 2018, ch. 4). Without that answer the
 * coach flags them (src/questions/incidents.ts; practitioner review 5, N1).
 */
const MORE_THAN_ONCE: Record<string, string> = { en: 'more than one time', es: 'más de una vez' };
const AFTER_MORE_THAN_ONCE = new Set(['recall.lastTime', 'recall.firstTime', 'recall.anotherTime']);
function childContext(id: string, lang: string, words: readonly string[]): string[] {
  return AFTER_MORE_THAN_ONCE.has(id) ? [MORE_THAN_ONCE[lang]!, ...words] : [...words];
}

const DECISION = {
  decidedBy: 'MDT and prosecutor, case conference',
  personNamed: 'this-interview',
} as const;

/** Every plan a centre can make: all protocols, bands, languages, blind or not, every session. */
function allPlans(language: 'en' | 'es'): SessionPlan[] {
  const plans: SessionPlan[] = [];
  for (const p of listProtocols(language)) {
    for (const age of [4, 8, 12, 15]) {
      const extra: PlanOptions =
        p.id === 'ten-step' && age >= PC_AGES.min && age <= PC_AGES.max
          ? { putativeConfession: DECISION }
          : {};
      const multi = p.id === 'ten-step' ? {} : { multiSession: true };
      plans.push(planSession(p.id, age, language, { interpreter: true, ...multi, ...extra }));
      plans.push(planSession(p.id, age, language, { allegationBlind: true, ...extra }));
    }
  }
  return plans;
}

describe.each(['en', 'es'] as const)('scripted prompts through the question coach (%s)', (lang) => {
  const rows = allPlans(lang).flatMap((plan) =>
    everyPrompt(plan).map(({ prompt }) => ({ prompt, age: plan.ageYears })),
  );
  const seen = new Set<string>();
  const cases = rows.filter(({ prompt }) => {
    const key = `${prompt.id}\u0000${prompt.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  it('covers a realistic number of distinct prompt wordings', () => {
    expect(cases.length).toBeGreaterThan(120);
  });

  it('codes every scripted prompt as its intended question type', () => {
    const wrong: string[] = [];
    for (const { prompt, age } of cases) {
      if (isGap(lang, prompt.id)) continue;
      const said = utteranceOf(prompt, lang);
      const coded = classifyQuestion(said, lang, {
        childWords: childContext(prompt.id, lang, [SAMPLE_CHILD_WORDS[lang]!]),
        childAgeYears: age,
      });
      if (!allowedFor(lang, prompt).includes(coded.type)) {
        wrong.push(`${prompt.id} (${prompt.kind}) coded ${coded.type}/${coded.subtype}: "${said}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  // The guard is a principle, not a list of sentences: the same prompts keep their type whatever
  // the child said, when the placeholders carry those words (as the interviewer fills them).
  it.each(ALTERNATIVE_CHILD_WORDS[lang] ?? [])(
    'keeps every scripted prompt at its type when the child said "%s"',
    (childSaid) => {
      const wrong: string[] = [];
      for (const { prompt, age } of cases) {
        if (isGap(lang, prompt.id)) continue;
        const said = utteranceOf(prompt, lang, childSaid);
        const coded = classifyQuestion(said, lang, {
          childWords: childContext(prompt.id, lang, [childSaid]),
          childAgeYears: age,
        });
        if (!allowedFor(lang, prompt).includes(coded.type))
          wrong.push(
            `${prompt.id} (${prompt.kind}) coded ${coded.type}/${coded.subtype}: "${said}"`,
          );
      }
      expect(wrong).toEqual([]);
    },
  );

  it('scripts no suggestive prompt outside the graded transition (listed gaps aside)', () => {
    const suggestive = cases
      .filter(({ prompt }) => !prompt.id.startsWith('transition.'))
      .map(({ prompt, age }) => ({
        id: prompt.id,
        coded: classifyQuestion(utteranceOf(prompt, lang), lang, {
          childWords: childContext(prompt.id, lang, [SAMPLE_CHILD_WORDS[lang]!]),
          childAgeYears: age,
        }),
      }))
      .filter((r) => r.coded.type === 'suggestive' && !isGap(lang, r.id));
    expect(suggestive).toEqual([]);
  });

  // Practitioner review 4 (X2, X3): the pre-substantive frames ("a bit", "woke up", "went to
  // bed") and the team's information in the graded transition ("your teacher", "Grandpa's
  // house", a mark) are protocol wording, not details the child must have said. With typical
  // fills, and whether the child's words are unknown, none yet, or only the filled words, no
  // scripted line is ever coded "avoid".
  it.each(TYPICAL_FILLS[lang] ?? [])(
    'never codes a scripted line "avoid" (child fill "$child", team fill "$team")',
    ({ child, team }) => {
      const avoided: string[] = [];
      for (const { prompt, age } of cases) {
        const said = utteranceOf(prompt, lang, child, team);
        const contexts = [
          undefined,
          childContext(prompt.id, lang, said.includes(child) ? [child] : []),
        ];
        for (const childWords of contexts) {
          const coded = classifyQuestion(said, lang, {
            ...(childWords ? { childWords } : {}),
            childAgeYears: age,
          });
          if (coded.verdict === 'avoid')
            avoided.push(
              `${prompt.id} [${childWords?.join('|') ?? 'unknown'}] ${coded.subtype} "${coded.cue ?? ''}": ${said}`,
            );
        }
      }
      expect(avoided).toEqual([]);
    },
  );

  // The child has said nothing yet: a mark or a conversation the team knows of is a cued
  // invitation with caution; a place the child has not said, asked about as a yes/no question, is
  // option-posing with caution, never an open prompt (practitioner review 8, P8-5).
  it.each([
    ['transition.talkedTo', 'cued-invitation'],
    ['transition.marks', 'cued-invitation'],
    ['transition.place', 'option-posing'],
  ] as const)('codes the filled graded prompt %s as team information, %s', (id, type) => {
    // The place prompt is filled with a place; the others with anything the team knows.
    const fills = (TYPICAL_FILLS[lang] ?? []).filter(
      ({ team }) => id !== 'transition.place' || /house|casa/.test(team),
    );
    expect(fills.length).toBeGreaterThan(0);
    const transition = cases.filter(({ prompt }) => prompt.id === id);
    expect(transition.length).toBeGreaterThan(0);
    for (const { child, team } of fills)
      for (const { prompt } of transition) {
        const said = utteranceOf(prompt, lang, child, team);
        const coded = classifyQuestion(said, lang, { childWords: [] });
        expect({ said, type: coded.type, subtype: coded.subtype, verdict: coded.verdict }).toEqual({
          said,
          type,
          subtype: 'team-information',
          verdict: 'acceptable-with-caution',
        });
      }
  });

  it('lists only gaps that still name a scripted prompt', () => {
    const ids = new Set(cases.map((c) => c.prompt.id));
    const stale = KNOWN_CLASSIFIER_GAPS.filter((g) => g.lang === lang && !ids.has(g.id));
    expect(stale).toEqual([]);
  });
});
