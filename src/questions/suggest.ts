// What to ask instead of a risky utterance. A suggestion may hold only the child's own words
// (from the session so far) and neutral protocol wording: under NICHD coding an invitation is
// open only when its content comes from the child (Lamb et al. 2007, Child Abuse Negl
// 31:1201-1231), and Lyon's cure for "Can you tell me..." is to ask for the child's words, not
// to keep the interviewer's (Lyon 2014, Annu Rev Law Soc Sci 10:73-89). When no safe rewording
// exists, a general invitation is offered.
import type { Decision } from './decision';
import { lexiconFor, type Lexicon } from './lexicon';
import { sentencesOf } from './sentences';
import { fold, normalise, stem, words } from './text';
import type { ClassifyContext, Language } from './types';
import { childVocabulary, MORE_ACTS, type ChildVocabulary } from './vocabulary';

// "can you tell me X" -> X; the verb group is language-specific. A request for narrative ("Can
// you tell me about X?") is coded an invitation (classify.ts requestDecision) and needs no
// rewording; these shells remain for the faux invitations that stay option-posing ("Would you
// like to tell me...?", "Do you remember what...?").
const FAUX_TELL: Record<Language, RegExp> = {
  en: /^\s*(?:(?:ok(?:ay)?|so|and|now|well)[, ]+)*(?:can|could|would|will|might) you (?:please |maybe )?(?:tell|describe|explain|share|talk about|talk to me about|say)(?: (?:me|us))?\b/,
  es: /^\s*[¿¡]?\s*(?:(?:y|bueno|ok|entonces)[, ]+)*(?:me |nos )?(?:lo |la )?(?:puedes|podrias|puede|podria|pudieras|quieres|quisieras|querrias) (?:\S+ )?(?:contar|decir|describir|explicar|hablar|platicar|relatar)(?:me|nos|lo|la)*\b/,
};
const FAUX_KNOW: Record<Language, RegExp> = {
  en: /^\s*(?:(?:ok(?:ay)?|so|and|now|well)[, ]+)*(?:do|did) you (?:remember|recall|know)\b/,
  es: /^\s*[¿¡]?\s*(?:(?:y|bueno|ok|entonces)[, ]+)*(?:te acuerdas|recuerdas|te recuerdas|sabes)\b/,
};
// What may follow "Tell me" / "Cuéntame" in a rewrite: a topic or an open wh- clause, never
// "if/whether/si" (a yes/no question in disguise).
const REWRITABLE: Record<Language, RegExp> = {
  en: /^(?:about|what|how|who|where|when)\b/,
  es: /^(?:de|del|sobre|que|como|quien|donde|cuando)\b/,
};
// Spanish "de que" / "que" without the accent of the question word "qué" opens a clause.
const FACTIVE_REST = /^(?:de )?que\b/i;
const REMEMBER_OF = /^de (?=(?:qué|quién|quiénes|cómo|dónde|cuándo|cuál|lo que) )/i;
const PROCEDURAL_ASK =
  /\b(?:is it (?:ok(?:ay)?|alright|all right)|can i|may i|could i|esta bien|puedo|te parece) (?:if i |si te |que te )?(?:ask|asking|pregunt\w*|hac\w* (?:unas |mas )?preguntas)/;
// A child's turn that denies, refuses or corrects: "No." "Nothing." "That's not right."
const DENIAL =
  /^(?:no|nope|nah|nothing|nada|not really|i don'?t want to|no quiero|that'?s not (?:true|right|what happened)|no es (?:cierto|verdad|asi)|eso no (?:es|fue) (?:cierto|verdad|asi))\b/;
const COUNT = /\b(?:how many|how often|cuant[oa]s|cada cuanto|con que frecuencia)\b/;
const TRUTH_LIE =
  /\b(?:difference between (?:the )?truth and (?:a )?lie|what (?:is|does) (?:a lie|the truth|telling the truth)|diferencia entre (?:la )?verdad y (?:la )?mentira|que es (?:una mentira|la verdad|decir la verdad))\b/;

