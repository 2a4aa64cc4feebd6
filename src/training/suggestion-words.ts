// Which of the child's words the coach may quote back in the "Better:" suggestions of practice
// feedback. A suggestion may never bring in a detail the child has not freely said (DESIGN.md,
// interviewing content), so two kinds of child speech are left out of the words offered to it:
// - a detail the child adopted from the interviewer (a suggested detail or a guess under a closed
//   question): quoting it back ("You said “a man held the dog”. Tell me more about that.") would
//   confirm the very detail the same page lists as introduced. This is the rule the simulated
//   child already applies to its cue words (child.ts surfaceKeywords);
// - a bare "Yes."/"Sí." to a yes/no question: the content of such an answer is the
//   interviewer's, not the child's (Lamb et al. 2007, Child Abuse Negl 31:1201-1231: an
//   invitation is open only when its content comes from the child).
// - a non-answer ("I don't know", "I don't remember", "I don't understand", "Okay.", "That's
//   all.", a reluctant "Do I have to?"): "You said 'Don't know'. Tell me more about that." presses
//   a child who has said it does not know, a pressure the protocol warns against (Lamb et al.
//   2007; Lamb, Hershkowitz, Orbach & Esplin 2008, Tell Me What Happened, ch. 4);
// - what the child said outside the substantive phase (rapport talk, the practice event): a
//   rapport topic is no alternative to a question about the event.
// When nothing of the child's own account remains, the coach offers its plain invitation.
import { sentencesOf } from '../questions';
import { lexiconFor } from '../questions/lexicon';
import { codeUtterance, type Turn } from './coding';
import { textsFor } from './texts';
import type { TrainingLanguage } from './types';
import { wordTools } from './words';

// Affirmations only, folded as WordTools.normalise folds them (no accents, lower case).
const BARE_YES = new Set([
  'yes',
  'yeah',
  'yep',
  'yup',
  'uh huh',
  'mhm',
  'mm hm',
  'okay',
  'ok',
  'si',
  'aja',
  'claro',
  'sip',
  'esta bien',
]);

const nonAnswers = new Map<TrainingLanguage, Set<string>>();

/** The child's stock non-answers, folded: sentences that carry nothing of the child's account. */
function nonAnswerSet(language: TrainingLanguage): Set<string> {
  const cached = nonAnswers.get(language);
  if (cached) return cached;
  const c = textsFor(language).child;
  const all = [
    ...c.idk,
    ...c.idkYoung,
    ...c.nothingElse,
    ...c.reluctant,
    ...c.labelDisengaged,
    ...c.shrug,
    ...c.okay,
    ...c.dontUnderstand,
    ...c.notToday,
    ...c.notTodayAfter,
    c.neither,
    c.because,
    c.already,
    ...Object.values(c.rulePractice),
  ];
  const out = new Set<string>();
  for (const text of all)
    for (const sentence of sentencesOf(text, language)) out.add(folded(language, sentence));
  out.delete('');
  // "No." stays quotable: the coach needs it to see a denial and not press on after it.
  out.delete(folded(language, c.no));
  nonAnswers.set(language, out);
  return out;
}

/** Folded words of a text, space separated, for whole-phrase containment. */
function folded(language: TrainingLanguage, text: string): string {
  return wordTools(language)
    .normalise(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The child's answer with every sentence that states an adopted detail, and every bare
 * affirmation, removed. `adopted` holds the adopted details in the words the child used for them
 * (Simulation.adoptedDetails). Returns '' when nothing of the child's own remains.
 */
export function childOwnWords(
  answer: string,
  adopted: readonly string[],
  language: TrainingLanguage,
): string {
  const details = adopted.map((d) => folded(language, d)).filter((d) => d.length > 0);
  // Whole sentences: "His name is Mr. Dan." is one (a split at "Mr." would drop "Dan").
  const sentences = sentencesOf(answer, language);
  const empty = nonAnswerSet(language);
  return sentences
    .filter((sentence) => {
      const words = folded(language, sentence);
      if (words.length === 0 || BARE_YES.has(words) || empty.has(words)) return false;
      return !details.some((d) => ` ${words} `.includes(` ${d} `));
    })
    .map((s) => s.trim())
    .join(' ');
}

/**
 * The coach's safe open alternative to interviewer turn `index` of `turns`, built only from the
 * child's own words before it (childOwnWords), or undefined when the coach offers none. Used by
 * both the live hint during practice (service.ts ask) and the final feedback, so the two never
 * differ. `substantive[k]` tells whether the k-th child turn of `turns` answered a substantive
 * prompt (Simulation replies' stage); a child turn outside the substantive phase is never quoted.
 * When omitted, every child turn counts.
 */
export function suggestionFromOwnWords(
  turns: readonly Turn[],
  index: number,
  adopted: readonly string[],
  language: TrainingLanguage,
  childAgeYears: number,
  substantive?: readonly boolean[],
): string | undefined {
  const own: string[] = [];
  let childTurn = 0;
  for (const turn of turns.slice(0, index))
    if (turn.speaker === 'child') {
      const inPhase = substantive?.[childTurn++] ?? true;
      const kept = inPhase ? childOwnWords(turn.text, adopted, language) : '';
      if (kept.length > 0) own.push(kept);
    }
  const text = turns[index]?.text;
  if (text === undefined) return undefined;
  const suggestion = codeUtterance(text, language, own, childAgeYears).suggestion;
  // A question asked in rapport ("Do you like school?") is bettered by a rapport invitation,
  // never by the transition to the allegation (NICHD 2014: rapport before the substantive part;
  // practitioner review R18-14). The stage is the child's answer's to this turn.
  const lex = lexiconFor(language);
  const answeredIn = childTurn < (substantive?.length ?? 0) ? substantive?.[childTurn] : undefined;
  const beforeSubstantive =
    answeredIn === false && !(substantive ?? []).slice(0, childTurn).some(Boolean);
  return beforeSubstantive && suggestion === lex.suggestions.opening
    ? lex.suggestions.rapport
    : suggestion;
}
