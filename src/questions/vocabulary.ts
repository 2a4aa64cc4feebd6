// The child's words so far, for presumption checks, cued invitations and safe suggestions.
// Cached per childWords array and extended incrementally, because the live coach calls the
// classifier on every keystroke with the same, growing array.
import {
  bodySenseDiminutives,
  garmentNumberVariants,
  isKinStem,
  pronounsConflict,
  subjectPronouns,
} from './es-forms';
import { impliedPartsOf } from './implied-parts';
import { execGated } from './gate';
import type { Lexicon } from './lexicon';
import { saidInAnotherForm } from './phrase-forms';
import { pluralPersonStem, pluralPersonUnsaid } from './person-number';
import { PhraseIndex } from './phrase-index';
import { normalise, stem, words, wordStems } from './text';
import type { Language } from './types';

export interface ChildVocabulary {
  /** stem -> the child's own surface form (first seen). */
  stems: Map<string, string>;
  /** Multi-word sensitive details the child has said (checked as each turn arrives). */
  phrases: Set<string>;
  /** The child's turns, normalised, in order (for labels and phrase look-ups). */
  turns: string[];
  /** The stems of each turn, in the same order (for choosing the phrase to echo). */
  turnStems: Array<ReadonlySet<string>>;
  /** stem -> the indices of the turns whose `turnStems` hold it, ascending. */
  stemTurns: Map<string, number[]>;
  /** First four letters of each word of four or more letters (lenient match across inflection). */
  prefixes: Set<string>;
  /**
   * The turns that assert what they say (no denial or doubt), without punctuation and
   * person-canonical: what a restatement may echo (see echoesChild). Built once per turn, not
   * once per question.
   */
  assertedTurns: string[];
  /**
   * Spanish: the subject pronouns (es-forms.ts subjectPronouns) the child used with each asserted
   * turn's canonical form, joined over the turns that share it: «¿Ella te abrazó?» does not echo
   * «él me abrazó» (coach42). Empty in English.
   */
  assertedPronouns: Map<string, string>;
  /** The other turns, person-canonical, with their negation or doubt words (see echoesChild). */
  doubtfulTurns: Array<{ canonical: string; doubts: readonly string[] }>;
  /** `turns`, `assertedTurns` and `doubtfulTurns` by word, each distinct one once (phrase-index.ts). */
  turnIndex: PhraseIndex<string>;
  assertedIndex: PhraseIndex<string>;
  doubtfulIndex: PhraseIndex<{ canonical: string; doubts: readonly string[] }>;
  /**
   * Spanish only: the child's content words under the inflections the stemmer does not join
   * (spanishForms), key -> the child's surface form. Empty in English.
   */
  forms: Map<string, string>;
  /** Stems of the body parts the child's named acts are done with (implied-parts.ts). */
  impliedParts: Set<string>;
  /**
   * impliedParts and the parts implied for open questions only (the hand of a touch, a grab):
   * "What did he do with his hand when he touched you?" asks about it, "Did he use his hand?"
   * after "he touched me" still offers it as an option (a touch may be with another part).
   */
  impliedPartsOpen: Set<string>;
  /**
   * Labels already looked up in the child's turns (childSaidLabel): whether the child said one,
   * and how many turns were read to say no.
   */
  labelsSaid: Map<string, { checked: number; said: boolean }>;
}

interface CacheEntry {
  length: number;
  vocab: ChildVocabulary;
}

const caches: Record<Language, WeakMap<readonly string[], CacheEntry>> = {
  en: new WeakMap(),
  es: new WeakMap(),
};

/** The vocabulary of `childWords` (cached per array; grows as the array grows). */
export function childVocabulary(childWords: readonly string[], lex: Lexicon): ChildVocabulary {
  const cache = caches[lex.language];
  let entry = cache.get(childWords);
  if (!entry || entry.length > childWords.length) {
    entry = {
      length: 0,
      vocab: {
        stems: new Map(),
        phrases: new Set(),
        turns: [],
        turnStems: [],
        stemTurns: new Map(),
        prefixes: new Set(),
        assertedTurns: [],
        assertedPronouns: new Map(),
        doubtfulTurns: [],
        turnIndex: new PhraseIndex(),
        assertedIndex: new PhraseIndex(),
        doubtfulIndex: new PhraseIndex(),
        forms: new Map(),
        labelsSaid: new Map(),
        impliedParts: new Set(),
        impliedPartsOpen: new Set(),
      },
    };
    cache.set(childWords, entry);
  }
  for (let i = entry.length; i < childWords.length; i++)
    addWords(entry.vocab, childWords[i] ?? '', lex);
  entry.length = childWords.length;
  return entry.vocab;
}

function addWords(vocab: ChildVocabulary, text: string, lex: Lexicon): void {
  const norm = normalise(text);
  vocab.turns.push(norm);
  const implied = impliedPartsOf(norm, lex.language);
  for (const part of implied.closed) vocab.impliedParts.add(part);
  for (const part of implied.open) vocab.impliedPartsOpen.add(part);
  vocab.turnIndex.add(norm, norm);
  const bare = bareWords(norm);
  const doubts = bare.match(UNSURE_ALL);
  const canonical = personCanonical(bare, 'child');
  if (!doubts) {
    if (lex.language === 'es') {
      const pronouns = subjectPronouns(bare);
      vocab.assertedPronouns.set(
        canonical,
        (vocab.assertedPronouns.get(canonical) ?? '') + pronouns,
      );
    }
    vocab.assertedTurns.push(canonical);
    vocab.assertedIndex.add(canonical, canonical);
  } else {
    const turn = { canonical, doubts };
    vocab.doubtfulTurns.push(turn);
    vocab.doubtfulIndex.add(canonical, turn, `${canonical}\u0000${doubts.join('\u0000')}`);
  }
  // Checked per turn rather than on a growing joined string, which would be re-flattened
  // (quadratic) on every question of a long interview.
  // (A turn with none of them anywhere, the usual case, is not tried phrase by phrase.)
  if (lex.anyPresumptivePhrase.test(norm))
    for (const phrase of lex.presumptivePhrases)
      if (containsPhrase(norm, phrase)) vocab.phrases.add(phrase);
  const turnStems = new Set<string>();
  for (const w of words(norm)) {
    const s = stem(w, lex.language);
    turnStems.add(s);
    if (!vocab.stems.has(s)) vocab.stems.set(s, w);
    if (w.length >= PREFIX) vocab.prefixes.add(w.slice(0, PREFIX));
    if (lex.language === 'es' && w.length >= 3 && !lex.functionWords.has(w))
      for (const f of spanishForms(w, s, lex, false))
        if (!vocab.forms.has(f)) vocab.forms.set(f, w);
    // A person word the child said in the plural, keyed for its family (see morePersons).
    const person = pluralPerson(w, lex);
    if (person !== undefined) {
      vocab.forms.set(`${person}${PLURAL_KEY}`, w);
      for (const general of lex.categoryStems.get(person) ?? NO_CATEGORIES)
        vocab.forms.set(`${general}${PLURAL_KEY}`, w);
      for (const general of lex.categoryStems.get(s) ?? NO_CATEGORIES)
        vocab.forms.set(`${general}${PLURAL_KEY}`, w);
    }
    // "dollars" said, "money" asked: the general word covers the child's own (lexicon categories).
    for (const general of lex.categoryStems.get(s) ?? NO_CATEGORIES) {
      turnStems.add(general);
      if (!vocab.stems.has(general)) vocab.stems.set(general, w);
    }
  }
  // «me tocó la cola»: the cola of an act is the body part, and vouches for «colita» (es-forms.ts).
  if (lex.language === 'es')
    for (const d of bodySenseDiminutives(words(norm), (o) =>
      lex.presumptiveStems.has(stem(o, 'es')),
    )) {
      const ds = stem(d, 'es');
      turnStems.add(ds);
      if (!vocab.stems.has(ds)) vocab.stems.set(ds, d);
    }
  // A secrecy instruction the child reported in any of its wordings ("me dijo que no dijera")
  // makes the words of telling the child's topic in every wording ("¿Qué te dijo de no platicarle
  // a nadie?"), as the phrase family already does for the phrases (lexicon secrecyPhraseFamily).
  // Matched by stems, so that the child's own person ("que no dijera") counts as "que no dijeras".
  const reportsSecrecy = secrecyFamilyStems(lex).some((p) => p.every((s) => turnStems.has(s)));
  if (reportsSecrecy)
    for (const s of lex.secrecyStems) {
      turnStems.add(s);
      if (!vocab.stems.has(s)) vocab.stems.set(s, s);
    }
  const index = vocab.turnStems.length;
  vocab.turnStems.push(turnStems);
  for (const s of turnStems) {
    const list = vocab.stemTurns.get(s);
    if (list) list.push(index);
    else vocab.stemTurns.set(s, [index]);
  }
}

