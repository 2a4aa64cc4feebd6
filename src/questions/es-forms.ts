// Spanish forms the coach must keep apart when it compares the interviewer's words with the
// child's (coach42, issue #16 item 8). Pure: usable from the renderer.
//
// Gender and number of the subject pronoun. Spanish drops or adds the subject pronoun freely
// ("me abrazó" / "él me abrazó"), so the coach leaves it out when it tests whether a question
// says back the child's words (vocabulary.ts personCanonical). But "él" and "ella", "ellos" and
// "ellas" name different people (Real Academia Española & ASALE 2009, Nueva gramática de la
// lengua española, §16.2, pronombres personales: género y número): «¿Ella te abrazó?» after «él
// me abrazó» does not restate the child, it puts another person to the child (Lamb, Orbach,
// Hershkowitz, Esplin & Horowitz 2007: a restatement of the child's words is a facilitator; a
// yes/no question that offers a detail the child has not given is option-posing or worse).
// A pronoun on one side only (the child dropped it) is no conflict.

import { stem } from './text';

// Normalised text (accents folded, lower case): "el" is a subject pronoun only before a clitic
// or "no" ("el me toco", "el no me dejo"); elsewhere it is the article.
const SUBJECT_ES = /\b(?:el(?= (?:me|te|le|lo|la|les|se|nos|no)\b)|ella|ellos|ellas)\b/g;
const GENDER_OF: Readonly<Record<string, string>> = { el: 'm', ella: 'f', ellos: 'M', ellas: 'F' };

/**
 * The subject pronouns of a normalised Spanish text as gender/number letters: "m" (él), "f"
 * (ella), "M" (ellos), "F" (ellas), each once, in a fixed order; "" when it has none.
 * @param bare normalised text (normalise(), punctuation allowed).
 */
export function subjectPronouns(bare: string): string {
  const found = bare.match(SUBJECT_ES);
  if (!found) return '';
  const letters = new Set(found.map((w) => GENDER_OF[w] ?? ''));
  return ['m', 'f', 'M', 'F'].filter((l) => letters.has(l)).join('');
}

/**
 * Do the interviewer's and the child's subject pronouns name different people? True only when
 * both name one and none is shared ("ella" asked, only "él" said).
 * @param asked subjectPronouns() of the interviewer's words; `said` of the child's turn(s).
 */
export function pronounsConflict(asked: string, said: string): boolean {
  if (asked === '' || said === '') return false;
  for (const letter of asked) if (said.includes(letter)) return false;
  return true;
}

// Kin words, whose masculine plural is the family group as well as several of them: «tus papás»
// (your parents), «tus hermanos» (your siblings), «tus tíos», «tus abuelos» (Nueva gramática
// 2009, §2.3h, masculino genérico y plural de los nombres de parentesco). Asked in the plural
// they ask about the family, not about more people at the event, so the number check
// (vocabulary.ts morePersons) leaves them to the gender check (otherPerson, coach23). Hearth's list.
const KIN_ES = [
  'papa',
  'padre',
  'mama',
  'madre',
  'hermano',
  'hermana',
  'tio',
  'tia',
  'abuelo',
  'abuela',
  'primo',
  'prima',
  'padrino',
  'madrina',
  'hijo',
  'hija',
  'sobrino',
  'sobrina',
  'nieto',
  'nieta',
];
let kinStems: ReadonlySet<string> | undefined;

/** Is `singularStem` (a stem of the es stemmer) a kin word's (KIN_ES)? */
export function isKinStem(singularStem: string): boolean {
  kinStems ??= new Set(KIN_ES.map((w) => stem(w, 'es')));
  return kinStems.has(singularStem);
}

// A child's word whose diminutive the lexicon lists as a body part, but which has everyday senses
// too: "cola" is a tail, a soda, a queue (fix23a) as well as the bottom, so "cola" alone never
// vouches for "colita". Said in a turn with an act or body word of the lexicon ("me tocó la
// cola"), it is the body part, and the interviewer's diminutive of it ("¿Te tocó la colita?")
// is the child's word in another form (Nueva gramática 2009, §9.1: the diminutive names what its
// base names). "cosa" is left out on purpose: "cosita" is a euphemism, "cosa" any thing. Hearth.
const BODY_DIMINUTIVES: Readonly<Record<string, readonly string[]>> = {
  cola: ['colita', 'colitas'],
  colas: ['colita', 'colitas'],
};

/**
 * The listed diminutives a child's turn vouches for (BODY_DIMINUTIVES): those of a base word the
 * turn holds together with another word `isAct` accepts (an act or body word of the lexicon).
 * @param ws the turn's words, normalised.
 */
export function bodySenseDiminutives(
  ws: readonly string[],
  isAct: (w: string) => boolean,
): readonly string[] {
  const out: string[] = [];
  for (const w of ws) {
    const dims = BODY_DIMINUTIVES[w];
    if (dims && ws.some((o) => o !== w && isAct(o))) out.push(...dims);
  }
  return out;
}

// Garments named in the singular or the plural for one item: "el pantalón" / "los pantalones",
// "el calzón" / "los calzones", "el short" / "los shorts" (Nueva gramática 2009, §3.8, plurales
// de objetos dobles: "pantalones" names one pair as "pantalón" does). Normalised (accents folded).
const DOUBLE_OBJECTS: ReadonlyArray<[string, string]> = [
  ['pantalon', 'pantalones'],
  ['calzon', 'calzones'],
  ['calzoncito', 'calzoncitos'],
  ['chon', 'chones'],
  ['short', 'shorts'],
];
const POSSESSIVE_NUMBER: Readonly<Record<string, string>> = {
  el: 'los',
  los: 'el',
  mi: 'mis',
  mis: 'mi',
  tu: 'tus',
  tus: 'tu',
  su: 'sus',
  sus: 'su',
};

/**
 * A normalised Spanish phrase with its garment said in the other number, determiner and noun
 * ("bajo los pantalones" -> "bajo el pantalon"); empty when it names none of DOUBLE_OBJECTS.
 */
export function garmentNumberVariants(phrase: string): string[] {
  const out: string[] = [];
  for (const [one, many] of DOUBLE_OBJECTS) {
    const re = new RegExp(`\\b(el|los|mi|mis|tu|tus|su|sus) (${one}|${many})\\b`, 'g');
    if (!re.test(phrase)) continue;
    out.push(
      phrase.replace(re, (_m, det: string, noun: string) => {
        return `${POSSESSIVE_NUMBER[det] ?? det} ${noun === one ? many : one}`;
      }),
    );
  }
  return out;
}
