// The child's own phrases for cue words and chips: whole noun phrases cut out of the child's
// answer exactly as said ("the bus station", "ice cream", "la estación de autobuses"), never a
// compound split into its words ("ice" + "cream") nor a modifier left alone ("a blue").
//
// Hearth's own rule (no tagger: the child's answers come from the scenario's fact texts, so a
// phrase may join only words of the fact the child is telling, which keeps planted words out):
// a phrase is an optional article or possessive, then the told fact's words in a row, in Spanish
// at most one "de"/"del" link ("el bolsillo de la chamarra"). It ends before a word that reads
// as a verb after a noun ("The dog | bit", "El hombre | empujó") and after a name ("my uncle
// Ray", "mi tío Ray"). English adjectives come before the noun and Spanish ones after it, so the
// phrase runs to the noun in both languages.
import type { TrainingLanguage } from './types';

/** Articles, possessives and titles kept with the child's word, per language. */
export const DETERMINERS: Readonly<Record<TrainingLanguage, ReadonlySet<string>>> = {
  en: new Set(
    'the a an my his her our their your this these those some mr mrs ms dr miss'.split(' '),
  ),
  es: new Set(
    (
      'el la los las un una unos unas mi mis su sus tu tus al nuestro nuestra nuestros nuestras ' +
      'sr sra srta'
    ).split(' '),
  ),
};

/** Titles whose period is not the end of a sentence ("Mr. Dan"). */
const TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'sr', 'sra', 'srta']);

/** Nouns the child model treats as frame words ("part", "time") that still head a phrase. */
const FRAME_NOUNS: ReadonlySet<string> = new Set(
  'part parts time times thing things place story parte partes vez veces cosa cosas lugar cuento'.split(
    ' ',
  ),
);

/** Spanish prepositions that join two nouns into one phrase ("castillo de arena"). */
const LINKS: Readonly<Record<TrainingLanguage, ReadonlySet<string>>> = {
  en: new Set(),
  es: new Set(['de', 'del']),
};

// Common irregular verb forms a child's account uses after a subject noun ("The dog bit"). A
// closed class; regular past forms are caught by their ending.
const IRREGULAR_VERBS: Readonly<Record<TrainingLanguage, ReadonlySet<string>>> = {
  en: new Set(
    (
      'bit bites ate bought broke brought built came caught did drew drank drove fell felt found ' +
      'gave got grabbed had has hid hit hurt is was were are am kept knew left let lost made meant ' +
      'met paid put ran rang rode said sat saw sent shook shot slept sold spent spilled stood ' +
      'stole swam swung took taught tore told threw understood wore won wrote goes gets says ' +
      'comes lives locks buys posts sets sends touches makes takes'
    ).split(' '),
  ),
  es: new Set(
    (
      'dio fue vio hizo puso dijo vino tuvo trajo era es esta estaba estuvo hay habia cierra ' +
      'toca compra vive entra dice sube arregla pasa trabaja juego duermo quedo debo tiene va ' +
      'llega sale tenia traia fui fuimos fuiste hice hicimos tuve tuvimos vi vimos iba ibamos ' +
      'estuve puse dije estan estamos son soy eres somos'
    ).split(' '),
  ),
};

/** English day and month names: capitalised, yet not a person's name that ends a phrase. */
const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(
    ' ',
  ),
);

/** Nouns that end like a verb form ("Saturday morning", "a wedding ring"). */
const ING_NOUNS: ReadonlySet<string> = new Set(
  'morning evening ceiling building wedding pudding ring spring string thing something nothing anything everything king sibling earring clothing stuffing swing wing icing frosting painting drawing meeting'.split(
    ' ',
  ),
);

/** Endings of a verb form when the word follows a noun (regular past, imperfect, plural). */
const VERB_ENDING: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /(?:..ed|..ing)$/,
  es: /(?:[^n]ó|..é|..í|..ía|..ían|aba|aban|aron|ieron|amos|imos|emos|ando|iendo|yendo)$/,
};

/** Adverbs and locatives that follow a noun without belonging to it ("my bike | outside"). */
const BREAKERS: ReadonlySet<string> = new Set(
  (
    'outside inside behind near toward towards everywhere away back down up off out over ' +
    'really very too home there here without until ago halfway through most ' +
    'afuera adentro detras cerca hacia ahi alli aqui muy bien encima abajo arriba luego despues ' +
    'antes casi todas todos todo toda junto hasta desde sin'
  ).split(' '),
);

