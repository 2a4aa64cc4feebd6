// "Asked and answered" across turns: a focused question (wh- or yes/no) that asks again what the
// child has already answered in this interview ("Did he say anything?" / "No." / "Did he say
// anything to you?"). Repeating an answered question tells the child the first answer was not
// the one wanted; children, young ones most, then change answers (Garven, Wood, Malpass & Shaw
// 1998, J Appl Psychol 83:347-359, "asked and answered" in the McMartin interviews; Poole &
// White 1991, Dev Psychol 27:975-986, repeated yes/no questions within one interview; Krähenbühl,
// Blades & Eiser 2009, Legal Criminol Psychol 14:263-278, repeated questions make children change
// answers). Repeated open invitations ("Tell me more") are not this (Poole & White 1991 found
// repeated open questions harmless; NICHD repeats them by design), so only focused questions are
// compared.
//
// What counts as an answer (Hearth's reading of the sources, coach32):
// - any words of the child, including "I don't know" / "I don't remember": the ground rules tell
//   the child those are good answers (NICHD revised 2014, ground rules; Lamb et al. 2018), and
//   asking the same question again after them tells the child they were not accepted (Garven et
//   al. 1998 define the technique by the question, not by the answer);
// - NOT an unclear reply: nothing, a transcriber's note only ("[inaudible]", "(nods)"), hesitation
//   sounds, or a question back ("What?", "¿Mande?", "Huh?"). The child has not answered, and
//   asking again (or for words instead of a nod) is the clarification every protocol allows.
//
// The same question is found by its words, not its punctuation: connectives, the implied
// recipient ("to you", «a ti»), subject pronouns Spanish drops («él», «ella»), negation, "any"
// and "some", and tense auxiliaries are set aside; the rest is compared stem by stem, in any order.
import { normalise, splitSentences, stem, words } from './text';
import type { AnsweredQuestion, Language } from './types';

/** One earlier question, ready to compare. */
interface Key {
  /** Sorted stems of its content. */
  key: string;
}

// Words set aside before comparing (normalised: no accents, lower case).
const LIGHT: Record<Language, ReadonlySet<string>> = {
  en: new Set([
    'and',
    'so',
    'okay',
    'ok',
    'now',
    'well',
    'then',
    'um',
    'uh',
    'just',
    'really',
    'actually',
    'ever',
    'again',
    'still',
    'please',
    'do',
    'does',
    'did',
    'didn',
    'didnt',
    "didn't",
    'doesn',
    "doesn't",
    "don't",
    'dont',
    'has',
    'have',
    'had',
    "hasn't",
    "haven't",
    'not',
    'no',
    'at',
    'any',
    'some',
    'the',
    'a',
    'an',
    'maybe',
    'alright',
    'right',
    'yeah',
    'oh',
  ]),
  es: new Set([
    'y',
    'entonces',
    'bueno',
    'pues',
    'ok',
    'okay',
    'este',
    'a',
    'ti',
    'mi',
    'el',
    'ella',
    'tu',
    'usted',
    'no',
    'nunca',
    'otra',
    'vez',
    'de',
    'nuevo',
    'alguna',
    'algun',
    'ya',
    'la',
    'lo',
    'los',
    'las',
    'un',
    'una',
    'ha',
    'has',
    'habia',
    'acaso',
    'oye',
    'mira',
    'ahora',
    'luego',
    'haber',
    'eh',
    'mmm',
    'si',
    'verdad',
  ]),
};
// "anything" / "something" / "nothing", «algo» / «nada» name the same open slot.
const SAME_SLOT: Record<Language, ReadonlyMap<string, string>> = {
  en: new Map([
    ['anything', 'thing'],
    ['something', 'thing'],
    ['nothing', 'thing'],
    ['anybody', 'one'],
    ['somebody', 'one'],
    ['anyone', 'one'],
    ['someone', 'one'],
    ['nobody', 'one'],
    ['anywhere', 'where'],
    ['somewhere', 'where'],
    ['nowhere', 'where'],
    ["he's", 'he'],
    ["she's", 'she'],
    ['said', 'say'],
    ['told', 'tell'],
  ]),
  es: new Map([
    ['algo', 'algo'],
    ['nada', 'algo'],
    ['alguien', 'alguien'],
    ['nadie', 'alguien'],
    ['dicho', 'dijo'],
    ['hecho', 'hizo'],
    ['dije', 'dijo'],
  ]),
};

// The implied recipient or listener: "to you", "with you", "at all", «a ti», «contigo».
const RECIPIENT: Record<Language, RegExp> = {
  en: /\b(?:to|with) (?:you|me)\b|\bat all\b/g,
  es: /\ba (?:ti|mi)\b|\b(?:contigo|conmigo)\b/g,
};

