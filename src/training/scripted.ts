// Protocol-scripted prompts: recognising an interviewer's utterance as one of the session plan's
// own prompts (NICHD revised, Ten Step, NCAC, ABE wordings in locales/*/protocols.json), so that
// a scripted prompt never costs the trainee points and the simulated child hears it as the
// protocol's kind. A slot ("[the child's word]") is filled only by the child's own earlier words:
// that the slot holds the child's exact words is the protocols' instruction; checking it against
// this session's answers is Hearth's implementation.
import { planSession, type SessionPlan } from '../protocols';
import { OPEN_TYPES, type Coding, type QuestionType } from './coding';

/** A plan prompt's kind as a question type; undefined when it is not a prompt type. */
function planType(kind: string): QuestionType | undefined {
  // A ground rule's instruction and its practice question ("So if I ask you, "What is my dog's
  // name?", what would you say?") are the protocol's rule practice, not a question about the
  // event: neither a prompt nor a wh- question (NICHD revised protocol 2014, ground rules;
  // practitioner review R18-6).
  if (
    kind === 'supportive' ||
    kind === 'statement' ||
    kind === 'instruction' ||
    kind === 'practice'
  )
    return 'other';
  const known: readonly string[] = [
    'invitation',
    'cued-invitation',
    'facilitator',
    'directive',
    'option-posing',
  ];
  return known.includes(kind) ? (kind as QuestionType) : undefined;
}

export const fold = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}[\]]+/gu, ' ')
    .trim();

/** A scripted prompt's matcher: each bracketed slot is one capture group. */
export interface ScriptedMatcher {
  test: RegExp;
  type: QuestionType;
}

// A slot may start with a determiner the interviewer adds ("the dog" for the child's "dog").
const SLOT_DETERMINER = /^(?:the|a|an|that|el|la|los|las|un|una|ese|esa)\s+/u;

const REFERRING_PRONOUN =
  /^(?:that|it|this|that happen|it happen|eso|esto|ello|lo que pas[oó]|pas[oó]|eso pas[oó]|sucedi[oó])$/u;

/**
 * The ways a prompt with a slot is said without it, as trainers say the NICHD repeated-incident
 * prompts in Spanish: the slot goes with the "que" that introduces it and a "y" that joins it to
 * the rest ("Cuéntame todo sobre la última vez.", "Cuéntame de otra vez que recuerdes bien."), and
 * an opening clause that only refers back to the child's words ("Eso que me contaste, que [...],")
 * may be left out ("¿Pasó una vez o más de una vez?"); so may English's opening "You said [...]."
 * ("Did that happen one time or more than one time?"). Elsewhere an English slot takes "that" or
 * nothing in place (slotFromChild). Folded text in, regex sources out (Hearth's own
 * matching rule; the wordings are the plan's, locales/<lang>/protocols.json).
 */
function slotlessVariants(folded: string): string[] {
  if (!/\[[^\]]*\]/u.test(folded)) return [];
  const escape = (x: string): string => x.replace(/[.*+?^${}()|\\]/g, '\\$&');
  const out: string[] = [];
  const dropped = folded
    .replace(/(?:\bque )?\[[^\]]*\](?: y(?= que\b))?/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (dropped.length >= 8) out.push(escape(dropped));
  const referring =
    /^(?:(?:eso|lo) que me (?:contaste|dijiste)(?: que)?|you (?:said|told me)(?: that)?) \[[^\]]*\] (.{8,})$/u.exec(
      folded,
    );
  // A bracketed interviewer note after the question ("[Después pregunte ...]") is no slot.
  const rest = referring?.[1]!.replace(/ ?\[[^\]]*\]/gu, '').trim() ?? '';
  // "Did that happen…" refers back to what the child said; "it" and "this" do the same.
  if (rest.length >= 8)
    out.push(`(?:eso |esto )?${escape(rest).replace(/\bthat\b/u, '(?:that|it|this)')}`);
  return out;
}

/**
 * Whether a filled slot holds only the child's own words: its folded text (after an optional
 * leading determiner) is a whole-word run of something the child said earlier in this session.
 * "Tell me more about the man who hurt you" after "the dog bit me" is not the script's
 * "Tell me more about [the child's word]" (Hearth's rule: the slot is the child's exact words).
 */
