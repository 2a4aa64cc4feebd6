// The only place training uses the question coach (src/questions). The coach is being rewritten
// in parallel; keeping every call here means a change in its verdicts or signatures is absorbed
// in one file. Everything else in src/training sees `Coding` and `codeTranscript`.
import {
  buildQualityReport,
  classifyQuestion,
  presentTalkOf,
  sentencesOf,
  type PresentTalk,
  type Classification,
  type QualityReport,
  type QuestionSubtype,
  type QuestionType,
  type Turn,
  type TypeCounts,
  YOUNG_CHILD_AGE,
} from '../questions';
import { fold, normalise } from '../questions/text';
import { statesCorrectMe } from './correct-me';
import { isStatement, unsaidEventWords } from './event-talk';
import { positiveCounterpart } from './negation';
import { invitationForm } from './pleasant-event';
import { isProcessWord, withoutProcessTalk } from './process-talk';
import { textsFor } from './texts';
import type { TrainingLanguage } from './types';
import { surfaceWords } from './words';

export type Coding = Classification;
export type { PresentTalk, QuestionSubtype, QuestionType, Turn, TypeCounts };
/**
 * What the child has said about the event under discussion (its substantive answers), or
 * 'not-substantive' for an utterance outside the substantive phase.
 */
export type EventWords = readonly string[] | 'not-substantive';
/** The coach's one age threshold for why/time/count questions (a single verdict everywhere). */
export { YOUNG_CHILD_AGE };

// The end of the wh- word is a Unicode boundary: with an ASCII \b, "qué", "dónde", "quién",
// "cuándo", "cómo" and "cuál" never matched (a letter with an accent is no word character), so
// every accented Spanish wh- question was answered like a yes/no one ("Sí.", audit B18-1).
export const WH_FORM =
  /^\s*¿?\s*(?:(?:en|de|a|con|para|por|in|at|with)\s+)?(?:what|where|who|whose|when|how|which|qu[eé]|d[oó]nde|ad[oó]nde|qui[eé]n(?:es)?|cu[aá]ndo|c[oó]mo|cu[aá]l(?:es)?|cu[aá]nt[oa]s?)(?![\p{L}\p{N}])/iu;

/**
 * Codes one interviewer utterance as the child hears it (NICHD prompt types). The coach codes a
 * rapport or procedure question ("How old are you?", "What grade are you in?") as other/procedure
 * so that the live screen never flags it (coach session 14); the simulated child still hears a
 * question and answers it, and closed rapport questions have their own effect on later recall
 * (Sternberg et al. 1997; Roberts et al. 2004), so here such a question keeps its form's type:
 * a wh- question is a directive, any other question option-posing. `eventSaid` is what the child
 * said about the event under discussion (its substantive answers), the words the shared decision
 * (decideEventTalk) reads; 'not-substantive' for rapport, practice and ground-rule talk, where
 * nothing is put into the event. It defaults to all the child's words.
 */
