// The one code of every interviewer turn of a practice interview. The live chip after "Ask", the
// transcript row of the trainer's review, the final feedback's flagged questions, counts and
// measures, and the progress PDF (built from those measures) all read this one result, so a
// question never gets two codes (practitioner re-check R18-5: the closing and a co-witness
// prompt were coded one way live and another in the final feedback). It is the simulated
// child's coding of the turn (child.ts, with codeUtterance's techniques such as co-witness
// information, Garven, Wood, Malpass & Shaw 1998) with a protocol-scripted prompt taking the
// plan's kind (scripted.ts; issue #18: scripted prompts never cost points). Hearth's rule.
import type { SessionPlan } from '../protocols';
import type { Simulation } from './child';
import type { Coding } from './coding';
import {
  matchScripted,
  nearScriptedClosing,
  scriptedCoding,
  scriptedMatchers,
  type ScriptedMatcher,
} from './scripted';

/** A near-verbatim closing statement (nearScriptedClosing): scripted, a statement. */
const CLOSING_MATCH: ScriptedMatcher = { test: /$^/u, type: 'other' };

export interface TurnCodesInput {
  /** The interviewer's turns in order, as typed. */
  questions: readonly string[];
  /** The simulated child's replay of the same turns (replies[k] answers questions[k]). */
  simulation: Pick<Simulation, 'replies'>;
  plan: SessionPlan;
  /** The plan phase of each question (the phase the trainee was in), when known. */
  phases?: ReadonlyArray<string | undefined>;
}

/**
 * The code of each interviewer turn and whether it was a protocol-scripted prompt.
 * @returns `codings[k]` and `scripted[k]` for questions[k] (as many as the child's replies).
 */
export function turnCodes(input: TurnCodesInput): { codings: Coding[]; scripted: boolean[] } {
  const { simulation, questions } = input;
  const matchers = scriptedMatchers(input.plan);
  const answers = simulation.replies.map((r) => r.answer);
  const matched = simulation.replies.map(
    (_, i): ScriptedMatcher | undefined =>
      matchScripted(matchers, questions[i] ?? '', answers.slice(0, i)) ??
      (nearScriptedClosing(input.plan, questions[i] ?? '', input.phases?.[i])
        ? CLOSING_MATCH
        : undefined),
  );
  // A scripted prompt the coach does not count as open takes the plan's kind; an open code
  // ("Tell me more about that": invitation) is kept. Nothing else changes the child's coding.
  const codings = simulation.replies.map((r, i): Coding => scriptedCoding(r.coding, matched[i]));
  return { codings, scripted: matched.map((m) => m !== undefined) };
}