const NO_CATEGORIES: readonly string[] = [];

/** The stems of each secrecy-family phrase, made once per lexicon rather than once per turn. */
function secrecyFamilyStems(lex: Lexicon): ReadonlyArray<readonly string[]> {
  let out = familyStems.get(lex);
  if (!out) {
    out = lex.secrecyFamily.map((p) => words(p).map((w) => stem(w, lex.language)));
    familyStems.set(lex, out);
  }
  return out;
}
const familyStems = new WeakMap<Lexicon, ReadonlyArray<readonly string[]>>();

/**
 * 'closed': a detail that only a yes/no, choice or declarative puts to the child (clothes: "Were
 * your clothes on or off?"); a wh- question about it ("What were you wearing?") assumes nothing.
 * 'category': a member of the lexicon's detailCategories (places, times, clothing, body parts,
 * objects, threats, feelings, manner; coach30, P19-2), put to the child by a closed question or
 * a statement that asserts an event. Hearth's lists: a detail outside them is not recognised.
 * 'asserted': the same categories as a wh- question takes them as given (coach37): "Which arm
 * was it?", "What color was his car?" assume an arm, a car (Lamb et al. 2007: a directive
 * refocuses on a detail the child has mentioned; a question that assumes an undisclosed one is
 * suggestive). Times ("What did you do this morning?", narrative practice) and the everyday
 * rapport topics ("Where do you go to school?") are not asserted details of an event.
 */
export type DetailKind =
  'detail' | 'person' | 'place' | 'name' | 'closed' | 'category' | 'asserted';

/**
 * First detail of the utterance that the child has not said: an act, body part or object from
 * the lexicon's sensitive details, a relationship noun, a private place, or (when `original`
 * is given) a capitalised name. `kinds` limits the check (yes/no questions check only details).
 */
export function unsaidDetail(
  norm: string,
  vocab: ChildVocabulary,
  lex: Lexicon,
  kinds: ReadonlySet<DetailKind>,
  original?: string,
): string | undefined {
  const more = MORE_ACTS.exec(norm);
  if (more) return more[0];
  if (lex.anyPresumptivePhrase.test(norm))
    for (const phrase of lex.presumptivePhrases) {
      if (
        containsPhrase(norm, phrase) &&
        !vocab.phrases.has(phrase) &&
        !saidPhrase(phrase, vocab, lex) &&
        !saidSecrecy(phrase, vocab, lex)
      )
        return phrase;
    }
  // A category phrase ("so you wouldn't tell", "de mala manera"; lexicon detailCategories) is
  // the child's when a turn holds it, in the child's person or as said (coach30, P19-2).
  const asserted = kinds.has('asserted');
  if ((kinds.has('category') || asserted) && lex.anyCategoryDetailPhrase?.test(norm))
    for (const phrase of lex.categoryDetailPhrases)
      if (
        containsPhrase(norm, phrase) &&
        !(asserted && lex.categoryTimePhrases.includes(phrase)) &&
        !saidCategoryPhrase(phrase, vocab, lex)
      )
        return phrase;
  const ws = words(norm);
  const stems = wordStems(norm, lex.language);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] ?? '';
    const s = stems[i] ?? '';
    if (kinds.has('person') && morePersons(w, vocab, lex)) return w;
    if (
      childSaid(w, s, vocab, lex) &&
      !otherPerson(w, s, vocab, lex) &&
      !pluralPersonUnsaid(w, s, vocab.turns, lex)
    )
      continue;
    // The interview's own verbs (talk, tell, remember, happen) are never a detail (coach28).
    if (lex.interviewerStems.has(s)) continue;
    if (kinds.has('detail') && lex.presumptiveStems.has(s)) return w;
    // «¿Te bajó los calzoncitos?», «¿Estabas en la camita?»: a diminutive names its base's
    // detail (diminutiveBases); the child's own base or diminutive was cleared above (childSaid).
    const bases = diminutiveBases(w, lex);
    if (kinds.has('detail') && bases.some((b) => lex.presumptiveStems.has(b))) return w;
    const category =
      lex.categoryDetailStems.has(s) ||
      lex.categoryDetailPlurals.has(w) ||
      bases.some((b) => lex.categoryDetailStems.has(b));
    // «¿Dejó de tocarte?», «Mi trabajo es platicar con niños sobre tocamientos»: the verb with
    // its clitic, or its -miento noun, names the act as the verb does (coach36).
    const act = kinds.has('detail') ? spanishActStem(w, lex) : undefined;
    if (act !== undefined && lex.presumptiveStems.has(act) && !childSaid(w, act, vocab, lex))
      return w;
    if (kinds.has('closed') && lex.closedOnlyStems.has(s)) return w;
    if (kinds.has('category') && category && !vocab.impliedParts.has(s)) return w;
    if (
      asserted &&
      category &&
      !lex.categoryTimeStems.has(s) &&
      !lex.everydayRoleStems.has(s) &&
      afterDeterminer(ws, i) &&
      !vocab.impliedPartsOpen.has(s)
    )
      return w;
    // "¿Qué tipo de cinta era?": "tipo de" is "kind of", not "tipo" the man (coach37).
    if (
      kinds.has('person') &&
      (lex.personStems.has(s) || pluralPersonStem(w, s, lex) !== undefined) &&
      !(w === 'tipo' && ws[i + 1] === 'de')
    )
      return w;
    if (kinds.has('place') && lex.isPlace(w, s)) return w;
  }
  if (original !== undefined && kinds.has('name')) return unsaidName(original, vocab, lex);
  return undefined;
}

// What makes a category word a noun the question asserts (coach37): a determiner, possessive or
// question word before it, or one word before it ("which arm", "his car", "the other hand", "what
// kind of tape", "la mano", "su carro", "tipo de cinta"). A verb of the same stem is not one:
// "Which way were you facing?", "What did he stick in there?".
const DETERMINERS = new Set(
  (
    'the a an his her your my their its our that this those these which what whose of ' +
    'el la los las un una unos unas su sus tu tus mi mis nuestro nuestra ese esa este esta esos ' +
    'esas estos estas que cual cuales de del al'
  ).split(' '),
);
function afterDeterminer(ws: readonly string[], i: number): boolean {
  return DETERMINERS.has(ws[i - 1] ?? '') || DETERMINERS.has(ws[i - 2] ?? '');
}

/**
 * A category phrase the child has said: word for word in a turn, in the child's person ("so I
 * wouldn't tell"), or, for a phrase that is not a threat or secrecy motive, with every content
 * word of it said ("night" clears "at night", "noche" clears "de noche"). A threat or motive is
 * the child's only in its own words: "He told me not to tell" does not say "so you wouldn't tell".
 */
function saidCategoryPhrase(phrase: string, vocab: ChildVocabulary, lex: Lexicon): boolean {
  if (saidInTurn(phrase, vocab) || saidPhrase(phrase, vocab, lex)) return true;
  // "so you wouldn't tell" is the child's "so I wouldn't tell" (saidPhrase puts "me" for "you").
  const subject = phrase.replace(/\byou\b/g, 'i');
  if (subject !== phrase && saidInTurn(subject, vocab)) return true;
  if (lex.strictCategoryPhrases.has(phrase)) return false;
  const content = words(phrase).filter((w) => !lex.functionWords.has(w));
  return (
    content.length > 0 && content.every((w) => childSaid(w, stem(w, lex.language), vocab, lex))
  );
}

