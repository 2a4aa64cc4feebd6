// Which fact a wh- question's MAIN clause asks for (practitioner review R18-2): "Where were you
// when the dog bit you?" asks where the child was, not about the bite of its when-clause; "Where
// did the teenager go?" asks for a destination ("He went toward the bus station."), not where
// the teenager was first seen; "¿Cómo era el candado?" asks what the lock looked like, answered
// by a fact about the lock or "No sé", never by the teenager's clothes. A wh- question asks for
// one detail and is answered with it or "I don't know" (Lamb, Orbach, Hershkowitz, Esplin &
// Horowitz 2007, Child Abuse Negl 31:1201-1231); the word lists below are Hearth's own.
import type { TrainingLanguage } from './types';
import { fold, type Agent } from './wh-kind';

/** A subordinate time clause after the main clause: "... when the dog bit you", "... cuando ...". */
const TIME_CLAUSE: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /[\s,]+(?:when|while|after|before|as soon as)\s+(?:the|a|an|my|your|his|her|their|he|she|they|you|it|we|i)\b.*$/iu,
  es: /[\s,]+(?:cuando|mientras|despu[eé]s de que|antes de que)\s+.*$/iu,
};

/**
 * The trailing time clause of a question ("when the dog bit you" in "What did you do when the
 * dog bit you?"), or undefined. It names the moment the main clause asks about: the child's act
 * at or just after the fact the clause names ("It hurt and I cried."), never a state before it
 * ("I was on the slide.", trainer re-check R18-2). Hearth's reading.
 */
export function timeClause(question: string, language: TrainingLanguage): string | undefined {
  const m = TIME_CLAUSE[language].exec(question.trim());
  return m ? m[0].replace(/[?¿!.]+$/u, '').trim() : undefined;
}

/** An act the child did ("I cried", "I ran", "Lloré", "me fui"), not a state ("I was on..."). */
const CHILD_ACT: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /\b(?:i|we) (?!was\b|were\b|had\b|am\b|have\b|didn'?t\b|don'?t\b)[\p{L}']+/u,
  es: /\b(?:llore|grite|corri|me fui|me escondi|le dije|dije|conte|pedi|me sali|sali|me subi|me baje|me cai|me levante|le pegue|empuje|agarre|solte|nos fuimos|corrimos|fui|hui)\b/u,
};

/** Whether a fact tells an act of the child's own (Hearth's word list). */
export function tellsChildAct(factText: string, language: TrainingLanguage): boolean {
  return CHILD_ACT[language].test(fold(factText));
}

/**
 * The question without a trailing time clause ("Where were you when the dog bit you?" ->
 * "Where were you?"), or the question itself when it has none. The clause's words only say
 * when; they name no fact the question asks for.
 */
export function mainClause(question: string, language: TrainingLanguage): string {
  const trimmed = question.trim();
  const cut = trimmed.replace(TIME_CLAUSE[language], '');
  if (cut === trimmed || cut.length < 6) return question;
  return language === 'es' ? `${cut.replace(/[?¿]+$/u, '')}?` : `${cut.replace(/[?]+$/u, '')}?`;
}

/** "Where did X go / run / ride (off) to?", "¿Adónde se fue?", "¿A dónde fue?" (folded). */
const ASKS_DESTINATION: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /^\W*where (?:did|does|do|was|were|is|has|had) (?:[\p{L}'.]+ ){0,4}?(?:go|goes|going|gone|went|run|ran|running|ride|rode|riding|head|headed|heading|take|took|taking|drive|drove|driving|walk|walked|walking)\b/u,
  es: /^\W*(?:a ?donde|hacia donde|para donde) |^\W*donde (?:se )?(?:fue|fueron|iba|iban|corrio|corrieron|se llevo|llevo)\b/u,
};

/** A fact that tells where someone went: "toward the bus station", "hacia la estación". */
const TELLS_DESTINATION: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /\b(?:went|go|goes|ran|run|rode|ride|drove|walked|headed|took (?:it|him|her|me) )\s*(?:off |away |back |home\b|over )?(?:to|toward|towards|into|home|inside|outside|down|up|across)\b/u,
  es: /\b(?:se fue|se fueron|fue|fueron|fui|fuimos|me fui|nos fuimos|corri|corrimos|corrio|corrieron|se llevo|llevo|iba|ibamos|se metio|se regreso|regreso|me regrese)\b.*\b(?:hacia|a la|al|a su|a mi|para|rumbo)\b/u,
};

/** Whether the question asks where someone went (a destination), not where something was. */
export function asksDestination(question: string, language: TrainingLanguage): boolean {
  return ASKS_DESTINATION[language].test(fold(question));
}

/** Whether a fact's wording tells a destination (Hearth's word list). */
export function tellsDestination(factText: string, language: TrainingLanguage): boolean {
  return TELLS_DESTINATION[language].test(fold(factText));
}