function slotFromChild(slot: string, childWords: readonly string[]): boolean {
  const words = slot.trim();
  // A slot left empty or holding only a pronoun refers back to the child's account and adds no
  // word of the interviewer's ("Did that happen one time or more than one time?", "Tell me
  // everything about the last time."): the NICHD repeated-incident prompts as trainers say them.
  if (words === '' || REFERRING_PRONOUN.test(words)) return true;
  const bare = words.replace(SLOT_DETERMINER, '');
  if (!bare) return false;
  return childWords.some(
    (said) => ` ${said} `.includes(` ${words} `) || ` ${said} `.includes(` ${bare} `),
  );
}

/**
 * The scripted prompt an utterance is, or undefined. Slots ("[the child's word]") match only
 * words the child said earlier in this session (`childSaid`: the child's earlier answers).
 */
export function matchScripted(
  matchers: readonly ScriptedMatcher[],
  utterance: string,
  childSaid: readonly string[],
): ScriptedMatcher | undefined {
  const text = fold(utterance);
  const said = childSaid.map(fold);
  return matchers.find((m) => {
    const found = m.test.exec(text);
    return found !== null && found.slice(1).every((slot) => slotFromChild(slot ?? '', said));
  });
}

/** The youngest age of each band (src/protocols/age-bands.ts). */
const BAND_AGES: readonly number[] = [3, 6, 10, 14];
const otherBands = new Map<string, SessionPlan['supportivePrompts']>();

/**
 * The same protocol's prompts as its plans for the other age bands word them. A protocol's own
 * wording stays the protocol's whatever the child's age: the NICHD transition "Now that I know
 * you a little better, tell me what you came here to talk about today" is used with 4-year-olds
 * (Lamb, Hershkowitz, Orbach & Esplin 2008, appendix; audit B18-2) although Hearth's 3-5 plan
 * shows a shorter variant of its own. Cached per protocol and language.
 */
function otherBandPrompts(plan: SessionPlan): SessionPlan['supportivePrompts'] {
  const key = `${plan.protocolId}|${plan.language}|${plan.sessions.length}`;
  const cached = otherBands.get(key);
  if (cached) return cached;
  const out: SessionPlan['supportivePrompts'] = [];
  for (const age of BAND_AGES) {
    try {
      const other = planSession(plan.protocolId, age, plan.language);
      out.push(
        ...other.sessions.flatMap((s) => s.phases.flatMap((p) => p.prompts)),
        ...other.supportivePrompts,
      );
    } catch {
      // A protocol without this band, or a withdrawn one: its own plan's prompts suffice.
    }
  }
  otherBands.set(key, out);
  return out;
}

/**
 * Matchers for every scripted prompt of the plan (and of the same protocol's plans for the other
 * age bands): the wording with interviewer notes ("[If the
 * child ...]") removed and other bracketed slots ("[the child's words]") as capture groups that
 * `matchScripted` checks against the child's earlier words.
 */
