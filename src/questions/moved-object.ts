// Whom the act was done to (review25 F9). A summary that makes the child the object of an act
// ("You said he touched you", «Dijiste que él te tocó») is the child's words only when a child turn
// has that act with the child as its object ("he touched me", «me tocó», «a mí»). After "He
// touched my sister" it moves the act onto the child: the distortion children most often leave
// uncorrected (Roberts & Lamb 1999, Legal Criminol Psychol 4:23-31), and a prompt that assumes
// what the child has not disclosed is suggestive (Lamb, Orbach, Hershkowitz, Esplin & Horowitz
// 2007, Child Abuse Negl 31:1201-1231). The same holds for a person the summary adds to the act's
// objects ("he touched you and your sister" after "He touched me"). Hearth's check: it compares
// the objects of the same verb (same stem) and says nothing when the child never used that verb
// or named no object of it (the other checks of statements.ts decide those).
import type { Lexicon } from './lexicon';
import { stem } from './text';

/** The child, as the object of an act ("me" in the child's words, "you" in the interviewer's). */
const CHILD = '\u0000child';

export interface MovedObject {
  /** 'moved': the child said the act was done to someone else; 'added': the summary adds a person. */
  kind: 'moved' | 'added';
  /** The words to name: the child's object ("my sister") or the summary's added one ("your sister"). */
  cue: string;
}

// English: words after which "you" is no object of an act (prepositions, "thank you").
const NOT_VERB_EN = new Set(
  'to with for at about from of on in by thank than like near behind around and or but that if when while before after because told said asked tell ask is was were are am be been being has have had do does did will would can could should might must'.split(
    ' ',
  ),
);
// Words that are no object of the act ("he hit hard", "he touched there").
const NOT_OBJECT_EN = new Set(
  'a an it this that there here hard again too also really back before after once twice then now today yesterday down up over away out in on all lots lot so very more not when while because and or but with to at by me my'.split(
    ' ',
  ),
);
const DET_EN = /^(?:my|your|his|her|our|their|the|a)$/;
const PRONOUN_EN: Record<string, string> = { me: CHILD, myself: CHILD, us: CHILD };
const PRONOUN_EN_YOU: Record<string, string> = { you: CHILD, yourself: CHILD };

/** One object phrase at ws[i] (English): [key, surface words, next index], or undefined. */
function objectEn(
  ws: readonly string[],
  i: number,
  own: Record<string, string>,
  persons: ReadonlySet<string>,
): [string, string, number] | undefined {
  const w = ws[i];
  if (w === undefined) return undefined;
  if (own[w]) return [own[w], w, i + 1];
  if (w === 'him' || w === 'her' || w === 'them') {
    // "her" before a noun is a determiner ("her sister").
    const next = ws[i + 1];
    if (w === 'her' && next !== undefined && !NOT_OBJECT_EN.has(next) && next !== 'and')
      return [next, `${w} ${next}`, i + 2];
    return [w, w, i + 1];
  }
  if (DET_EN.test(w)) {
    const n = ws[i + 1];
    if (n === undefined || NOT_OBJECT_EN.has(n)) return undefined;
    // "your sister" and "my sister" are the same person said from the two sides; "my bottom" /
    // "your leg" (no person word) is the child; "the bedroom" is no one.
    if (!persons.has(stem(n, 'en'))) {
      const childs = (w === 'my' && own.me === CHILD) || (w === 'your' && own.you === CHILD);
      return childs ? [CHILD, `${w} ${n}`, i + 2] : undefined;
    }
    return [n, `${w} ${n}`, i + 2];
  }
  // A bare word is a name ("Lucy") only if it is no adverb or verb form ("really", "yelling").
  if (w.length < 3 || NOT_OBJECT_EN.has(w) || /(?:ly|ing|ed)$/.test(w) || w in PRONOUN_EN_YOU)
    return undefined;
  return [w, w, i + 1];
}

/** The objects after the verb at ws[v] (English), "X and Y" read as two. */
function objectsEn(
  ws: readonly string[],
  v: number,
  own: Record<string, string>,
  persons: ReadonlySet<string>,
) {
  const out: Array<[string, string]> = [];
  let i = v + 1;
  for (;;) {
    const o = objectEn(ws, i, own, persons);
    if (!o) break;
    out.push([o[0], o[1]]);
    if (ws[o[2]] !== 'and') break;
    i = o[2] + 1;
  }
  return out;
}