/** "What was the lock like?", "¿Cómo era el candado?": the thing whose look is asked (folded). */
const APPEARANCE_OF: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /^\W*(?:what (?:was|were|is|did) (?:the|his|her|their|your|that) ([\p{L}-]+) (?:like|look like)|describe (?:the|his|her|their|your|that) ([\p{L}-]+))\b/u,
  es: /^\W*(?:como (?:era|eran|es|son|se veia|estaba) (?:el|la|los|las|su|tu|ese|esa) ([\p{L}]+)|describeme (?:el|la|su|tu) ([\p{L}]+))\b/u,
};

/** Words for a person: "What was the man like?" may be told by what he wore (Hearth's list). */
const PERSON: Readonly<Record<TrainingLanguage, ReadonlySet<string>>> = {
  en: new Set(
    'man guy boy girl woman lady teenager kid person driver dog puppy baker librarian uncle aunt mom dad grandma grandpa brother sister friend cousin boyfriend girlfriend teacher babysitter neighbor cashier guard owner stranger'.split(
      ' ',
    ),
  ),
  es: new Set(
    'senor senora hombre mujer muchacho muchacha chavo chava nino nina persona conductor conductora perro perrito panadero bibliotecaria tio tia mama papa abuela abuelo abuelita abuelito hermano hermana amigo amiga primo prima novio novia maestro maestra nana vecino vecina cajero cajera guardia dueno duena'.split(
      ' ',
    ),
  ),
};

/**
 * The thing (not a person or animal) whose appearance the question asks for ("lock" in "What was
 * the lock like?"), folded, or undefined. Only a fact that names that thing describes it.
 */
export function appearanceThing(question: string, language: TrainingLanguage): string | undefined {
  const m = APPEARANCE_OF[language].exec(fold(question));
  const noun = m?.[1] ?? m?.[2];
  if (noun === undefined || PERSON[language].has(noun)) return undefined;
  return noun;
}

/** "What did the man from the bakery do?": a person named with a place or group (folded). */
const MODIFIED_AGENT =
  /^\W*what (?:did|does|was|were|is) (?:the|a|an|your|his|her|their|that) ([\p{L}-]+) (?:from|at|in|of|with|by|next to|on) (?:(?:the|a|an|your|his|her|their|that) )?([\p{L}-]+) (?:do|doing|say|said|tell|yell|shout)\b/u;

/**
 * The agent of "What did the man from the bakery do?" (the man, from the bakery), which the
 * three-word subject reading of questionAgent does not find; undefined otherwise.
 */
export function modifiedAgent(question: string, language: TrainingLanguage): Agent | undefined {
  if (language !== 'en') return undefined;
  const m = MODIFIED_AGENT.exec(fold(question));
  return m?.[1] && m[2] ? { kind: 'named', words: [m[1], m[2]] } : undefined;
}

const HEAD: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /^\W*(?:the|a|an|my|his|her|their|our|your|some|this|that)\s+(?:[\p{L}-]+\s+)??([\p{L}-]+)\s+(?:was|were|is|had|has|did|got|came|went|turned|took|gave|called|said|told|helped|clipped|bit|ran|rode|hit|pushed|put|asked|yelled|shouted|[\p{L}]+ed)\b/u,
  es: /^\W*(?:el|la|los|las|un|una|unos|unas|mi|mis|su|sus|tu|tus)\s+([\p{L}]+)/u,
};

/**
 * Whether a fact's sentence subject, when it opens with a noun phrase ("El carro dio vuelta",
 * "The car turned left"), can be the agent asked about: a named agent's own word ("Un SEÑOR de
 * la panadería le llamó" for "el señor de la panadería"), or for a pronoun agent a person.
 * A fact opening with no noun phrase ("He went...", "Se fue...") is left to wh-kind.ts. Guards
 * the Spanish article "el" being read as the pronoun "él" once accents are folded (R18-2).
 */
export function headFits(factText: string, agent: Agent, language: TrainingLanguage): boolean {
  if (agent.kind === 'child') return true;
  const first = fold(factText).split(/[.;]/u)[0] ?? '';
  const noun = HEAD[language].exec(first)?.[1];
  if (noun === undefined) return true;
  if (agent.kind === 'named')
    return (
      agent.words.some((w) => w === noun || (w.length >= 4 && noun.startsWith(w.slice(0, -1)))) ||
      modifierNames(first, agent.words, language)
    );
  return PERSON[language].has(noun);
}

/** "When I came out, ", "Cuando salí, ": a time clause before the subject (folded). */
const LEADING_CLAUSE =
  /^\W*(?:when|after|before|while|as soon as|cuando|despues de que|antes de que|mientras)\b[^,]{0,60},\s*/u;

