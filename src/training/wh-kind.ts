// The kind of fact a wh- question asks for beyond the scenario's fact categories, and whose act it
// is (issue #18, native es-419 review and practitioner review P17-2): "¿Cómo te sentiste?" asks
// for the child's feeling, "What were you thinking?" for a thought, "¿Qué dijo?" for what someone
// said, "Who else knows?" for whom the child told, "¿Cuándo pasó?" for a time; "What did your
// aunt do?" for the aunt's act, not another person's. A wh- question asks for one detail and is
// answered with it or with "I don't know" (Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007,
// Child Abuse Negl 31:1201-1231); the word lists and the agent rule are Hearth's own rendering.
import type { TrainingLanguage } from './types';

/** What a wh- question asks for, when it is none of the plain fact categories. */
export type WhKind = 'feeling' | 'thought' | 'speech' | 'toldOthers' | 'time';

/** Lower case, accents folded, apostrophes kept: how every pattern below reads text. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’]/gu, "'");
}

interface KindForm {
  /** The question asks for this kind (folded text). */
  asks: RegExp;
  /** The word of a fact that tells this kind (folded text); its index anchors the agent check. */
  tells: RegExp;
}

const FORMS: Readonly<Record<TrainingLanguage, ReadonlyArray<[WhKind, KindForm]>>> = {
  en: [
    [
      'feeling',
      {
        asks: /\bhow (?:did|do|were|was) (?:you|that|it) (?:feel|felt|feeling)\b|\bhow did (?:that|it|he|she) make you feel\b|\bwhat did you feel\b|\bhow were you feeling\b/u,
        tells:
          /\b(?:scared|afraid|frightened|sad|happy|mad|angry|upset|worried|nervous|embarrassed|cried|crying|felt|hurt)\b/u,
      },
    ],
    [
      'thought',
      {
        asks: /\bwhat (?:were|was) you thinking\b|\bwhat did you think\b|\bwhat went through your (?:mind|head)\b/u,
        tells: /\b(?:thought|think|thinking|wondered)\b/u,
      },
    ],
    [
      'toldOthers',
      {
        asks: /\bwho (?:else )?(?:knows|know|have you told|did you tell|else did you tell|did you talk to)\b|\bwho else (?:knows|saw)\b|\bwho knows\b/u,
        tells: /\bi (?:told|have told|haven't told|didn't tell|never told)\b/u,
      },
    ],
    [
      'speech',
      {
        asks: /\bwhat (?:did|does|do|was|were|is) (?:[\p{L}'.]+ ){1,3}?(?:say|said|saying|tell you|tell him|tell her|tell them|telling you|yell|yelling|shout|shouting)\b|\bwhat were (?:his|her|their) words\b/u,
        tells: /\b(?:said|says|say|saying|told|asked)\b|\byelled at (?:me|him|her|them) to\b/u,
      },
    ],
    [
      'time',
      {
        asks: /^\W*when (?:did|was|were|does|do|is) (?:it|this|that|all this|all that) (?:happen|happened|start|begin|take place)\b|^\W*when did (?:you|he|she|they) [\p{L}]+/u,
        tells:
          /\b(?:after|before|when|yesterday|morning|night|nights|afternoon|evening|saturday|sunday|monday|tuesday|wednesday|thursday|friday|weekend|summer|winter|ago|time was)\b/u,
      },
    ],
  ],
  es: [
    [
      'feeling',
      {
        asks: /\bcomo te (?:sentiste|sentias|hizo sentir|hacia sentir)\b|\bque sentiste\b|\bque sentias\b/u,
        tells:
          /\b(?:asustad[oa]s?|miedo|triste|feliz|content[oa]|enojad[oa]|preocupad[oa]|nervios[oa]|llore|llorando|senti|dolio)\b/u,
      },
    ],
    [
      'thought',
      {
        asks: /\b(?:que|en que) (?:pensaste|pensabas|estabas pensando)\b|\bque se te paso por la (?:mente|cabeza)\b/u,
        tells: /\b(?:pense|pensaba|crei|creia)\b/u,
      },
    ],
    [
      'toldOthers',
      {
        asks: /\bquien(?:es)? (?:mas )?(?:lo )?(?:sabe|saben)\b|\ba quien(?:es)? (?:mas )?(?:le |les )?(?:dijiste|contaste|has dicho|has contado)\b/u,
        tells: /\b(?:le|les) (?:conte|dije|he dicho|he contado)\b/u,
      },
    ],
    [
      'speech',
      {
        asks: /\bque (?:te |le |les |me |nos )?(?:dijo|dice|decia|dijeron|dijiste|gritaba|pidio|conto|contaste)\b/u,
        tells:
          /\b(?:dijo|dice|decia|dije|diciendo|dijera|pidio|saludo|conte|conto)\b|\bgrito que\b|\bme grito\b/u,
      },
    ],
    [
      'time',
      {
        asks: /^\W*cuando (?:paso|fue|sucedio|ocurrio|empezo|comenzo)\b|^\W*cuando (?:fuiste|fueron|fue|llego|llegaste|te|le|lo|la)\b/u,
        tells:
          /\b(?:despues|antes|cuando|ayer|manana|noche|tarde|sabado|domingo|lunes|martes|miercoles|jueves|viernes|verano|invierno|hace|vez)\b/u,
      },
    ],
  ],
};

/**
 * The kind a wh- question asks for (feeling, thought, speech, who else was told, a time), or
 * undefined for a question the plain fact categories answer.
 * @param question the interviewer's words as typed.
 */
export function askedWhKind(question: string, language: TrainingLanguage): WhKind | undefined {
  const q = fold(question);
  return FORMS[language].find(([, form]) => form.asks.test(q))?.[0];
}

/** Who the question asks about: the child, a named person, or a third person by pronoun. */
export type Agent =
  { kind: 'child' } | { kind: 'named'; words: string[] } | { kind: 'third'; gender?: 'm' | 'f' };

const FEMALE = {
  en: /\b(?:aunt|auntie|mom|mommy|mother|grandma|granny|nana|lady|woman|girl|sister|she|her|miss|mrs|tina|ana|rosa)\b/u,
  es: /\b(?:tia|mama|abuelita|abuela|senora|mujer|nina|hermana|ella|maestra|conductora|bibliotecaria|tina|ana|rosa)\b/u,
};
const MALE = {
  en: /\b(?:uncle|dad|daddy|father|grandpa|man|guy|boy|brother|he|him|mr|teenager)\b/u,
  es: /\b(?:tio|papa|abuelito|abuelo|senor|hombre|nino|hermano|el|muchacho|chavo)\b/u,
};
const CHILD = { en: /\b(?:i|i'm|me|my)\b/u, es: /\b(?:yo|me)\b/u };
/** Spanish first-person past forms of the verbs the kinds use: the child is the agent. */
const ES_FIRST_PERSON =
  /\b(?:dije|conte|pedi|senti|llore|pense|crei|grite|hice|fui|estaba|tenia|me escondi)\b/u;

const EN_SUBJECT =
  /\bwhat (?:did|does|do|was|were|is) ((?:[\p{L}'.]+ ){0,2}?[\p{L}'.]+) (?:say|said|saying|tell|telling|yell|yelling|shout|shouting|do|doing)\b/u;
const ES_SUBJECT =
  /\bque (?:te |le |les |me |nos )?(?:dijo|dice|decia|hizo|hace|hacia|pidio|gritaba|conto) ([\p{L} ]+?)\s*[?.!]*$/u;
const ES_SECOND_PERSON = /\bque (?:le |les |me )?(?:dijiste|hiciste|contaste|pediste)\b/u;
const PRONOUN_EN: Readonly<Record<string, Agent>> = {
  you: { kind: 'child' },
  he: { kind: 'third', gender: 'm' },
  she: { kind: 'third', gender: 'f' },
  they: { kind: 'third' },
};
const STOP = new Set([
  'the',
  'your',
  'his',
  'her',
  'their',
  'a',
  'an',
  'tu',
  'su',
  'el',
  'la',
  'los',
  'las',
  'mi',
  'a',
]);

/**
 * The agent of a "what did X say/do" question ("What did your aunt do?" -> the aunt; "¿Qué
 * dijiste?" -> the child; "¿Qué dijo?" -> a third person), or undefined when the question names
 * no agent this reading can find.
 */
export function questionAgent(question: string, language: TrainingLanguage): Agent | undefined {
  const q = fold(question);
  if (language === 'en') {
    const m = EN_SUBJECT.exec(q);
    if (!m?.[1]) return undefined;
    const subject = m[1].trim();
    const pronoun = PRONOUN_EN[subject];
    if (pronoun) return pronoun;
    const words = subject.split(/\s+/u).filter((w) => !STOP.has(w));
    return words.length > 0 ? { kind: 'named', words } : undefined;
  }
  if (ES_SECOND_PERSON.test(q)) return { kind: 'child' };
  const m = ES_SUBJECT.exec(q);
  if (m?.[1]) {
    const words = m[1]
      .trim()
      .split(/\s+/u)
      .filter((w) => !STOP.has(w) && w !== 'a' && w !== 'ti' && w !== 'usted');
    if (words.length > 0 && words.length <= 3) return { kind: 'named', words };
  }
  if (/\bque (?:te |le |les |me |nos )?(?:dijo|dice|decia|hizo|pidio|gritaba|conto)\b/u.test(q))
    return { kind: 'third' };
  return undefined;
}

/**
 * Whether a fact tells the kind asked for, and about the right person: a feeling or a thought is
 * the child's own ("It hurt and I cried.", never "my mom will be sad"); speech is the asked
 * person's ("What did he say?" is not answered by what the aunt said); "who else knows" is told
 * by a fact where the child told someone.
 * @param factText the fact's wording (the child's, first person).
 * @param agent the question's agent (questionAgent), for speech; feelings are always the child's.
 */
export function factTellsKind(
  factText: string,
  kind: WhKind,
  language: TrainingLanguage,
  agent?: Agent,
): boolean {
  const form = FORMS[language].find(([k]) => k === kind)?.[1];
  if (!form) return false;
  const text = fold(factText);
  const m = form.tells.exec(text);
  if (!m) return false;
  if (kind === 'time' || kind === 'toldOthers') return true;
  // The words of the same sentence before the telling word: where its subject is.
  const sentenceStart = Math.max(text.lastIndexOf('. ', m.index) + 1, 0);
  const before = text.slice(sentenceStart, m.index);
  const said = m[0];
  if (kind === 'feeling' || kind === 'thought')
    return language === 'en'
      ? CHILD.en.test(before.split(/\s+/u).slice(-4).join(' ')) ||
          /^\s*it hurt\b/u.test(before + said)
      : ES_FIRST_PERSON.test(said) ||
          said === 'dolio' ||
          /\b(?:estaba|me puse|me senti|tenia|tengo|me dio)\s*(?:muy |bien |mucho )?$/u.test(
            before,
          );
  return agentFits(before, said, agent, language);
}

/**
 * Whether the subject before a fact's verb is the asked agent. A named agent must be named
 * before the verb ("My AUNT told the man", not "told THE MAN"); a pronoun agent must not be the
 * child nor a person of the other gender; the child ("What did you say?") must be the subject.
 * @param before the fact's words before its verb (folded).
 * @param verb the fact's verb word (folded).
 */
export function agentFits(
  before: string,
  verb: string,
  agent: Agent | undefined,
  language: TrainingLanguage,
): boolean {
  const childSubject =
    language === 'en'
      ? /\bi\b/u.test(before)
      : ES_FIRST_PERSON.test(verb) || /\byo\b/u.test(before);
  if (agent === undefined) return true;
  if (agent.kind === 'child') return childSubject;
  // A named agent is the subject when it is named before the verb, or when the subject is a
  // pronoun (or, in Spanish, dropped) and no other person is named before it ("What did Marco
  // say?" -> "Outside he gave me one and said not to tell Mom.").
  if (agent.kind === 'named') {
    const named = ` ${agent.words.join(' ')} `;
    const gender = FEMALE[language].test(named)
      ? 'f'
      : MALE[language].test(named)
        ? 'm'
        : undefined;
    // The pronoun that may stand for the named person: "she" for the aunt, "he" for the uncle,
    // any for a name ("Marco"); in Spanish a dropped subject only for a name of unknown gender.
    const pronoun = {
      en: gender === 'f' ? /\bshe\b/u : gender === 'm' ? /\bhe\b/u : /\b(?:he|she|they)\b/u,
      es: gender === 'f' ? /\bella\b/u : gender === 'm' ? /\bel\b/u : /(?:)/u,
    }[language];
    const others = before.replace(/\b(?:he|him|she|her|el|ella)\b/gu, '');
    return (
      (!childSubject &&
        !FEMALE[language].test(others) &&
        !MALE[language].test(others) &&
        pronoun.test(before)) ||
      agent.words.some((w) =>
        before
          .split(/[^\p{L}']+/u)
          .some((x) => x === w || (w.length >= 4 && x.startsWith(w.slice(0, -1)))),
      )
    );
  }
  if (childSubject) return false;
  if (agent.gender === 'm') return !FEMALE[language].test(before) || MALE[language].test(before);
  if (agent.gender === 'f') return !MALE[language].test(before) || FEMALE[language].test(before);
  return true;
}

/**
 * Whether a fact's first clause has the asked agent as its subject: "What did your aunt do?" is
 * answered by "My aunt told the man to go home.", never by "I hid behind the couch."
 * (practitioner review P17-2). The subject is read from the words before the fact's first verb,
 * approximated as its first three words.
 */
export function subjectIs(factText: string, agent: Agent, language: TrainingLanguage): boolean {
  const text = fold(factText);
  const first = text.split(/[.;]/u)[0] ?? text;
  const words = first.split(/[^\p{L}']+/u).filter((w) => w.length > 0);
  const head = words.slice(0, 3).join(' ');
  return agentFits(` ${head} `, words[3] ?? '', agent, language);
}
