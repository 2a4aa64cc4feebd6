// Is an interviewer turn a question by its words, whatever its punctuation? Used for the
// FEW_QUESTION_MARKS warning (newcomer 17, N17-4): speech recognition often drops "?", and the
// warning must compare questions against marks, not count statements and requests ("Tell me
// more about that.") as missing a mark. The transcript's language is not known at import, so
// the test is bilingual and cheap: after leading fillers ("and", "so", "okay", "y", "entonces"),
// the turn opens with an English question word or auxiliary ("what", "did", "was"...) or a
// Spanish question word ("qué", "dónde", "por qué"...; the unaccented "que", "como", "cuando"
// also open statements and do not count), or it ends in a tag ("didn't he", "right", "¿verdad").
// Spanish yes/no questions have no such form ("¿Te dolió?") and are not found without their
// marks: the warning undercounts there, it never counts a statement.

const FILLERS = new Set([
  'and',
  'so',
  'okay',
  'ok',
  'well',
  'um',
  'uh',
  'now',
  'then',
  'y',
  'entonces',
  'bueno',
  'pues',
  'ahora',
  'ok.',
]);

const OPENERS = new Set([
  // English question words and auxiliaries that open a question.
  'what',
  "what's",
  'where',
  "where's",
  'when',
  'who',
  "who's",
  'whom',
  'whose',
  'why',
  'how',
  "how's",
  'which',
  'do',
  'does',
  'did',
  "don't",
  "doesn't",
  "didn't",
  'is',
  'are',
  'was',
  'were',
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  'can',
  'could',
  "can't",
  "couldn't",
  'would',
  "wouldn't",
  'will',
  "won't",
  'have',
  'has',
  'had',
  "haven't",
  "hasn't",
  'should',
  'shall',
  'may',
  'might',
  // Spanish question words (accented: the unaccented forms also open statements).
  'qué',
  'dónde',
  'adónde',
  'cuándo',
  'quién',
  'quiénes',
  'cómo',
  'cuál',
  'cuáles',
  'cuánto',
  'cuánta',
  'cuántos',
  'cuántas',
  'donde',
  'quien',
  'quienes',
  'cual',
  'cuales',
]);

/** Tags that make a statement a question: "..., didn't he", "..., right", "..., ¿verdad". */
const TAG =
  /(?:\b(?:did|do|does|was|is|were|are|could|would|will|have|has|had)n['’]?t\s+(?:he|she|it|they|you|i|we)|\bright|\bverdad|\bcierto)\s*[?.!]*$/iu;

/**
 * True when `text` is a question by its words (see the module comment), with or without "?".
 * "por qué"/"por que" counts as a question word pair.
 */
export function looksLikeQuestion(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[¿¡"“”(),;:]/g, ' ')
    .replace(/’/g, "'")
    .split(/\s+/)
    .filter((w) => w.length > 0);
  let i = 0;
  while (i < words.length - 1 && FILLERS.has((words[i] ?? '').replace(/[.,!]+$/, ''))) i++;
  const first = (words[i] ?? '').replace(/[.?!]+$/, '');
  const second = (words[i + 1] ?? '').replace(/[.?!]+$/, '');
  if (OPENERS.has(first)) return true;
  if (first === 'por' && (second === 'qué' || second === 'que')) return true;
  return TAG.test(text.trim());
}