/**
 * A fact's folded first sentence without a leading time clause: "When I came out, a teenager was
 * riding off on it." has the teenager as its subject, not the child (R18-2). Hearth's reading.
 */
export function mainSubjectPart(factText: string): string {
  const first = fold(factText).split(/[.;]/u)[0] ?? '';
  return first.replace(LEADING_CLAUSE, '');
}

/** "A man FROM THE BAKERY called", "Un señor DE LA PANADERÍA": a person named by a place. */
const SUBJECT_MODIFIER: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /^\W*(?:the|a|an|my|his|her|their|this|that)\s+[\p{L}-]+\s+(?:from|at|of|in|next to)\s+(?:(?:the|a|an|my|his|her|their|that)\s+)?([\p{L}-]+)/u,
  es: /^\W*(?:el|la|un|una|mi|su)\s+[\p{L}]+\s+(?:de|del|en)\s+(?:(?:la|el|los|las|mi|su)\s+)?([\p{L}]+)/u,
};

/**
 * Whether the fact's subject is a person named by a place the asked word is built on: "the
 * baker" is "a man from the bakery", "el panadero" is "un señor de la panadería" (trainer
 * re-check R18-2). Words sharing all but the last 1-2 letters count (Hearth's approximation).
 */
export function modifierNames(
  folded: string,
  agent: readonly string[],
  language: TrainingLanguage,
): boolean {
  const place = SUBJECT_MODIFIER[language].exec(folded)?.[1];
  if (place === undefined) return false;
  return agent.some(
    (w) =>
      w.length >= 5 &&
      place.startsWith(w.replace(/(?:o|a|er|ero|era)$/u, '')) &&
      place.length - w.length <= 2,
  );
}

/** Whether a folded word names the agent ("senor" for "señor", "teenager"). */
function namesAgent(words: readonly string[], agent: readonly string[]): boolean {
  return agent.some((w) =>
    words.some((x) => x === w || (w.length >= 4 && x.startsWith(w.slice(0, -1)))),
  );
}

/**
 * Whether a fact whose subject is a pronoun ("He didn't pay for them.") is about the named
 * agent: the person its pronoun stands for is the one named last in the facts before it
 * ("Marco put some candy bars..."), so "What did the cashier do?" is not told by Marco's act
 * (R18-2). A fact that names the agent in its first words, or has no pronoun subject, is not
 * judged here (true). Hearth's approximation of pronoun reference.
 * @param texts the episode's fact texts in event order; index: the fact's position in them.
 * @param proper the scenario's names (capitalised words), which count as persons.
 */
export function pronounRefersTo(
  texts: readonly string[],
  index: number,
  agent: readonly string[],
  language: TrainingLanguage,
  proper: ReadonlySet<string>,
): boolean {
  const head = fold(texts[index] ?? '')
    .split(/[^\p{L}']+/u)
    .filter((w) => w.length > 0)
    .slice(0, 3);
  if (namesAgent(head, agent)) return true;
  const pronoun = language === 'en' ? /^(?:he|she|they)$/u : /^(?:el|ella|ellos)$/u;
  if (!head.some((w) => pronoun.test(w))) return true;
  const persons = PERSON[language];
  const folded = new Set([...proper].map((p) => fold(p)));
  for (let i = index - 1; i >= 0; i--) {
    const words = fold(texts[i] ?? '').split(/[^\p{L}']+/u);
    const who = words.filter((w) => persons.has(w) || folded.has(w));
    if (who.length > 0) return namesAgent(who, agent);
  }
  return true;
}

/**
 * Whose going a destination question asks about: the child ("Where did you go?", "¿A dónde te
 * fuiste?"), another person ("Where did the teenager go?", "¿Adónde se fue el muchacho?"), or
 * either when the form does not say ("¿A dónde fueron?": you all, or they).
 */
export function destinationSubject(
  question: string,
  language: TrainingLanguage,
): 'child' | 'other' | 'either' {
  const q = fold(question);
  if (language === 'en')
    return /\bwhere (?:did|do|were|are) you\b/u.test(q)
      ? 'child'
      : /\bwhere (?:did|do|does|was|were|is) (?:he|she|they|the|a|an|his|her|their|that)/u.test(q)
        ? 'other'
        : 'either';
  if (/\b(?:fuiste|te fuiste|corriste|ibas|te llevaste)\b/u.test(q)) return 'child';
  if (/\b(?:se fue|iba|corrio)\b/u.test(q)) return 'other';
  return 'either';
}

/** Whether a destination fact is the child's own going ("I ran to...", "Nos fuimos a..."). */
export function childWent(factText: string, language: TrainingLanguage): boolean {
  const f = fold(factText);
  return language === 'en'
    ? /^\W*(?:i|we)\b/u.test(f)
    : /\b(?:me fui|nos fuimos|fui|fuimos|corri|corrimos|me regrese|nos regresamos)\b/u.test(f);
}