/**
 * Negators a child's verb keeps in a chip ("didn't stop", "no se paró"): a bare "stop" from "he
 * didn't stop" says the opposite of what the child said (practitioner review R18-10).
 */
const NEGATORS: Readonly<Record<TrainingLanguage, ReadonlySet<string>>> = {
  en: new Set(
    (
      "not never didn't don't doesn't wasn't weren't isn't aren't won't can't couldn't " +
      "wouldn't shouldn't haven't hasn't hadn't didn’t don’t doesn’t wasn’t weren’t isn’t " +
      'aren’t won’t can’t couldn’t wouldn’t haven’t hasn’t hadn’t'
    ).split(' '),
  ),
  es: new Set(['no', 'nunca', 'jamas', 'ni', 'sin']),
};

/** English verbs whose "to" negates the verb after it ("forgot to lock": it was not locked). */
const NEGATING_TO: ReadonlySet<string> = new Set(
  'forgot forget forgets refused refuse failed fail'.split(' '),
);

/** Words between a negator and its verb: Spanish clitics ("no se paró", "no me lo dio"). */
const NEGATED_CLITICS: Readonly<Record<TrainingLanguage, ReadonlySet<string>>> = {
  en: new Set(),
  es: new Set('me te se le les lo la los las nos'.split(' ')),
};

/** English auxiliaries that go with a following "not" ("did not stop"). */
const NOT_AUXILIARIES: ReadonlySet<string> = new Set(
  'did do does was were is are am could would should will can have has had'.split(' '),
);

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]+/gu;

export interface PhraseTools {
  language: TrainingLanguage;
  /** Content stems of a word (empty for a stopword or frame word). */
  stemsOf(word: string): string[];
  /** Stems of the told fact's own words: only these may join a phrase. */
  joinable: ReadonlySet<string>;
  /** Stems of the told fact's keywords: a phrase is offered only when it holds one. */
  wanted: ReadonlySet<string>;
}

interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'det' | 'link' | 'word' | 'stop' | 'break';
  fold: string;
  stems: string[];
  name: boolean;
  sentenceStart: boolean;
}

/**
 * The child's phrases in `answer` that name a told fact, in order, each an exact slice of the
 * answer (casing, accents, inflection and hyphens as said), without duplicates.
 *
 * @param answer the child's answer as shown to the trainee
 * @param tools  the language's word tools and the told facts' stems (see PhraseTools)
 * @returns phrases such as "the bus station", "a gray hoodie", "la estación de autobuses"
 */
export function childPhrases(answer: string, tools: PhraseTools): string[] {
  const tokens = tokenise(answer, tools);
  const out: string[] = [];
  let span: Token[] = [];
  let links = 0;
  const flush = (): void => {
    while (span.length > 0 && span[span.length - 1]!.kind !== 'word') span.pop();
    const words = span.filter((t) => t.kind === 'word');
    if (words.some((t) => t.stems.some((s) => tools.wanted.has(s)))) {
      const from = negatedFrom(tokens, tokens.indexOf(span[0]!), tools.language);
      const phrase = answer.slice(from ?? span[0]!.start, span[span.length - 1]!.end);
      if (!out.includes(phrase)) out.push(phrase);
    }
    span = [];
    links = 0;
  };
  for (const t of tokens) {
    const last = span[span.length - 1];
    if (t.kind === 'break' || t.kind === 'stop') {
      flush();
    } else if (t.kind === 'det') {
      // "de la chamarra": an article after a link continues the phrase; otherwise it starts one.
      if (last?.kind !== 'link') flush();
      span.push(t);
    } else if (t.kind === 'link') {
      if (last?.kind === 'word' && links === 0) {
        span.push(t);
        links++;
      } else flush(); // "era de chocolate": a phrase never starts with "de"; "chocolate" stays.
    } else if (!t.stems.every((s) => tools.joinable.has(s)) || BREAKERS.has(t.fold)) {
      // A word of no told fact (a detail the interviewer supplied) or an adverb never joins.
      flush();
      if (!BREAKERS.has(t.fold)) {
        span.push(t);
        flush();
      }
    } else if (looksLikeVerb(t, last, tools.language)) {
      // A verb is its own cue word ("pushed"), never the end of a subject ("The man pushed").
      flush();
      span.push(t);
      flush();
    } else {
      if (last?.kind === 'word' && last.name) flush();
      span.push(t);
    }
  }
  flush();
  return out;
}

