// The one decision the coding and the simulated child share (issue #18, audit 18h, N18h-1 and
// N18h-2): does this utterance put an act, person, object, body part, place or time into the
// event under discussion that the child has not said? The NICHD coding counts such an utterance
// as suggestive when it is a statement (a leading declarative: Lamb, Hershkowitz, Orbach & Esplin
// 2008, Tell Me What Happened, ch. 3; Roberts & Lamb 1999, Legal Criminol Psychol 4:23-31), and it is
// the only kind of utterance whose words the simulated child may take up (Ceci & Bruck 1993;
// Garven, Wood, Malpass & Shaw 1998). Before this module the coding read the coach's code and a
// list of interview words while the child read its own word filter, so "There was a camera in
// his car." was coded other and still planted a false allegation. Both now call unsaidEventWords
// with the same child words: a statement coded other never plants, and a statement that can
// plant is coded suggestive. Hearth's rule.
import { presentTalkOf, sentencesOf } from '../questions';
import {
  eventDetailWords,
  isRequest,
  KNOWING_WORDS,
  assertsKnowledge,
  quotesChild,
  speaksOfEvent,
} from './process-talk';
import { textsFor } from './texts';
import type { TrainingLanguage } from './types';
import { wordTools } from './words';

/** A word of the utterance that the child could take up: its stem and folded form. */
export interface UnsaidWord {
  stem: string;
  word: string;
}

/**
 * The words of `text` that put an act, person, object, body part, place or time into the event
 * under discussion and that are not among `childSaid` (the child's answers so far, as typed).
 * Leaves out: talk about the interview (process-talk.ts eventDetailWords), support sentences
 * ("You're doing a great job."), pressure words ("you can go home when you tell me", except in a
 * claim to know the event or a sentence that puts it as the event's place: "It happened at
 * HOME.", "Pasó en la CASA."), the words of a knowledge claim ("know", "sabemos") and any sentence
 * the coach codes as present support or room talk (questions presentTalkOf). Empty when
 * the utterance names nothing new of the event.
 */
export function unsaidEventWords(
  text: string,
  language: TrainingLanguage,
  childSaid: readonly string[],
): UnsaidWord[] {
  const t = wordTools(language);
  const texts = textsFor(language);
  const asserted = assertsKnowledge(text, language);
  const pressure = t.stemsOf(texts.pressureWords);
  const said = t.stemsOf(childSaid);
  const out: UnsaidWord[] = [];
  const seen = new Set<string>();
  for (const sentence of sentencesOf(text, language)) {
    if (isSupport(sentence, language)) continue;
    // Support for the child's present state ("Te ves preocupada ahorita.") and room talk ("The
    // fan makes a little noise.") as the coach codes them (present-talk.ts, coach25) name nothing
    // of the event: with fix18n's rule "te" counted as the child and "Te ves preocupada ahorita."
    // planted {me ves} and was coded suggestive while the coach coded it a facilitator (fix18p).
    const detail = eventDetailWords(sentence, language);
    if (detail.size === 0) continue;
    if (presentTalkOf(sentence, language, { childWords: childSaid }) !== undefined) continue;
    const placeInEvent = putsPlaceInEvent(sentence, language);
    // A quote of the child ("You said it was your mom.") puts even a pressure word into the event.
    const quote = quotesChild(sentence, language);
    for (const s of t.contentStems(sentence)) {
      if (!detail.has(s.word) || said.has(s.stem) || seen.has(s.stem)) continue;
      const place = placeInEvent && PRESSURE_PLACE.has(t.normalise(s.word));
      if (!asserted && !place && !quote && pressure.has(s.stem)) continue;
      if (asserted && KNOWING_WORDS[language].has(t.normalise(s.word))) continue;
      seen.add(s.stem);
      out.push(s);
    }
  }
  return out;
}

/** Pressure words that are also a place ("you can go HOME"; locales pressureWords). */
export const PRESSURE_PLACE: ReadonlySet<string> = new Set(['home', 'casa', 'here', 'aqui']);

/** The pressure of going home ("you can go home", "te puedes ir a tu casa"), not a place. */
export const GO_HOME: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /\b(?:go|going|get|leave|head|back)\s+home\b/iu,
  es: /(?<!\p{L})(?:ir|irte|irnos|irse|vas|vamos|regresar|regresas|volver|vuelves)\s+(?:a\s+)?(?:(?:tu|la|su)\s+)?casa(?!\p{L})/iu,
};

/**
 * Whether a sentence speaks of the event and so may put a pressure word that is also a place
 * ("home", "casa") into it as the event's place ("It happened at home.", "Pasó en la casa."),
 * unlike the promise of going home ("you can go home", "te puedes ir a tu casa": pressure,
 * which plants nothing). The coding and the child read this same rule (audit 18h).
 */
export function putsPlaceInEvent(sentence: string, language: TrainingLanguage): boolean {
  return speaksOfEvent(sentence, language) && !GO_HOME[language].test(sentence);
}

/**
 * A support statement (locales/<lang>/training.json supportive): about the child's effort,
 * never about the event (audit N-5). A sentence that asks something keeps its words.
 */
function isSupport(sentence: string, language: TrainingLanguage): boolean {
  if (/\?\s*$/u.test(sentence.trim())) return false;
  const norm = wordTools(language).normalise(sentence);
  return textsFor(language).supportive.some((phrase) => norm.includes(phrase));
}

/**
 * Whether the utterance is a statement in the coding's sense: no sentence asks a question and
 * none asks for the child's account ("Tell me about..."). A statement that puts an unsaid detail
 * into the event is a leading declarative; a question keeps the coach's code (option-posing,
 * presumptive...), whose uptake the child answers by its own research rates.
 */
export function isStatement(text: string, language: TrainingLanguage): boolean {
  if (/[?¿]/u.test(text)) return false;
  return !sentencesOf(text, language).some((s) => isRequest(s, language));
}
