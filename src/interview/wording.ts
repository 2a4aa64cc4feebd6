// Comparing two wordings of one question as an interviewer would (observer suggestions, B19-1,
// audit 19e B19e-1). Exact words only: a court record never links a question by a guess.
import type { SessionState } from './state';

/** Case, spacing, punctuation and symbols aside, in one Unicode form. */
function normalized(t: string): string {
  return t
    .normalize('NFC')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase();
}

/**
 * Compares wordings the way an interviewer would: case, spacing, punctuation ("?", "¿", a final
 * full stop, quotation marks) and Unicode form aside, so "Cuéntame más del motel." typed as
 * "cuéntame más del motel" is the same question (audit B19-1). Words themselves must match.
 */
export function sameWording(a: string, b: string): boolean {
  return normalized(a) === normalized(b);
}

/**
 * The one accepted or rephrased suggestion a typed question asks, by its decided wording (the
 * suggestion's when accepted, the rephrasing when rephrased), among those not yet asked: the
 * interviewer typed the question rather than pressing "Use this wording" (audit 19e, B19e-1).
 * None when no wording matches, or when two waiting suggestions share it (which one was asked is
 * then not known, so neither is linked). An empty wording matches nothing.
 */
export function waitingSuggestionWorded(
  state: Readonly<SessionState>,
  question: string,
): string | undefined {
  if (normalized(question) === '') return undefined;
  const matches = [...state.suggestions]
    .filter(
      ([, s]) =>
        (s.decision === 'accepted' || s.decision === 'rephrased') &&
        !s.asked &&
        s.wording !== undefined &&
        sameWording(s.wording, question),
    )
    .map(([id]) => id);
  return matches.length === 1 ? matches[0] : undefined;
}
