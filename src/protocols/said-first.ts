// Who said a word first: the interviewer or the child. One matcher for the live guidance (which
// never builds a cued invitation on a word an interviewer question brought in) and for the
// extended interview's reconnect topics (src/interview/child-topics.ts), so the two rules agree.
// A word the interviewer said first and the child then echoed ("Was it in the basement?" / "yes,
// the basement") stays the interviewer's: NICHD coding counts an utterance as suggestive when it
// assumes details the child has not revealed (Lamb et al. 2007), and an echoed detail is the
// source-monitoring contamination path (La Rooy, Lamb & Pipe 2009). Matching is
// inflection-tolerant with the question coach's own folding and stemmer ("basements" meets
// "basement", "tocó" meets "tocar"). Pure.
import { fold, stem } from '../questions/text';

type Lang = 'en' | 'es';

const TOKEN = /[a-z0-9ñ']+/g;

/** The two languages the stemmer knows; any other code is matched as English. */
export function matchLanguage(language: string): Lang {
  return language === 'es' ? 'es' : 'en';
}

/** Tokens of a text: folded stem and the span in the original (fold keeps one char per char). */
export function wordTokens(
  text: string,
  language: Lang,
): Array<{ stem: string; start: number; end: number }> {
  const folded = fold(text);
  const out: Array<{ stem: string; start: number; end: number }> = [];
  for (const m of folded.matchAll(TOKEN))
    out.push({ stem: stem(m[0], language), start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Where the keyword's words occur in `text`: token indexes of the first match's first and last
 * word, or null when the text does not contain them (inflections alike).
 */
export function findWords(
  text: string,
  keyword: string,
  language: Lang,
): { at: number; end: number } | null {
  const want = wordTokens(keyword, language).map((t) => t.stem);
  if (want.length === 0) return null;
  const have = wordTokens(text, language);
  for (let i = 0; i + want.length <= have.length; i++) {
    if (want.every((s, j) => have[i + j]!.stem === s)) {
      return { at: i, end: i + want.length - 1 };
    }
  }
  return null;
}

/** An interviewer's question as it was said (every version) and when (ms since session start). */
export interface SaidQuestion {
  elapsedMs: number;
  versions: readonly string[];
}

/**
 * The first of `questions` that said `keyword` (inflections alike), or undefined. `questions`
 * must hold only questions asked before the child's turn being checked.
 */
export function firstSaying(
  questions: readonly SaidQuestion[],
  keyword: string,
  language: string,
): SaidQuestion | undefined {
  const lang = matchLanguage(language);
  return questions.find((q) => q.versions.some((v) => findWords(v, keyword, lang) !== null));
}
