// A prompt about "the last / first / another time" presumes that the event happened more than
// once. The NICHD revised protocol asks first "Did that happen one time or more than one time?"
// and only after the child says "more than one time" asks about the last, first or another time
// (Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231, appendix,
// substantive phase; Lamb, Brown, Hershkowitz, Orbach & Esplin 2018, "Tell me what happened",
// 2nd ed., ch. 4). Until the child's words say it happened more than once, the number of
// incidents is a detail the child has not given: under Hearth's rule (decision.ts) an open prompt
// that assumes one is suggestive/presumptive, and the suggestion is the protocol's question.
import { decide, type Decision } from './decision';
import type { Lexicon } from './lexicon';
import { normalise, stem, words } from './text';
import type { ChildVocabulary } from './vocabulary';
import type { InterviewStage, Language } from './types';

// "the last/first/next/other time", "another time", "other times" about an incident; not the
// interviewer's own meetings with the child ("the last time you were here", "the first time you
// told me"), which belong to a later session (NICHD 2014; Hershkowitz et al. 2021).
const INCIDENT_FRAME: Record<Language, RegExp> = {
  en: /\b(?:the (?:last|first|next|other) time|another time|(?:the )?other times)\b(?! (?:that )?(?:you|we) (?:told|said|talked|mentioned|came|were here|(?:have |'ve )?been here|spoke|met|visited|saw me))/,
  es: /\b(?:(?:la )?(?:ultima|primera|otra|siguiente) vez|(?:las )?otras veces) (?:en )?que\b(?! (?:me |nos )?(?:contaste|dijiste|hablamos|platicamos|viniste|estuviste|vimos|hablaste conmigo))|\b(?:de|del|sobre|acerca de) (?:la )?(?:ultima|primera|otra|siguiente) vez(?=\s*(?:[.?!…]|$))|\b(?:de|sobre|acerca de) (?:las )?otras veces(?=\s*(?:[.?!…]|$))|\bla (?:ultima|primera|siguiente) vez(?=\s*(?:[.?!…,]|$))/,
};

// "every/each time (that)", "cada vez que", "cada que" (Mexican), "todas las veces que".
const EVERY_TIME: Record<Language, RegExp> = {
  en: /\b(?:every|each) (?:single )?time\b/,
  es: /\b(?:cada (?:vez )?que|todas las veces que)\b/,
};

// The child's words say the event happened more than once (or name one of several times),
// colloquial counts included ("a bunch of times", «un montón de veces», «un chorro de veces»).
const PLURALITY: Record<Language, RegExp> = {
  en: /\b(?:(?:every|each) (?:\w+ ){0,2}(?:time|day|night|week|weekend|morning|afternoon|evening|summer|winter|month|year|visit|sunday|monday|tuesday|wednesday|thursday|friday|saturday)s?|on (?:sundays|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|weekends)|always|all the time|(?:a lot of|lots of|many|so many|several|other|two|three|four|five|six|seven|eight|nine|ten|\d+) times|(?:a (?:whole )?bunch of|a ton of|tons of|a million|a hundred|a few|a couple(?: of)?|lots and lots of|plenty of) times|more than (?:one time|once)|more than one|other time|another time|the (?:first|last|next|other) time|again|sometimes|twice|usually|kept (?:doing|on)|(?:happen(?:ed|s)?|did (?:it|that)|does (?:it|that)|do (?:it|that)) a lot)\b/,
  es: /\b(?:cada (?:vez|dia|noche|semana|fin de semana|mes|verano|domingo|sabado|lunes|viernes|que)|tod[oa]s l[oa]s (?:veces|noches|tardes|mananas|dias|semanas|fines de semana|domingos|sabados|lunes|viernes|veranos)|los (?:fines de semana|domingos|sabados)|todo el tiempo|diario|muy seguido|siempre|(?:muchas|varias|otras|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\d+) veces|otra vez|a veces|de nuevo|un (?:monton|chorro|buen|par) de veces|(?:bastantes|hartas|unas cuantas|unas) veces|mas de una vez|mas de una|(?:la )?(?:primera|ultima|otra|siguiente) vez|volvio a|seguido|(?:paso|pasaba|pasa|lo hacia|lo hizo|lo hace) mucho)\b/,
};

// The clause after the frame is the child's own activity ("the last time you went to the park",
// "la última vez que fuiste al parque"): a rapport or context question, not one about incidents of
// the allegation. "That you remember" / "que recuerdes" is the NICHD frame itself and is checked.
const CHILD_ACTIVITY: Record<Language, RegExp> = {
  en: /^(?:that )?you (?!remember|recall)\w+/,
  // "la última vez que lo viste" = "the last time you saw him": an object clitic before the verb
  // is the Spanish place of English's object after it (coach24, one reading in both languages).
  es: /^(?:tu )?(?:(?:lo|la|los|las|le|les|me|nos|te) )?(?!recuerdes|te acuerdes)(?:\w+(?:aste|iste|abas|ias)|estabas|eras|ibas|fuiste|tuviste|viste|hiciste)\b/,
};

/**
 * Whether some turn of `childWords` says the event happened more than once, remembered per array
 * and extended as the array grows (the live coach and transcript coding pass one growing array),
 * so that a long interview is not re-read on every question. A shorter array than last time is a
 * different list: read again from the start.
 */
function saysMoreThanOnce(childWords: readonly string[], language: Language): boolean {
  const cache = pluralSeen[language];
  let entry = cache.get(childWords);
  if (!entry || entry.length > childWords.length) entry = { length: 0, plural: false };
  const plural = PLURALITY[language];
  for (let i = entry.length; i < childWords.length && !entry.plural; i++)
    entry.plural = plural.test(normalise(childWords[i] ?? ''));
  // Once a turn says it, later turns cannot unsay it: nothing more to read.
  entry.length = childWords.length;
  cache.set(childWords, entry);
  return entry.plural;
}
const pluralSeen: Record<
  Language,
  WeakMap<readonly string[], { length: number; plural: boolean }>
> = { en: new WeakMap(), es: new WeakMap() };

/** Prompt forms that ask the child to tell about an incident (statements are left alone). */
const PROMPT_TYPES = new Set(['invitation', 'cued-invitation', 'directive', 'option-posing']);

/**
 * `d` recoded suggestive/presumptive when the prompt asks about one of several incidents ("Tell
 * me about the last time he touched you.", "Cuéntame de otra vez que te tocó.") and the child's
 * words do not say it happened more than once; otherwise `d` unchanged.
 * @param d the decision so far; only invitations, cued invitations, directives and
 *   option-posing prompts (other than the protocol's own) are checked.
 * @param norm the normalised utterance.
 * @param childWords what the child has said in the session (known context only).
 * @param stage where the interview is: before the transition (rapport, practice) the check is
 *   off, since "the last time you..." there is about the child's everyday life.
 */
export function withIncidentCount(
  d: Decision,
  norm: string,
  language: Language,
  childWords: readonly string[],
  stage?: InterviewStage,
): Decision {
  if (stage === 'pre-substantive') return d;
  // A closed question coded suggestive/new-detail (coach41) is a prompt about an incident too.
  const prompt = PROMPT_TYPES.has(d.type) || d.subtype === 'new-detail';
  if (!prompt || d.subtype === 'protocol') return d;
  // "Every time you went to his house, did he touch you?" presumes repeated events whatever the
  // clause after it (P19-4): the same presumption as "the last time", the same protocol question.
  const every = EVERY_TIME[language].exec(norm);
  if (every && !saysMoreThanOnce(childWords, language))
    return decide('suggestive', 'presumptive', 'assumedIncidents', every[0], d.focus);
  const frame = INCIDENT_FRAME[language].exec(norm);
  if (!frame) return d;
  const after = norm.slice(frame.index + frame[0].length).trim();
  if (CHILD_ACTIVITY[language].test(after)) return d;
  if (saysMoreThanOnce(childWords, language)) return d;
  if (habitualOfAsked(after, childWords, language)) return d;
  return decide('suggestive', 'presumptive', 'assumedIncidents', frame[0], d.focus);
}

/**
 * The child told the act asked about as a routine, in the simple present ("after school he picks
 * me up" / "él me recoge de la escuela"): "the last time he picked you up" then asks about one of
 * the times the child described (NICHD revised 2014: the last time, once the child has said it
 * happened more than once; heldout19 en-036, es-034). Only the same verb counts (its stem begins
 * the stem of a word of the prompt's clause), and only a third-person present with "me" after it
 * (en) or before it (es). A child narrating one event in the present ("and then he pushes me")
 * is read the same way: Hearth's reading, which then leaves "the last time" unflagged.
 */
function habitualOfAsked(
  clause: string,
  childWords: readonly string[],
  language: Language,
): boolean {
  const asked = words(clause).map((w) => stem(w, language));
  for (const turn of childWords) {
    const ws = words(normalise(turn));
    for (let i = 1; i < ws.length; i++) {
      const w = ws[i] ?? '';
      const habitual =
        language === 'en'
          ? /^[a-z]{3,}[^s]s$/.test(w) &&
            ws[i + 1] === 'me' &&
            /^(?:he|she|always|usually|still)$/.test(ws[i - 1] ?? '')
          : /^[a-z]{3,}[ae]$/.test(w) && /^(?:me|nos)$/.test(ws[i - 1] ?? '');
      if (!habitual) continue;
      const s = stem(w, language);
      if (s.length >= 3 && asked.some((a) => a.startsWith(s))) return true;
    }
  }
  return false;
}

// A closed question about a repetition ("Did he do it again?", "Did it happen more than once?",
// "¿Lo hizo otra vez?", "¿Te volvió a tocar?"): it takes a first occurrence as given.
const REPEAT_MARKER: Record<Language, RegExp> = {
  en: /\b(?:again|more than (?:once|one time)|a second time|(?:any )?more times)\b/,
  es: /\b(?:otra vez|de nuevo|mas de una vez|una segunda vez|(?:volvio|volvieron|volvia) a)\b/,
};

// What the repetition is about: another person's act (lexicon presupposition.actor, read on the
// lower-cased original) or the event itself ("it happened", "pasó").
const EVENT_SUBJECT: Record<Language, RegExp> = {
  en: /\b(?:it|that|this) (?:happen|happened|happens)\b|\b(?:happen|happened) (?:again|more)/,
  es: /\b(?:paso|pasaba|sucedio|ocurrio)\b/,
};

// The child said that something happened, in general words ("it happened", "he did it", "me
// hizo algo"); an act, body part or object of the lexicon counts too (describedEvent).
const EVENT_SAID: Record<Language, RegExp> = {
  en: /\b(?:happen(?:ed|s|ing)?|(?:did|does|do|done) (?:it|that|this|something|stuff|things|bad|mean)|did to me|does to me)\b/,
  es: /\b(?:paso|pasaba|pasa|sucedio|ocurrio|(?:me|lo|la|le|nos) (?:hizo|hacia|hace|hicieron)|hizo algo|hace cosas|hacia cosas)\b/,
};

// "once or more than once", "una vez o más de una vez": the choice NICHD asks (protocolOptionPosing).
const ONCE_OFFERED = /\b(?:once|one time|una (?:sola )?vez) (?:or|o)\b/;
// A third-person preterite in the original ("tocó", "pasó"): Spanish drops the subject.
const PRETERITE_ES = /\p{L}{2,}ó(?!\p{L})/u;

/** Whether the child's words describe any event: an act, body part or object, or "it happened". */
function describedEvent(vocab: ChildVocabulary, lex: Lexicon): boolean {
  if (vocab.phrases.size > 0) return true;
  for (const s of vocab.stems.keys()) if (lex.presumptiveStems.has(s)) return true;
  return vocab.turns.some(
    (t) => EVENT_SAID[lex.language].test(t) || PLURALITY[lex.language].test(t),
  );
}

/**
 * `d` recoded suggestive/presumptive (reason `assumedRepeat`) when a closed question asks whether
 * something happened again or more than once ("Did he do it again?", "¿Pasó más de una vez?")
 * while the child has described nothing that happened: the question takes a first occurrence as
 * given, a presupposition, not an option (Lamb et al. 2007, suggestive utterances; NICHD revised
 * protocol 2014 asks "Did that happen one time or more than one time?" only after a disclosure).
 * Once the child has described an act or said that something happened, the same question is
 * option-posing. The protocol's own question (subtype 'protocol') is never changed; before the
 * substantive phase the check is off ("Did you go to the park again?" in rapport).
 * @param norm the normalised utterance; `original` as typed (for the actor pattern).
 */
export function withAssumedRepeat(
  d: Decision,
  norm: string,
  original: string,
  lex: Lexicon,
  vocab: ChildVocabulary,
  stage?: InterviewStage,
): Decision {
  // A closed question coded suggestive/new-detail (coach41) is a closed question too.
  const closed =
    d.type === 'option-posing' || (d.type === 'suggestive' && d.subtype === 'new-detail');
  if (stage === 'pre-substantive' || !closed || d.subtype === 'protocol') return d;
  const marker = REPEAT_MARKER[lex.language].exec(norm);
  if (!marker) return d;
  // The protocol's own choice, reworded ("Did it happen once or more than once?"), offers "once".
  if (ONCE_OFFERED.test(norm)) return d;
  const about =
    lex.actor.test(original.toLowerCase()) ||
    EVENT_SUBJECT[lex.language].test(norm) ||
    (lex.language === 'es' && PRETERITE_ES.test(original));
  if (!about) return d;
  if (describedEvent(vocab, lex)) return d;
  return decide('suggestive', 'presumptive', 'assumedRepeat', marker[0], d.focus);
}