/**
 * A safe open prompt to ask instead of `original`, or undefined when none is needed.
 * Order: the protocol's own alternative (truth promise, "one time or more than one time"), a
 * faux invitation reworded without its yes/no shell when every content word is the child's,
 * the child's own phrase quoted back ("You said, “…”. Tell me more about that."), and otherwise
 * a general invitation. Never returns a content word that is neither the child's nor in
 * neutralVocabulary().
 */
export function buildSuggestion(
  original: string,
  d: Decision,
  lex: Lexicon,
  context?: ClassifyContext,
): string | undefined {
  // The putative confession is the team's decision, not something to reword.
  if (d.subtype === 'putative-confession') return undefined;
  // Two questions in one turn: which one to keep is the interviewer's call, not a rewording.
  if (d.reasonKey === 'compound') return undefined;
  // In the closing every rewording (the child's words quoted back, "Tell me more") would reopen
  // the allegation the closing is there to leave (NICHD 2014 closing: a neutral topic; ABE 2022
  // closure): no suggestion; the verdict and reason still say what the form is.
  if (context?.stage === 'closing') return undefined;
  const s = lex.suggestions;
  // A feeling put to the child: ask for it instead (Ahern & Lyon 2013).
  if (d.subtype === 'emotional') return s.howFeel;
  const folded = fold(original);
  if (d.subtype === 'truth-definition' || TRUTH_LIE.test(folded)) return s.truthPromise;
  if (d.subtype === 'time-or-count' && COUNT.test(folded)) return s.multipleIncidents;
  // "The last time..." before the child said it happened more than once: the protocol's question.
  if (d.reasonKey === 'assumedIncidents') return s.multipleIncidents;
  if (MORE_ACTS.test(folded)) return s.whatNext;
  const vocab = context?.childWords ? childVocabulary(context.childWords, lex) : undefined;
  if (d.subtype === 'faux-invitation') {
    const rest = fauxRest(original, folded, lex.language);
    if (rest && isSafe(rest, vocab, lex)) return s.fromFaux.replace('{rest}', rest);
  }
  // Asking permission or checking on the child needs no rewording; after a denial, "I don't
  // know", a refusal or a correction, pressing on (or quoting "no" back) would be suggestive.
  if (PROCEDURAL_ASK.test(folded)) return undefined;
  const last = context?.childWords?.at(-1);
  if (last !== undefined && (DENIAL.test(fold(last).trim()) || lex.idk.test(fold(last))))
    return undefined;
  // Outside the substantive part (rapport, practice, closing) the allegation invitation would
  // move to the allegation before its time (NICHD 2014: rapport and episodic practice first): a
  // rapport invitation, or the child's own words, instead.
  // A child who has only acknowledged ("okay", "mm", "sí") has said nothing to quote: quoting
  // "okay" back as the child's account would make an acknowledgement look like a disclosure.
  const latest = context?.childWords ? latestTurnWithContent(context.childWords, lex) : -1;
  if (context?.stage === 'pre-substantive' && latest < 0) return s.rapport;
  // Before the child has said anything substantive, "more about that" would point at the
  // interviewer's own words: open the topic instead (NICHD transition, Lamb et al. 2018).
  if (vocab && latest < 0) return s.opening;
  if (context?.childWords && vocab) {
    const phrase = childPhrase(d.focus, context.childWords, vocab, lex, latest);
    if (phrase) return s.childPhrase.replace('{phrase}', phrase);
  }
  return s.generic;
}

// Words a child acknowledges with, in either language (speech-recognition text mixes them).
const ACKNOWLEDGEMENTS = new Set([
  'ok',
  'okay',
  'yes',
  'yeah',
  'yea',
  'yep',
  'yup',
  'sure',
  'right',
  'alright',
  'no',
  'nope',
  'nah',
  'si',
  'sip',
  'aja',
  'ajam',
  'bueno',
  'pues',
  'ya',
  'mhm',
  'mm',
  'mmm',
  'hm',
  'hmm',
  'hmmm',
  'uh',
  'huh',
  'um',
  'umm',
  'uhum',
  'ujum',
  'ah',
  'oh',
  'eh',
]);
// "I don't know" and its kind quote nothing either; a longer turn holding it may ("I don't know
// his name, he was tall").
const IDK_MAX_WORDS = 5;

