// Talk in the present that is not about the event (coach25, issue #16): room talk, support for
// the child's present state, and the unfinished "Y luego…" left for the child to go on. The
// patterns are lexicon data (presentTalk in lexicon/*.json, with their sources); this module
// only applies them. Each rule gives way as soon as a person, a past act, a body part or an act
// of the event appears, so "Your uncle does bad things to kids", "The couch is where he touched
// you" and "I bet you were scared when he grabbed you" keep their codes.
import { decide, type Decision } from './decision';
import type { Lexicon } from './lexicon';
import enData from './lexicon/en.json';
import esData from './lexicon/es.json';
import { stem, words } from './text';
import type { Language } from './types';

interface PresentTalk {
  roomOpener: RegExp;
  presentVerb: RegExp;
  person: RegExp;
  past: RegExp;
  supportFrame: RegExp;
  difficultyFrame: RegExp;
  eventWords: RegExp;
  now: RegExp;
  /** "Te noto..." / "I notice you're...": the interviewer's perception now (coach28). */
  perceivedNow: RegExp;
  continuation: RegExp;
}

const compiled = new Map<Language, PresentTalk>();
function patterns(language: Language): PresentTalk {
  let p = compiled.get(language);
  if (!p) {
    const d = (language === 'es' ? esData : enData).presentTalk;
    p = {
      roomOpener: new RegExp(d.roomOpener),
      presentVerb: new RegExp(d.presentVerb),
      person: new RegExp(d.person),
      past: new RegExp(d.past),
      supportFrame: new RegExp(d.supportFrame),
      difficultyFrame: new RegExp(d.difficultyFrame),
      eventWords: new RegExp(d.eventWords),
      now: new RegExp(d.now),
      perceivedNow: new RegExp(d.perceivedNow),
      continuation: new RegExp(d.continuation),
    };
    compiled.set(language, p);
  }
  return p;
}

// A leading acknowledgement ("Okay, ...", "Bueno, ...") is not part of the clause.
const ACK = /^(?:(?:so|and|okay|ok|oh|look|see|y|bueno|okey|mira|oye),? )+/;
// Spanish "él" and a preterite ("tocó") are read in the original, since folding drops accents.
const ES_HE = /(?:^|[^\p{L}])él(?![\p{L}])/iu;
const ES_PRETERITE = /\p{L}{2,}ó(?![\p{L}])/iu;

/** Any act, body part, object or label of the event, or a relationship noun, in the sentence. */
function eventContent(sentence: string, lex: Lexicon): boolean {
  if (lex.label.test(sentence) || lex.anyPresumptivePhrase.test(sentence)) return true;
  for (const w of words(sentence)) {
    const s = stem(w, lex.language);
    if (lex.presumptiveStems.has(s) || lex.personStems.has(s)) return true;
  }
  return false;
}

/**
 * "The fan makes a little noise." / "El reloj de la pared marca las diez.": a statement in the
 * plain present about the room or a thing in it, naming no person, past act or detail of the
 * event, is procedure (other), not a leading declarative: it tells the child nothing about what
 * happened (Hearth's rule, sources in presentTalk._source).
 * @param asStatement the sentence's context-free decision (other/statement, or the pattern-made
 *   leading declarative of "So the camera records everything").
 * @param d the decision after the context check: returned unless it is a leading declarative.
 * @param sentence the normalised sentence; `original` the utterance as typed.
 */
export function roomTalk(
  asStatement: Decision,
  d: Decision,
  sentence: string,
  original: string,
  lex: Lexicon,
): Decision {
  // Only a statement that ended up flagged as a leading declarative is reconsidered: one the
  // context check left alone (or made a restatement of the child's words) keeps its code.
  const candidate =
    (asStatement.type === 'other' && asStatement.subtype === 'statement') ||
    (asStatement.subtype === 'leading-declarative' &&
      asStatement.reasonKey === 'leadingDeclarative');
  if (!candidate || d.subtype !== 'leading-declarative') return d;
  const p = patterns(lex.language);
  const s = sentence.replace(/[.!…]+$/, '').trim();
  if (!p.roomOpener.test(s) || p.person.test(s) || p.past.test(s)) return d;
  // A clause, not a phrase: "Okay, the blue truck." / "los hoteles" say a detail back (or put
  // one), they describe nothing in the room. Four words or a present verb make a clause.
  const clause = s.replace(ACK, '');
  if (words(clause).length < 4 && !p.presentVerb.test(clause)) return d;
  if (lex.language === 'es' && (ES_HE.test(original) || ES_PRETERITE.test(original))) return d;
  if (eventContent(s, lex)) return d;
  return { ...decide('other', 'procedure', 'procedure', s, s), presentTalk: 'room' };
}