/**
 * "What else did he do to you?" / "¿Qué más te hizo?" presumes further acts beyond those the
 * child described, so one act word from the child never clears it (NICHD: "What happened
 * next?" asks for more without presuming it). "Who else did he do it to?" / "¿A quién más se lo
 * hizo?" presumes further victims the child has not named, in the same way.
 */
export const MORE_ACTS =
  /\bwhat (?:else|more|other things?) (?:did|does|has|have|had) (?:\w+ ){0,2}(?:do|done) to you\b|\bque (?:mas|otras cosas) (?:te|le) (?:hizo|hicieron|hace|hacia|ha hecho|han hecho)\b|\bwho else (?:did|does|has|had) (?:\w+ ){0,2}(?:do|done) (?:it|that|this|those things) to\b|\ba quien(?:es)? mas (?:se lo|le|les|se los) (?:hizo|hicieron|hace|hacia|ha hecho)\b/;

// "what he did to you" / "lo que te hizo" presumes an act: fine once the child has described one.
const ACT_PHRASE =
  /\b(?:did|does|do|done) to you\b|\b(?:make|made|makes) you do\b|\b(?:te|le) (?:hizo|hicieron|hace|hacia)\b/;

/**
 * "Tell me more about the part where he said not to tell." after "he said don't tell": one
 * secrecy instruction in other words (lexicon secrecyPhraseFamily), so the child's own.
 */
function saidSecrecy(phrase: string, vocab: ChildVocabulary, lex: Lexicon): boolean {
  if (!lex.secrecyFamily.includes(phrase)) return false;
  return lex.secrecyFamily.some((p) => vocab.phrases.has(p) || saidPhrase(p, vocab, lex));
}

/** A multi-word detail the child said with a first-person pronoun ("took my clothes"). */
function saidPhrase(phrase: string, vocab: ChildVocabulary, lex?: Lexicon): boolean {
  if (lex && ACT_PHRASE.test(phrase)) {
    for (const s of vocab.stems.keys()) if (lex.presumptiveStems.has(s)) return true;
    // "He did something bad to me" / «me hizo cosas feas»: the child has said, in general words,
    // that someone did something to them; "What did he do to you?" / «¿Qué te hizo?» then asks
    // about the child's own report, a wh- directive (Lamb et al. 2007: suggestive = assumes what
    // the child has not disclosed; coach35). A denial ("he didn't do anything to me") is not one.
    if (vocab.turns.some(reportsAct)) return true;
    // "she made me take my shirt off": an undressing the child described in a phrase of the
    // lexicon ("shirt off", "quitó la ropa") is a described act too (coach24: clothes alone are
    // no longer a sensitive detail).
    for (const p of vocab.phrases) if (UNDRESSING.test(p)) return true;
    // The child's words for it were uncertain, a denial or a meal («no sé si me hizo algo», «no
    // me hizo nada», «me hizo algo de comer»): the same verb said back («te hizo») is no report
    // either, so the person-shifted echo below must not clear it (review23).
    if (vocab.turns.some(notAReport)) return false;
  }
  const mine = phrase
    .replace(/\byou\b/g, 'me')
    .replace(/\byour\b/g, 'my')
    .replace(/\bte\b/g, 'me')
    .replace(/\btu\b/g, 'mi')
    // An enclitic moves with the person too: "quitarte la ropa" is the child's "quitarme".
    .replace(/\b(\w{2,}[aei]r)te\b/g, '$1me');
  if (mine !== phrase && saidInTurn(mine, vocab)) return true;
  // "took off my shirt" is the interviewer's "took your shirt off": an English particle verb puts
  // its particle before or after the object, the same act either way (coach35).
  const moved = PARTICLE_AFTER.exec(phrase);
  if (moved) {
    const before = new RegExp(`\\b${moved[2]} (?:(?:my|his|her|the|their|our) )?${moved[1]}\\b`);
    if (vocab.turns.some((t) => before.test(t))) return true;
  }
  if (placeVariants(phrase).some((v) => saidInTurn(v, vocab))) return true;
  // «le bajó los pantalones» is the child's «me bajó el pantalón»: one garment either number.
  if (lex?.language === 'es')
    for (const v of garmentNumberVariants(mine))
      if (saidInTurn(v, vocab) || saidInTurnAsStems(v, vocab, 'es')) return true;
  // The same words in another form of the verb: the child's "he took me" is the interviewer's
  // "take you" ("took" and "take" share a stem through the irregular-verb table, text.ts).
  if (lex && mine !== phrase && saidInTurnAsStems(mine, vocab, lex.language)) return true;
  // The child's own verb in another tense, same object: "he took pictures of me" is the
  // interviewer's "take pictures", «me tomaba fotos» the «tomó fotos» (coach43, phrase-forms.ts).
  if (lex && saidInAnotherForm(mine, vocab.turns, lex.language)) return true;
  // A reported command keeps its subjunctive and changes only its person: the child's "me dijo
  // que no dijera nada" is the interviewer's "te dijo que no dijeras nada" (tú -> yo drops the
  // final -s of the subjunctive: dijeras -> dijera, digas -> diga, contaras -> contara).
  if (lex?.language !== 'es') return false;
  const first = mine.replace(SUBJUNCTIVE_TU, '$1');
  return first !== mine && saidInTurn(first, vocab);
}

// "shirt off", "pants down": an object noun followed by its verb's particle (see saidPhrase).
const PARTICLE_AFTER = /^([a-z]+) (off|down|up|out)$/;

// The child's own general report of an act done to them (see saidPhrase).
const CHILD_ACT_REPORT =
  /\b(?:did|does|do|done|doing) (?:something|stuff|things|bad things|something bad|mean things|(?:\w+ ){0,2}things?) (?:\w+ )?to me\b|\bme (?:hizo|hace|hacia|hicieron|ha hecho|hacen) (?:algo|cosas)\b(?! (?:de|para) (?:comer|cenar|desayunar|almorzar|tomar|beber)\b)/;
const CHILD_ACT_DENIED =
  /\b(?:didn't|did not|doesn't|does not|never|nobody|no one)\b|\b(?:no|nunca|nadie) (?:me )?(?:hizo|hace|hacia|hicieron|ha hecho)\b/;

// The child's uncertainty is no report (review23): "I don't know if he did something to me",
// «no sé si me hizo algo», «a lo mejor me hizo algo» say the child does not know, so a question
// that assumes the act still assumes what the child has not disclosed (Lamb et al. 2007). «Me
// hizo algo de comer» (made food) is excluded in CHILD_ACT_REPORT itself. Hearth's own list.
const reportsAct = (t: string): boolean =>
  CHILD_ACT_REPORT.test(t) && !CHILD_ACT_DENIED.test(t) && !CHILD_ACT_UNSURE.test(t);
const notAReport = (t: string): boolean =>
  CHILD_ACT_MEAL.test(t) ||
  CHILD_MADE_THING.test(t) ||
  ((CHILD_ACT_UNSURE.test(t) || CHILD_ACT_DENIED.test(t)) && CHILD_ACT_WORDS.test(t));
// Any wording of an act done to the child, reported or not ("did ... to me", «me hizo»).
const CHILD_ACT_WORDS =
  /\b(?:did|does|do|done|doing) (?:\w+ ){0,3}to me\b|\bme (?:hizo|hace|hacia|hicieron|ha hecho|hacen)\b/;
const CHILD_ACT_MEAL =
  /\bme (?:hizo|hace|hacia|hicieron|ha hecho|hacen) (?:algo |cosas )?(?:de|para) (?:comer|cenar|desayunar|almorzar|tomar|beber)\b/;
// «Me hizo la comida», «me hizo un pastel», «me hace mi lonche»: «hacer» with a thing made for
// the child (a determiner and a noun) is making something, not an act done to the child (coach36,
// review23); «me hizo una cosa fea», «me hizo daño» and «me hizo cosas» still report one.
const CHILD_MADE_THING =
  /\bme (?:hizo|hace|hacia|hicieron|ha hecho|hacen) (?:la|el|los|las|un|una|unos|unas|mi|mis|su|sus) (?!(?:cosa|cosas|cosita|cositas|maldad|maldades|groseria|groserias|dano|mal|eso|esto)\b)[a-zñ]+/;
