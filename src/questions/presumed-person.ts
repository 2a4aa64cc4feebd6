// A person the question presumes by its pronoun (coach37, issue #16 kind 2): "My aunt hit me." →
// "Where did he hit you?" / «Mi tía me pegó.» → «¿Dónde te pegó él?» refers to a man or boy the
// child has not named. Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007 (Child Abuse Negl
// 31:1201-1231): a prompt that assumes information the child has not disclosed is suggestive; the
// perpetrator is the most consequential such detail (practitioner review 6, C6). The check and its
// word lists are Hearth's, and deliberately narrow: it flags only when every person the child has
// named is of the other sex. A person of unknown sex (a name, "my cousin", "someone", a pet, a
// word at the head of a sentence that could be a name) or "they" / «ellos» clears it; a name
// after a word that gives the sex ("my aunt Rosa", «el señor Díaz») is of that sex.
import type { Lexicon } from './lexicon';
import { normalise, words } from './text';
import type { Language } from './types';

type Sex = 'male' | 'female';

interface WordLists {
  male: ReadonlySet<string>;
  female: ReadonlySet<string>;
  /** Persons (or pets) of no stated sex, and plural or generic pronouns. */
  open: ReadonlySet<string>;
  /** Words that often open a child's sentence and are not names. */
  openers: ReadonlySet<string>;
}

const set = (s: string): ReadonlySet<string> => new Set(s.split(' '));

// Pronouns, which the question may use for the person (the nouns beside them name one).
const PRONOUNS = set('he him his himself she her hers herself ella ellos ellas');

// Normalised (lower case, accents folded). Spanish nouns carry their sex ("tío" / "tía").
const LISTS: Record<Language, WordLists> = {
  en: {
    male: set(
      'he him his himself dad daddy father stepdad stepfather brother stepbrother uncle grandpa ' +
        'grandfather boyfriend man men guy boy sir mister mr son nephew husband papa grandson',
    ),
    female: set(
      'she her hers herself mom mommy mother mama stepmom stepmother sister stepsister aunt auntie ' +
        'grandma grandmother girlfriend lady woman women girl ms mrs miss daughter niece wife ' +
        'granny nana',
    ),
    open: set(
      'they them their theirs someone somebody anyone anybody person people cousin cousins friend ' +
        'friends teacher neighbor neighbour babysitter coach kid kids baby doctor nurse dog cat ' +
        'puppy kitty pet officer cop stranger tutor boss driver parent parents sibling siblings ' +
        'classmate principal pastor priest',
    ),
    openers: set(
      'yesterday today tonight then one last when after before once sometimes and but so well ' +
        'um uh yeah yes no okay ok like because',
    ),
  },
  es: {
    male: set(
      'papa papi padre padrastro hermano hermanastro tio abuelo abuelito primo novio entrenador ' +
        'maestro profesor vecino padrino senor hombre hombres muchacho chavo nino hijo sobrino ' +
        'esposo amigo don chamaco',
    ),
    female: set(
      'ella mama mami madre madrastra hermana hermanastra tia abuela abuelita prima novia ' +
        'entrenadora maestra profesora vecina madrina senora mujer mujeres muchacha chava nina hija ' +
        'sobrina esposa amiga dona ninera',
    ),
    open: set(
      'ellos ellas alguien persona personas gente policia chofer jefe profe bebe perro perrito ' +
        'gato gatito mascota doctor desconocido',
    ),
    openers: set(
      'ayer hoy luego despues entonces una un cuando antes y pero pues este eh si no bueno ' +
        'porque',
    ),
  },
};

// «él» the pronoun: accented as typed, or unaccented where the article cannot stand (before a
// clitic or "no", or at the end of a clause: "me pegó el", "con el.").
const EL_ACCENTED = /(?<!\p{L})él(?!\p{L})/u;
const EL_PRONOUN = /\bel (?=(?:me|te|se|le|les|lo|la|los|las|nos|no)\b)|\bel\s*(?=[?.!,;]|$)/;
const CAPITALISED = /(?<!\p{L})\p{Lu}\p{Ll}+(?!\p{L})/gu;

interface Cast {
  male: boolean;
  female: boolean;
  /** A person of no known sex: an open word, a possible name. */
  open: boolean;
}

interface CastEntry {
  length: number;
  cast: Cast;
}
const caches: Record<Language, WeakMap<readonly string[], CastEntry>> = {
  en: new WeakMap(),
  es: new WeakMap(),
};