/**
 * Whether a child turn says anything beyond an acknowledgement: false for "Okay.", "Mm-hm.",
 * "Sí.", "Ajá, sí.", "Yeah, okay." (every word an acknowledgement or the lexicon's facilitator)
 * and for a short "I don't know" / "No sé"; true for anything else ("he was there").
 */
function turnHasContent(turn: string, lex: Lexicon): boolean {
  const folded = fold(turn);
  const all = words(folded);
  if (all.length <= IDK_MAX_WORDS && lex.idk.test(folded)) return false;
  return all.some((w) => !ACKNOWLEDGEMENTS.has(w) && !lex.facilitator.test(w));
}

/**
 * The index of the child's latest turn that has content (turnHasContent), or -1 when every
 * turn is an acknowledgement. Reads from the end and stops at the first such turn.
 */
function latestTurnWithContent(childWords: readonly string[], lex: Lexicon): number {
  for (let i = childWords.length - 1; i >= 0; i--)
    if (turnHasContent(childWords[i] ?? '', lex)) return i;
  return -1;
}

/** The remainder of "Can you tell me about X?" / "Do you remember what X?" (original spelling). */
function fauxRest(original: string, folded: string, language: Language): string | undefined {
  const m = FAUX_TELL[language].exec(folded) ?? FAUX_KNOW[language].exec(folded);
  if (!m) return undefined;
  const rest = original
    .slice(m[0].length)
    .replace(/[?¿!.\s]+$/, '')
    .trim();
  // "¿Te acuerdas de que te tocó?" (unaccented "que"): a factive clause, not an open topic.
  if (FACTIVE_REST.test(rest)) return undefined;
  // "¿Te acuerdas de qué pasó?" -> "Cuéntame qué pasó." (the "de" belongs to "acordarse de").
  const topic = rest.replace(REMEMBER_OF, '');
  return topic.length > 0 && REWRITABLE[language].test(normalise(topic)) ? topic : undefined;
}

/** Every word is a function word, neutral protocol wording, or a word the child has said. */
function isSafe(text: string, vocab: ChildVocabulary | undefined, lex: Lexicon): boolean {
  const neutral = neutralVocabulary(lex.language);
  for (const w of words(normalise(text))) {
    if (neutral.has(w)) continue;
    if (vocab?.stems.has(stem(w, lex.language))) continue;
    return false;
  }
  return true;
}

/** Longest quote of the child: a whole sentence or clause up to this many words. */
const MAX_PHRASE_WORDS = 20;
/** Only the child's most recent turns are searched: the echo should be what the child just said. */
const RECENT_TURNS = 30;

/**
 * The child turn that shares most content words with the utterance (else the child's latest
 * turn): the whole sentence (sentences.ts) holding the first shared word, or its clause when the
 * sentence is longer than MAX_PHRASE_WORDS words (no quote when neither fits), in the
 * child's own spelling.
 */
