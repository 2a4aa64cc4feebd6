// Word-level view of an utterance for the simulated child: which remembered facts a question is
// about, and which content words it supplies that the child never experienced. Uses the
// question coach's own normaliser, stemmer and stopwords so both see the same words.
import { lexiconFor } from '../questions/lexicon';
import { normalise, stem, words } from '../questions/text';
import { textsFor } from './texts';
import type { Fact, Lure, Scenario, TrainingLanguage } from './types';

export interface WordTools {
  language: TrainingLanguage;
  /** Stems of content words, in order of appearance, without duplicates. */
  contentStems(text: string): Array<{ stem: string; word: string }>;
  stemsOf(texts: readonly string[]): Set<string>;
  /**
   * Stems of the text's words that name something of concern: an act, a body part, a weapon
   * (the coach's presumptive stems, src/questions lexicon), and the stem of any abuse or
   * exploitation label the coach flags ("the abuse", "your pimp").
   */
  concernStems(text: string): Set<string>;
  /** The first abuse or exploitation label of the coach's lexicon in the text (folded), if any. */
  labelIn(text: string): string | undefined;
  /** Folded text, as the coach's patterns see it. */
  normalise(text: string): string;
  /**
   * Stems of every word that is not a stopword, frame words included ("helped", "look"): what a
   * wh- question shares with a remembered fact's wording, to pick the fact it asks about.
   */
  sharedStems(text: string): Set<string>;
  /** Stems of every word of the text, stopwords included (a question's verb: "tell", "told"). */
  allStems(text: string): Set<string>;
}

const tools = new Map<TrainingLanguage, WordTools>();

/**
 * Frame words for matching what a trainee types, never shown: an interviewer trained in Spain may
 * type "vosotros", which must not count as a detail planted in the child's account. Kept in code
 * so that the es-419 locale file holds only Latin American forms.
 */
const INPUT_ONLY_FRAME_WORDS: Partial<Record<TrainingLanguage, readonly string[]>> = {
  es: ['vosotros', 'vosotras'],
};

const ES_INFINITIVE_CLITIC = /(?:ar|er|ir)(?:me|te|se|nos|lo|la|los|las|le|les)$/u;