/** The sexes of the people the child has named so far (cached per array, grown as it grows). */
function castOf(childWords: readonly string[], lex: Lexicon): Cast {
  const cache = caches[lex.language];
  let entry = cache.get(childWords);
  if (!entry || entry.length > childWords.length) {
    entry = { length: 0, cast: { male: false, female: false, open: false } };
    cache.set(childWords, entry);
  }
  for (let i = entry.length; i < childWords.length; i++)
    addTurn(entry.cast, childWords[i] ?? '', lex);
  entry.length = childWords.length;
  return entry.cast;
}

function addTurn(cast: Cast, raw: string, lex: Lexicon): void {
  const lists = LISTS[lex.language];
  const norm = normalise(raw);
  // This turn's people: whether a person of no known sex was named, and the sexes given by a
  // noun or object pronoun and by a subject pronoun (coach38, see below).
  const turn = { open: false, maleNoun: false, femaleNoun: false, he: false, she: false };
  for (const w of words(norm)) {
    if (lists.male.has(w)) {
      if (SUBJECT_PRONOUNS.has(w)) turn.he = true;
      else turn.maleNoun = true;
    } else if (lists.female.has(w)) {
      if (SUBJECT_PRONOUNS.has(w)) turn.she = true;
      else turn.femaleNoun = true;
    } else if (lists.open.has(w) && !PLURAL_OPEN.has(w)) turn.open = true;
    else if (lists.open.has(w)) cast.open = true;
  }
  if (lex.language === 'es' && (EL_ACCENTED.test(raw) || EL_PRONOUN.test(norm))) turn.he = true;
  // A name: a capitalised word that is not a function or listed word, or (text typed without
  // capitals) the first word of a sentence or clause that is not one. Either may be a name whose
  // sex the coach cannot know, so it clears the check.
  // A name right after a word that gives the person's sex ("my aunt Rosa", "Ms. Davis", «mi
  // primo Marcos», «la señora Dávila») is that person's name, of that sex: not a second person of
  // unknown sex (heldout24, lead).
  for (const m of raw.matchAll(CAPITALISED))
    if (maybeName(normalise(m[0]), lists, lex) && !afterSexedWord(raw, m.index, lists))
      turn.open = true;
  if (raw === raw.toLowerCase())
    for (const part of norm.split(/[.!?,;]| and | y /)) {
      const first = words(part)[0];
      if (first !== undefined && maybeName(first, lists, lex)) turn.open = true;
    }
  // "My cousin Marcus hurt me, he's mean." / «Mi prima Alex me pegó, ella es mala.»: the child's
  // own pronoun gives the sex of the person of no known sex named in the same turn, when no noun
  // of that sex in the turn could be what it refers to and the turn has pronouns of one sex only
  // (coach38, Hearth's rule: the sex is never guessed from a given name, whose sex is a cultural
  // convention, only taken from the child's words). Otherwise that person stays of unknown sex.
  const resolves =
    turn.open && turn.he !== turn.she && !(turn.he ? turn.maleNoun : turn.femaleNoun);
  if (turn.open && !resolves) cast.open = true;
  if (turn.he || turn.maleNoun) cast.male = true;
  if (turn.she || turn.femaleNoun) cast.female = true;
}
// Plural or generic people ("they", "someone", «ellos», «alguien») are never resolved by a
// singular pronoun: they keep the check cleared, as before.
// Only a subject pronoun names the person the turn is about: "Marcus hit her" speaks of another.
const SUBJECT_PRONOUNS = set('he she el ella');
const PLURAL_OPEN = set(
  'they them their theirs someone somebody anyone anybody people friends kids cousins parents ' +
    'siblings ellos ellas alguien personas gente',
);

/** Whether the word just before position `at` of `raw` is a male or female person word. */
function afterSexedWord(raw: string, at: number, lists: WordLists): boolean {
  const before = words(normalise(raw.slice(0, at)));
  const last = before[before.length - 1];
  return last !== undefined && (lists.male.has(last) || lists.female.has(last));
}

function maybeName(w: string, lists: WordLists, lex: Lexicon): boolean {
  return !(
    w === 'i' ||
    lex.functionWords.has(w) ||
    lex.stopwords.has(w) ||
    lists.male.has(w) ||
    lists.female.has(w) ||
    lists.open.has(w) ||
    lists.openers.has(w) ||
    lex.personStems.has(w)
  );
}

