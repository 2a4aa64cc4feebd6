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
      'read fight fights forgot call stay sleep bit bites ate bought broke brought built came caught did drew drank drove fell felt found ' +
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
  es: /(?:[^n]ó|..é|..í|..ía|..ían|aba|aban|aron|ieron|amos|imos|emos|ando|iendo|yendo|...ara|iera)$/,
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
      const first = tokens.indexOf(span[0]!);
      const from = negatedFrom(tokens, first, tools.language);
      // A negated word is a verb ("didn't pay", "no los pagó"): its cue is the child's clause,
      // never the bare negated verb (R18-10); a noun phrase is its own cue.
      const clause = from === undefined ? undefined : clauseOf(tokens, first, tools);
      const phrase =
        from === undefined
          ? answer.slice(span[0]!.start, span[span.length - 1]!.end)
          : clause && answer.slice(clause.start, clause.end);
      if (phrase !== undefined && !out.includes(phrase)) out.push(phrase);
    }
    span = [];
    links = 0;
  };
  for (const [at, t] of tokens.entries()) {
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
      // A verb never ends a subject ("The man pushed") and is never a chip alone: "You said,
      // “hit”." quotes no sentence the child said. Its cue is the child's whole clause ("he hit
      // me", "A big dog bit my hand"), as a cued invitation quotes the child (R18-10).
      flush();
      if (t.stems.some((x) => tools.wanted.has(x))) {
        const clause = clauseOf(tokens, at, tools);
        if (clause !== undefined) {
          const phrase = answer.slice(clause.start, clause.end);
          if (!out.includes(phrase)) out.push(phrase);
        }
      }
    } else {
      if (last?.kind === 'word' && last.name) flush();
      span.push(t);
    }
  }
  flush();
  return out;
}

/** Longest clause offered as a cue, in words ("Un perro grande me mordió la mano" is 7). */
export const MAX_CLAUSE_WORDS = 8;

/** Words that join two clauses: a clause cue stops at them ("I cried | and Grandma came"). */
const CLAUSE_JOINERS: Readonly<Record<TrainingLanguage, ReadonlySet<string>>> = {
  en: new Set('and but because so then when while after before or until'.split(' ')),
  es: new Set('y e pero porque entonces cuando mientras o u hasta luego despues'.split(' ')),
};

/**
 * The child's clause around the verb at tokens[at]: from the word after the last clause mark or
 * joiner before it to the word before the next, its negation and clitics included ("He didn't
 * stop", "No se paró", "A big dog bit my hand"). Undefined when the clause holds a word of no
 * told fact (a detail the interviewer supplied, which a cue must never confirm) or is longer
 * than MAX_CLAUSE_WORDS. Hearth's rule; the quoted cued invitation is the NICHD one ("You said
 * [the child's words]. Tell me more about that.", Lamb, Brown, Hershkowitz, Orbach & Esplin 2018).
 */
function clauseOf(
  tokens: readonly Token[],
  at: number,
  tools: PhraseTools,
): { start: number; end: number } | undefined {
  const joiners = CLAUSE_JOINERS[tools.language];
  const bound = (t: Token) => t.kind === 'break' || joiners.has(t.fold);
  const language = tools.language;
  let from = at;
  for (;;) {
    while (from > 0 && !bound(tokens[from - 1]!)) from--;
    // "me and my mom fight", "Mi mamá y yo nos peleábamos": an "and" joining two subjects is no
    // clause boundary; the clause runs on when no verb stands before it.
    const joiner = tokens[from - 1];
    if (
      joiner === undefined ||
      joiner.kind === 'break' ||
      !/^(?:and|y|e|or|o|u)$/u.test(joiner.fold)
    )
      break;
    let start = from - 1;
    while (start > 0 && !bound(tokens[start - 1]!)) start--;
    const before = tokens.slice(start, from - 1);
    if (before.length === 0 || before.some((w, i) => looksLikeVerb(w, before[i - 1], language)))
      break;
    from = start;
  }
  let to = at;
  while (to + 1 < tokens.length && !bound(tokens[to + 1]!)) to++;
  // A clause that is the verb alone ("and left", "y lloré", "and knocked") quotes no more than a
  // bare verb: its whole sentence is the cue ("Then he said bye and left").
  const own = tokens
    .slice(from, to + 1)
    .filter((w, i) => from + i !== at && !bareVerbWord(w, tools.language));
  // In Spanish a verb with its clitics or negation is a whole clause ("no se paró", "le grité");
  // in English it needs its subject ("he didn't stop").
  const bare = own.length === 0 && (language === 'en' || to === from);
  if (bare) {
    while (from > 0 && !/[.!?;:¿¡]/u.test(tokens[from - 1]!.text)) from--;
    while (to + 1 < tokens.length && !/[.!?;:]/u.test(tokens[to + 1]!.text)) to++;
    // The sentence without its opening "And then", «Y luego».
    while (from < at && joiners.has(tokens[from]!.fold)) from++;
  }
  const count = () => tokens.slice(from, to + 1).filter((w) => w.kind !== 'break').length;
  // A long Spanish clause goes without its subject, as Spanish says it ("empujó muy fuerte al
  // papá de Sam"); an English one would be a fragment.
  if (count() > MAX_CLAUSE_WORDS && language === 'es' && !bare) {
    from = at;
    while (from > 0 && bareVerbWord(tokens[from - 1]!, language)) from--;
  }
  const words = tokens.slice(from, to + 1);
  if (count() > MAX_CLAUSE_WORDS) return undefined;
  if (words.some((w) => w.kind === 'word' && !w.stems.every((x) => tools.joinable.has(x))))
    return undefined;
  return { start: tokens[from]!.start, end: tokens[to]!.end };
}

/** A negator, clitic or auxiliary: with the verb alone it still quotes only the verb. */
function bareVerbWord(t: Token, language: TrainingLanguage): boolean {
  return (
    NEGATORS[language].has(t.fold.replace(/’/gu, "'")) ||
    NEGATED_CLITICS[language].has(t.fold) ||
    (language === 'en' && NOT_AUXILIARIES.has(t.fold))
  );
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

/** English subject pronouns and modals: the word after them is a verb. */
const SUBJECT_OR_MODAL: ReadonlySet<string> = new Set(
  "i he she we they can can't cannot could couldn't will won't would wouldn't should must".split(
    ' ',
  ),
);

/**
 * Whether a word reads as a verb here: a listed form or a verb ending, unless an article comes
 * just before it ("the locked door", "la panadería") or it is a name ("Lucía"). A Spanish
 * preterite in -ó is a verb even after "lo"/"los", which are then pronouns ("No los pagó").
 */
function looksLikeVerb(t: Token, last: Token | undefined, language: TrainingLanguage): boolean {
  if (t.name) return false;
  const w = t.text.toLowerCase();
  // Any preterite in -ó ("caminó", "ganó", "pagó"); the -ón of "camión" ends in n.
  if (language === 'es' && /\p{L}{2}ó$/u.test(w)) return true;
  if (last?.kind === 'det' || last?.kind === 'link') return false;
  // After a subject pronoun or a modal an English word is a verb ("I stay", "he can't come").
  if (language === 'en' && last !== undefined && SUBJECT_OR_MODAL.has(last.fold)) return true;
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
