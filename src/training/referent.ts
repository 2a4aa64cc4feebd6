// Whom a pronoun in the interviewer's question stands for ("What did she say?", "¿Qué dijo?",
// "What did he do?"), read from the talk so far, the way a child would (issue #18, child20).
// Before this module a pronoun question was answered with whichever person of the event had a
// fact of the kind asked: "¿Qué dijo?" asked before anyone had been named drew "Mi tía le dijo
// al hombre que se fuera", a detail about a person the interviewer had never mentioned.
//
// The research this follows:
// - Preschoolers read a pronoun as the subject, first-mentioned character of the preceding
//   context (a continued-subject bias): Song & Fisher (2005), "Who's 'she'? Discourse prominence
//   influences preschoolers' comprehension of pronouns", J Mem Lang 52(1):29-57; from 2.5 years:
//   Song & Fisher (2007) Lingua 117(11):1959-1987.
// - 3-5-year-olds use a pronoun's gender to choose among the characters: Arnold, Brown-Schmidt &
//   Trueswell (2007), "Children's use of gender and order-of-mention during pronoun
//   comprehension", Lang Cogn Process 22(4):527-565.
// - When a message does not pick out its referent, young children mostly choose a referent anyway
//   and judge the message adequate rather than ask (Robinson & Robinson 1982, Cognition
//   12:267-280; Beal & Flavell 1982, Dev Psychol 18:43-48).
// Hearth's rules on top of those findings: the "preceding context" is the latest utterance of this
// session's substantive talk (the interviewer's or the child's) that names a person of the
// pronoun's gender, and the referent is the first such person it names; a person named only as a
// possessor ("my cousin's party", "la fiesta de mi primo") is not a character. When nobody has
// been named, which person the child would pick cannot be known, so the simulated child either
// asks who (understanding.ts rate, as for any question it notices it cannot follow) or says it
// does not know; it never answers about a person the interviewer has not named.
import type { Agent } from './wh-kind';
import { fold } from './wh-kind';
import type { TrainingLanguage } from './types';

/** A person an utterance names: the word as folded, and its gender when the word tells it. */
export interface PersonMention {
  word: string;
  gender?: 'm' | 'f';
}

// Nouns for people (and the animals the scenarios have), folded, without pronouns. Gender only
// where the word carries it; "friend", "cousin" and a name of unknown gender fit any pronoun.
const FEMALE_NOUNS: Readonly<Record<TrainingLanguage, readonly string[]>> = {
  en: [
    'aunt',
    'auntie',
    'mom',
    'mommy',
    'mother',
    'mum',
    'grandma',
    'granny',
    'nana',
    'lady',
    'woman',
    'girl',
    'sister',
    'miss',
    'mrs',
    'girlfriend',
    'stepmom',
  ],
  es: [
    'tia',
    'mama',
    'abuelita',
    'abuela',
    'senora',
    'mujer',
    'nina',
    'hermana',
    'maestra',
    'conductora',
    'bibliotecaria',
    'amiga',
    'prima',
    'vecina',
    'novia',
    'ninera',
    'muchacha',
    'madrastra',
  ],
};
const MALE_NOUNS: Readonly<Record<TrainingLanguage, readonly string[]>> = {
  en: [
    'uncle',
    'dad',
    'daddy',
    'father',
    'grandpa',
    'man',
    'guy',
    'boy',
    'brother',
    'mr',
    'teenager',
    'boyfriend',
    'stepdad',
  ],
  es: [
    'tio',
    'papa',
    'abuelito',
    'abuelo',
    'senor',
    'hombre',
    'nino',
    'hermano',
    'muchacho',
    'chavo',
    'maestro',
    'amigo',
    'primo',
    'vecino',
    'novio',
    'padrastro',
    'bibliotecario',
  ],
};
const ANY_NOUNS: Readonly<Record<TrainingLanguage, readonly string[]>> = {
  en: [
    'friend',
    'cousin',
    'teacher',
    'neighbor',
    'neighbour',
    'babysitter',
    'coach',
    'officer',
    'police',
    'librarian',
    'driver',
    'cashier',
    'doctor',
    'nurse',
    'dog',
    'cat',
    'kid',
  ],
  es: [
    'policia',
    'chofer',
    'cajero',
    'cajera',
    'doctor',
    'doctora',
    'enfermera',
    'perro',
    'perrito',
    'gato',
    'entrenador',
  ],
};

/** Names known to be female (folded), so that "she" can find them. */
const FEMALE_NAMES = new Set(['tina', 'ana', 'rosa', 'maria', 'sofia', 'lucia']);

const WORD = /[\p{L}']+/gu;

/**
 * The persons `text` names, in order of mention: person nouns of the language and the given
 * names (folded), leaving out a possessor ("my cousin's party", "la fiesta de mi primo").
 * @param names folded proper names of the scenario (Scenario facts), treated as persons.
 */
export function personsNamed(
  text: string,
  language: TrainingLanguage,
  names: ReadonlySet<string>,
): PersonMention[] {
  const folded = fold(text);
  const female = new Set(FEMALE_NOUNS[language]);
  const male = new Set(MALE_NOUNS[language]);
  const any = new Set(ANY_NOUNS[language]);
  const out: PersonMention[] = [];
  for (const m of folded.matchAll(WORD)) {
    const raw = m[0];
    // "cousin's party": a possessor, not a character of the talk.
    if (language === 'en' && /'s$/u.test(raw) && !/^(?:he|she|it|that|there)'s$/u.test(raw))
      continue;
    const word = raw.replace(/'s?$/u, '');
    const before = folded.slice(Math.max(0, (m.index ?? 0) - 40), m.index);
    // "la fiesta de mi primo" names the cousin as a possessor; "Cuéntame más de tu tía" and
    // "Háblame de tu tía" are about her.
    if (
      language === 'es' &&
      /(?<!\p{L})(?!(?:mas|acerca|algo|todo|nada|hablame|cuentame|platicame|dime)(?!\p{L}))\p{L}+ de (?:mi|tu|su|la|el|los|las|mis|tus|sus) $/u.test(
        before,
      )
    )
      continue;
    if (female.has(word) || (names.has(word) && FEMALE_NAMES.has(word)))
      out.push({ word, gender: 'f' });
    else if (male.has(word)) out.push({ word, gender: 'm' });
    else if (any.has(word) || names.has(word)) out.push({ word });
  }
  return out;
}

/**
 * Whom a third-person pronoun agent stands for: the first person of a fitting gender named in the
 * latest utterance of `history` that names one (the continued-subject bias, Song & Fisher 2005;
 * gender, Arnold et al. 2007). Any other agent is returned as it is.
 * @param agent the question's agent (wh-kind.ts questionAgent).
 * @param history this session's substantive talk, oldest first, the current question last.
 * @param names folded proper names of the scenario.
 * @returns the named person, the agent unchanged when it is no pronoun, or undefined when no
 *   utterance names a person the pronoun can stand for.
 */
export function resolvePronoun(
  agent: Agent,
  history: readonly string[],
  language: TrainingLanguage,
  names: ReadonlySet<string>,
): Agent | undefined {
  if (agent.kind !== 'third') return agent;
  for (let i = history.length - 1; i >= 0; i--) {
    const fits = personsNamed(history[i] ?? '', language, names).filter(
      (p) => agent.gender === undefined || p.gender === undefined || p.gender === agent.gender,
    );
    const first = fits[0];
    if (first) return { kind: 'named', words: [first.word] };
  }
  return undefined;
}
