// Feedback on questions that were too hard for the child to understand: legal or formal words,
// negative forms, two questions in one, or too many words for the child's age (comprehension.ts).
// Each entry names the question, what made it hard, what the child did (said "I don't
// understand", or answered anyway, as children usually do: Perry, McAuliff, Tam, Claycomb, Dostal
// & Flanagan 1995, Law Hum Behav 19:609-629), and a simpler open prompt to ask instead. The
// alternative never brings in a detail: it is the coach's own safe rewording, or a cued
// invitation on the child's exact words that the question used, or the protocol's neutral
// invitation wording (revised NICHD protocol, substantive phase: "Tell me more about that").
// Protocol-scripted prompts are left out (they never cost the trainee points).
import type { Simulation } from './child';
import { explainComplexity, type Complexity, type ComplexityDetail } from './comprehension';
import { bandOf } from './research';
import { childNoun, fill, textsFor } from './texts';
import type { ChildGender, TrainingLanguage } from './types';
import { wordTools } from './words';

export interface HardQuestion {
  /** 1-based, as the trainee counts questions. */
  questionNumber: number;
  text: string;
  kind: Complexity;
  /** True when the simulated child said "I don't understand"; false when it answered anyway. */
  childSaidNotUnderstood: boolean;
  /** Why it was hard, naming the feature (in the interview language). */
  why: string;
  /** What the child did, and why it matters (in the interview language). */
  effect: string;
  /** A simpler open prompt: the coach's safe rewording, the child's words, or neutral wording. */
  alternative: string;
}

export interface HardQuestionInput {
  language: TrainingLanguage;
  ageYears: number;
  questions: readonly string[];
  simulation: Simulation;
  /** Per question (0-based): whether it is a protocol-scripted prompt. */
  scripted: readonly boolean[];
  /** Per question (0-based): the coach's safe open rewording, when it has one. */
  coachSuggestion: ReadonlyMap<number, string>;
  /** The scenario's child gender: the Spanish notes name "la niña", "el adolescente" (childNoun). */
  gender?: ChildGender;
}

/**
 * Questions of the practice and substantive phases that were hard for a child of this age, in
 * question order (shapes above). Only prompts count (statements are not questions).
 */
export function hardQuestions(input: HardQuestionInput): HardQuestion[] {
  const texts = textsFor(input.language).understanding;
  const band = bandOf(input.ageYears);
  const t = wordTools(input.language);
  const out: HardQuestion[] = [];
  const nouns = childNoun({
    language: input.language,
    ageYears: input.ageYears,
    ...(input.gender ? { gender: input.gender } : {}),
  });
  input.simulation.replies.forEach((reply, i) => {
    const text = input.questions[i];
    if (text === undefined || input.scripted[i] === true || reply.coding.type === 'other') return;
    if (reply.stage !== 'substantive' && reply.stage !== 'practice') return;
    const found = explainComplexity(text, reply.coding, band, input.language);
    const said = reply.notUnderstood !== undefined;
    // Comprehension is judged from the child's response and the question's known complexity
    // features (legal words, negatives, two questions in one), never from length alone: a long
    // prompt the child answered was understood (audit B18-3: NICHD's own rapport prompt, answered
    // in full by a 4-year-old, was called "hard to understand" for its 12 words). Length counts
    // only when the child signalled it did not understand.
    // A co-witness prompt ("Your brother already told us what happened, so you can tell me
    // too.") is flagged for what it is, co-witness suggestion, never as "too long": its length
    // is not the problem (practitioner review P17-5).
    const detail = said && reply.coding.subtype !== 'co-witness' ? found : withoutLength(found);
    if (!detail) return;
    const values = {
      ...nouns,
      number: i + 1,
      cue: detail.cue ?? '',
      words: detail.words,
      limit: detail.limit,
      age: input.ageYears,
    };
    const whyOf = (kind: Complexity, cue: string | undefined, set: typeof texts.why) =>
      fill(kind === 'negative' && cue === undefined ? set.negativeForm : set[kind], {
        ...values,
        cue: cue ?? '',
      });
    // Every feature is named: the first as "Question N ...", each other one as "It also ...".
    const why = [
      whyOf(detail.kind, detail.cue, texts.why),
      ...detail.also.map((f) => whyOf(f.kind, f.cue, texts.alsoWhy)),
    ].join(' ');
    out.push({
      questionNumber: i + 1,
      text,
      kind: detail.kind,
      childSaidNotUnderstood: said,
      why,
      effect: fill(said ? texts.saidNotUnderstood : texts.answeredAnyway, nouns),
      alternative:
        input.coachSuggestion.get(i) ??
        childWordsAlternative(text, input.simulation, i, t, texts.cued) ??
        (input.simulation.replies
          .slice(0, i)
          .some((r) => r.factIds.length > 0 || r.stage === 'practice')
          ? texts.neutralMore
          : texts.neutralOpen),
    });
  });
  return out;
}

/** The complexity without its length feature; undefined when length was the only one. */
function withoutLength(detail: ComplexityDetail | undefined): ComplexityDetail | undefined {
  if (!detail) return undefined;
  const features = [{ kind: detail.kind, cue: detail.cue }, ...detail.also].filter(
    (f) => f.kind !== 'long',
  );
  const [first, ...also] = features;
  if (!first) return undefined;
  return {
    ...detail,
    kind: first.kind,
    ...(first.cue !== undefined ? { cue: first.cue } : {}),
    also,
  };
}

/**
 * A cued invitation on the child's own words that the hard question used, exactly as the child
 * said them ("shouting" stays "shouting"), or undefined when the question used none of them.
 * Only words the child said before this question and in this session count; a detail the child
 * took up from the interviewer is never among them (ChildReply.keywords leaves those out).
 */
function childWordsAlternative(
  question: string,
  simulation: Simulation,
  index: number,
  t: ReturnType<typeof wordTools>,
  template: string,
): string | undefined {
  const asked = t.stemsOf([question]);
  for (const reply of simulation.replies.slice(0, index).reverse())
    for (const phrase of reply.keywords)
      if ([...t.stemsOf([phrase])].some((s) => asked.has(s)))
        return fill(template, { words: phrase });
  return undefined;
}