export function codeUtterance(
  text: string,
  language: TrainingLanguage,
  childSaid: readonly string[],
  childAgeYears: number,
  eventSaid: EventWords = childSaid,
): Coding {
  // A negative question about the child's ability ("Can't you remember?", "¿No te puedes
  // acordar?") or with a second negative ("Didn't he not hit you?") presumes no act: it is coded
  // as the question it asks without its opening negation, alike in both languages (negation.ts,
  // Hearth's rule after Walker 2013). "Didn't he hit you with the belt?" / "¿No te pegó con el
  // cinturón?" keep the coach's leading code.
  const counterpart = positiveCounterpart(text, language);
  const coached = classifyQuestion(text, language, { childWords: childSaid, childAgeYears });
  const classified =
    counterpart !== undefined && coached.type === 'suggestive' && coached.subtype === 'negative'
      ? classifyQuestion(counterpart, language, { childWords: childSaid, childAgeYears })
      : coached;
  const coded = decideEventTalk(classified, text, language, eventSaid);
  const others = othersAccount(text, language, childSaid);
  if (others !== undefined && coded.subtype !== 'co-witness')
    return {
      ...coded,
      type: 'suggestive',
      subtype: 'co-witness',
      recommended: false,
      verdict: 'avoid',
      reason: textsFor(language).coWitnessReason.replace('{cue}', others),
      cue: others,
    };
  // "Tell me what you came here to talk about." reuses no word of the child's account: "came"
  // is the interview's own word (the NICHD transition), so the prompt is an invitation, not a
  // cued one (practitioner review P17-11).
  if (
    coded.type === 'cued-invitation' &&
    coded.subtype === 'child-words' &&
    coded.cue !== undefined &&
    /\byou\s+(?:came|come|are here)\b|\bbrought you\b|(?<!\p{L})(?:viniste|vienes|te trajo|te trajeron)(?!\p{L})/iu.test(
      text,
    ) &&
    coded.cue
      .split(/[^\p{L}']+/u)
      .filter((w) => w.length > 0)
      .every((w) => isProcessWord(fold(w), language))
  )
    return {
      ...coded,
      type: 'invitation',
      subtype: 'open',
      reason: textsFor(language).interviewWordsInvitation.replace('{cue}', coded.cue),
    };
  const closer = closedPart(text, language, coded, (part) =>
    decideEventTalk(
      classifyQuestion(part, language, { childWords: childSaid, childAgeYears }),
      part,
      language,
      eventSaid,
    ),
  );
  if (closer !== undefined) return closer;
  const support = coded.subtype === 'ground-rule' ? supportOnly(text, language) : undefined;
  if (support !== undefined)
    return {
      ...coded,
      subtype: 'statement',
      reason: textsFor(language).supportReason.replace('{cue}', support),
      cue: support,
    };
  if (coded.type !== 'other' || coded.subtype !== 'procedure' || !/\?\s*$/.test(text.trim()))
    return coded;
  return { ...coded, type: WH_FORM.test(text) ? 'directive' : 'option-posing' };
}

/**
 * Narrative practice about a recent event the interviewer names ("Tell me about your last
 * birthday party.", «Cuéntame de tu último cumpleaños.») is an open invitation, not a
 * presumptive prompt: the revised NICHD protocol (2014) episodic-memory practice itself names a
 * recent event for the child to tell, and the practice event is not the event under
 * investigation (rev21 finding 4). Only an invitation in form whose only fault is a presumed
 * unsaid detail, and without any word of concern (an act, body part or abuse label): anything
 * else keeps its code. Hearth's coding.
 * @param concern whether the prompt holds a word of concern (WordTools.concernStems).
 */
export function practiceEventInvitation(
  coded: Coding,
  text: string,
  language: TrainingLanguage,
  concern: boolean,
): Coding {
  if (concern || coded.type !== 'suggestive' || coded.subtype !== 'presumptive') return coded;
  if (!invitationForm(text, language)) return coded;
  const { suggestion: _suggestion, cue: _cue, ...rest } = coded;
  return {
    ...rest,
    type: 'invitation',
    subtype: 'open',
    recommended: true,
    verdict: 'recommended',
    reason: textsFor(language).practiceEventInvitation,
  };
}

/** How closed a prompt type is, for a compound turn (Hearth's ranking of the NICHD types). */
const CLOSEDNESS: Readonly<Record<QuestionType, number>> = {
  other: 0,
  facilitator: 1,
  invitation: 2,
  'cued-invitation': 3,
  directive: 4,
  'option-posing': 5,
  suggestive: 6,
};

/**
 * Where a second question starts inside one turn: "and"/"y" (or a comma) before a wh- word or
 * an auxiliary that opens a question ("Tell me what happened and WHO was there?", "Cuéntame qué
 * pasó y DÓNDE estabas."). Group 1 is the second question.
 */
const SECOND_QUESTION: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /(?:,\s*|\s+)(?:and|or|then)\s+((?:what|where|who|whose|when|how|which|why|did|do|does|was|were|is|are|has|have|had|can|could|will|would)\b.*)$/iu,
  es: /(?:,\s*|\s+)(?:y|e|o)\s+(¿?\s*(?:qu[eé]|d[oó]nde|ad[oó]nde|qui[eé]n(?:es)?|cu[aá]ndo|c[oó]mo|cu[aá]l(?:es)?|cu[aá]nt[oa]s?|por\s*qu[eé])(?![\p{L}]).*)$/iu,
};

/**
 * A turn that asks two things at once coded by its most closed part: "Tell me what happened and
 * who was there?" is a wh- question, not an invitation, and its reason says so. Undefined when
 * the turn has no second question or the second is not more closed than the whole's code.
 * Hearth's rule, after the NICHD advice to ask one question at a time (Lamb, Brown, Hershkowitz,
 * Orbach & Esplin 2018, Tell Me What Happened; Powell & Snow 2007); practitioner review P17-3.
 * @param code codes one part as the whole is coded (same child words).
 */
function closedPart(
  text: string,
  language: TrainingLanguage,
  whole: Coding,
  code: (part: string) => Coding,
): Coding | undefined {
  if (whole.type === 'suggestive') return undefined;
  const second = SECOND_QUESTION[language].exec(text.trim())?.[1];
  if (second === undefined) return undefined;
  // The second question said as one ("dónde estabas" -> "¿dónde estabas?"): its form decides.
  let asked = second.trim().replace(/[.!]+$/u, '');
  if (!asked.endsWith('?')) asked = `${asked}?`;
  if (language === 'es' && !asked.startsWith('¿')) asked = `¿${asked}`;
  const part = code(asked);
  if (CLOSEDNESS[part.type] <= CLOSEDNESS[whole.type]) return undefined;
  return {
    ...part,
    reason: textsFor(language).compoundReason.replace('{cue}', second.trim()),
    cue: second.trim(),
  };
}

/**
 * Whether a coded prompt puts to the child a detail the child has not said as a closed question:
 * the coach's option-posing/new-detail (NICHD typology, Lamb et al. 2007; questions/decision.ts).
 * Until coach28 the coach coded these suggestive; the simulated child answers them by the same
 * adoption path as a suggestive prompt (child.ts byType -> suggestive()), since the detail is
 * introduced either way and children take up details put to them in yes/no questions too (Ceci
 * & Bruck 1993, Psychol Bull 113:403-439; Lamb et al. 2007), and training feedback treats them
 * as the leading questions to replace. The NICHD counts keep the coach's type.
 */
export function introducesDetail(coding: Pick<Coding, 'type' | 'subtype'>): boolean {
  // Since coach41 an abuse-relevant new detail is coded suggestive/new-detail: the same subtype.
  return coding.subtype === 'new-detail';
}

/**
 * Whether a coded prompt leads: suggestive, or a closed question introducing a detail
 * (introducesDetail). The feedback's "avoid leading questions" goal and the open-questioning
 * praise read this one predicate.
 */
export function leadsChild(coding: Pick<Coding, 'type' | 'subtype'>): boolean {
  return coding.type === 'suggestive' || introducesDetail(coding);
}

/**
 * Whether the coach codes an utterance, with the same child words, as support for the child's
 * present state ('support': "You look worried right now.", "Te ves preocupada ahorita.", "That
 * must have been hard.") or as room talk ('room': "The fan makes a little noise."): the one
 * predicate the coach, training's coding and the simulated child share (questions presentTalkOf,
 * coach25; issue #16, one verdict everywhere). Undefined for anything else.
 */
export function presentTalk(
  text: string,
  language: TrainingLanguage,
  childSaid: readonly string[],
  childAgeYears: number,
): PresentTalk | undefined {
  return presentTalkOf(text, language, { childWords: childSaid, childAgeYears });
}

const RECODED: ReadonlySet<QuestionType> = new Set(['suggestive', 'option-posing']);
/**
 * Techniques that are suggestive whatever words they use (Garven, Wood, Malpass & Shaw 1998:
 * pressure, co-witness information, stereotype, confrontation, reassurance that presumes): "You
 * need to tell me what happened." is made of interview words but is pressure, and keeps its code.
 * Only a content flag (an unsaid detail, a leading declarative, option-posing) is recoded.
 */
const KEPT_TECHNIQUES: ReadonlySet<string> = new Set([
  'pressure',
  'co-witness',
  'stereotype',
  'confrontation',
  'reassurance',
  'emotional',
  'blaming',
  'speculation',
  'asked-answered',
  'label',
]);

/** Whether an utterance is a statement made only of talk about the interview (process-talk.ts). */
function isProcessTalk(text: string, language: TrainingLanguage): boolean {
  return !/[?¿]/u.test(text) && withoutProcessTalk(text, language).trim() === '';
}

/**
 * The coach's code of an utterance that is all talk about the interview ("The bathroom is down
 * the hall if you need it.", "Alguien está viendo el video en el otro cuarto."): such a statement
 * names nothing of the event (process-talk.ts), so a suggestive or option-posing code is
 * replaced by other/procedure with its reason (audit 18g, N18g-2: five room lines were coded
 * suggestive and counted against the NICHD indicator "no suggestive prompts"). A question, and
 * any sentence about the event, keeps the coach's code. Hearth's coding.
 */
export function asProcessTalk(coded: Coding, text: string, language: TrainingLanguage): Coding {
  // Only a suggestive or option-posing code is replaced: an invitation ("Tell me everything that
  // happened.") is made of interview words too, and keeps its code.
  if (!RECODED.has(coded.type) || KEPT_TECHNIQUES.has(coded.subtype)) return coded;
  if (!isProcessTalk(text, language)) return coded;
  return processCoding(coded, language);
}

/**
 * The coach's code of an utterance with the decision the simulated child also makes
 * (event-talk.ts unsaidEventWords, audit 18h N18h-2): a statement that puts into the event an act,
 * person, object, place or time the child has not said is suggestive (a leading declarative)
 * whatever the coach coded ("There was a camera in his car." was coded other and planted); a
 * statement made only of talk about the interview is other/procedure (asProcessTalk). A
 * question or a request for the child's account keeps the coach's code. Hearth's coding.
 */
export function decideEventTalk(
  coded: Coding,
  text: string,
  language: TrainingLanguage,
  eventSaid: EventWords,
): Coding {
  if (!isStatement(text, language)) return coded;
  if (eventSaid === 'not-substantive') return asProcessTalk(coded, text, language);
  const unsaid = unsaidEventWords(text, language, eventSaid);
  if (unsaid.length === 0) return asProcessTalk(coded, text, language);
  if (coded.type === 'suggestive') return coded;
  // The interviewer's words as typed ("cámara", not the folded "camara").
  const surface = surfaceWords(text);
  const cue = unsaid.map((u) => surface.get(u.word) ?? u.word).join(', ');
  return {
    ...coded,
    type: 'suggestive',
    subtype: 'leading-declarative',
    recommended: false,
    verdict: 'avoid',
    reason: textsFor(language).eventDetailReason.replace('{cue}', cue),
    cue,
  };
}

function processCoding(coded: Coding, language: TrainingLanguage): Coding {
  if (coded.type === 'other') return coded;
  return {
    ...coded,
    type: 'other',
    subtype: 'procedure',
    recommended: true,
    verdict: 'acceptable',
    reason: textsFor(language).processTalkReason,
  };
}

/**
 * The support phrase of an utterance that the coach took for a ground rule but that states no
 * rule ("De verdad quiero saber de ti. No estás en problemas." was coded a ground rule while its
 * English twin is a statement, audit N18d-9): the first support phrase found
 * (locales/<lang>/training.json supportive), or undefined when the utterance names a rule
 * (groundRuleCues) or holds no support phrase.
 */
function supportOnly(text: string, language: TrainingLanguage): string | undefined {
  const texts = textsFor(language);
  const norm = normalise(text);
  const cues = Object.values(texts.groundRuleCues).flat();
  if (cues.some((cue) => norm.includes(cue))) return undefined;
  // "Correct me" is a kind of sentence, not a cue word (correct-me.ts; train28).
  if (statesCorrectMe(norm, language)) return undefined;
  const phrase = texts.supportive.find((p) => norm.includes(p));
  if (phrase === undefined) return undefined;
  // Quoted as typed: the sentence that holds the phrase, not its folded form.
  return sentencesOf(text, language).find((s) => normalise(s).includes(phrase)) ?? text;
}

// Other people's information put to the child ("Everybody else already told me", "Todos los
// demás ya me contaron"): a suggestive technique (co-witness information, Garven et al. 1998),
// however it is worded. The rule is grammatical, not a list of phrasings: a third person (never
// "you", never "I") told or said it to the interviewer. A bare "Tell me" or "You told me" is not.
const OTHERS_ACCOUNT: Record<TrainingLanguage, readonly RegExp[]> = {
  en: [
    /\b(?!(?:you|i|please|can|could|would|will|to|and|just|now)\b)[a-z]+(?: else)?(?: (?:has|have|had))?(?: (?:already|also|just|all))? (?:told|tells|showed|shows|explained to) (?:me|us)\b/u,
    /\b(?:everybody|everyone|somebody|someone|people|they|others|the others|all the others)(?: else)?(?: (?:has|have|had))?(?: (?:already|also|just|all))? (?:said|says|saw|knows?|told (?:the police|someone))\b/u,
    // A named third person's report followed by its clause ("Your mom says something
    // happened", "His teacher said that you..."), as "Tu mamá dice que..." in Spanish (audit
    // N18d-8). "Tell me what your mom said." asks for the child's report of it: no clause.
    /\b(?:your|his|her|their|the) ([a-z]+)(?:'s)?(?: [a-z]+)?(?: (?:already|also))? (?:says|said|thinks|knows)(?: that)? (?:that|something|somebody|someone|he|she|it|you|they|there)\b/u,
  ],
  es: [
    /\b(?:me|nos) (?:lo |la |los |las )?(?:(?:ha|han|habia|habian) )?(?:dijo|dijeron|conto|contaron|platico|platicaron|explico|explicaron|enseno|ensenaron|dicho|contado|platicado|explicado)\b/u,
    /\b(?:todos|todas|todo el mundo|alguien|los demas|las demas|otros|otras|la gente|ellos|ellas)(?: \p{L}+)?(?: (?:ya|tambien))? (?:saben|sabe|sabian|vieron|vio|dijeron que|dicen que|dijo que|dice que)\b/u,
    // A named third person's report with its clause, as the English one above ("Tus compañeros
    // dijeron que el señor Dan rompió un libro.", "Tu mamá dice que pasó algo"; practitioner
    // review R18-13). "Cuéntame qué dijo tu mamá" asks for the child's report of it: no clause.
    /\b(?:tu|tus|su|sus|el|la|los|las) (\p{L}+)(?: \p{L}+){0,2}(?: (?:ya|tambien))? (?:dice|dicen|dijo|dijeron|cuenta|cuentan|conto|contaron|piensa|piensan|sabe|saben|cree|creen|vio|vieron) que\b/u,
  ],
};

/** The words that put another person's account to the child, or undefined. */
export function othersAccount(
  text: string,
  language: TrainingLanguage,
  childSaid: readonly string[] = [],
): string | undefined {
  const clean = (t: string) =>
    fold(t)
      .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
      .replace(/\s+/g, ' ');
  const norm = clean(text);
  const child = ` ${clean(childSaid.join(' '))} `;
  for (const re of OTHERS_ACCOUNT[language]) {
    const m = re.exec(norm);
    // A summary of the child's own report ("So your mom said that..." after "My mom said...")
    // puts no one else's account to the child.
    if (m && !(m[1] !== undefined && child.includes(` ${m[1]} `) && SAID[language].test(child)))
      return asTyped(text, m[0], clean);
  }
  return undefined;
}

/**
 * The interviewer's words as typed for a span found in the folded text: «Tus compañeros dijeron
 * que», never the folded «tus companeros dijeron que» (re-check: the live co-witness reason lost
 * its ñ). The folded span itself when the words cannot be found again.
 * @param clean the fold the span was found in (accents off, lower case, punctuation to spaces).
 */
function asTyped(text: string, span: string, clean: (t: string) => string): string {
  const wanted = span.trim().split(' ');
  const words = [...text.matchAll(/[\p{L}\p{N}']+/gu)].map((w) => ({
    folded: clean(w[0]).trim(),
    start: w.index,
    end: w.index + w[0].length,
  }));
  for (let i = 0; i + wanted.length <= words.length; i++)
    if (wanted.every((w, k) => words[i + k]!.folded === w))
      return text.slice(words[i]!.start, words[i + wanted.length - 1]!.end);
  return span;
}

/** A verb of saying in the child's words (folded). */
const SAID: Readonly<Record<TrainingLanguage, RegExp>> = {
  en: /\b(?:said|says|told)\b/u,
  es: /\b(?:dijo|dice|conto|platico)\b/u,
};

/** The coach's quality report over a practice transcript (flags, suggestions, sequence rules). */
export function codeTranscript(
  turns: Turn[],
  language: TrainingLanguage,
  childAgeYears: number,
  earlierChildWords: readonly string[] = [],
  stages: TranscriptStages = {},
): QualityReport {
  // Each interviewer turn is coded with the child's words before it, and the decision the child
  // makes (decideEventTalk) is applied with the child's words about the event, so the report and
  // the child never disagree about what a statement put into the event (audit 18h, N18h-2).
  const childWords = [...earlierChildWords];
  const eventWords = [...(stages.earlierEventWords ?? earlierChildWords)];
  const later = earlierChildWords.length > 0;
  let asked = 0;
  let lastSubstantive = true;
  const coded = turns.map((turn): Turn => {
    if (turn.speaker !== 'interviewer') {
      if (turn.speaker === 'child') {
        childWords.push(turn.text);
        if (lastSubstantive) eventWords.push(turn.text);
      }
      return turn;
    }
    const shared = stages.codings?.[asked];
    lastSubstantive = stages.substantive?.[asked++] ?? true;
    if (turn.coding) return turn;
    // The turn's one code (turn-codes.ts): the report's flags and sequence rules read the code the
    // trainee saw live and the measures count (R18-5), never a second coding of their own.
    if (shared) return { ...turn, coding: shared };
    const coding = classifyQuestion(turn.text, language, { childWords, childAgeYears });
    const event: EventWords = lastSubstantive ? eventWords : 'not-substantive';
    const decided = decideEventTalk(coding, turn.text, language, event);
    // A later session of the same practice case: the child's words of the earlier sessions are
    // the child's too, so "Tell me more about Marcus" after "Marcus is my boyfriend" last time is
    // a cued invitation, not a presumptive question (NICHD revised protocol, second session:
    // Hershkowitz, Lamb, Blasbalg & Karni-Visel 2021; audit N18e-3): the coach keeps this
    // coding. In a first session the coach codes a question itself (its sequence rules); a
    // statement keeps the decided code.
    if (later || isStatement(turn.text, language)) return { ...turn, coding: decided };
    return turn;
  });
  return buildQualityReport(coded, { language, childAgeYears });
}

/**
 * What the simulated child heard of each interviewer turn: `substantive[k]` tells whether the
 * k-th interviewer turn was heard in the substantive phase (Simulation replies' stage), and
 * `earlierEventWords` holds the child's substantive answers of earlier sessions. Without them
 * every turn counts as substantive and every word the child said as said about the event.
 */
export interface TranscriptStages {
  substantive?: readonly boolean[];
  earlierEventWords?: readonly string[];
  /**
   * The one code of each interviewer turn (turn-codes.ts), `codings[k]` for the k-th: when
   * given, the report uses it instead of coding the turn again.
   */
  codings?: readonly Coding[];
}

/** Open prompt types the NICHD research counts as recommended (directives are shown apart). */
export const OPEN_TYPES: ReadonlySet<QuestionType> = new Set([
  'invitation',
  'cued-invitation',
  'facilitator',
]);
export const INVITATION_TYPES: ReadonlySet<QuestionType> = new Set([
  'invitation',
  'cued-invitation',
]);
/** Focused prompts: anything that narrows the child's answer. */
export const FOCUSED_TYPES: ReadonlySet<QuestionType> = new Set([
  'directive',
  'option-posing',
  'suggestive',
]);