function childPhrase(
  focus: string,
  childWords: readonly string[],
  vocab: ChildVocabulary,
  lex: Lexicon,
  latestWithContent: number,
): string | undefined {
  const wanted = new Set<string>();
  for (const w of words(focus))
    if (w.length >= 3 && !lex.stopwords.has(w) && !lex.functionWords.has(w))
      wanted.add(stem(w, lex.language));
  // Without a shared word, the child's latest turn with content (not a bare "okay"): what the
  // interviewer is following up.
  // The recent turn sharing most stems, the latest of equals; read from the turns listed under
  // each wanted stem (vocab.stemTurns) rather than by trying every recent turn.
  let bestTurn = latestWithContent;
  let bestScore = 0;
  const first = Math.max(0, vocab.turns.length - RECENT_TURNS);
  const scores = new Map<number, number>();
  for (const w of wanted) {
    const list = vocab.stemTurns.get(w);
    if (list)
      for (let k = list.length - 1; k >= 0 && (list[k] ?? -1) >= first; k--) {
        const i = list[k] ?? 0;
        scores.set(i, (scores.get(i) ?? 0) + 1);
      }
  }
  for (const [i, score] of scores)
    if (score > bestScore || (score === bestScore && i > bestTurn)) {
      bestScore = score;
      bestTurn = i;
    }
  if (bestTurn < 0) return undefined;
  // The whole sentence that holds the first shared word (else the turn's first sentence): a
  // quote cut at "Mr." or mid-sentence puts words in the child's mouth in a form it never said.
  const sentences = turnSentences(childWords[bestTurn] ?? '', lex.language);
  const holds = (piece: Piece) => {
    for (const s of wanted) if (piece.stems.has(s)) return true;
    return false;
  };
  const sentence = sentences.find(holds) ?? sentences[0];
  if (sentence === undefined) return undefined;
  // A long sentence: its clause that holds the word, whole; none short enough, no quote.
  const quote =
    sentence.words <= MAX_PHRASE_WORDS
      ? sentence.text
      : clausesOf(sentence, lex.language).find((c) => holds(c) && c.words <= MAX_PHRASE_WORDS)
          ?.text;
  if (quote === undefined) return undefined;
  const phrase = quote.replace(/^[¿¡"“'(]+|[.,;:!?…"”')]+$/g, '');
  return phrase.length > 0 ? phrase : undefined;
}

// The sentences of one child turn, memoised and bounded like tokenStems(): a flagged utterance
// quotes one of the same recent turns every time, and Intl.Segmenter over the turn was the
// largest single cost of a suggestion (session 16 profile). Keyed by the turn's text, so an edited
// turn is segmented again; the arrays are never handed out to callers of the public API.
const SENTENCE_CACHE_LIMIT = 5_000;
const sentenceCache: Record<Language, Map<string, readonly Piece[]>> = {
  en: new Map(),
  es: new Map(),
};

/**
 * A sentence or clause of a child's turn, with what the quote choice asks of it computed once
 * per turn rather than once per flagged utterance: the stems of its tokens (does it hold a word
 * of the utterance?) and its word count.
 */
interface Piece {
  text: string;
  stems: ReadonlySet<string>;
  words: number;
  /** The clauses of a sentence, split at "," ";" ":" (made when first asked for). */
  clauses?: readonly Piece[];
}

function pieceOf(text: string, language: Language): Piece {
  const stems = new Set<string>();
  for (const token of text.split(/\s+/)) for (const s of tokenStems(token, language)) stems.add(s);
  return { text, stems, words: wordCount(text) };
}

function clausesOf(sentence: Piece, language: Language): readonly Piece[] {
  sentence.clauses ??= sentence.text.split(/(?<=[,;:])\s+/).map((c) => pieceOf(c, language));
  return sentence.clauses;
}

function turnSentences(turn: string, language: Language): readonly Piece[] {
  const cache = sentenceCache[language];
  const hit = cache.get(turn);
  if (hit) return hit;
  const out = sentencesOf(turn, language).map((s) => pieceOf(s, language));
  if (cache.size >= SENTENCE_CACHE_LIMIT) cache.clear();
  cache.set(turn, out);
  return out;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

// The stems of one token of a child's turn, memoised and bounded like fold() and stem(): the same
// turns are searched on every flagged utterance of a session (normalising each token per call was
// a twentieth of the coach's time).
const TOKEN_CACHE_LIMIT = 20_000;
const tokenCache: Record<Language, Map<string, readonly string[]>> = {
  en: new Map(),
  es: new Map(),
};

function tokenStems(token: string, language: Language): readonly string[] {
  const cache = tokenCache[language];
  const hit = cache.get(token);
  if (hit) return hit;
  const out = words(normalise(token)).map((w) => stem(w, language));
  if (cache.size >= TOKEN_CACHE_LIMIT) cache.clear();
  cache.set(token, out);
  return out;
}

const neutralCache = new Map<Language, ReadonlySet<string>>();

/**
 * The neutral vocabulary of a language: the words of the suggestion templates (protocol wording:
 * "Tell me more about that", "What happened next?", the NICHD multiple-incident and truth-promise
 * questions) plus closed-class function words. Folded (lower case, no accents).
 */
export function neutralVocabulary(language: Language): ReadonlySet<string> {
  const cached = neutralCache.get(language);
  if (cached) return cached;
  const lex = lexiconFor(language);
  const out = new Set<string>(lex.functionWords);
  for (const template of Object.values(lex.suggestions))
    for (const w of words(normalise(template.replace(/\{\w+\}/g, ' ')))) out.add(w);
  neutralCache.set(language, out);
  return out;
}