const CHILD_ACT_UNSURE =
  /\b(?:don't|do not|dont) know (?:if|whether)\b|\bnot sure (?:if|whether)\b|\bmaybe\b|\bmight have\b|\bno s[eé] si\b|\bno me acuerdo si\b|\bno estoy segur[oa] (?:de )?si\b|\ba lo mejor\b|\bquiz[aá]s?\b|\btal vez\b/;

const UNDRESSING = /\b(?:clothes|shirt|pants|ropa|camisa)\b/;

/**
 * A place phrase of the lexicon in the wordings a child uses for the same place: the child's
 * «debajo de la ropa» is the interviewer's «por debajo de la ropa», and "under the clothes" or
 * "under his clothes" the interviewer's "under your clothes" (the preposition's «por» and the
 * determiner change nothing of where; coach32). Only phrases that open on a place preposition.
 */
function placeVariants(phrase: string): string[] {
  const m = PLACE_PHRASE.exec(phrase);
  if (!m) return [];
  const [, prep = '', de = '', noun = ''] = m;
  const dets = /^(?:por |)(?:debajo|encima|dentro|adentro|arriba|abajo)/.test(prep)
    ? ES_DETERMINERS
    : EN_DETERMINERS;
  const preps = prep.startsWith('por ') ? [prep, prep.slice(4)] : [prep, `por ${prep}`];
  const out: string[] = [];
  for (const p of preps) for (const d of dets) out.push(`${p} ${de}${d} ${noun}`);
  return out.filter((v) => v !== phrase);
}
const PLACE_PHRASE =
  /^((?:por )?(?:debajo|encima|dentro|adentro|arriba|abajo)|over|under|inside|outside|underneath|on top of) (de |of )?(?:la|el|tu|su|mi|los|las|tus|sus|mis|the|your|his|her|my|their) (\w+)$/;
const ES_DETERMINERS = ['la', 'el', 'mi', 'su', 'tu', 'los', 'las', 'mis', 'sus'];
const EN_DETERMINERS = ['the', 'my', 'his', 'her', 'your', 'their'];

/** Some turn of the child contains `phrase` as whole words (tried only where it may, see phrase-index.ts). */
function saidInTurn(phrase: string, vocab: ChildVocabulary): boolean {
  return (vocab.turnIndex.candidates(phrase) ?? vocab.turns).some((t) => containsPhrase(t, phrase));
}
/**
 * Some turn of the child holds the words of `phrase` one after another, each in any form that
 * shares its stem ("took me" for "take me"). Only multi-word phrases: a single word is checked
 * by stem already (childSaid).
 */
function saidInTurnAsStems(phrase: string, vocab: ChildVocabulary, language: Language): boolean {
  const wanted = wordStems(phrase, language);
  if (wanted.length < 2) return false;
  return vocab.turns.some((turn) => {
    const got = wordStems(turn, language);
    for (let i = 0; i + wanted.length <= got.length; i++)
      if (wanted.every((w, k) => got[i + k] === w)) return true;
    return false;
  });
}

const SUBJUNCTIVE_TU = /\b(\w{2,}(?:ra|se|a|e))s\b/g;

const LETTER = /[a-z0-9ñü]/;

/**
 * `phrase` occurs in `text` as whole words: "took you" is not in "took your phone" (a substring
 * match made a wh- question about the child's own "he took my phone" look presumptive).
 * Both arguments are normalised (lower case, accents folded).
 */
export function containsPhrase(text: string, phrase: string): boolean {
  if (phrase.length === 0) return false;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    const before = i > 0 ? (text[i - 1] ?? '') : '';
    const after = text[i + phrase.length] ?? '';
    if (!LETTER.test(before) && !LETTER.test(after)) return true;
  }
  return false;
}

/**
 * The utterance is the child's own words said back (NICHD: a restatement of the child's previous
 * utterance is a facilitator; Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl
 * 31:1201-1231): with the child's first person put back ("you" -> "me", "te" -> "me"), the whole
 * sentence, summary opener and punctuation aside, occurs word for word in one of the child's turns.
 * Anything the interviewer added (a word, a modifier, another person) makes it not an echo.
 * @param claim the normalised sentence without fillers or summary opener.
 */
export function echoesChild(
  claim: string,
  vocab: ChildVocabulary,
  language: Language = 'en',
  ignorePronouns = false,
): boolean {
  const bare = bareWords(claim);
  if (bare.split(' ').length < 2) return false;
  const said = personCanonical(bare, 'interviewer');
  // Spanish marks the person on the verb too: "te despertaste" says back "me desperté".
  const mine = language === 'es' ? firstPersonVerbs(said) : said;
  const asserted = vocab.assertedIndex.candidates(mine) ?? vocab.assertedTurns;
  // «¿Ella te abrazó?» after «él me abrazó»: another person, not a restatement (es-forms.ts).
  const pronouns = language === 'es' && !ignorePronouns ? subjectPronouns(bare) : '';
  const sameSubject = (t: string): boolean =>
    pronouns === '' || !pronounsConflict(pronouns, vocab.assertedPronouns.get(t) ?? '');
  if (asserted.some((t) => containsPhrase(t, mine) && sameSubject(t))) return true;
  // A turn with a negation or doubt ("he told me not to tell") is echoed only when the words said
  // back carry every one of those words too: "he told you not to tell" restates the child's
  // account, "he pushed you" after "I don't know if he pushed me" does not (Lamb et al. 2007).
  if (vocab.doubtfulTurns.length === 0) return false;
  const claimWords = new Set(bare.split(' '));
  const doubtful = vocab.doubtfulIndex.candidates(mine) ?? vocab.doubtfulTurns;
  return doubtful.some(
    ({ canonical, doubts }) =>
      doubts.every((w) => (/^n'?t$/.test(w) ? /n'?t\b/.test(bare) : claimWords.has(w))) &&
      containsPhrase(canonical, mine),
  );
}

/**
 * The child's first person and the interviewer's second person in one canonical form, so that a
 * restatement matches whatever the grammatical person: "he was in my room when I woke up" and
 * "he was in your room when you woke up" both read "he was in 1p-of room when 1p woke up"; "I'm
 * scared" and "you're scared" both read "1p be scared". Spanish subject pronouns, which Spanish
 * may drop or add ("me llevó" / "él te llevó"), are left out on both sides.
 */