export function wordTools(language: TrainingLanguage): WordTools {
  const cached = tools.get(language);
  if (cached) return cached;
  const lex = lexiconFor(language);
  const texts = textsFor(language);
  // Frame words are matched as words (with their own inflections: "remembered" for "remember"),
  // never by a shared stem alone: a stem collision must not hide a content word ("sábado" and
  // "sabes" share "sab", "comida" and "como" share "com"). Content verbs and harms ("bit",
  // "hurt") are not frame words; "a little bit" is removed as a phrase (framePhrases).
  const frameWords = [...texts.frameWords, ...(INPUT_ONLY_FRAME_WORDS[language] ?? [])].map((w) =>
    normalise(w).replace(/'/g, ''),
  );
  const frameExact = new Set(frameWords);
  const frameStems = new Map(frameWords.map((w) => [w, stem(w, language)]));
  const isFrame = (w: string, s: string): boolean =>
    frameExact.has(w) ||
    // A Spanish infinitive with an object clitic ("decirme", "contarte", "escucharlos") is a verb
    // of the interview's frame, not a detail; an act of concern keeps its weight through
    // concernStems, which reads every word.
    (language === 'es' && ES_INFINITIVE_CLITIC.test(w) && !lex.presumptiveStems.has(s)) ||
    frameWords.some((f) => w.startsWith(f) && frameStems.get(f) === s && f.length >= 4);
  const phrases = texts.framePhrases.map((p) => normalise(p));
  const withoutPhrases = (text: string): string =>
    phrases.reduce((t, p) => t.replace(new RegExp(`(^|\\s)${p}(?=\\s|$)`, 'gu'), ' '), text);
  const skip = (w: string): boolean => w.length < 3 || lex.stopwords.has(w);
  const made: WordTools = {
    language,
    normalise,
    contentStems(text) {
      const out: Array<{ stem: string; word: string }> = [];
      const seen = new Set<string>();
      for (const w of words(withoutPhrases(normalise(text)))) {
        if (skip(w)) continue;
        const s = stem(w, language);
        if (isFrame(w.replace(/'/g, ''), s) || seen.has(s)) continue;
        seen.add(s);
        out.push({ stem: s, word: w });
      }
      return out;
    },
    allStems(text) {
      return new Set(words(normalise(text)).map((w) => stem(w, language)));
    },
    sharedStems(text) {
      const out = new Set<string>();
      for (const w of words(normalise(text))) if (!skip(w)) out.add(stem(w, language));
      return out;
    },
    concernStems(text) {
      const out = new Set<string>();
      for (const w of words(normalise(text))) {
        const s = stem(w, language);
        if (lex.presumptiveStems.has(s)) out.add(s);
      }
      const label = lex.label.exec(normalise(text));
      if (label) out.add(stem(label[0].trim(), language));
      return out;
    },
    labelIn(text) {
      return lex.label.exec(normalise(text))?.[0].trim();
    },
    stemsOf(texts) {
      const out = new Set<string>();
      for (const t of texts) for (const { stem: s } of this.contentStems(t)) out.add(s);
      return out;
    },
  };
  tools.set(language, made);
  return made;
}

/**
 * The words of `text` as typed, keyed by their folded form (the `word` of contentStems):
 * "¿Dónde te tocó?" gives toco -> "tocó". A capital at the start of a sentence is lowered; a
 * capital inside one (a name) is kept. When a folded form occurs twice, the first spelling wins.
 * A Spanish verb the interviewer put to the child with "te" comes back in the child's person
 * ("te tocó" -> "me tocó"), as a child answers; the verb form itself is the interviewer's.
 */
export function surfaceWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let sentenceStart = true;
  let previous = '';
  // "Mr. Dan", "la Sra. López": the title's period ends no sentence, and the name is shown with
  // its title, in the interviewer's words (audit N18e-7), never as the stem "dan".
  let title = '';
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[.!?¿¡]/gu)) {
    const token = m[0];
    if (token === '.' && TITLES.has(previous)) {
      title = `${text.slice(m.index - previous.length, m.index)}.`;
      continue;
    }
    if (/^[.!?¿¡]$/u.test(token)) {
      sentenceStart = true;
      previous = '';
      title = '';
      continue;
    }
    const word = sentenceStart ? token.toLowerCase() : token;
    const named = title !== '' && /^\p{Lu}/u.test(token) ? `${title} ${token}` : word;
    title = '';
    const shown = previous === 'te' ? `me ${named}` : named;
    sentenceStart = false;
    previous = token.toLowerCase();
    for (const w of words(normalise(token))) if (!out.has(w)) out.set(w, shown);
  }
  return out;
}

/** Titles written before a name (en, es-419), lower case, without their period. */
const TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'sr', 'sra', 'srta', 'prof', 'lic']);

/** Everything the child could truly say: every fact's words and keywords (the event and the
 * practice event), the alias, rapport talk. */
export function memoryStems(scenario: Scenario, t: WordTools): Set<string> {
  return t.stemsOf([
    scenario.alias,
    ...scenario.rapport,
    ...scenario.facts.flatMap((f) => [
      f.text,
      ...(f.retold ? [f.retold] : []),
      ...f.keywords,
      // True of the fact though the child does not say them: never a false detail (types.ts).
      ...(f.alsoCalled ?? []),
    ]),
    ...(scenario.practiceEvent ?? []).flatMap((f) => [f.text, ...f.keywords]),
  ]);
}

/**
 * Stems true of the substantive event only: its facts (with their other true words) and the
 * child's name. Neither the rapport talk nor the practice event is the event: a place from them
 * put into a summary of the event moves the event (audit N18d-12).
 */
export function eventMemoryStems(scenario: Scenario, t: WordTools): Set<string> {
  return t.stemsOf([
    scenario.alias,
    ...scenario.facts.flatMap((f) => [
      f.text,
      ...(f.retold ? [f.retold] : []),
      ...f.keywords,
      ...(f.alsoCalled ?? []),
    ]),
  ]);
}

export function keywordStems(item: Fact | Lure, t: WordTools): Set<string> {
  return t.stemsOf(item.keywords);
}