/**
 * Where a phrase starting at tokens[at] begins once its negation is kept: the offset of the
 * negator just before it ("didn't | stop", "did not | stop", "no se | paró"), or undefined when
 * the phrase is not negated. A phrase starting with an article is a noun phrase and keeps its
 * own start ("no | la bici" is still "la bici"). Hearth's rule (R18-10).
 */
function negatedFrom(
  tokens: readonly Token[],
  at: number,
  language: TrainingLanguage,
): number | undefined {
  if (at <= 0 || tokens[at]?.kind !== 'word') return undefined;
  let i = at - 1;
  while (i >= 0 && NEGATED_CLITICS[language].has(tokens[i]!.fold)) i--;
  const negator = tokens[i];
  if (negator?.fold === 'to' && NEGATING_TO.has(tokens[i - 1]?.fold ?? ''))
    return tokens[i - 1]!.start;
  if (!negator || !NEGATORS[language].has(negator.fold.replace(/’/gu, "'"))) return undefined;
  const aux = tokens[i - 1];
  if (negator.fold === 'not' && aux && NOT_AUXILIARIES.has(aux.fold)) return aux.start;
  return negator.start;
}

/**
 * Whether a word reads as a verb here: a listed form or a verb ending, unless an article comes
 * just before it ("the locked door", "la panadería") or it is a name ("Lucía"). A Spanish
 * preterite in -ó is a verb even after "lo"/"los", which are then pronouns ("No los pagó").
 */
function looksLikeVerb(t: Token, last: Token | undefined, language: TrainingLanguage): boolean {
  if (t.name) return false;
  const w = t.text.toLowerCase();
  if (language === 'es' && /[^n]ó$/.test(w)) return true;
  if (last?.kind === 'det' || last?.kind === 'link') return false;
  return (
    IRREGULAR_VERBS[language].has(t.fold) ||
    (VERB_ENDING[language].test(w) && !ING_NOUNS.has(t.fold))
  );
}

function foldAccents(w: string): string {
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function tokenise(answer: string, tools: PhraseTools): Token[] {
  const out: Token[] = [];
  let sentenceStart = true;
  for (const m of answer.matchAll(TOKEN)) {
    const text = m[0];
    const start = m.index;
    const end = start + text.length;
    const previous = out[out.length - 1];
    if (text === '.' && previous !== undefined && TITLES.has(previous.fold)) continue;
    if (!/[\p{L}\p{N}]/u.test(text)) {
      out.push({
        text,
        start,
        end,
        kind: 'break',
        fold: '',
        stems: [],
        name: false,
        sentenceStart,
      });
      if (/[.!?¿¡]/.test(text)) sentenceStart = true;
      continue;
    }
    const lower = text.toLowerCase();
    const possessive = /['’]s$/u.test(lower);
    const bare = text.replace(/['’]s$/u, '');
    const stems = tools.stemsOf(bare);
    const folded = foldAccents(lower);
    // A contraction ("he'd") is a pronoun and a verb, never part of a noun phrase.
    const contraction = /['’]/u.test(text) && !possessive;
    const kind: Token['kind'] = LINKS[tools.language].has(lower)
      ? 'link'
      : DETERMINERS[tools.language].has(folded)
        ? 'det'
        : contraction
          ? 'stop'
          : stems.length > 0 || FRAME_NOUNS.has(folded)
            ? 'word'
            : 'stop';
    // A capitalised word inside a sentence is a name ("Ray", "Sam"); a possessive name ("Sam's
    // dad") works as a determiner and does not end the phrase.
    // Day and month names are capitalised in English but head a phrase ("Saturday morning").
    const name =
      kind === 'word' &&
      !sentenceStart &&
      /^\p{Lu}/u.test(text) &&
      !possessive &&
      !CALENDAR_WORDS.has(folded);
    out.push({ text, start, end, kind, fold: folded, stems, name, sentenceStart });
    sentenceStart = false;
  }
  return out;
}
