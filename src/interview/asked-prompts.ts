// Which planned prompt an earlier session's question was (practitioner review 7, P7-3), so a later
// session marks it as asked: the no-repeat rule is about exactly the prompts with a blank to fill
// (talked-to, marks, worried, place) and the ones interviewers paraphrase ("Has anyone been
// bothering you?" for "Has somebody been bothering you?"). Repeating a closed question across
// interviews is what does harm (Memon & Vartoukian 1996; Poole & White 1991). Pure.
import { classifyQuestion } from '../questions';
import { fold, stem } from '../questions/text';

type Lang = 'en' | 'es';

/** A planned prompt as the matcher needs it: its id, its coded type and its wording. */
export interface PromptToMatch {
  id: string;
  kind: string;
  text: string;
}

const TOKEN = /[a-z0-9ñ']+/g;
const BLANK = '*';

// Indefinite pronouns an interviewer uses interchangeably ("somebody", "anyone"): one class, so
// the paraphrase matches the scripted question. Spanish uses "alguien" for all of them.
const SAME_WORD: Record<string, string> = {
  somebody: 'someone',
  anybody: 'someone',
  anyone: 'someone',
  something: 'something',
  anything: 'something',
};

// Words that carry no content of a prompt (auxiliaries, pronouns, articles, prepositions): an
// option-posing question is recognised by the prompt's other words (worried, bothering).
const FUNCTION_WORDS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(
    'is are was were has have had been be being do does did you your me my i the a an that this about to of at in on with someone something it what tell he she they them there if'.split(
      ' ',
    ),
  ),
  es: new Set(
    'a al de del el la los las un una te ti tu yo me mi se le les que qué ha han has he estado es esta está alguien algo en con por para sobre eso cuentame cuéntame'.split(
      ' ',
    ),
  ),
};

function words(text: string): string[] {
  return (fold(text).match(TOKEN) ?? []).map((w) => SAME_WORD[w] ?? w);
}

/**
 * A prompt's wording as patterns of words: a blank ("[the caregiver]") is a wildcard for one to
 * six words, an instruction in brackets ("[If yes:]") and a sentence end split the prompt, and
 * each pattern is the prompt from its start up to a split (the interviewer may type only the
 * first question). A prompt that is an instruction around a quoted question is asked as that
 * question.
 */
function patternsOf(text: string): string[][] {
  const quoted = /["\u201c]([^"\u201d]+)["\u201d]/.exec(text)?.[1];
  const source = quoted ?? text;
  const segments: string[][] = [[]];
  for (const piece of source.split(/(\[[^\]]*\])/)) {
    if (piece.startsWith('[')) {
      if (piece.trim().endsWith(':]')) segments.push([]);
      else segments[segments.length - 1]!.push(BLANK);
      continue;
    }
    const sentences = piece.split(/[.?!]+/);
    sentences.forEach((sentence, n) => {
      if (n > 0) segments.push([]);
      segments[segments.length - 1]!.push(...words(sentence));
    });
  }
  const nonEmpty = segments.filter((s) => s.length > 0);
  return nonEmpty.map((_, n) => nonEmpty.slice(0, n + 1).flat());
}

/** Whether `have` is exactly `pattern`, a blank standing for one to six words. */
function fits(pattern: readonly string[], have: readonly string[], p = 0, h = 0): boolean {
  if (p === pattern.length) return h === have.length;
  if (pattern[p] === BLANK) {
    for (let n = 1; n <= 6 && h + n <= have.length; n++)
      if (fits(pattern, have, p + 1, h + n)) return true;
    return false;
  }
  return have[h] === pattern[p] && fits(pattern, have, p + 1, h + 1);
}

/**
 * The same word inflected: equal stems, or one word the other's start ("bother", "bothering":
 * the stemmer gives "both" and "bother"), the shorter at least four letters.
 */
function sameWord(a: string, b: string, lang: Lang): boolean {
  if (stem(a, lang) === stem(b, lang)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}

/**
 * Whether the content words of `pattern` occur in `have`, in order, inflections alike, followed
 * by the words that end the pattern's question (who it is about: "…worried about you" is not met
 * by "Are you worried about the test?").
 */
function contentInOrder(pattern: readonly string[], have: readonly string[], lang: Lang): boolean {
  const isContent = (w: string) => w !== BLANK && !FUNCTION_WORDS[lang].has(w);
  const want = pattern.filter(isContent);
  if (want.length === 0) return false;
  let at = 0;
  for (const w of want) {
    let found = at;
    while (found < have.length && !sameWord(w, have[found]!, lang)) found++;
    if (found === have.length) return false;
    at = found + 1;
  }
  const lastContent = pattern.length - 1 - [...pattern].reverse().findIndex(isContent);
  const tail = pattern.slice(lastContent + 1).filter((w) => w !== BLANK);
  const rest = have.slice(at);
  return rest.some((_, i) => tail.every((w, j) => rest[i + j] === w)) || tail.length === 0;
}

/**
 * The id of the planned prompt `question` asks, or undefined. Matched on the prompt's fixed words
 * with each blank as a wildcard (any prefix of its sentences, "somebody"/"anyone" alike); an
 * option-posing prompt also matches a question the question coach codes option-posing that has
 * the prompt's content words in order ("Did anyone bother you?"). `language`: the session's.
 */
export function promptAsked(
  question: string,
  prompts: readonly PromptToMatch[],
  language: string,
): string | undefined {
  const lang: Lang = language === 'es' ? 'es' : 'en';
  const have = words(question);
  if (have.length === 0) return undefined;
  for (const p of prompts)
    if (patternsOf(p.text).some((pattern) => fits(pattern, have))) return p.id;
  const optionPosing = prompts.filter((p) => p.kind === 'option-posing');
  if (optionPosing.length === 0) return undefined;
  if (classifyQuestion(question, lang).type !== 'option-posing') return undefined;
  return optionPosing.find((p) => contentInOrder(patternsOf(p.text)[0] ?? [], have, lang))?.id;
}