export function scriptedMatchers(plan: SessionPlan): ScriptedMatcher[] {
  const prompts = [
    ...plan.sessions.flatMap((s) => s.phases.flatMap((p) => p.prompts)),
    ...plan.supportivePrompts,
    ...otherBandPrompts(plan),
  ];
  const out: ScriptedMatcher[] = [];
  for (const p of prompts) {
    const type = planType(p.kind);
    if (!type) continue;
    // A note may hold a slot of its own ("[If the child corrects: "Right, you're [age]."]").
    const full = p.text.replace(/\[(?:if|si)\b(?:[^[\]]|\[[^\]]*\])*\]/giu, '');
    // "Only if ...: "Has somebody been bothering you?" Then ..." : the quoted words are the prompt.
    const quoted = /^[^"“]*:\s*["“]([^"”]+)["”]/u.exec(full)?.[1];
    // A ground-rule practice question may be asked on its own, as the protocol's 3-5 wording
    // does ("What is my dog's name?", "What is your occupation?").
    const practised =
      p.kind === 'practice' ? [...full.matchAll(/["“]([^"”]+\?)["”]/gu)].map((m) => m[1]!) : [];
    for (const text of [full, ...(quoted ? [quoted] : []), ...practised]) {
      const parts = fold(text)
        .split(/\[[^\]]*\]/u)
        .map((x) => x.trim().replace(/[.*+?^${}()|\\]/g, '\\$&'));
      if (parts.join('').length < 8) continue;
      // A slot may be left empty ("Tell me everything about the last time."): its space goes
      // with it, so the capture never holds a lone space.
      const widen = plan.language === 'es' ? widenSpanish : (x: string): string => x;
      out.push({ test: new RegExp(`^${widen(parts.join(' ?(.*?) ?'))}$`, 'u'), type });
      for (const variant of slotlessVariants(fold(text)))
        out.push({ test: new RegExp(`^${widen(variant)}$`, 'u'), type });
    }
  }
  return out;
}

/**
 * Words of the Spanish scripted wording that es-419 interviewers use interchangeably, each with
 * its equals: "Cuéntame más DE eso" is the protocol's "Cuéntame más SOBRE [...]", "¿Y LUEGO qué
 * pasó?" its "¿Y DESPUÉS qué pasó?", "platicar" its "hablar" (audit N18e-8: the same interview was
 * recognised 6 times in en and 3 in es). Hearth's matching rule; folded words, whole words only.
 */
const ES_EQUALS: ReadonlyArray<[RegExp, string]> = [
  [/\bsobre\b/gu, '(?:sobre|de|acerca de)'],
  [/\bdespues\b/gu, '(?:despues|luego)'],
  [/\bhablar\b/gu, '(?:hablar|platicar)'],
  [/\bcuentame\b/gu, '(?:cuentame|platicame)'],
];

/** A Spanish matcher's source with each interchangeable word widened to its equals. */
function widenSpanish(source: string): string {
  return ES_EQUALS.reduce((s, [word, equals]) => s.replace(word, equals), source);
}

/**
 * The coding a scripted prompt takes: the plan's kind when the coach does not already count the
 * utterance as open ("Tell me more about that" stays an invitation); otherwise the coach's code.
 */
export function scriptedCoding(coding: Coding, matcher: ScriptedMatcher | undefined): Coding {
  return matcher && !OPEN_TYPES.has(coding.type) && matcher.type !== coding.type
    ? { ...coding, type: matcher.type, recommended: true }
    : coding;
}

/** The plan's closing phases ("closing" in NICHD, Ten Step and ABE; "closure" in NCAC). */
const CLOSING_PHASE = /^clos/u;
/** Words a closing sentence may add to the protocol's (the safe adult's name in its slot). */
const CLOSING_EXTRA_WORDS = 3;
/** Share of the protocol sentence's words a closing sentence must keep. */
const CLOSING_KEPT_SHARE = 0.55;

/**
 * Whether an interviewer statement said in the closing phase is the protocol's closing in the
 * interviewer's own near-verbatim words: every sentence keeps at least 55% of the words of one
 * closing statement of the plan and adds at most three of its own ("Thank you for talking with
 * me today. If you want to talk again, you can tell your mom, and she can call me." for "You've
 * worked hard today. Thank you for talking with me." and "If you remember something else or
 * want to talk again, you can tell [safe adult], and they can call me."). A question is never
 * one. Such a statement is scripted: it neither costs points nor puts a detail into the event
 * (practitioner review R18-6). The thresholds are Hearth's own matching rule.
 * @param phaseId the plan phase the trainee was in when saying it.
 */
export function nearScriptedClosing(
  plan: SessionPlan,
  utterance: string,
  phaseId: string | undefined,
): boolean {
  if (phaseId === undefined || !CLOSING_PHASE.test(phaseId) || /\?/u.test(utterance)) return false;
  const closings = plan.sessions
    .flatMap((s) => s.phases)
    .filter((p) => CLOSING_PHASE.test(p.id))
    .flatMap((p) => p.prompts)
    .filter((p) => p.kind === 'statement')
    .map((p) => new Set(fold(p.text.replace(/\[[^\]]*\]/gu, ' ')).split(' ')));
  const sentences = utterance
    .split(/[.!;]+/u)
    .map((x) => fold(x))
    .filter((x) => x !== '');
  if (sentences.length === 0 || closings.length === 0) return false;
  return sentences.every((sentence) => {
    const words = new Set(sentence.split(' '));
    return closings.some((closing) => {
      const extra = [...words].filter((w) => !closing.has(w)).length;
      const kept = [...closing].filter((w) => words.has(w)).length;
      return extra <= CLOSING_EXTRA_WORDS && kept >= closing.size * CLOSING_KEPT_SHARE;
    });
  });
}
