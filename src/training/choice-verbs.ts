// A choice between two or more things the child did ("Did you cry or stay quiet?", "¿Lloraste o
// te quedaste callada?"): the options are verb phrases in the interviewer's second person, and
// the child answers with the one it picks in its own first person ("I cried.", "Lloré.", "Me
// quedé callada."), never "Yes." and never the interviewer's "you" (audit 18i, N18i-3: "Sí." with
// a record of "me quedaste callada"; en children could not answer it at all). Hearth's rendering.
import { irregularPast } from './english-past';

/** Spanish second-person preterites whose first person is not the regular -é / -í. */
const ES_IRREGULAR: Readonly<Record<string, string>> = {
  fuiste: 'fui',
  dijiste: 'dije',
  hiciste: 'hice',
  tuviste: 'tuve',
  estuviste: 'estuve',
  pudiste: 'pude',
  pusiste: 'puse',
  viniste: 'vine',
  quisiste: 'quise',
  supiste: 'supe',
  trajiste: 'traje',
  viste: 'vi',
  diste: 'di',
};

/** The first person of a Spanish second-person past ("lloraste" -> "lloré"), or undefined. */
function esFirstPerson(word: string): string | undefined {
  const w = word.toLowerCase();
  if (ES_IRREGULAR[w]) return ES_IRREGULAR[w];
  if (/\p{L}{2,}aste$/u.test(w)) return `${w.slice(0, -4)}é`;
  if (/\p{L}{2,}iste$/u.test(w)) return `${w.slice(0, -4)}í`;
  // "reíste", "oíste": the stem ends in a vowel and the ending is written "íste" (-> "reí").
  if (/\p{L}+íste$/u.test(w)) return `${w.slice(0, -4)}í`;
  if (/\p{L}{2,}abas$/u.test(w)) return w.slice(0, -1);
  if (/\p{L}{2,}ías$/u.test(w)) return w.slice(0, -1);
  return undefined;
}

/** Words that cannot open a verb option: articles, prepositions, pronouns, auxiliaries. */
const NOT_A_VERB =
  /^(?:the|a|an|in|at|on|with|to|from|by|his|her|your|my|you|he|she|they|it|did|was|were|not)$/iu;

const SWAP: Readonly<Record<'en' | 'es', Readonly<Record<string, string>>>> = {
  en: { your: 'my', yours: 'mine', yourself: 'myself', you: 'me' },
  es: { tu: 'mi', tus: 'mis', ti: 'mí', contigo: 'conmigo' },
};

/** The options and the child's answers of a choice between the child's own acts. */
export interface VerbChoice {
  /** Each option in the interviewer's words ("stay quiet", "te quedaste callada"). */
  options: string[];
  /** Each option as the child says it ("I stayed quiet.", "Me quedé callada."). */
  phrases: string[];
}

const lower = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;
const cap = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;

/**
 * The options of a choice between the child's own acts, with the child's first-person answer
 * for each ("Did you cry or stay quiet?" -> I cried. / I stayed quiet.). Undefined when the
 * question is no such choice (its options are things, places or another person's acts).
 */
export function verbChoice(text: string, language: 'en' | 'es'): VerbChoice | undefined {
  const questions = text.split(/(?<=[.!?])\s+/u).filter((s) => /\?\s*$/u.test(s));
  const last = questions[questions.length - 1];
  if (last === undefined) return undefined;
  const words = (x: string) => x.split(/\s+/u).filter((w) => w !== '');
  const swap = (w: string) => SWAP[language][w.toLowerCase()] ?? w;
  if (language === 'en') {
    const m = /^\s*did\s+you\s+(.+?)\s*\?\s*$/iu.exec(last);
    if (!m?.[1]) return undefined;
    const parts = m[1].split(/\s*,\s*(?:or\s+)?|\s+or\s+/iu).filter((p) => p.trim() !== '');
    if (parts.length < 2 || /\bor\s+not$/iu.test(m[1])) return undefined;
    const phrases: string[] = [];
    for (const part of parts) {
      const [verb, ...rest] = words(part);
      if (verb === undefined || NOT_A_VERB.test(verb) || !/^\p{L}+$/u.test(verb)) return undefined;
      phrases.push(cap(['I', irregularPast(verb), ...rest.map(swap)].join(' ')));
    }
    return { options: parts.map((p) => lower(words(p).join(' '))), phrases };
  }
  const body = last
    .slice(last.lastIndexOf('¿') + 1)
    .replace(/[?¿]/gu, '')
    .trim();
  const parts = body.split(/\s*,\s*(?:[ou]\s+)?|\s+[ou]\s+/iu).filter((p) => p.trim() !== '');
  if (parts.length < 2 || /^no$/iu.test(parts[parts.length - 1]!.trim())) return undefined;
  const phrases: string[] = [];
  for (const part of parts) {
    const ws = words(part);
    const clitic = /^te$/iu.test(ws[0] ?? '') ? ws.shift() : undefined;
    const verb = ws.shift();
    const mine = verb === undefined ? undefined : esFirstPerson(verb);
    if (mine === undefined) return undefined;
    const own = clitic === undefined ? [] : ['me'];
    phrases.push(cap([...own, mine, ...ws.map(swap)].join(' ')));
  }
  return { options: parts.map((p) => lower(words(p).join(' '))), phrases };
}