/**
 * "You look worried right now." / "Te ves preocupada ahorita." / "That must have been hard.":
 * support for the child's present state or for the effort of telling. The revised NICHD protocol
 * adds non-suggestive support for reluctant children, and with it children made allegations
 * significantly more often than with the standard protocol (Hershkowitz, Lamb & Katz 2014,
 * Psychology, Public Policy, and Law 20(3), 336-344); the paper neither lists these sentences
 * nor codes prompt types for them. Which sentences count, and coding them as a facilitator, is
 * Hearth's rule. Only a
 * whole utterance of one statement, about now, with no person, act or detail of the event:
 * "I bet you were scared when he grabbed you" names a feeling about the event and stays
 * suggestive (Garven et al. 1998).
 */
export function presentSupport(norm: string, original: string, lex: Lexicon): Decision | undefined {
  const s = norm.replace(/[.!…]+$/, '').trim();
  if (/[.?!…;]/.test(s) || original.includes('?')) return undefined;
  const p = patterns(lex.language);
  const frame = p.supportFrame.exec(s);
  const difficulty = frame ? null : p.difficultyFrame.exec(s);
  if (!frame && !difficulty) return undefined;
  if (p.eventWords.test(s) || eventContent(s, lex)) return undefined;
  if (lex.language === 'es' && ES_HE.test(original)) return undefined;
  const rest = s.slice((frame ?? difficulty)?.[0].length ?? 0);
  const after = words(rest).map((w) => stem(w, lex.language));
  if (frame) {
    // The present only ("You looked scared", "Te veías…" are about then: eventWords); a
    // preterite is an act of the event.
    if (lex.language === 'es' && ES_PRETERITE.test(original)) return undefined;
    // A feeling named for the child ("You look upset") is support only when it is said to be
    // the child's state now ("right now", "ahorita"); otherwise it may be read as the feeling
    // about the event and is checked against the child's words (review 4, X5; Ahern & Lyon 2013).
    // "Te noto nerviosa" / "I notice you're nervous" perceives the state now, as "ahorita" says.
    if (after.some((w) => lex.feelingStems.has(w)) && !p.now.test(rest) && !p.perceivedNow.test(s))
      return undefined;
  } else {
    // "That must have been hard": the difficulty, no feeling named for the child.
    if (!after.some((w) => lex.difficultyStems.has(w))) return undefined;
    if (after.some((w) => lex.feelingStems.has(w))) return undefined;
  }
  return { ...decide('facilitator', 'acknowledgement', 'support', s, s), presentTalk: 'support' };
}

/**
 * "Y luego…" / "Okey, y entonces…": an unfinished continuation, trailing off for the child to go
 * on, is a facilitator (Lamb et al. 2008); asked as a question ("¿Y luego?") it stays the
 * invitation it is. Only the trailing dots (or "…") mark it.
 */
export function unfinishedContinuation(
  spoken: string,
  normalised: string,
  lex: Lexicon,
): Decision | undefined {
  if (!/(?:\.\.\.|…)\s*$/.test(spoken) || spoken.includes('?')) return undefined;
  // "Okey… y…": an inner trailing-off separates the acknowledgement like a comma.
  const bare = normalised
    .replace(/[.…]+$/, '')
    .replace(/^[¡¿]\s*/, '')
    .replace(/\s*(?:…|\.{3})\s*/g, ', ')
    .trim();
  if (!patterns(lex.language).continuation.test(bare) || bare === '') return undefined;
  const cue = normalised
    .replace(/[.…]+$/, '')
    .replace(/^[¡¿]\s*/, '')
    .trim();
  return decide('facilitator', 'acknowledgement', 'facilitator', cue, bare);
}