/** The comparable content of one question sentence: sorted stems, or '' when too little is left. */
function keyOf(sentence: string, language: Language): string {
  const light = LIGHT[language];
  const slot = SAME_SLOT[language];
  const kept: string[] = [];
  for (const w of words(sentence.replace(RECIPIENT[language], ' '))) {
    const w2 = slot.get(w) ?? w;
    if (light.has(w2)) continue;
    kept.push(stem(w2, language));
  }
  // Two content words at least ("he say thing"): "What?" or "Really?" compare with nothing.
  if (kept.length < 2) return '';
  return [...new Set(kept)].sort().join(' ');
}

// A reply that is not an answer: a transcriber's note only, hesitation, or a question back.
const NOTE_ONLY = /^(?:[[(][^\])]*[\])]\s*)+$/;
const HESITATION = /^(?:u+m+|u+h+|m+|h+m+|e+h+|a+h+|este)[.,!…\s]*$/;
const ASKS_BACK: Record<Language, RegExp> = {
  en: /^(?:what|huh|pardon|sorry|excuse me|what do you mean|say that again|what did you say)\b.*$|\?$/,
  es: /^(?:que|mande|como|eh|perdon|que dijiste|no (?:te )?entendi|no entiendo)\b.*$|\?$/,
};

/**
 * Whether the child's reply answers the question (see the file comment: "I don't know" does; a
 * note, hesitation or a question back does not).
 * @param answer the child's turn(s) after the question, as typed or transcribed.
 */
export function isAnswer(answer: string, language: Language): boolean {
  const norm = normalise(answer);
  if (norm.length === 0 || NOTE_ONLY.test(norm) || HESITATION.test(norm)) return false;
  const bare = norm.replace(/^[¿¡]\s*/, '');
  // A question back, with or without its mark ("what?", "¿mande?"), asks for the question again.
  return !ASKS_BACK[language].test(bare);
}

interface KeyCache {
  language: Language;
  keys: Key[];
  /** How many entries of the array have been read. */
  done: number;
}
// Per array: a dialogue or session appends to its own array, so only new entries are read.
const keyCache = new WeakMap<readonly AnsweredQuestion[], KeyCache>();

/** The keys of the answered questions, kept per array (a dialogue grows its array in place). */
function answeredKeys(answered: readonly AnsweredQuestion[], language: Language): Key[] {
  let hit = keyCache.get(answered);
  // A different language, or an array that shrank (entries replaced, not appended): read anew.
  if (!hit || hit.language !== language || hit.done > answered.length) {
    hit = { language, keys: [], done: 0 };
    keyCache.set(answered, hit);
  }
  // Only the entries added since the last call are read.
  for (let i = hit.done; i < answered.length; i++) {
    const a = answered[i];
    if (!a || !isAnswer(a.answer, language)) continue;
    for (const s of splitSentences(normalise(a.question))) {
      const key = keyOf(s.text, language);
      if (key) hit.keys.push({ key });
    }
  }
  hit.done = answered.length;
  return hit.keys;
}

/**
 * The question sentence of `norm` that asks again an earlier question the child has answered,
 * or undefined.
 * @param focused the utterance's focused question sentences (wh- or closed), normalised.
 * @param answered the interview's earlier questions with the child's replies, oldest first.
 */
export function askedAgain(
  focused: readonly string[],
  answered: readonly AnsweredQuestion[],
  language: Language,
): string | undefined {
  if (answered.length === 0 || focused.length === 0) return undefined;
  const keys = answeredKeys(answered, language);
  if (keys.length === 0) return undefined;
  for (const sentence of focused) {
    const key = keyOf(sentence, language);
    if (key && keys.some((k) => k.key === key)) return sentence;
  }
  return undefined;
}

/** A turn as the helper below reads it (a Turn, a live note mapped to its speaker). */
export interface SpokenTurn {
  speaker: string; // 'interviewer' and 'child' are read; any other speaker is skipped
  text: string;
}

/**
 * The interview's interviewer turns with the child's replies, for `ClassifyContext.answered`:
 * each interviewer turn followed by one or more child turns (joined); turns of anyone else are
 * skipped and an interviewer turn with no child turn after it is left out.
 * @param turns the interview's turns so far, in order (not the one being coded).
 */
export function answeredOf(turns: readonly SpokenTurn[]): AnsweredQuestion[] {
  const out: AnsweredQuestion[] = [];
  let question: string | undefined;
  let replies: string[] = [];
  const close = (): void => {
    if (question !== undefined && replies.length > 0)
      out.push({ question, answer: replies.join(' ') });
  };
  for (const t of turns) {
    if (t.speaker === 'interviewer') {
      close();
      question = t.text;
      replies = [];
    } else if (t.speaker === 'child' && question !== undefined) replies.push(t.text);
  }
  close();
  return out;
}
