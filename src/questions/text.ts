// Text helpers shared by the classifier and the transcript tools. Kept allocation-light because
// classification runs on every keystroke.

const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;
const FOLD_MAP: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '`': "'",
  '\u00b4': "'",
  '\u201c': ' ',
  '\u201d': ' ',
  '\u201e': ' ',
  '\u00ab': ' ',
  '\u00bb': ' ',
  '"': ' ',
};
const FOLD_CHARS =
  /[\u2018\u2019\u201a\u201b\u2032`\u00b4\u201c\u201d\u201e\u00ab\u00bb"\u2010-\u2015]/g;

/**
 * Lower case, accents removed, quotes straightened, keeping exactly one output character per
 * input character, so that a match in the folded text can be sliced out of the original.
 */
export function fold(text: string): string {
  // The classifier folds the same strings many times (the utterance for the decision, cue and
  // suggestion; each word of the child's turns when a suggestion quotes the child): memoised,
  // bounded (cleared when full, so a long session cannot grow it without limit).
  const hit = foldCache.get(text);
  if (hit !== undefined) return hit;
  const out = computeFold(text);
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(text, out);
  return out;
}

const FOLD_CACHE_LIMIT = 20_000;
const foldCache = new Map<string, string>();
// Accent removal per character, memoised: String.prototype.normalize per character is slow.
const baseChar = new Map<string, string>();

function computeFold(text: string): string {
  let s = text.toLowerCase();
  if (s.length !== text.length)
    s = text.replace(/./gsu, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c));
  if (NON_ASCII.test(s)) {
    let out = '';
    for (const c of s) {
      if (c.charCodeAt(0) < 0x80 || c.length > 1) {
        out += c;
        continue;
      }
      let folded = baseChar.get(c);
      if (folded === undefined) {
        const base = c.normalize('NFD').replace(COMBINING, '');
        folded = base.length === 1 ? base : c;
        if (baseChar.size < 4096) baseChar.set(c, folded);
      }
      out += folded;
    }
    s = out;
  }
  return s.replace(FOLD_CHARS, (c) => FOLD_MAP[c] ?? '-');
}

/** Folded text with single spaces and no outer whitespace: what the lexicon patterns see. */
export function normalise(text: string): string {
  const hit = normaliseCache.get(text);
  if (hit !== undefined) return hit;
  const out = fold(text).replace(SPACES, ' ').trim();
  if (normaliseCache.size >= FOLD_CACHE_LIMIT) normaliseCache.clear();
  normaliseCache.set(text, out);
  return out;
}

const normaliseCache = new Map<string, string>();

export interface Sentence {
  /** Normalised sentence without leading ¿/¡ and without final punctuation. */
  text: string;
  /** Ends with "?" or starts with "¿". */
  question: boolean;
}

const SENTENCE_END = /[.!?]+(?=\s|$)/g;
// Abbreviated titles before a name (en and es-419), normalised: their period is not a full stop.
const TITLE_BEFORE = /(?:^|[^a-z])(?:mr|mrs|ms|dr|sr|sra|srta|prof|lic)$/;

/** Splits a normalised utterance into sentences on ., ! and ? followed by space. */
export function splitSentences(normalised: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(normalised)) !== null) {
    // "Mr. Ray", "la Sra. López": the period of a title ends no sentence.
    if (m[0] === '.' && TITLE_BEFORE.test(normalised.slice(Math.max(0, m.index - 6), m.index)))
      continue;
    const end = m.index + m[0].length;
    pushSentence(out, normalised.slice(start, end));
    start = end;
  }
  if (start < normalised.length) pushSentence(out, normalised.slice(start));
  return out;
}

function pushSentence(out: Sentence[], raw: string): void {
  let s = raw.trim();
  if (s.length === 0) return;
  const opensQuestion = s.startsWith('¿');
  s = s.replace(/^[¿¡\s'(\-–,]+/, '');
  const question = opensQuestion || /\?\s*['")]*$/.test(s);
  s = s.replace(/[\s.!?…;:'")]+$/, '').trim();
  if (s.length === 0) return;
  out.push({ text: s, question });
}

// Apostrophes inside a word ("didn't", "neighbor's") belong to it; one that opens or closes a
// single-quoted phrase ("he 'got mad'") does not.
const WORD = /[a-z0-9ñ]+(?:'[a-z0-9ñ]+)*/g;

/** Word tokens of a normalised string. */
export function words(normalised: string): readonly string[] {
  // One utterance's words are asked for by several checks in turn (presumption, definite article,
  // modifiers, child words...): the last few answers are kept. Few enough that only the checks of
  // the same utterance share them; the array is shared, hence read-only.
  for (let i = 0; i < recentWords.length; i++) {
    const hit = recentWords[i];
    if (hit && hit.text === normalised) return hit.words;
  }
  const out = normalised.match(WORD) ?? [];
  recentWords[nextWords] = { text: normalised, words: out };
  nextWords = (nextWords + 1) % RECENT_WORDS;
  return out;
}
const RECENT_WORDS = 8;
const recentWords: Array<{ text: string; words: readonly string[] } | undefined> =
  new Array<undefined>(RECENT_WORDS).fill(undefined);
let nextWords = 0;

/**
 * The stems of `words(normalised)`, in the same order: one utterance's words are stemmed once and
 * the array shared by the checks that read it in turn (presumed details, sensitive details, the
 * child's reused words), like words() itself. Read-only for the same reason.
 */
export function wordStems(normalised: string, language: 'en' | 'es'): readonly string[] {
  for (let i = 0; i < recentStems.length; i++) {
    const hit = recentStems[i];
    if (hit && hit.text === normalised && hit.language === language) return hit.stems;
  }
  const stems = words(normalised).map((w) => stem(w, language));
  recentStems[nextStems] = { text: normalised, language, stems };
  nextStems = (nextStems + 1) % RECENT_WORDS;
  return stems;
}
const recentStems: Array<
  { text: string; language: 'en' | 'es'; stems: readonly string[] } | undefined
> = new Array<undefined>(RECENT_WORDS).fill(undefined);
let nextStems = 0;

// Stemming is the hot path of presumption checks over a long interview: memoise it, bounded.
const STEM_CACHE_LIMIT = 50_000;
const stemCache: Record<'en' | 'es', Map<string, string>> = { en: new Map(), es: new Map() };

/** A light stemmer: enough to match "touched" with "touching" or "tocó" with "tocar". */
export function stem(word: string, language: 'en' | 'es'): string {
  const cache = stemCache[language];
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
  const result = computeStem(word, language);
  cache.set(word, result);
  return result;
}

function computeStem(word: string, language: 'en' | 'es'): string {
  // Irregular verb forms share the stem of their infinitive ("met" / "meeting", "bought" / "buy",
  // "hizo" / "hacer"), so the child's own verb is recognised in another form (review 6, C8).
  const lemma = IRREGULAR[language].get(word);
  if (lemma !== undefined) return computeStem(lemma, language);
  let w = word.replace(/'s$/, '').replace(/'/g, '');
  if (w.length <= 3) return w;
  if (language === 'en') {
    // A root ending in -er ("remember", "answer", "sister") keeps it in every form: "remember",
    // "remembered" and "remembers" share one stem (ER_WORDS); an agent noun or comparative in
    // -er ("yeller", "hitter") still meets its verb ("yelled", "hit").
    const root = w.replace(/(?:ing|ed|s)$/, '');
    if (ER_WORDS.has(w) || ER_WORDS.has(root)) return ER_WORDS.has(w) ? w : root;
    if (!w.endsWith('ss')) {
      w = w.replace(/(ing|ed|es|s|ers|er|ies|ied)$/, (suffix) =>
        suffix === 'ies' || suffix === 'ied' ? 'y' : '',
      );
    }
    // "rubbed" -> "rubb" -> "rub", so that it meets "rub".
    if (/([b-df-hj-km-np-tv-z])\1$/.test(w) && !/(ll|ss)$/.test(w)) w = w.slice(0, -1);
    // "take" -> "tak", so that it meets "taking" and "taked" -> "tak" (a silent final e is
    // dropped before -ing and -ed).
    else if (w.length >= 4 && /[b-df-hj-np-tv-z]e$/.test(w)) w = w.slice(0, -1);
  } else {
    w = w.replace(
      // -amos / -emos / -imos (and -ábamos, -íamos): the child's "jugamos", "hablamos", "comimos"
      // meet "jugar", "hablaste", "comió" (coach28).
      /(abamos|iamos|aron|ieron|aban|aba|abas|amos|emos|imos|ando|iendo|ados|adas|ado|ada|idos|idas|ido|ida|ar|er|ir|aste|iste|o|a|as|os|es|e|s)$/,
      '',
    );
  }
  return w.length >= 3 ? w : word;
}

// English words whose final -er is part of the root, not an agent or comparative suffix: their
// forms keep it ("remembered" / "remember", "sisters" / "sister"). Hearth's list of words met in
// interviews; interview frame verbs first (remember, answer, wonder), then family, body and
// everyday nouns.
const ER_WORDS: ReadonlySet<string> = new Set(
  (
    'remember answer wonder bother whisper order offer suffer enter cover discover deliver ' +
    'consider matter murder gather register surrender shiver stagger flicker ' +
    'sister brother mother father daughter finger shoulder liver ' +
    'water paper letter number corner dinner summer winter river tower flower shower ' +
    'monster computer trailer border center soccer hamburger butter chapter danger ' +
    'under over after never ever other together whether either neither later'
  ).split(' '),
);

/** Irregular verb form -> infinitive, from "form form ... : infinitive" lines (normalised). */
function irregularTable(lines: readonly string[]): ReadonlyMap<string, string> {
  const table = new Map<string, string>();
  for (const line of lines) {
    const [forms = '', lemma = ''] = line.split(':').map((part) => part.trim());
    for (const form of forms.split(' ')) if (form) table.set(form, lemma);
  }
  return table;
}

// Common irregular verbs of children's accounts. English: past and participle (forms that are
// also everyday nouns or directions, "left", "saw" as a tool, are kept: a shared stem only
// makes a child's word count as said). Spanish: irregular preterite stems, normalised; "fue" and
// "fui" belong to both ir and ser, and are mapped to ir.
const IRREGULAR: Record<'en' | 'es', ReadonlyMap<string, string>> = {
  en: irregularTable([
    'met : meet',
    'bought : buy',
    'told : tell',
    'took taken : take',
    'went gone : go',
    'saw seen : see',
    'came : come',
    'gave given : give',
    'got gotten : get',
    'made : make',
    'said : say',
    'felt : feel',
    'kept : keep',
    'held : hold',
    'brought : bring',
    'thought : think',
    'caught : catch',
    'ran : run',
    'sat : sit',
    'slept : sleep',
    'wore worn : wear',
    'hid hidden : hide',
    'knew known : know',
    'drove driven : drive',
    'ate eaten : eat',
    'fell fallen : fall',
    'found : find',
    'threw thrown : throw',
    'stuck : stick',
    'shook shaken : shake',
    'sent : send',
    'spent : spend',
    'stole stolen : steal',
    'woke woken : wake',
    'began begun : begin',
    'taught : teach',
    'paid : pay',
    'sold : sell',
    'lay : lie',
    'did done : do',
    'had : have',
    // The other common irregular verbs of English (past and participle; the standard tables of
    // irregular verbs, e.g. Quirk et al. 1985, A Comprehensive Grammar of the English Language,
    // 3.11-3.17): a child's "he broke it" is the interviewer's "break" (heldout20, session 19;
    // the table above had only the verbs met earlier, so the kind was missing, not one verb).
    'broke broken : break',
    'bit bitten : bite',
    'spoke spoken : speak',
    'wrote written : write',
    'rode ridden : ride',
    'blew blown : blow',
    'drew drawn : draw',
    'drank drunk : drink',
    'swam swum : swim',
    'sang sung : sing',
    'rang rung : ring',
    'hung : hang',
    'dug : dig',
    'fought : fight',
    'flew flown : fly',
    'forgot forgotten : forget',
    'forgave forgiven : forgive',
    'froze frozen : freeze',
    'grew grown : grow',
    'led : lead',
    'lost : lose',
    'meant : mean',
    'heard : hear',
    'built : build',
    'bent : bend',
    'chose chosen : choose',
    'shot : shoot',
    'slid : slide',
    'stood : stand',
    'understood : understand',
    'struck stricken : strike',
    'swore sworn : swear',
    'swung : swing',
    'tore torn : tear',
    'won : win',
    'fed : feed',
    'fled : flee',
    'bled : bleed',
    'crept : creep',
    'dealt : deal',
    'left : leave',
    'lent : lend',
    'lit : light',
    'knelt : kneel',
    'wept : weep',
    'spat : spit',
    'spun : spin',
    'stung : sting',
    'stank stunk : stink',
    'sank sunk : sink',
    'shrank shrunk : shrink',
    'beaten : beat',
    'became : become',
    'rose risen : rise',
    'shone : shine',
    'shown : show',
    'undid undone : undo',
    'sought : seek',
    'bound : bind',
    'laid : lay',
    'smelt : smell',
    'burnt : burn',
    'dreamt : dream',
    'spilt : spill',
    'learnt : learn',
    // Short verbs in -ie: "tied" would stem to "ty" and miss the child's "tie".
    'tied ties tying : tie',
    'died dies dying : die',
  ]),
  es: irregularTable([
    'hizo hice hiciste hicieron hicimos hecho : hacer',
    'dijo dije dijiste dijeron dijimos dicho : decir',
    'puso puse pusiste pusieron puesto : poner',
    'vino vine viniste vinieron : venir',
    'tuvo tuve tuviste tuvieron : tener',
    'estuvo estuve estuviste estuvieron : estar',
    'quiso quise quisiste quisieron : querer',
    'pudo pude pudiste pudieron : poder',
    'trajo traje trajiste trajeron : traer',
    'vio vi viste vieron visto : ver',
    'dio di diste dieron : dar',
    'fui fue fuiste fueron fuimos : ir',
    'supo supe supiste supieron : saber',
    // Irregular imperfects: the child's "iba" said back as "ibas" (RAE/ASALE, NGLE 4.9).
    'iba ibas ibamos iban : ir',
    // Short preterites whose stem would fall under three letters ("caíste" / "caí").
    'cai caiste cayo cayeron caimos : caer',
    'lei leiste leyo leyeron : leer',
    'era eras eramos eran : ser',
    // Stem-changing verbs (e -> ie, o -> ue, u -> ue): "juego" / "jugamos", "cierra" / "cerró".
    'juego juegas juega juegan jugamos jugaba jugabas jugabamos jugaban jugue jugo : jugar',
    'cierra cierras cierran cierro : cerrar',
    'duerme duermes duermen duermo durmio durmieron : dormir',
    'acuesta acuestas acuestan : acostar',
    'muestra muestras muestran mostro : mostrar',
    'despierta despiertas despiertan despierto : despertar',
    'encuentra encuentras encuentran encontro : encontrar',
    'siente sientes sienten sintio : sentir',
    'quiere quieres quieren quiero : querer',
    'puede puedes pueden puedo : poder',
    'tiene tienes tienen tengo : tener',
    'viene vienes vienen vengo : venir',
  ]),
};

/**
 * The cue as the interviewer wrote it (accents and capitals kept: "tocó", not "toco"). `cue` is
 * a piece of the normalised text; fold() keeps one character per input character, so the match
 * in the folded original can be sliced out of the original. Falls back to the folded cue.
 */
export function displayCue(cue: string, original: string): string {
  const folded = fold(original);
  if (folded.length !== original.length) return cue;
  // Fast path, no allocation but the slice: the cue as a whole word, spelled as folded. This runs
  // on every coded utterance; building a Unicode RegExp per call was a tenth of the coach's time.
  if (cue.length > 0) {
    for (let i = folded.indexOf(cue); i >= 0; i = folded.indexOf(cue, i + 1)) {
      if (!isWordChar(folded, i - 1) && !isWordChar(folded, i + cue.length))
        return original.slice(i, i + cue.length);
    }
  }
  // A list of unsaid words ("cuantos, anos") is shown word by word in the interviewer's spelling
  // ("Cuántos, años"): the list is not a phrase of the utterance (practitioner review 6, C5).
  if (cue.includes(', ') && !folded.includes(cue))
    return cue
      .split(', ')
      .map((part) => displayCue(part, original))
      .join(', ');
  const pattern = cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  // A whole-word match first: the tag "no" must come from "¿no?", not from inside "dueño"
  // (folded "dueno"), which once showed the interviewer the cue "ño" (es-419 review 4).
  const whole = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'u').exec(folded);
  const m = whole ?? new RegExp(pattern).exec(folded);
  return m ? original.slice(m.index, m.index + m[0].length) : cue;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The character at `i` of `s` is a letter or digit (out of range: no). */
function isWordChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return WORD_CHAR.test(s.charAt(i));
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