function personCanonical(bare: string, speaker: 'child' | 'interviewer'): string {
  const cached = (speaker === 'child' ? childCanon : interviewerCanon).get(bare);
  if (cached !== undefined) return cached;
  const out = (speaker === 'child' ? CHILD_PERSON : INTERVIEWER_PERSON)
    .reduce((s, [re, to]) => s.replace(re, to), bare.replace(SPANISH_SUBJECT, ''))
    .replace(/\s+/g, ' ')
    .trim();
  const cache = speaker === 'child' ? childCanon : interviewerCanon;
  if (cache.size > 5000) cache.clear();
  cache.set(bare, out);
  return out;
}
const childCanon = new Map<string, string>();
const interviewerCanon = new Map<string, string>();
const CHILD_PERSON: ReadonlyArray<[RegExp, string]> = [
  [/\bi'?m\b|\bi am\b/g, '1p be'],
  [/\bi was\b/g, '1p past'],
  [/\b(?:i|me)\b/g, '1p'],
  [/\bmy\b/g, '1p-of'],
  [/\bmyself\b/g, '1p-self'],
  [/\bmi\b/g, '1p-of'],
  [/\bmis\b/g, '1p-ofs'],
];
const INTERVIEWER_PERSON: ReadonlyArray<[RegExp, string]> = [
  [/\byou'?re\b|\byou are\b/g, '1p be'],
  [/\byou were\b/g, '1p past'],
  [/\byou\b/g, '1p'],
  [/\byour\b/g, '1p-of'],
  [/\byourself\b/g, '1p-self'],
  [/\bte\b/g, '1p'],
  [/\btu\b/g, '1p-of'],
  [/\btus\b/g, '1p-ofs'],
];
// Spanish subject pronouns (normalised: él -> el is also the article, so only before a clitic or
// a verb-like word is it a pronoun; kept simple: "el" before a clitic, the others anywhere).
const SPANISH_SUBJECT =
  /\b(?:yo|tu(?= (?:me|te|le|lo|la|se))|ella|ellos|ellas|el(?= (?:me|te|le|lo|la|les|se|nos)\b))\b/g;

/**
 * Spanish second-person verb forms said back in the first person (normalised, accents folded):
 * preterite "despertaste" -> "desperte", "comiste" -> "comi", strong preterites "tuviste" ->
 * "tuve"; imperfect "estabas" -> "estaba", "tenias" -> "tenia"; a few present forms ("estas" ->
 * "estoy"). Used only to test whether a restatement echoes the child (Lamb et al. 2007: a
 * restatement of the child's words is a facilitator), so an unusual verb missed here only leaves
 * the question coded by its form.
 */
function firstPersonVerbs(canonical: string): string {
  return canonical
    .split(' ')
    .map((w) => {
      const irregular = SECOND_TO_FIRST_ES[w];
      if (irregular !== undefined) return irregular;
      if (w.length < 6) return w;
      if (STRONG_PRETERITE_ES.test(w)) return `${w.slice(0, -4)}e`;
      if (w.endsWith('aste')) return `${w.slice(0, -4)}e`;
      if (w.endsWith('iste')) return `${w.slice(0, -4)}i`;
      if (w.endsWith('abas') || w.endsWith('ias')) return w.slice(0, -1);
      // An infinitive or gerund with the clitic "te" ("esconderte", "escondiendote").
      if (/(?:ar|er|ir|ando|iendo)te$/.test(w)) return `${w.slice(0, -2)}me`;
      return w;
    })
    .join(' ');
}
const SECOND_TO_FIRST_ES: Readonly<Record<string, string>> = {
  fuiste: 'fui',
  diste: 'di',
  viste: 'vi',
  estas: 'estoy',
  eres: 'soy',
  tienes: 'tengo',
  vas: 'voy',
  sabes: 'se',
  ibas: 'iba',
  eras: 'era',
};
// Preterites with an irregular stem take "-e" in the first person: tuve, hice, dije, puse...
const STRONG_PRETERITE_ES =
  /^(?:tuv|estuv|anduv|hic|dij|pus|vin|quis|pud|traj|sup|cup|hub|conduj|produj|traduj)iste$/;

/** Words only: punctuation to spaces, runs of spaces to one. */
function bareWords(norm: string): string {
  return norm
    .replace(/[¿?¡!.,;:…"“”]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// A turn that denies or doubts ("I don't know if he pushed me", "no sé si me empujó") contains
// the words without asserting them: saying them back asks again, it does not restate.
const UNSURE =
  /\b(?:no|not|never|if|whether|maybe|dunno|nunca|jamas|tampoco|quizas?|tal vez|a lo mejor)\b|n'?t\b/;
const UNSURE_ALL = new RegExp(UNSURE.source, 'g');

// A capitalised word that does not open a sentence: a name ("Did Alex touch...").
// The character before the spaces is looked behind, not consumed: a name right after another
// capitalised word ("Uncle Joe", "Aunt Rosa", "Grandpa Luis") is checked too (coach43, review28
// MINOR 14: consuming it skipped the name after the kinship word).
const NAME = /(^|(?<=[^.?!¿¡\s])\s+)([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)/g;

// Names that are no detail of the event (Hearth's rule, newcomer review 26): the child addressed
// by name after a greeting or thanks ("Hi Mateo", «Gracias, Sofía») or at the end of a sentence
// ("How are you today, Mateo?"), and the interviewer's own name in a self-introduction ("my name
// is Lucy", «me llamo Lucía», «yo soy Marta»). The NICHD introduction opens with the
// interviewer's name (Lamb et al. 2007, Appendix, introduction); neither name is a person the
// question puts into the child's account. A name anywhere else is still checked.
const ADDRESS_BEFORE =
  /(?:\b(?:hi|hello|hey|bye|goodbye|thanks|thank you|welcome|good (?:morning|afternoon|evening)|hola|adi[oó]s|gracias|bienvenid[oa]s?|buen(?:os|as) (?:d[ií]as|tardes|noches))[,!]?\s+)$/i;
// …and whom the interviewer introduces in the room ("this is Mr. Ortiz, who will help us
// understand each other": the interpreter, NICHD introduction), with or without a title.
const SELF_INTRODUCTION_BEFORE =
  /(?:\b(?:my name is|my name['’]s|i am|i['’]m|call me|this is|me llamo|mi nombre es|yo soy|soy|(?:él|ella|este|esta) es)\s+(?:(?:mr|mrs|ms|miss|dr|dra|detective|officer|deputy|agent|sr|sra|srta|oficial|agente)\.?\s+)?)$/i;
const VOCATIVE_AT_END = { before: /,\s*$/, after: /^\s*[.?!]/ };

function addressOrOwnName(original: string, start: number, name: string): boolean {
  const before = original.slice(0, start);
  const after = original.slice(start + name.length);
  // "this is Joe's house" names a place through a person: not an introduction.
  if (/^['’]s\b/.test(after)) return false;
  return (
    ADDRESS_BEFORE.test(before) ||
    SELF_INTRODUCTION_BEFORE.test(before) ||
    (VOCATIVE_AT_END.before.test(before) && VOCATIVE_AT_END.after.test(after))
  );
}

// The names the interviewer introduces in the utterance ("Hi, I'm Maria", «Hola, soy Ana»,
// "this is Mr. Ortiz"): the same name later in the turn ("Maria listens to kids") is still the
// interviewer's or the interpreter's, not a person of the event (coach41, issue #16 kind j).
function introducedNames(original: string): Set<string> {
  const out = new Set<string>();
  NAME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME.exec(original)) !== null) {
    const name = m[2] ?? '';
    const start = m.index + (m[1] ?? '').length;
    if (SELF_INTRODUCTION_BEFORE.test(original.slice(0, start))) out.add(name);
  }
  return out;
}

function unsaidName(original: string, vocab: ChildVocabulary, lex: Lexicon): string | undefined {
  const introduced = introducedNames(original);
  NAME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME.exec(original)) !== null) {
    if (m[1] === '') continue; // the first word of the utterance
    const name = m[2] ?? '';
    if (introduced.has(name)) continue;
    if (addressOrOwnName(original, m.index + (m[1] ?? '').length, name)) continue;
    const folded = normalise(name);
    if (folded === 'i' || lex.stopwords.has(folded) || lex.functionWords.has(folded)) continue;
    if (!vocab.stems.has(stem(folded, lex.language))) return name;
  }
  return undefined;
}

/**
 * The first label ("abuse", "your pimp", "prostituyeron", "did to you") in `norm` that the child
 * has not used themselves, or undefined. Every label in the utterance is checked: the child's own
 * "John" clears "the john", not the "pimp" later in the same turn. A label of a word family
 * (lexicon `labelFamilies`) is the child's once the child used any member of that family
 * ("cliente" clears "clientes", "abused" clears "abuse"), in either language.
 */
export function unsaidLabel(
  norm: string,
  vocab: ChildVocabulary | undefined,
  lex: Lexicon,
): string | undefined {
  let rest = norm;
  for (let m = execGated(lex.label, rest); m; m = execGated(lex.label, rest)) {
    const label = m[0];
    if (!vocab || !childSaidLabel(label, vocab, lex)) return label;
    rest = rest.slice(m.index + label.length);
  }
  return undefined;
}

function childSaidLabel(label: string, vocab: ChildVocabulary, lex: Lexicon): boolean {
  // Remembered per vocabulary (speed30): a "yes" stays yes, since turns are only ever added and
  // each test below holds for a longer list if it held for a shorter; a "no" remembers how many
  // turns it read, and only the turns added since are read again (not every turn per question).
  const memo = vocab.labelsSaid.get(label);
  if (memo?.said) return true;
  const from = memo?.checked ?? 0;
  const said = childSaidLabelFrom(label, vocab, lex, from);
  vocab.labelsSaid.set(label, { checked: vocab.turns.length, said });
  return said;
}

/** childSaidLabel, reading only the turns from `from` on (those before said no to this label). */
function childSaidLabelFrom(
  label: string,
  vocab: ChildVocabulary,
  lex: Lexicon,
  from: number,
): boolean {
  // "the dates" / "las citas": the youth's own "dates" / "citas" clears it, whatever the article.
  const head = label.replace(LABEL_DETERMINER, '');
  const turns = vocab.turns;
  for (let i = from; i < turns.length; i++) if ((turns[i] ?? '').includes(head)) return true;
  if (saidPhrase(label, vocab)) return true;
  return lex.labelFamilies.some((f) => {
    if (!f.whole.test(label) && !f.whole.test(head)) return false;
    for (let i = from; i < turns.length; i++) if (f.within.test(turns[i] ?? '')) return true;
    return false;
  });
}

const LABEL_DETERMINER =
  /^(?:the|your|his|her|their|those|these|my|any|some|a|los|las|tus|sus|esas|estas|mis|unas|algunas|otras|el|la) /;

/** Content words of `norm` (not function words or stopwords) that the child has not said. */
export function unsaidContentWords(norm: string, vocab: ChildVocabulary, lex: Lexicon): string[] {
  const out: string[] = [];
  for (const w of words(norm)) {
    if (w.length < 3 || lex.functionWords.has(w) || lex.stopwords.has(w)) continue;
    if (!vocab.stems.has(stem(w, lex.language))) out.push(w);
  }
  return out;
}

/**
 * First content word of the utterance that the child has used, in the child's own form.
 * @param skipAnchors skip the lexicon's episode anchors ("that night", "esa noche"): for deciding
 *   whether an invitation is cued by the child's words (coach24).
 */
export function reusedChildWord(
  norm: string,
  vocab: ChildVocabulary,
  lex: Lexicon,
  skipAnchors = false,
): string | undefined {
  const ws = words(norm);
  const stems = wordStems(norm, lex.language);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] ?? '';
    if (w.length < 3 || lex.stopwords.has(w)) continue;
    if (skipAnchors && lex.episodeAnchors.has(w)) continue;
    const s = stems[i] ?? '';
    const surface =
      vocab.stems.get(s) ??
      (vocab.forms.size > 0 && !frameWord(w, s, lex)
        ? spanishForms(w, s, lex, true)
            .map((f) => vocab.forms.get(f))
            .find((f) => f !== undefined)
        : undefined);
    if (surface !== undefined) return surface;
  }
  return undefined;
}

const PREFIX = 4;

/**
 * Generalises the presumption check beyond the lexicon's closed lists (issue #16, kind 2): when
 * an open prompt (invitation, wh- question, faux invitation) is about a third person's actions,
 * every content word in it is something the prompt assumes, so each must be the child's. "When he
 * took you to his house, what happened?" after "he was mean to me" assumes "took" and "house".
 * Protocol wording and question-frame words ("happened", "tell", "time", "color", "wearing") are
 * neutral (`lex.neutralStems`, Hearth's list). A word counts as said when its stem is the child's,
 * or, for words of five letters or more, when the child used a word with the same first four
 * letters: inflection ("llegaste"/"llegué") must not raise a false alarm, and a miss here is still
 * caught by the closed lists. Source of the rule: Lamb, Orbach, Hershkowitz, Esplin & Horowitz
 * 2007, Child Abuse Negl 31:1201-1231 (a prompt that assumes undisclosed information is suggestive).
 * @param norm the normalised utterance; `original` the text as typed (the actor test needs accents).
 * @param asserted the caller already knows the text asserts an event (a statement or summary,
 *   see statements.ts): the actor test is skipped.
 * @returns the unsaid words (in the utterance's spelling), empty when none or when no actor.
 */
export function presupposedUnsaid(
  norm: string,
  original: string,
  vocab: ChildVocabulary,
  lex: Lexicon,
  asserted = false,
): string[] {
  if (!asserted && !lex.actor.test(lex.language === 'es' ? original.toLowerCase() : norm))
    return [];
  const out: string[] = [];
  for (const w of words(norm.replace(lex.neutralPhrase, ' ').replace(ACABAR_DE, ' '))) {
    if (w.length < 3 || lex.functionWords.has(w) || lex.stopwords.has(w)) continue;
    const s = stem(w, lex.language);
    if (childSaid(w, s, vocab, lex) || frameWord(w, s, lex)) continue;
    // "Which hand did he use?" after "he slapped me": the part the act is done with (implied-parts).
    if (vocab.impliedPartsOpen.has(s)) continue;
    // An indefinite pronoun names no person ("Why didn't you tell anybody?" asks what "¿Por qué
    // no le dijiste a nadie?" asks, Lyon 2014): not an assumed detail of an open prompt. In a
    // statement ("Somebody hurt you.") the caller asserts it, and it stays.
    if (!asserted && INDEFINITE.has(w)) continue;
    if (w.length > PREFIX && vocab.prefixes.has(w.slice(0, PREFIX)) && !morePersons(w, vocab, lex))
      continue;
    if (!out.includes(w)) out.push(w);
  }
  return out;
}

/**
 * A thing a wh- question names with a definite article ("What was in the box?", "¿Qué hizo con
 * las llaves?") that the child has not named: the article presupposes it exists (Loftus & Zanni
 * 1975, Bull Psychon Soc 5:86-88; Lamb et al. 2007: a prompt that assumes undisclosed information
 * is suggestive). Each content word of the noun phrase after the article (up to three) is checked;
 * neutral protocol wording, everyday roles, times of day and the interview's own objects
 * (lexicon presupposition.definiteExempt) are not presupposed details. Spanish "la / las / los"
 * after a question word, a clitic or "no" is a pronoun ("¿Dónde la puso?"), not an article.
 * @param norm the normalised utterance.
 * @returns the first unsaid word, or undefined.
 */
export function definiteUnsaid(
  norm: string,
  vocab: ChildVocabulary,
  lex: Lexicon,
): string | undefined {
  const ws = words(norm);
  const articles = DEFINITE_ARTICLES[lex.language];
  for (let i = 0; i < ws.length - 1; i++) {
    if (!articles.has(ws[i] ?? '')) continue;
    if (lex.language === 'es' && (i === 0 || NOT_AFTER_ARTICLE_ES.has(ws[i - 1] ?? ''))) continue;
    for (let j = i + 1; j < Math.min(ws.length, i + 4); j++) {
      const w = ws[j] ?? '';
      if (w.length < 3 || lex.functionWords.has(w) || lex.stopwords.has(w)) break;
      const s = stem(w, lex.language);
      if (childSaid(w, s, vocab, lex) || frameWord(w, s, lex)) continue;
      if (lex.definiteExemptStems.has(s) || lex.everydayRoleStems.has(s)) continue;
      // «la mano» after «me tocó»: the part the child's act is done with (implied-parts.ts).
      if (vocab.impliedPartsOpen.has(s)) continue;
      if (
        w.length > PREFIX &&
        vocab.prefixes.has(w.slice(0, PREFIX)) &&
        !morePersons(w, vocab, lex)
      )
        continue;
      return w;
    }
  }
  return undefined;
}
const DEFINITE_ARTICLES: Record<Language, ReadonlySet<string>> = {
  en: new Set(['the']),
  es: new Set(['el', 'la', 'los', 'las', 'del', 'al']),
};
// Before these, Spanish "la / las / los / el" is a pronoun or part of a question frame.
const NOT_AFTER_ARTICLE_ES: ReadonlySet<string> = new Set([
  'que',
  'donde',
  'como',
  'cuando',
  'quien',
  'quienes',
  'cual',
  'cuales',
  'no',
  'se',
  'te',
  'me',
  'le',
  'les',
  'nos',
  'ya',
  'si',
  'tu',
  'yo',
]);

/**
 * The modifiers, in the noun phrases around the child's own words, that the child has not said
 * (practitioner review 3, M2): "the tickle game" after "we played a game" assumes "tickle";
 * "el juego de las cosquillas" after "jugamos un juego" assumes "cosquillas". The phrase runs left
 * from a word the child said over content words up to a function word, and (Spanish, where
 * modifiers follow the noun) right over one adjective and one "de (article) noun" complement.
 * Protocol frame words and neutral wording are not modifiers. Source: Lamb et al. 2007 (a cued
 * invitation is cued by the child's words; anything else it names is assumed).
 * @param norm the normalised utterance.
 * @returns the unsaid modifiers (utterance spelling), empty when none.
 */
export function unsaidModifiers(norm: string, vocab: ChildVocabulary, lex: Lexicon): string[] {
  const ws = words(
    norm.replace(lex.neutralPhrase, lex.language === 'es' ? ' y ' : ' of ').replace(ACABAR_DE, ' '),
  );
  const out: string[] = [];
  const isFunction = (w: string): boolean =>
    w.length < 3 || lex.functionWords.has(w) || lex.stopwords.has(w);
  const unsaid = (w: string): boolean => {
    const s = stem(w, lex.language);
    if (childSaid(w, s, vocab, lex) || frameWord(w, s, lex)) return false;
    return !(w.length > PREFIX && vocab.prefixes.has(w.slice(0, PREFIX)));
  };
  const add = (w: string): void => {
    if (!out.includes(w)) out.push(w);
  };
  for (let i = 0; i < ws.length; i++) {
    const head = ws[i] ?? '';
    if (isFunction(head) || !childSaid(head, stem(head, lex.language), vocab, lex)) continue;
    if (lex.neutralStems.has(stem(head, lex.language))) continue;
    for (let j = i - 1; j >= 0 && !isFunction(ws[j] ?? ''); j--) {
      if (unsaid(ws[j] ?? '')) add(ws[j] ?? '');
    }
    if (lex.language !== 'es') continue;
    let k = i + 1;
    const next = ws[k] ?? '';
    if (next && !isFunction(next)) {
      if (unsaid(next)) add(next);
      k++;
    }
    if (ws[k] === 'de') {
      k++;
      if (/^(?:el|la|los|las|un|una|unos|unas|mi|tu|su)$/.test(ws[k] ?? '')) k++;
      const noun = ws[k] ?? '';
      if (noun && !isFunction(noun) && unsaid(noun)) add(noun);
    }
  }
  return out;
}

/**
 * The child said `w` (stem `s`): the same stem, or in Spanish one of the inflections the stemmer
 * does not join (spanishForms). Issue #16, kind 2: a prompt built on the child's own word in
 * another form ("cuartito" said, "cuarto" asked; "me muerde" said, "te mordió" asked) reuses it.
 */
function childSaid(w: string, s: string, vocab: ChildVocabulary, lex: Lexicon): boolean {
  if (morePersons(w, vocab, lex)) return false;
  if (vocab.stems.has(s)) return true;
  if (vocab.forms.size === 0) return false;
  return spanishForms(w, s, lex, true).some((f) => vocab.forms.has(f));
}

/**
 * The keys under which a Spanish word meets another form of itself: its stem; the stem of an
 * infinitive or gerund without its enclitics ("tocarte", "pegándote" -> "toc", "peg"); the base
 * of a diminutive ("casita" -> "cas", "cuartito" -> "cuart", "troquita" -> "troc"); the
 * preterite spelling changes ("toqué" -> "toc", "llegué" -> "lleg", "empecé"/"empezó"); the
 * stem-changing verbs ("muerde"/"mordió", "cierra"/"cerró", "acuesta"/"acostó"), whose -ió/-ía
 * forms the stemmer leaves with their "i". Both sides are keyed the same way, so a key only
 * ever joins two forms of one word family (Real Academia Española & ASALE 2009, Nueva gramática
 * de la lengua española, §4.10 diptongación, §9.1 diminutivos, §16.12 pronombres enclíticos).
 * @param asked the word is the interviewer's: a diminutive that is itself a listed detail
 *   ("cosita", "colita", euphemisms) is not reduced to its base, and a person word keeps its
 *   vowels ("novio" is not "nuevo"), so the child's other word never vouches for them.
 */
function spanishForms(w: string, s: string, lex: Lexicon, asked: boolean): readonly string[] {
  if (lex.language !== 'es') return [s];
  // Memoised: the live coach codes the same words on every keystroke.
  const key = `${asked ? '?' : ''}${w}`;
  const cached = formsCache.get(key);
  if (cached !== undefined) return cached;
  if (formsCache.size > 5000) formsCache.clear();
  const forms = computeForms(w, s, lex, asked);
  formsCache.set(key, forms);
  return forms;
}
const formsCache = new Map<string, readonly string[]>();

function computeForms(w: string, s: string, lex: Lexicon, asked: boolean): readonly string[] {
  const out = new Set<string>();
  const keep = !(asked && lex.personStems.has(s));
  const add = (b: string, gender = ''): void => {
    const spelled = b.replace(/qu$/, 'c').replace(/gu$/, 'g').replace(/z$/, 'c');
    const root = PRETERITE_IO.test(w) && spelled.endsWith('i') ? spelled.slice(0, -1) : spelled;
    const keys = keep
      ? [b, spelled, root, root.replace(/([^gq])ue/, '$1o').replace(/ie/, 'e')]
      : [b, spelled];
    for (const k of keys) if (k.length >= 3) out.add(`${k}${gender}`);
  };
  add(s);
  const clitic = CLITIC_ES.exec(w);
  if (clitic?.[1]) add(stem(clitic[1], 'es'));
  // The stemmer drops the gender vowel ("abuela", "abuelo" -> "abuel"), so a diminutive's base
  // is keyed with its gender: "abuelita" meets "abuela", never "abuelo"; "cuartito", "cuarto".
  const gender = GENDER_ES.exec(w);
  if (gender?.[1]) add(s, `#${gender[1]}${gender[2] === 's' && gender[1] === 'o' ? 's' : ''}`);
  const dim = asked && lex.presumptiveStems.has(s) ? null : DIMINUTIVE_ES.exec(w);
  if (dim?.[1] && dim[3]) {
    const g = dim[3].startsWith('a') ? 'a' : 'o';
    add(stem(`${dim[1]}${g}`, 'es'), `#${g}`);
    // "calzoncito(s)", "camioncito": -cito after a consonant-final noun ("calzón", "camión"), whose
    // plural "calzones" has no gender vowel to key it with: the bare base joins them (coach38).
    // "cochecito", "piecito": the same after a noun in -e (coach39).
    if (dim[2] && CONSONANT_FINAL.test(dim[1])) add(stem(dim[1], 'es'));
    // "pancita", "tacita", "cabecita": the z of "panza", "taza", "cabeza" is spelled c before i
    // (review25 F14; Nueva gramática 2009, §9.1): keyed as "panza" is (add spells z as c).
    if (dim[2]) add(stem(`${dim[1]}c${g}`, 'es'), `#${g}`);
  }
  return [...out];
}
const CONSONANT_FINAL = /[nrle]$/;

/**
 * The stems of the base noun of a Spanish diminutive ("calzoncitos" -> "calzon", "cuartito" ->
 * "cuart", "manita" -> "man"; Nueva gramática de la lengua española, 2009, §9.1 diminutivos), for
 * the membership tests of the lexicon's lists: a child-directed diminutive names the same
 * garment, place or body part as its base (coach38). Empty for English and for any other word.
 */
export function diminutiveBases(w: string, lex: Lexicon): readonly string[] {
  if (lex.language !== 'es') return NO_BASES;
  const cached = basesCache.get(w);
  if (cached !== undefined) return cached;
  if (basesCache.size > 5000) basesCache.clear();
  const dim = DIMINUTIVE_ES.exec(w);
  const bases: string[] = [];
  if (dim?.[1] && dim[3]) {
    bases.push(stem(`${dim[1]}${dim[3].startsWith('a') ? 'a' : 'o'}`, 'es'));
    if (dim[2] && CONSONANT_FINAL.test(dim[1])) bases.push(stem(dim[1], 'es'));
    if (dim[2]) bases.push(stem(`${dim[1]}z${dim[3].startsWith('a') ? 'a' : 'o'}`, 'es'));
  }
  basesCache.set(w, bases);
  return bases;
}
const NO_BASES: readonly string[] = [];
const basesCache = new Map<string, readonly string[]>();
// The gender vowel of a noun or adjective and its plural: "abuela(s)" a, "cuarto(s)" o.
const GENDER_ES = /(o|a)(s?)$/;

/**
 * A Spanish person word the child said only in the other gender: "¿Qué te hizo tu hermano?"
 * after "mi hermana me gritó" names another person (the stemmer joins "hermano" and "hermana";
 * English keeps "brother" and "sister" apart). The masculine plural is generic ("mis hermanos"
 * may include sisters) and covers both, said or asked ("¿Dónde estaban tus hermanos?").
 */
function otherPerson(w: string, s: string, vocab: ChildVocabulary, lex: Lexicon): boolean {
  if (lex.language !== 'es' || !lex.personStems.has(s)) return false;
  // A stem the child gave through another word of the same family (lexicon categories: "manita"
  // said, "mano" asked, P19-5) is that word's, whatever its gender ending.
  const own = vocab.stems.get(s);
  if (own !== undefined && stem(own, lex.language) !== s) return false;
  const g = GENDER_ES.exec(w)?.[1];
  if (g === undefined || w.endsWith('os')) return false;
  return (
    !vocab.forms.has(`${s}#${g}`) && !vocab.forms.has(`${s}#${g}s`) && !vocab.forms.has(`${s}#os`)
  );
}
/**
 * A Spanish person word asked in the plural that the child said only in the singular: «¿Los
 * hombres te tocaron?», «¿Dónde estaban los hombres?», «Cuéntame más de los señores» after «un
 * hombre me tocó» name more people than the child did (the stemmer joins
 * "hombre" and "hombres"; English keeps "man" and "men" apart). Number is part of the noun
 * (Nueva gramática de la lengua española, 2009, §3.1): a plural is another detail, as a new
 * person is (Lamb et al. 2007). The child's plural of any word of the family (lexicon synonyms
 * and categories: «unos señores» said, «los hombres» asked) covers it; a singular asked after a
 * plural said («el hombre» after «unos hombres») is one of them and is not flagged. Kin words
 * are left out (es-forms.ts isKinStem: «tus hermanos» is the family, coach23). Coach42.
 */
export function morePersons(w: string, vocab: ChildVocabulary, lex: Lexicon): boolean {
  const person = pluralPerson(w, lex);
  return person !== undefined && !isKinStem(person) && !vocab.forms.has(`${person}${PLURAL_KEY}`);
}

/**
 * The stem of the singular of a Spanish plural person word ("primos" -> "prim", "señores" ->
 * "senor"; the stemmer leaves some plurals whole), or undefined when `w` is not one.
 */
export function pluralPerson(w: string, lex: Lexicon): string | undefined {
  if (lex.language !== 'es') return undefined;
  // Memoised: the live coach asks about the same words on every keystroke.
  const cached = pluralCache.get(w);
  if (cached !== undefined) return cached === '' ? undefined : cached;
  if (pluralCache.size > 5000) pluralCache.clear();
  const plural = PLURAL_ES.exec(w);
  const single = plural ? stem(w.slice(0, w.length - (plural[1] ? 2 : 1)), 'es') : '';
  const person = plural && lex.personStems.has(single) ? single : '';
  pluralCache.set(w, person);
  return person === '' ? undefined : person;
}
const pluralCache = new Map<string, string>();
// A plural noun: a vowel + s ("primos", "papas"), or a consonant + es ("senores", "mujeres").
const PLURAL_ES = /(?:[aeiou]s|[^aeious](es))$/;
const PLURAL_KEY = '#pl';

/**
 * The stem of the act a Spanish word names when the stemmer leaves it apart from its verb: an
 * infinitive or gerund with enclitics ("tocarte", "tocándote" -> "toc") or the act noun in
 * -amiento / -imiento ("tocamiento(s)" -> "toc"; Nueva gramática de la lengua española, 2009,
 * §5.2 sustantivos deverbales en -miento). Undefined for English and for any other word.
 */
function spanishActStem(w: string, lex: Lexicon): string | undefined {
  if (lex.language !== 'es') return undefined;
  const clitic = CLITIC_ES.exec(w);
  if (clitic?.[1]) return stem(clitic[1], 'es');
  const noun = ACT_NOUN_ES.exec(w);
  if (noun?.[1]) return stem(`${noun[1]}${noun[2] === 'a' ? 'ar' : 'ir'}`, 'es');
  return undefined;
}
const ACT_NOUN_ES = /^([a-zñ]{3,})(a|i)mientos?$/;
// An infinitive or gerund with one or two enclitic pronouns: "tocarte", "decírtelo", "pegándote".
const CLITIC_ES = /^([a-zñ]{2,}(?:ar|er|ir|ando|iendo))(?:me|te|se|nos|lo|la|le|los|las|les){1,2}$/;
// A diminutive in -ito/-ita/-cito/-cita (and plurals): "casita", "cuartito", "camita", "perritos".
const DIMINUTIVE_ES = /^([a-zñ]{3,}?)(c?)it(os|as|o|a)$/;
// -ió / -ía forms of -er/-ir verbs, whose stem the stemmer leaves ending in "i" ("mordi").
const PRETERITE_IO = /[^aeiou]i(?:o|a|as|an|amos)$/;

/**
 * Words of the interview frame that assume nothing about the event (Hearth's own list beside the
 * lexicon's `presupposition.neutral`): Latin American "recién" is "just" ("lo que recién me
 * contaste"); "vos" is the voseo "tú". The lexicon's frame verbs also count in voseo and with
 * enclitics ("contame", "decime", "cuéntamelo", "te acordás").
 */
function frameWord(w: string, s: string, lex: Lexicon): boolean {
  if (lex.neutralStems.has(s) || lex.neutralStems.has(w) || lex.interviewerStems.has(s))
    return true;
  if (lex.language !== 'es') return false;
  if (FRAME_ES.has(w)) return true;
  const cached = frameCache.get(w);
  if (cached !== undefined) return cached;
  if (frameCache.size > 5000) frameCache.clear();
  const frame = spanishFrame(w, lex);
  frameCache.set(w, frame);
  return frame;
}
const frameCache = new Map<string, boolean>();

function spanishFrame(w: string, lex: Lexicon): boolean {
  const neutral = neutralForms(lex);
  const bases = [w];
  const imperative = IMPERATIVE_CLITIC_ES.exec(w);
  if (imperative?.[1]) bases.push(imperative[1], `${imperative[1]}r`);
  return bases.some((b) => spanishForms(b, stem(b, 'es'), lex, true).some((f) => neutral.has(f)));
}
// Indefinite pronouns (see presupposedUnsaid).
const INDEFINITE: ReadonlySet<string> = new Set([
  'anybody',
  'somebody',
  'everybody',
  'nobody',
  'anyone',
  'someone',
  'everyone',
  'alguien',
  'nadie',
]);
const FRAME_ES: ReadonlySet<string> = new Set(['vos', 'recien']);
// A tú or voseo imperative with "me" / "nos" (and "lo"/"la"): "contame", "decime", "cuéntamelo".
const IMPERATIVE_CLITIC_ES = /^([a-zñ]{3,}?[aei])(?:me|nos|selo|sela)(?:lo|la|los|las)?$/;

const neutralCache = new WeakMap<Lexicon, ReadonlySet<string>>();
/** The lexicon's neutral frame words under every key of spanishForms (built once per lexicon). */
function neutralForms(lex: Lexicon): ReadonlySet<string> {
  let set = neutralCache.get(lex);
  if (!set) {
    const built = new Set<string>();
    for (const s of lex.neutralStems) for (const f of spanishForms(s, s, lex, false)) built.add(f);
    set = built;
    neutralCache.set(lex, set);
  }
  return set;
}

/**
 * "acabas de decir", "acabo de acordarme": the periphrasis "acabar de" + infinitive is Spanish for
 * "just" (Nueva gramática §28.11), interview wording, not an act; removed before the word checks.
 * (Bare "acabar" is left alone: in Rioplatense usage it can name a sexual act.)
 */
const ACABAR_DE = /\bacab[a-z]* de (?=[a-zñ]+[aei]r(?:me|te|se|lo|la|le|nos|los|las|les){0,2}\b)/g;
