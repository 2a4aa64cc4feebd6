// The coach's context in a later session of an extended (multi-session) interview: the child's
// words from the earlier linked sessions count as what the child has said (practitioner review 5,
// N0). The protocol's own reconnect line ("Last time you told me about [X]. Tell me more about
// [X].") builds on them; without them it would read as the interviewer's detail.
import { childSaidOf } from './child-said';
import { classifyQuestion } from './classify';
import type { Turn } from './turns';
import type { ClassifyContext, Language } from './types';

type ChildContext = Pick<ClassifyContext, 'childWords' | 'childWordsUnrecorded'>;

/**
 * This session's child-words context with the child turns of the earlier linked sessions of the
 * same extended interview put before its own words.
 * @param current this session's own context, as liveChildContext (live) or the export's rule
 *   (sealed) decides it from this session alone.
 * @param earlierChildWords the child turns of the earlier sessions, oldest first (empty for a
 *   single session or the first session of a series).
 * @returns `{ childWords: [...earlier, ...current] }` when this session's words are known. When
 *   this session's own words are unknown (`childWordsUnrecorded`, or no context at all: the
 *   child recorded on video only), it stays unknown: what the child said in this session is not
 *   typed, and the earlier words alone would make its untyped words look like the interviewer's.
 *   Hearth's rule (practitioner review 4 X1 and review 5 N0).
 */
export function withEarlierSessions(
  current: ChildContext,
  earlierChildWords: readonly string[],
): ChildContext {
  if (current.childWordsUnrecorded || current.childWords === undefined) return current;
  if (earlierChildWords.length === 0) return current;
  return { childWords: joinedWords(earlierChildWords, current.childWords) };
}

/**
 * `[...earlier, ...current]`, as one array per pair of arrays, extended as `current` grows: the
 * live coach asks on every keystroke and an export codes every question in turn, and a new array
 * each time made the coach read the whole interview's words again (its vocabulary is cached per
 * array, vocabulary.ts). A pair that no longer extends the joined array (an array shrank, or
 * `earlier` changed length) gets a new one.
 */
function joinedWords(earlier: readonly string[], current: readonly string[]): readonly string[] {
  let byCurrent = joined.get(earlier);
  if (!byCurrent) joined.set(earlier, (byCurrent = new WeakMap()));
  const entry = byCurrent.get(current);
  if (entry && entry.earlier === earlier.length && entry.current <= current.length) {
    for (let i = entry.current; i < current.length; i++) entry.words.push(current[i] ?? '');
    entry.current = current.length;
    return entry.words;
  }
  const words = [...earlier, ...current];
  byCurrent.set(current, { words, earlier: earlier.length, current: current.length });
  return words;
}
const joined = new WeakMap<
  readonly string[],
  WeakMap<readonly string[], { words: string[]; earlier: number; current: number }>
>();

/**
 * A later session's turns for the quality report (buildQualityReport), each interviewer turn not
 * already coded coded as the report codes it, but with the earlier sessions' child turns before
 * the child's words so far. Unchanged (a copy) when there are no earlier words, so a single
 * session's report is exactly as before.
 * @param turns the session's turns in order; @param earlierChildWords oldest first;
 * @param childAgeYears the child's age in years, as the report takes it.
 */
export function codedWithEarlierSessions(
  turns: readonly Turn[],
  language: Language,
  earlierChildWords: readonly string[],
  childAgeYears?: number,
): Turn[] {
  if (earlierChildWords.length === 0) return [...turns];
  const childSaid = [...earlierChildWords];
  return turns.map((turn) => {
    if (turn.speaker === 'child') childSaid.push(...childSaidOf(turn));
    if (turn.speaker !== 'interviewer' || turn.coding) return turn;
    // The same growing array every time: the coach extends its cached vocabulary of it by the
    // new turns instead of reading a fresh copy of the whole interview per question.
    const coding = classifyQuestion(turn.text, language, { childWords: childSaid, childAgeYears });
    return { ...turn, coding };
  });
}