const CLITIC_ES = new Set(['me', 'te', 'le', 'la', 'lo', 'les', 'los', 'las', 'nos']);
const A_END_ES = new Set([
  'y',
  'o',
  'tambien',
  'nomas',
  'solo',
  'a',
  'en',
  'con',
  'cuando',
  'casa',
  'fuerza',
]);
// «te voy a hacer», «me llevó a jugar»: «a» + infinitive is no person.
const INFINITIVE_ES = /(?:ar|er|ir)(?:te|me|lo|la|le|se)?$/;

/** The objects of the verb at ws[v] (Spanish): its clitic and the «a ...» phrases after it. */
function objectsEs(
  ws: readonly string[],
  v: number,
  interviewer: boolean,
  persons: ReadonlySet<string>,
) {
  const out: Array<[string, string]> = [];
  const clitic = ws[v - 1];
  const childClitic = interviewer ? 'te' : 'me';
  if (clitic === childClitic || (!interviewer && clitic === 'nos')) out.push([CHILD, clitic]);
  let i = v + 1;
  while (ws[i] === 'a') {
    const w = ws[i + 1];
    const n = ws[i + 2];
    if (w === undefined) break;
    if (w === (interviewer ? 'ti' : 'mi') && (n === undefined || A_END_ES.has(n))) {
      out.push([CHILD, `a ${w}`]);
      i += 2;
    } else if (/^(?:mi|tu|su|el|la|los|las|mis|tus|sus)$/.test(w) && n !== undefined) {
      // «a mi hermana» is a person; «a la tienda», «a su cuarto» are where (no person word).
      if (persons.has(stem(n, 'es'))) out.push([n, `a ${w} ${n}`]);
      i += 3;
    } else if (w.length >= 3 && !INFINITIVE_ES.test(w) && !A_END_ES.has(w)) {
      out.push([w, `a ${w}`]);
      i += 2;
    } else break;
    if (ws[i] === 'y') i++;
  }
  // «le pegó» with no «a ...»: someone else, unnamed.
  if (out.length === 0 && clitic !== undefined && CLITIC_ES.has(clitic) && clitic !== childClitic)
    out.push([`\u0000${clitic}`, `${clitic} ${ws[v]}`]);
  return out;
}

const WORD = /[\p{L}']+/gu;
const tokens = (s: string): string[] => s.match(WORD) ?? [];

/**
 * Whether a summary moves an act onto the child, or adds a person to its objects.
 * @param claim the asserted part of the statement, normalised (quote frame removed:
 *   "he touched you", «tu papa te pego»).
 * @param turns the child's turns, normalised (ChildVocabulary.turns).
 * @param lex the language's lexicon (its person words tell "my sister" from "my leg").
 * @returns the first such act's finding, or undefined when every object of the summary's acts
 *   on the child is one the child gave that act, or the child never gave that act an object.
 */
export function movedObject(
  claim: string,
  turns: readonly string[],
  lex: Lexicon,
): MovedObject | undefined {
  const language = lex.language;
  const persons = lex.personStems;
  const ws = tokens(claim);
  for (let v = 0; v < ws.length; v++) {
    const verb = ws[v]!;
    let summaryObjects: Array<[string, string]>;
    if (language === 'en') {
      if (verb.length < 3 || NOT_VERB_EN.has(verb)) continue;
      summaryObjects = objectsEn(ws, v, PRONOUN_EN_YOU, persons);
    } else {
      if (verb.length < 3 || CLITIC_ES.has(verb) || verb === 'que') continue;
      summaryObjects = objectsEs(ws, v, true, persons);
    }
    if (!summaryObjects.some(([k]) => k === CHILD)) continue;
    const s = stem(verb, language);
    const childObjects: Array<[string, string]> = [];
    for (const turn of turns) {
      const tw = tokens(turn);
      tw.forEach((w, i) => {
        if (w.length >= 3 && stem(w, language) === s)
          childObjects.push(
            ...(language === 'en'
              ? objectsEn(tw, i, PRONOUN_EN, persons)
              : objectsEs(tw, i, false, persons)),
          );
      });
    }
    if (childObjects.length === 0) continue;
    const keys = new Set(childObjects.map(([k]) => k));
    if (!keys.has(CHILD)) return { kind: 'moved', cue: childObjects[0]![1] };
    const added = summaryObjects.find(([k]) => !keys.has(k));
    if (added) return { kind: 'added', cue: added[1] };
  }
  return undefined;
}