/** The question's third-person pronoun and the sex it refers to; undefined when none or both. */
function pronounOf(
  norm: string,
  original: string,
  lex: Lexicon,
): { word: string; sex: Sex } | undefined {
  const ws = words(norm);
  let male: string | undefined;
  let female: string | undefined;
  if (lex.language === 'en') {
    male = ws.find((w) => w === 'he' || w === 'him' || w === 'his' || w === 'himself');
    female = ws.find((w) => w === 'she' || w === 'her' || w === 'hers' || w === 'herself');
  } else {
    male = EL_ACCENTED.test(original) || EL_PRONOUN.test(norm) ? 'él' : undefined;
    female = ws.find((w) => w === 'ella');
  }
  if (male !== undefined && female === undefined) return { word: male, sex: 'male' };
  if (female !== undefined && male === undefined) return { word: female, sex: 'female' };
  return undefined;
}

/**
 * The pronoun of an open prompt that refers to a person of the sex the child has not named, or
 * undefined. `norm` is the normalised question, `original` as typed (Spanish «él» is told from
 * the article «el» by its accent), `childWords` the child's turns as given to the classifier.
 * Undefined when the question names a person itself ("When your uncle came, what did he say?":
 * the person checks cover that), when the child named someone of the pronoun's sex or of no
 * known sex, or named nobody.
 *
 * Review25 F16 (a he/she for a person the child named without showing a sex: "my cousin Alex
 * hurt me", then "Where did he hurt you?"), decided by coach39: not flagged. The sources define
 * a suggestive prompt by the event information it assumes (Lamb, Orbach, Hershkowitz, Esplin &
 * Horowitz 2007: an act, object, person or place the child has not disclosed), and such a
 * pronoun adds no person and no act: it refers to the one the child named, whose sex the
 * interviewer usually knows from the referral (the team's information the NICHD transition
 * itself uses). Flagging it would warn on most follow-ups about a cousin or a friend while
 * saying nothing about the event. Where the child's own words show the other sex, the pronoun
 * does presume a different person and is flagged (above). The safer wording stays the child's
 * word for the person ("Where did your cousin hurt you?"), which a suggestion already uses.
 */
export function mismatchedPronoun(
  norm: string,
  original: string,
  childWords: readonly string[],
  lex: Lexicon,
): string | undefined {
  const pronoun = pronounOf(norm, original, lex);
  if (!pronoun) return undefined;
  const lists = LISTS[lex.language];
  const own = pronoun.sex === 'male' ? lists.male : lists.female;
  const other = pronoun.sex === 'male' ? lists.female : lists.male;
  // The question brings its own person (a noun, or a name after the first word): not this check's.
  const ws = words(norm);
  const noun = (w: string): boolean => !PRONOUNS.has(w) && (own.has(w) || other.has(w));
  if (ws.some((w) => noun(w) || lists.open.has(w) || lex.personStems.has(w))) return undefined;
  if (
    original
      .slice(1)
      .match(CAPITALISED)
      ?.some((c) => maybeName(normalise(c), lists, lex))
  )
    return undefined;
  const cast = castOf(childWords, lex);
  const named = pronoun.sex === 'male' ? cast.male : cast.female;
  const otherNamed = pronoun.sex === 'male' ? cast.female : cast.male;
  return otherNamed && !named && !cast.open ? pronoun.word : undefined;
}

/**
 * The third-person pronoun of a summary when the child has named nobody at all, or undefined:
 * "You said he hurt you." after "My tummy hurt." gives the child's words an agent the child never
 * spoke of, a summary that adds a detail (Lamb et al. 2007: a restatement that adds information
 * is suggestive; Garven, Wood, Malpass & Shaw 1998 on other people's information). Only for a
 * summary that says the child said it (statements.ts, scripted.ts): a wh- question's pronoun
 * after "Something happened." stays coach37's narrower check (mismatchedPronoun), since the
 * child's words given to the coach may be partial. Any person the child named, of any or no known
 * sex, clears it, and so does an act done to the child ("me", "us"). English only: a Spanish verb
 * carries its third person without a subject.
 */
export function pronounOfNobody(
  norm: string,
  original: string,
  childWords: readonly string[],
  lex: Lexicon,
): string | undefined {
  // Spanish drops the subject: «me agarró» already speaks of someone, so «él» adds only a sex,
  // which mismatchedPronoun judges. English only, where a person is said or not at all.
  if (lex.language !== 'en') return undefined;
  const pronoun = pronounOf(norm, original, lex);
  if (!pronoun) return undefined;
  const cast = castOf(childWords, lex);
  if (cast.male || cast.female || cast.open) return undefined;
  // "hit me", "did it to us": an act done to the child by someone left unnamed (a fragment of
  // speech-recognition text, or a turn the coach did not get whole) is not an act of nobody.
  return childWords.some((t) => DONE_TO_CHILD.test(t)) ? undefined : pronoun.word;
}
const DONE_TO_CHILD = /\b(?:me|us)\b/i;
