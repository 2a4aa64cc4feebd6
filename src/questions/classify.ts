// Rule-based question-type classifier. Each rule is a linguistic cue from the lexicon (opener,
// auxiliary, tag, "or" alternative, imperative...), checked from the riskiest down so that the
// first cue found explains the code. With the child's words as context it also codes what the
// utterance assumes: a person, act, object, body part or place the child has not said makes it
// suggestive (Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231).
// Pure and cheap: it runs on every keystroke.
import { askedAgain } from './asked-answered';
import { claimedConfession, tellerOf } from './claimed-confession';
import { echoedWord } from './echo';
import { withoutHesitations } from './disfluency';
import { execGated, testGated } from './gate';
import { decide, type Decision, type PresentTalk } from './decision';
import { lexiconFor, PROTOCOL_SCRIPTED_REASONS, type Lexicon, type TechniqueKey } from './lexicon';
import { buildSuggestion } from './suggest';
import { withAssumedRepeat, withIncidentCount } from './incidents';
import { relayedRequest } from './relay';
import { matchScripted, scriptedLineOf } from './scripted';
import { presentSupport, roomTalk, unfinishedContinuation } from './present-talk';
import { withSpanishFormReason } from './es-reasons';
import { mismatchedPronoun } from './presumed-person';
import { opensIntroduction, statementInContext } from './statements';
import { presumedUndressing } from './undressing';
import { presumedClauseAct } from './clause-acts';
import {
  displayCue,
  normalise,
  splitSentences,
  stem,
  words,
  wordStems,
  type Sentence,
} from './text';
import {
  RISK,
  type AnsweredQuestion,
  type Classification,
  type ClassifyContext,
  type Language,
} from './types';
import { verdictFor, isWarningFree } from './verdict';
import {
  childVocabulary,
  definiteUnsaid,
  echoesChild,
  MORE_ACTS,
  presupposedUnsaid,
  containsPhrase,
  reusedChildWord,
  unsaidModifiers,
  unsaidDetail,
  unsaidLabel,
  type ChildVocabulary,
  type DetailKind,
} from './vocabulary';

import { abuseRelevantDetails, childHasSpoken } from './suggestive-detail';
import { withoutEndearments } from './endearments';
import { endearmentNote } from './endearment-note';
import { truthJudgement, truthLieCompetence } from './truth-judgement';

export type { Decision, PresentTalk } from './decision';

/**
 * Only the first characters of a very long utterance are analysed, which bounds the time of
 * every regular expression (a pasted page must not freeze the as-you-type coach).
 */
export const MAX_UTTERANCE_CHARS = 2000;

const LEADING_MARKS = /^[¿¡\s]+/;

/**
 * Codes one interviewer utterance.
 * @param text the utterance as typed or transcribed (any punctuation, or none).
 * @param language 'en' or 'es' (es-419 forms are first-class).
 * @param context `childWords`: what the child has said so far in the session (present = known,
 *   even when empty); `childAgeYears`: the child's age.
 * @param explainIn the language of the reason and context note when it is not `language`: an
 *   interpreter's rendering is coded in its own language but explained in the interviewer's
 *   (audit 19d, B19d-3); the cue stays in the rendering's spelling and a suggestion in its language.
 * @returns type, subtype, verdict (and `recommended` = no warning), a reason in the interview
 *   language with the cue in the interviewer's own spelling, and a suggestion only when a safe
 *   one exists (see suggest.ts).
 */
export function classifyQuestion(
  text: string,
  language: Language,
  context?: ClassifyContext,
  explainIn: Language = language,
): Classification {
  const lex = lexiconFor(language);
  const explained = lexiconFor(explainIn);
  const bounded = text.length > MAX_UTTERANCE_CHARS ? text.slice(0, MAX_UTTERANCE_CHARS) : text;
  const decision = withSpanishFormReason(
    decideUtterance(bounded, lex, context),
    bounded,
    lex,
    context,
  );
  const verdict = verdictFor(decision, context?.childAgeYears, context?.mediaStance);
  // A relayed request is coded by its rewritten words: the cue is shown in their spelling.
  const spoken = relayedRequest(bounded, language) ?? bounded;
  // A cue never opens on «¿» or «¡» (its closing mark is not part of it either; review28 MINOR 9).
  const cue = decision.cue ? displayCue(decision.cue, spoken).replace(LEADING_MARKS, '') : '';
  const result: Classification = {
    type: decision.type,
    subtype: decision.subtype,
    recommended: isWarningFree(verdict),
    verdict,
    reason: explained.reasons[decision.reasonKey].replace('{cue}', cue),
  };
  if (cue) result.cue = cue;
  if (context?.childWordsUnrecorded && !context.childWords)
    result.contextNote = explained.childWordsUnrecorded;
  const practiceNote = endearmentNote(bounded, language, explainIn);
  if (practiceNote) result.practiceNote = practiceNote;
  if (!result.recommended) {
    const suggestion = buildSuggestion(bounded, decision, lex, context);
    if (suggestion) result.suggestion = suggestion;
  }
  return result;
}

/**
 * Whether the coach codes an utterance as talk in the present that names nothing of the event
 * (present-talk.ts): 'support' (facilitator, acknowledgement: "You look worried right now.",
 * "Te ves preocupada ahorita.", "That must have been hard.") or 'room' (other, procedure: "The
 * fan makes a little noise."); undefined otherwise. The same decision classifyQuestion makes with
 * the same context, so a caller that treats these apart (the simulated child, training's coding)
 * never disagrees with the coach's code (issue #16, one verdict everywhere).
 */
export function presentTalkOf(
  text: string,
  language: Language,
  context?: ClassifyContext,
): PresentTalk | undefined {
  const bounded = text.length > MAX_UTTERANCE_CHARS ? text.slice(0, MAX_UTTERANCE_CHARS) : text;
  const d = decideUtterance(bounded, lexiconFor(language), context);
  // Only when the utterance's final code is still the present-talk one: a later rule (media, a
  // compound question, the context check) that recoded it wins.
  if (d.presentTalk === 'support' && d.type === 'facilitator' && d.reasonKey === 'support')
    return 'support';
  if (d.presentTalk === 'room' && d.type === 'other' && d.subtype === 'procedure') return 'room';
  return undefined;
}

/** What the classifier decided for an utterance, before wording (exported for tests and tools). */
export function decideUtterance(spoken: string, lex: Lexicon, context?: ClassifyContext): Decision {
  // "So, um, what happened?": hesitation sounds are not words of the prompt (disfluency.ts).
  const fluent = withoutHesitations(spoken, lex.language);
  // "Hmm, okay." is an acknowledgement as a whole: its cue stays the whole of it.
  const asSaid = normalise(spoken).replace(/[.!?…]+$/, '');
  const raw = fluent !== spoken && isFacilitator(asSaid, lex) ? spoken : fluent;
  // Guidance that quotes the words to say ('One short wh- question ...: "Where was [...]?" Then
  // ...') is coded by the first quoted words, which are what the interviewer will ask.
  if (GUIDANCE_QUOTE.test(raw) && !protocolLineWithDirection(raw, lex)) {
    const first = FIRST_QUOTE.exec(raw)?.[1];
    if (first) return decideUtterance(first, lex, context);
  }
  // An interpreter's relay frame ("Ask her to ...", "La señora dice que le cuentes ...") is not
  // what reaches the child: the embedded request is coded (relay.ts).
  const relayed = relayedRequest(raw, lex.language);
  if (relayed !== undefined) return decideUtterance(relayed, lex, context);
  // "Sweetie, what happened next?", «Cuéntame más, mija.»: an endearment used as address is not
  // a detail and not part of the prompt (endearments.ts, coach41).
  const addressed = withoutEndearments(raw, lex.language);
  if (addressed !== raw) return decideUtterance(addressed, lex, context);
  // Square brackets hold transcriber notes and script placeholders ("[the child's word]"), not
  // speech: they stand for something already named, so a neutral pronoun takes their place.
  const text = raw.includes('[') ? raw.replace(BRACKETED, PLACEHOLDER[lex.language]) : raw;
  let norm = normalise(text);
  if (norm.length === 0) return decide('other', 'empty', 'empty', '', '');
  // "Y luego…" trailing off for the child to go on (present-talk.ts).
  const trailing = unfinishedContinuation(text, norm, lex);
  if (trailing) return trailing;
  // "..., ¿de acuerdo?" / "..., okay?" after an instruction asks for assent, not information.
  const vocab = context?.childWords ? childVocabulary(context.childWords, lex) : undefined;
  // After a claim about the event ("Él te pegó, ¿va?", "he hit you okay") an assent word is a
  // tag question asking the child to agree (Lyon, Quas & Lamb: tag questions are suggestive);
  // after an instruction or ground rule («Me avisas si no entiendes, ¿va?») it asks for assent.
  const bare = /[.?!,]/.test(norm) ? null : BARE_ASSENT.exec(norm);
  const assent = lex.instructionTag.exec(norm) ?? bare;
  if (assent && assent.index > 0) {
    const before = norm.slice(0, assent.index);
    // Only a tag joined to its sentence (", ¿va?" or unpunctuated), not "... . Okay?" after it.
    const joined = !assent[0].startsWith('.');
    if (joined && claimBeforeTag(before, text, lex, vocab, assent === bare))
      return decide('suggestive', 'tag', 'tag', assent[0].replace(/^[\s,.¿]+|\?+$/g, ''), norm);
    if (assent !== bare) norm = before;
  } else norm = withoutAssentAfterRequest(norm, lex);

  // The hypothetical putative confession is a Ten Step option, whatever else it resembles.
  const putative = putativeConfession(norm, lex, vocab);
  if (putative) return putative;
  // A protocol's own line, filled in with safe words, is coded as the kind the plan declares.
  const scripted = matchScripted(norm, lex, vocab, context?.childWords);
  if (scripted)
    return context?.childWords
      ? withIncidentCount(scripted.decision, norm, lex.language, context.childWords, context.stage)
      : scripted.decision;
  // The truth/lie picture task of the ground rules (truth-judgement.ts, coach43).
  const competence = truthLieCompetence(norm, lex.language, context?.stage);
  if (competence) return competence;
  // Support for the child's present state ("You look worried right now"), present-talk.ts.
  const support = presentSupport(norm, text, lex);
  if (support) return support;
  const feeling = attributedFeeling(norm, lex, vocab);
  if (feeling) return feeling;
  const whole = wholeUtteranceTechnique(norm, lex, vocab);
  if (whole) return whole;

  // Speech-recognition text often has no punctuation at all: questions are then found by form.
  const unpunctuated = !/[.?!…]/.test(norm);
  let best: Decision | undefined;
  let sawOther: Decision | undefined;
  let sawFacilitator: Decision | undefined;
  let sawProtocol: Decision | undefined;
  // Focused questions (wh- or closed) asked as separate sentences of one turn: two make it compound.
  const focused: string[] = [];
  const sentences = splitSentences(norm);
  // The interviewer's introduction opens the interview, before the child has said anything: with
  // the child's words unknown, its turn is checked as with none said, so "Hi, my name is Dana and
  // I'm sorry he touched you." is flagged with or without a context (coach36; review23).
  const statementVocab =
    vocab ??
    (sentences.some((s) => opensIntroduction(s.text))
      ? childVocabulary(NONE_SAID, lex)
      : undefined);
  for (const sentence of sentences) {
    const asStatement = decideSentence(sentence, lex, unpunctuated);
    let d = statementVocab
      ? statementInContext(
          asStatement,
          sentence.text,
          text,
          lex,
          statementVocab,
          context?.childWords,
        )
      : asStatement;
    // Room talk in the plain present is procedure, not a leading declarative (present-talk.ts).
    d = roomTalk(asStatement, d, sentence.text, text, lex);
    // The protocol's own question ("Do you promise to tell me the truth?", "Is there anything
    // else you want to tell me?") is no prompt about the event: another sentence of the turn
    // decides it, so that a presumption there is never hidden behind it (coach36).
    // It is still one of two questions asked at once ("...more than one time? How many times?").
    if (d.subtype === 'protocol') {
      sawProtocol ??= d;
      if (sentence.question) focused.push(sentence.text);
      continue;
    }
    if (sentence.question && (d.type === 'directive' || d.type === 'option-posing'))
      focused.push(sentence.text);
    if (d.type === 'other') sawOther ??= d;
    else if (d.type === 'facilitator') sawFacilitator ??= d;
    else if (!best || RISK[d.type] > RISK[best.type]) best = d;
  }
  let result =
    best ??
    sawProtocol ??
    sawOther ??
    sawFacilitator ??
    decide('other', 'statement', 'other', '', norm);

  if (result.type === 'invitation') {
    const cue = lex.cue.exec(norm);
    const segment = lex.timeSegment.exec(norm);
    if (cue) result = decide('cued-invitation', 'child-words', 'cued', cue[0], result.focus);
    // "From the beginning to the end" covers the whole event: the NICHD free-recall
    // invitation, not a time segment (Lamb et al. 2007; Orbach et al. 2000).
    else if (segment && !WHOLE_EVENT.test(norm) && !routineSegment(norm.slice(segment.index), lex))
      result = decide('cued-invitation', 'time-segment', 'cued', segment[0], result.focus);
  }
  // The aid's own words ("show me on the picture") are not details the child must have said.
  const media = lex.media.exec(norm);
  let contextNorm = media ? norm.replace(media[0], ' ').replace(/\s+/g, ' ') : norm;
  // The child's needs in the room ("when you need to use the bathroom") are not allegation
  // details (lexicon interviewNeeds); the same word as a place of the event is still checked.
  if (lex.interviewNeed.test(contextNorm)) {
    lex.interviewNeed.lastIndex = 0;
    contextNorm = contextNorm.replace(lex.interviewNeed, ' ').replace(/\s+/g, ' ');
  }
  // "¿Qué hora era, más o menos?": an approximation hedge, not a choice between two details.
  // (Only when a hedge is there: otherwise the text is already normalised, one space per gap.)
  if (HEDGE_ANYWHERE.test(contextNorm))
    contextNorm = contextNorm.replace(HEDGE, ' ').replace(/\s+/g, ' ');
  // A time segment bounded by the child's daily routine ("from when you woke up until you went
  // to bed", NICHD episodic memory training) names no detail of the event (issue #16 N-4).
  if (lex.timeSegment.test(contextNorm) && lex.routineAnchor.test(contextNorm)) {
    lex.routineAnchor.lastIndex = 0;
    contextNorm = contextNorm.replace(lex.routineAnchor, ' ').replace(/\s+/g, ' ');
  }
  lex.routineAnchor.lastIndex = 0;
  const practice = vocab && practiceInvitation(result, contextNorm, text, lex, context?.stage);
  if (vocab && !practice) {
    result = withContext(result, contextNorm, text, lex, vocab, context?.childWords);
    result = inSituPresumption(result, contextNorm, lex, vocab);
    result = withAssumedRepeat(result, contextNorm, text, lex, vocab, context?.stage);
  } else if (!vocab) result = declaredForm(result, norm, lex, text !== raw);
  else if (lex.practiceEvent.test(contextNorm))
    // A practice invitation about a named holiday or special day (coach39): the reason names the
    // narrative-practice source again (coach41, kind i).
    result = { ...result, reasonKey: 'narrativePractice' };
  if (context?.childWords)
    result = withIncidentCount(result, norm, lex.language, context.childWords, context.stage);
  result = outsideSubstantive(result, norm, lex, context?.stage);
  result = suggestiveDetailOnlyAboutTheEvent(result, norm, text, lex, context?.stage);
  if (context?.stage === undefined) result = rapportChoice(result, norm, text, lex);
  result = compound(result, focused, lex);
  if (context?.answered) result = withAskedAgain(result, norm, focused, context.answered, lex);
  return media ? withMedia(result, media[0]) : result;
}

/**
 * A wh- or yes/no question that asks again what the child has answered earlier in the interview
 * is suggestive/asked-answered (asked-answered.ts: Garven et al. 1998; Poole & White 1991;
 * Krähenbühl et al. 2009). The protocol's own option-posing prompts are left as they are.
 * Unpunctuated speech-recognition text has no question sentences: its sentences are compared.
 */
function withAskedAgain(
  d: Decision,
  norm: string,
  focused: readonly string[],
  answered: readonly AnsweredQuestion[],
  lex: Lexicon,
): Decision {
  // A closed question coded suggestive/new-detail (coach41) is asked again like any closed one.
  const closed = d.type === 'option-posing' || d.subtype === 'new-detail';
  if ((d.type !== 'directive' && !closed) || d.subtype === 'protocol') return d;
  const asked = focused.length > 0 ? focused : splitSentences(norm).map((s) => s.text);
  const again = askedAgain(asked, answered, lex.language);
  return again ? decide('suggestive', 'asked-answered', 'askedAgain', again, d.focus) : d;
}

// An assent word ending an unpunctuated line ("he hit you okay", «el te pego va»).
const BARE_ASSENT = / (?:va|sale|ok(?:ay)?|okey|de acuerdo)$/;

/**
 * Whether the words before an assent tag state something about the event: a leading declarative
 * on its own, or (with the child's words) a statement the context check reads as a summary or a
 * claim. Instructions, ground rules, requests and plans ("Vamos a platicar un rato") are not.
 */
function claimBeforeTag(
  before: string,
  text: string,
  lex: Lexicon,
  vocab: ChildVocabulary | undefined,
  unpunctuated: boolean,
): boolean {
  const last = splitSentences(before).pop();
  if (!last || last.question) return false;
  // Unpunctuated, the words before must not be a question by form ("has somebody done something
  // to you that you think was not okay" ends on "okay" but asks a yes/no question).
  // A wh- word anywhere in it makes it a question whatever its marks ("cuantas veces ... , ¿de
  // acuerdo?" from speech recognition).
  const asQuestion = decideSentence(last, lex, true);
  if (asQuestion.type === 'directive') return false;
  if (unpunctuated && asQuestion.type === 'option-posing') return false;
  const d = decideSentence(last, lex, false);
  if (d.type === 'suggestive')
    return d.subtype === 'leading-declarative' || d.subtype === 'emotional';
  if (d.type !== 'other' || d.subtype !== 'statement' || !vocab) return false;
  const inContext = statementInContext(d, last.text, text, lex, vocab);
  return inContext.subtype === 'summary' || inContext.subtype === 'leading-declarative';
}

/**
 * An in-situ wh- question ("and then you went where", «y luego te fuiste adónde») states its
 * opening as given: a directive when the child has said it (the child's words, then a wh- slot),
 * suggestive/presumptive when a content word of the opening is not the child's (Lamb et al. 2007:
 * an utterance that assumes undisclosed information is suggestive whatever its form).
 */
function inSituPresumption(
  d: Decision,
  norm: string,
  lex: Lexicon,
  vocab: ChildVocabulary,
): Decision {
  if (d.type !== 'directive') return d;
  for (const sentence of splitSentences(norm)) {
    const m = IN_SITU_WH[lex.language].exec(sentence.text);
    if (!m) continue;
    const opening = sentence.text.slice(0, m.index + m[0].length).replace(IN_SITU_SLOT, '');
    // Stopwords count here: "went" / «fuiste» are the very act the opening takes as given.
    const unsaid = words(opening).find(
      (w) =>
        w.length >= 3 &&
        !lex.functionWords.has(w) &&
        !IN_SITU_NEUTRAL.has(w) &&
        !vocab.stems.has(stem(w, lex.language)),
    );
    if (unsaid) return decide('suggestive', 'presumptive', 'presumptive', unsaid, d.focus);
  }
  return d;
}
// Connectives and the question's own frame words, never details.
const IN_SITU_NEUTRAL: ReadonlySet<string> = new Set([
  'and',
  'then',
  'after',
  'that',
  'next',
  'okay',
  'entonces',
  'luego',
  'despues',
  'pues',
  'bueno',
  'happened',
  'happen',
  'paso',
  'did',
  'was',
  'were',
  'estaba',
  'estabas',
]);
const IN_SITU_SLOT = /\b(?:where|what|who|whom|donde|adonde|que|quien|quienes|cual|cuales)\?*$/;

/**
 * "Piensa en ese día y cuéntame todo, ¿sí?" / "Tell me everything, yeah?": after a request for
 * narrative, "¿sí?" / "yeah?" asks the child to agree to go ahead, like "¿de acuerdo?" (lexicon
 * instructionTag); after a claim ("Te tocó, ¿sí?") it is a tag question and stays one. Hearth's
 * reading (coach18); NICHD codes the request (Lamb et al. 2007).
 */
function withoutAssentAfterRequest(norm: string, lex: Lexicon): string {
  const tag = ASSENT_YES.exec(norm);
  if (!tag || tag.index === 0) return norm;
  const before = norm.slice(0, tag.index);
  const last = splitSentences(before).pop();
  if (!last || last.question) return norm;
  const d = imperativeDecision(last.text.replace(lex.fillers, ''), lex);
  return d?.type === 'invitation' ? before : norm;
}
const ASSENT_YES = /,\s*¿?\s*(?:si|yeah|yes)\?+$/;

/**
 * Two focused questions in one turn ("Where were you? What did he say?", "Where were you and
 * what was he wearing?", "¿Dónde estabas y qué traía puesto?"): the child answers one, and
 * neither the child nor the record shows which. Interviewers are taught to ask one question at
 * a time (Lamb, Brown, Hershkowitz, Orbach & Esplin 2018, Tell Me What Happened; Powell & Snow
 * 2007, Aust Psychol 42:57-65). The code stays that of the riskier question; the verdict warns
 * (verdict.ts). Only wh- and closed questions count: "Tell me what happened and who was there"
 * is one invitation. A question asked twice is asked-and-answered, not compound.
 */
function compound(d: Decision, focused: readonly string[], lex: Lexicon): Decision {
  if (d.type !== 'directive' && d.type !== 'option-posing') return d;
  let second: string | undefined;
  if (focused.length >= 2 && new Set(focused).size >= 2) second = focused[1];
  else {
    const m = focused.length === 1 ? JOINED_QUESTION[lex.language].exec(focused[0] ?? '') : null;
    second = m?.[1];
  }
  if (!second) return d;
  // A further warning keeps its own reason; a warning-free code is told why it now warns.
  const flagged = d.type === 'option-posing' && d.subtype !== 'protocol';
  return flagged
    ? { ...d, compound: second }
    : { ...decide(d.type, d.subtype, 'compound', second, d.focus), compound: second };
}

// A wh- or yes/no question joined by "and" / "y" to a second wh- question (normalised text).
const JOINED_QUESTION: Record<Language, RegExp> = {
  en: /^(?:what|where|who|when|how|why|which|did|do|does|was|were|is|are|had|has|have|could|can)\b.*?,? and ((?:what|where|who|when|how|why|which)(?: else)? (?:did|do|does|was|were|is|are|had|has|have|could|can|would|happened)\b.*)$/,
  es: /^(?:que|quien|quienes|donde|cuando|como|por que|cual|cuantas?|cuantos?)\b.*? y ((?:que|quien|quienes|donde|cuando|como|por que|cual)(?: mas)? (?:te|le|les|lo|la|me|se|paso|hizo|hiciste|dijo|dijiste|estaba|estabas|estaban|era|eran|fue|fuiste|tenia|tenias|traia|traias|llevaba|llevabas|viste|vio|hicieron|dijeron|sentiste|pensaste|hacia|hacias)\b.*)$/,
};

/**
 * Outside the substantive part the coach knows the talk is not about the event: in rapport,
 * ground rules and practice ("Do you have a dog?", "¿Hablan inglés o español en tu casa?", "What
 * grade are you in?") and in the closing ("Did you have a snack before you came?"), a yes/no,
 * choice or (before the substantive part only) wh- question about the child's own life is
 * procedure or rapport, coded other (NICHD revised protocol: introduction, rapport and closing
 * come before and after the substantive phase; Lamb et al. 2018 code only substantive utterances).
 * Anything naming another person, an act, a body part or a label keeps its code, and suggestive
 * forms are never changed. The closing keeps wh- questions (its safety question is a directive).
 */
function outsideSubstantive(
  d: Decision,
  norm: string,
  lex: Lexicon,
  stage: ClassifyContext['stage'],
): Decision {
  if (stage !== 'pre-substantive' && stage !== 'closing') return d;
  // A detail the child has not said stays put to the child in every phase (decision.ts).
  if (d.subtype === 'new-detail') return d;
  const form =
    (d.type === 'option-posing' && d.subtype !== 'protocol') ||
    (stage === 'pre-substantive' && d.type === 'directive' && d.subtype !== 'media');
  if (!form || THIRD_PERSON[lex.language].test(norm) || hasSensitiveDetail(norm, lex)) return d;
  return decide('other', 'procedure', 'procedure', d.cue, d.focus);
}

/**
 * A rapport or narrative-practice invitation ("Tell me about something fun you did at the park",
 * "Cuéntame de algo que hiciste hace poquito y que te gustó mucho"): the revised NICHD protocol
 * asks for these before the allegation (Lamb et al. 2007 appendix; Lamb et al. 2018, rapport and
 * episodic memory training). The neutral place or activity it names is a topic for practice, not
 * an undisclosed detail of the event, so the presumption checks are skipped (issue #16 N-4).
 * Only outside the substantive phase: before it (stage 'pre-substantive') any invitation, and with
 * the stage unknown one that asks what the child likes or enjoys, or about a holiday or special
 * day (coach39: "Tell me everything that happened on Halloween"; lexicon practiceTopics). A
 * rapport prompt may not slip in allegation content: another person, an act, a body part, a label,
 * a bed or bathroom (presumptiveDetails) or a place Hearth excludes (motel...) keeps every check,
 * and so does "tell me more about X", which says the child already talked about X.
 * In the substantive phase and the closing nothing changes.
 */
function practiceInvitation(
  d: Decision,
  norm: string,
  original: string,
  lex: Lexicon,
  stage: ClassifyContext['stage'],
): boolean {
  if (stage === 'substantive' || stage === 'closing') return false;
  if (d.type !== 'invitation' && !(d.type === 'cued-invitation' && d.subtype === 'time-segment'))
    return false;
  // A holiday or special day (lexicon practiceEvents) is the episodic memory training's topic.
  if (stage !== 'pre-substantive' && !lex.rapportMarker.test(norm) && !lex.practiceEvent.test(norm))
    return false;
  // "Tell me more about the car" says the child already talked about it: that claim about the
  // child's words is checked in every phase (assumedTopic).
  if (MORE_ABOUT.test(norm)) return false;
  return (
    !mentionsPerson(norm, original, lex) &&
    !lex.excludedPlace.test(norm) &&
    !hasSensitiveDetail(norm, lex)
  );
}

/**
 * With the phase unknown, a yes/no or choice question about the child's standing likes,
 * preferences or home language (lexicon preferenceMarkers: present tense, never "did you like
 * it", which asks about one event) ("¿Qué te gusta más, el fútbol o los videojuegos?", "Do you speak English or
 * Spanish at home?", "¿Prefieres que te diga Alejandra o Ale?") is rapport or procedure, coded
 * other as outsideSubstantive codes it when the phase is known (NICHD revised protocol rapport;
 * Lamb et al. 2018 code only substantive utterances). The same guards: no other person, no act,
 * body part, label or excluded place (issue #16 N-4: a rapport question must not slip in
 * allegation content), and suggestive forms are never changed.
 */
function rapportChoice(d: Decision, norm: string, original: string, lex: Lexicon): Decision {
  if (d.type !== 'option-posing' || (d.subtype !== 'yes-no' && d.subtype !== 'forced-choice'))
    return d;
  if (!lex.preferenceMarker.test(norm) || mentionsPerson(norm, original, lex)) return d;
  if (lex.excludedPlace.test(norm) || hasSensitiveDetail(norm, lex)) return d;
  return decide('other', 'procedure', 'procedure', d.cue, d.focus);
}

/**
 * Hearth's stricter code for a closed question naming an unsaid abuse-relevant detail
 * (suggestiveDetail, coach41) is about the event only. A rapport or narrative-practice question
 * (what the child likes, a holiday or special day) with no other person in it ("Did you get
 * presents on your birthday?", «¿Fuiste a pie a la fiesta?»), asked before the substantive phase
 * or with the stage unknown, is what the NICHD typology codes it: option-posing/new-detail (Lamb
 * et al. 2007; review28 C2).
 * @param stage the phase the utterance was asked in, when known.
 * @returns the decision, downgraded to option-posing/new-detail outside the event.
 */
function suggestiveDetailOnlyAboutTheEvent(
  d: Decision,
  norm: string,
  original: string,
  lex: Lexicon,
  stage: ClassifyContext['stage'],
): Decision {
  if (d.reasonKey !== 'suggestiveDetail') return d;
  // A question that puts another person to the child ("Did he touch you?", "Did your uncle…")
  // is about the event whatever the phase: asked in rapport it is worse, not better.
  if (mentionsPerson(norm, original, lex)) return d;
  const outside =
    (stage === 'pre-substantive' || stage === undefined) &&
    (lex.rapportMarker.test(norm) || lex.practiceEvent.test(norm));
  return outside
    ? { ...d, type: 'option-posing', subtype: 'new-detail', reasonKey: 'newDetail' }
    : d;
}

/** Another person named (Spanish "él" read in the original, since folding merges it with "el"). */
function mentionsPerson(norm: string, original: string, lex: Lexicon): boolean {
  return lex.language === 'es'
    ? PRACTICE_PERSON_ES.test(norm) || /(?:^|[^\p{L}])él(?![\p{L}])/iu.test(original)
    : THIRD_PERSON.en.test(norm);
}

// Another person in the question ("Did he...", "¿Él te...?", "your uncle"): possibly the event.
const THIRD_PERSON: Record<Language, RegExp> = {
  en: /\b(?:he|she|they|him|her|them|his|hers|their|someone|somebody|anyone|anybody|uncle|aunt|dad|daddy|mom|mommy|father|mother|stepdad|stepmom|brother|sister|cousin|grandpa|grandma|boyfriend|girlfriend|teacher|coach|neighbou?r|man|woman|guy|lady)\b/,
  es: /\b(?:el|ella|ellos|ellas|alguien|nadie|tio|tia|papa|papi|mama|mami|padre|madre|padrastro|madrastra|hermano|hermana|primo|prima|abuelo|abuela|novio|novia|maestro|maestra|vecino|vecina|senor|senora|hombre|muchacho|chavo)\b/,
};
const HEDGE = /\b(?:mas o menos|more or less)\b/g;
const HEDGE_ANYWHERE = new RegExp(HEDGE.source);
// The same persons without "el", which folded Spanish shares with the article (practiceInvitation).
const PRACTICE_PERSON_ES = new RegExp(THIRD_PERSON.es.source.replace('(?:el|', '(?:'));

/**
 * A feeling put to the child ("It sounds like you were scared.", "Parece que tenías miedo.",
 * "Te veo triste.", "You were so scared."): suggestive/emotional unless the child has said that
 * feeling, when it restates the child's words (a facilitator, Lamb et al. 2007). Unknown context
 * cannot show the child said it, so it is flagged. Ahern & Lyon 2013 (ask "How did you feel?").
 * @returns undefined when the utterance names no feeling after such a frame.
 */
function attributedFeeling(
  norm: string,
  lex: Lexicon,
  vocab: ChildVocabulary | undefined,
): Decision | undefined {
  // Early exit before any splitting or allocation: most utterances have no feeling frame at all.
  if (!lex.emotionAttribution.test(norm) && !lex.emotionalStatementAnywhere.test(norm))
    return undefined;
  for (const sentence of splitSentences(norm)) {
    const s = sentence.text.replace(lex.fillers, '');
    // "¿Tenías miedo?" asks whether the child felt it, like "Were you scared?": a yes/no question
    // (option-posing, Lamb et al. 2007), not the feeling stated for the child. Spanish marks the
    // question only by "¿…?", so only the statement form is an attribution; "Parece que…" frames
    // attribute the feeling even when asked.
    const frame =
      lex.emotionAttribution.exec(s) ??
      (sentence.question && !lex.questionTag.test(sentence.text)
        ? null
        : lex.emotionalStatement.exec(s));
    if (!frame) continue;
    const after = s.slice(frame.index);
    const afterWords = words(after);
    const feelings = afterWords.filter((w) => lex.feelingStems.has(stem(w, lex.language)));
    // "It sounds like that was really hard for you": difficulty acknowledged, no emotion named
    // (lexicon difficultyWords): non-suggestive support, coded as a facilitator.
    if (feelings.length === 0) {
      if (afterWords.some((w) => lex.difficultyStems.has(stem(w, lex.language))))
        return decide('facilitator', 'acknowledgement', 'facilitator', s, s);
      continue;
    }
    const unsaid = vocab
      ? feelings.filter((w) => !vocab.stems.has(stem(w, lex.language)))
      : feelings;
    if (unsaid.length === 0) return decide('facilitator', 'summary', 'summary', '', s);
    return decide('suggestive', 'emotional', 'emotional', unsaid[0] ?? frame[0], s);
  }
  return undefined;
}

/**
 * With the child's words unknown, a filled scripted cued invitation whose fill could not be
 * checked ("Tell me about the last time [he hit you]", "Cuéntame qué quiere decir [cosita]") is
 * coded by its form, the kind the plan declares (cued invitation), instead of the plain
 * invitation or wh- directive the ordinary rules would give it (practitioner review 5, N9). No
 * verdict changes: both are warning-free, and nothing is checked that could not be before; the
 * reason says that the child's words could not be checked.
 */
function declaredForm(d: Decision, norm: string, lex: Lexicon, bracketed: boolean): Decision {
  if (d.type !== 'invitation' && !(d.type === 'directive' && d.subtype === 'wh')) return d;
  const line = scriptedLineOf(norm, lex.language, bracketed);
  if (line?.kind !== 'cued-invitation' || line.teamInformation) return d;
  // "Tell me about the things you like to do" / «Cuéntame de las cosas que te gusta hacer»: the
  // slot holds the NICHD rapport topic (lexicon rapportMarkers), not a detail the child said:
  // the protocol's rapport invitation (Lamb et al. 2007, appendix; revised NICHD 2014; coach35).
  if (
    d.type === 'invitation' &&
    lex.rapportMarker.test(norm) &&
    !mentionsPerson(norm, norm, lex) &&
    !hasSensitiveDetail(norm, lex)
  )
    return d;
  // The reason may not say the prompt reuses the child's words: none are known (audit 19c, B19c-10).
  return decide('cued-invitation', 'child-words', 'cuedUnchecked', d.cue, d.focus);
}

/** Any non-suggestive form that uses a doll, body diagram or drawing takes the media subtype. */
function withMedia(d: Decision, cue: string): Decision {
  if (d.type === 'suggestive') return d;
  const type = d.type === 'facilitator' || d.type === 'other' ? 'directive' : d.type;
  return decide(type, 'media', 'media', cue, d.focus);
}

// The confrontation pattern's "you told your teacher that he..." (lexicon techniques).
const TOLD_SOMEONE_THAT = /\byou (?:told|said to) (?:your|the|my) \w+ that (?:he|she)$/;

/**
 * The reason for a claimed account (review25 F17): the direct putative confession when the one
 * who told is the suspect (a pronoun, «él», no subject at all, or a person the child has said did
 * something to them: Lyon, Wandrey, Ahern, Licht, Sim & Quas 2014, Child Development
 * 85:1756-1769), otherwise other people's information, the co-witness technique (Garven, Wood,
 * Malpass & Shaw 1998): "Your mom told me what happened" reports a witness, not a confession.
 */
function confessionReason(
  norm: string,
  claimed: string,
  lex: Lexicon,
  vocab: ChildVocabulary | undefined,
): 'claimedConfession' | 'coWitness' {
  const teller = tellerOf(norm, claimed, lex.language);
  if (teller === undefined || !lex.personStems.has(stem(teller, lex.language)))
    return 'claimedConfession';
  const actor = new RegExp(`\\b${teller}\\b.*\\b${lex.language === 'en' ? '(?:me|my)' : 'me'}\\b`);
  return vocab?.turns.some((t) => actor.test(t)) ? 'claimedConfession' : 'coWitness';
}

/** Whether a child turn holds the stereotype label's adjective ("bad" of "the bad man"). */
function childUsedAdjective(label: string, vocab: ChildVocabulary | undefined): boolean {
  if (!vocab) return false;
  const adjectives = label.split(' ').filter((w) => STEREOTYPE_ADJECTIVE.test(w));
  return vocab.turns.some((t) => adjectives.some((a) => new RegExp(`\\b${a}\\b`).test(t)));
}
const STEREOTYPE_ADJECTIVE =
  /^(?:bad|mean|nasty|evil|scary|creepy|naughty|mal[oa]s?|malvad[oa]|fe[oa]|cochin[oa])$/;

/** Cues that make a whole turn suggestive wherever they appear (Garven et al. 1998 taxonomy). */
function wholeUtteranceTechnique(
  norm: string,
  lex: Lexicon,
  vocab: ChildVocabulary | undefined,
): Decision | undefined {
  // A stereotype ("everyone knows he's a bad man") is named as such, not as a co-witness.
  // "You said he was mean. Tell me more about that." after the child said "he was mean to me"
  // quotes the child back (a cued invitation, Lamb et al. 2007), not a stereotype the interviewer
  // offers: it passes only when the quoted words are the child's own.
  const stereotype = execGated(lex.stereotype, norm);
  if (stereotype && !quotesChildBack(norm, stereotype, lex, vocab))
    return decide('suggestive', 'stereotype', 'stereotype', stereotype[0], norm);
  // "Can you show me where the bad man touched you?": the label tells the child what the suspect
  // is (Leichtman & Ceci 1995; Garven et al. 1998), whatever form the question has, unless the
  // child has called someone that (the adjective is in a child turn). With unknown child words it
  // is flagged, as labels are.
  const stereotypeLabel = lex.stereotypeLabel.exec(norm);
  if (stereotypeLabel && !childUsedAdjective(stereotypeLabel[0], vocab))
    return decide('suggestive', 'stereotype', 'stereotype', stereotypeLabel[0], norm);
  // "Last time you started to tell me…" / "…too scared to tell me. Are you ready now?" presume a
  // disclosure the child held back and press for it (Hershkowitz et al. 2021 and Blasbalg et al.
  // 2020: a later session is supportive and does not press). Only the child's own words (any
  // session) saying they were scared or wanted to tell can show it.
  const withheld = WITHHELD_DISCLOSURE.exec(norm);
  if (withheld && !vocab?.turns.some((t) => CHILD_HELD_BACK.test(t)))
    return decide('suggestive', 'presumptive', 'presumptive', withheld[0], norm);
  const heard = HEARD_CHILD_TOLD.exec(norm);
  if (heard && !unsaidLabel(norm, vocab, lex) && !hasSensitiveDetail(norm, lex))
    return decide('cued-invitation', 'team-information', 'teamInformation', heard[0], norm);
  // "I heard someone has been bothering you. Tell me everything about that." names no act and no
  // suspect: the NICHD graded transition's team information with its invitation (P19-6).
  const bothered = HEARD_BOTHERED.exec(norm);
  if (bothered && TELL_ABOUT_THAT.test(norm.slice(bothered[0].length)))
    return decide('cued-invitation', 'team-information', 'teamInformation', bothered[0], norm);
  // "He told me everything that happened" / "Él ya confesó": a direct putative confession, which
  // asserts what the interviewer may not have (claimed-confession.ts; P9-3). Said back in the
  // child's own words it is the child's account, restated, as for a co-witness below.
  const claimed = claimedConfession(norm, lex.language);
  if (claimed && !(vocab && echoesChild(claimed, vocab, lex.language)))
    return decide(
      'suggestive',
      'co-witness',
      confessionReason(norm, claimed, lex, vocab),
      claimed,
      norm,
    );
  const coWitness = execGated(lex.coWitness, norm);
  // Said back in the child's own words ("They took pictures." after "they took pictures at the
  // party"), another person's account is the child's, restated: NICHD codes a restatement as a
  // facilitator (Lamb et al. 2007), so it goes on to the statement check below.
  if (coWitness && !(vocab && echoesChild(coWitness[0], vocab, lex.language))) {
    // "Your teacher told me you talked to her. Tell me what you told her." reports only that the
    // child told someone: the NICHD graded transition prompt built on the team's information
    // (Lamb et al. 2007, appendix; Hershkowitz et al. 2014), not another person's account.
    const rest = norm.slice(coWitness.index + coWitness[0].length);
    if (CHILD_TOLD.test(rest) && !unsaidLabel(rest, vocab, lex) && !hasSensitiveDetail(rest, lex))
      return decide('cued-invitation', 'team-information', 'teamInformation', coWitness[0], norm);
    return decide('suggestive', 'co-witness', 'coWitness', coWitness[0], norm);
  }
  // Praise for telling ("Good girl for telling me what he did", «Qué valiente por contarme lo que
  // te hizo») is named as such before other pressure: Garven et al. 2000's positive consequences.
  // Thanks for effort ("Thank you for telling me", NICHD closing) carry no praise and pass.
  // Praise that names no content ("You're doing a great job telling me things") is the revised
  // protocol's non-suggestive support (Hershkowitz et al. 2014), not reinforcement: it goes on.
  // It is coded as other support is, with the caution that support stays general.
  const praise = techniqueMatch(lex, 'praise', norm);
  // Support for effort is recommended as it is, with no other question offered (review25 F12).
  if (praise && praisesEffortOnly(norm, praise, lex))
    return decide('other', 'statement', 'effortSupport', praise, norm);
  if (praise) return decide('suggestive', 'pressure', 'praise', praise, norm);
  const pressure = execGated(lex.pressure, norm);
  if (pressure) return decide('suggestive', 'pressure', 'pressure', pressure[0], norm);
  // "Is your sister lying?", "Is she telling the truth?", «¿Quién miente?»: one code for every
  // wording and polarity, Hearth's (truth-judgement.ts, coach43).
  const judged = truthJudgement(norm, lex.language);
  if (judged) return judged;
  for (const [key, pattern] of lex.techniques) {
    if (key === 'stereotype' || key === 'praise') continue; // tested above
    const m = execGated(pattern, norm);
    if (!m || QUOTING_CHILD.test(norm.slice(Math.max(0, m.index - 24), m.index))) continue;
    // "You told your mom that he touched you." with the child's words known is a summary of them
    // or other people's information, which the statement check decides: a cued invitation when
    // the child said both the telling and the act, suggestive otherwise (coach38; Garven et al.
    // 1998). With no context it stays the confrontation it may be.
    if (key === 'confrontation' && vocab && TOLD_SOMEONE_THAT.test(m[0])) continue;
    // "It was not your fault." on its own is non-substantive support: not suggestive, but coded
    // with a caution (review 3, m3). Support that names the act or promises an outcome stays.
    if (key === 'reassurance' && praisesEffortOnly(norm, m[0], lex))
      return decide('other', 'statement', 'effortSupport', m[0], norm);
    if (key === 'reassurance' && FAULT_ONLY.test(norm))
      return decide('other', 'reassurance', 'reassuranceCaution', m[0], norm);
    return decide('suggestive', TECHNIQUE_SUBTYPE[key], key, m[0], norm);
  }
  const emotional = execGated(lex.emotional, norm);
  if (emotional) return decide('suggestive', 'emotional', 'emotional', emotional[0], norm);
  // The same question twice in one turn ("Did he touch you? Did he touch you?") asks again
  // what the child has not yet answered the first time: repetition (Garven et al. 1998).
  const repeated = repeatedQuestion(norm);
  if (repeated) return decide('suggestive', 'asked-answered', 'askedAnswered', repeated, norm);
  const label = unsaidLabel(norm, vocab, lex);
  if (label) return decide('suggestive', 'label', 'label', label, norm);
  return undefined;
}

// The interviewer attributes a held-back disclosure to the child (review 6, C10).
/** The NICHD graded transition about a caregiver's worry, en and es (normalised text). */
const CAREGIVER_WORRIED =
  /\b(?:is|are) .{1,60} worried about you\b|\ba .{1,60} le preocupa algo de ti\b|\besta (?:preocupad[oa]|preocupado o preocupada) por ti\b/;

const WITHHELD_DISCLOSURE =
  /\b(?:you (?:started|began|were starting|were going|wanted|tried) to (?:tell|say|talk)|you (?:were|got|felt) (?:too |so |really |very )?(?:scared|afraid|nervous|shy|embarrassed) to (?:tell|say|talk)|(?:are|were) you ready (?:now |yet )?to (?:tell|talk about it|say)|ready to tell me (?:now|the rest|everything)|(?:empezaste|comenzaste|ibas|querias|intentaste|trataste) a? ?(?:de )?(?:contarme|decirme|platicarme|hablarme)|(?:tenias|te dio|sentias) (?:mucho |tanto |un poco de )?(?:miedo|pena|verguenza) (?:de|para) (?:contarme|decirme|platicarme|hablar)|(?:ya )?estas list[oa] para (?:contarme|decirme|platicarme|hablar de eso))/;
// The child's own words that they held something back or were afraid to tell.
const CHILD_HELD_BACK =
  /\b(?:(?:scared|afraid|nervous|embarrassed) to (?:tell|say|talk)|(?:didn'?t|don'?t|did not|do not) want to (?:tell|say|talk)|wanted to tell|i'?ll tell (?:you )?(?:(?:the |about )?(?:rest|more|other (?:stuff|things)|it|that) )?(?:next time|later|another (?:time|day))|(?:miedo|pena|verguenza) de (?:contar|decir|hablar)|no (?:queria|quiero) (?:contar|decir|hablar)|(?:queria|quiero) contarte|(?:te|le|les) (?:cuento|digo|platico) (?:(?:lo demas|lo otro|mas|eso) )?(?:la otra vez|otra vez|otro dia|despues|luego)|(?:luego|despues|otro dia|la otra vez|otra vez) (?:te|le|les) (?:cuento|digo|platico))/;

// After "your teacher told me": only that the child told or talked to someone (and about nothing
// named), then the end of the sentence.
const CHILD_TOLD =
  /^\s*(?:that |que )?(?:you (?:told|talked to|talked with|spoke to|spoke with|said something to|were talking to)|(?:le |les |me )?(?:contaste|dijiste|platicaste|hablaste con|estuviste hablando con)) (?:her|him|them|someone|somebody|something|some things|ella|el|ellos|alguien|algo|algunas cosas)(?: (?:something|some things|about something|algo|algunas cosas))?(?: (?:last week|yesterday|today|at school|la semana pasada|ayer|hoy|en la escuela))?\s*(?:[.!;]|$)/;

// "I heard (that) you talked to your counselor ..." / "Supe que hablaste con tu maestra ...": the
// NICHD transition prompt that names whom the child told (team information).
const HEARD_CHILD_TOLD =
  /^(?:i (?:heard|understand|was told|know)|(?:me )?(?:entere|dijeron|contaron)|supe|tengo entendido)(?: (?:that|de que|que))? (?:you (?:talked|told|spoke|said something)|(?:le |les )?(?:hablaste|contaste|platicaste|dijiste algo))\b/;

// "I heard (that) someone has been bothering you" / "Escuché que alguien te ha estado molestando":
// the team's information of the NICHD graded transition (NICHD revised protocol 2014, transition;
// Lamb et al. 2018), with no act and no suspect (P19-6). Hearth's wording list.
const HEARD_BOTHERED =
  /^(?:i (?:heard|understand|was told)|(?:me )?(?:entere|dijeron|contaron)|escuche|supe|tengo entendido)(?: (?:that|de que|que))? (?:someone|somebody|alguien) (?:(?:has|had) been|was|is|(?:te )?(?:ha|habia) estado|(?:te )?estaba|(?:te )?esta) (?:bothering|(?:molestando|fastidiando)(?:te)?)(?: you)?\b/;
// Nothing after it but "Tell me (everything) about that" / "Cuéntame (todo) sobre eso".
const TELL_ABOUT_THAT =
  /^[.,;!]?\s*(?:(?:tell me|cuentame|platicame)(?: (?:everything|all|todo))?(?: (?:about|sobre|de|acerca de) (?:that|it|eso))?[.!]?)?\s*$/;

// "What if I said that ..." / "¿Y si te dijera que ...?": the hypothetical form of the putative
// confession (Lyon, Wandrey, Ahern, Licht, Sim & Quas 2014, Child Dev 85:1756-1769; Stolzenberg,
// McWilliams & Lyon 2017, Child Maltreat 22:167-173), a Ten Step option.
const HYPOTHETICAL_CONFESSION =
  /^(?:(?:and|so|now|y|ahora|bueno) )?(?:what if i (?:said|told you|say|tell you)|(?:y )?(?:que pasaria )?si te (?:dijera|digo|contara|cuento))(?: that| que)? /;

/**
 * The hypothetical putative confession, coded other/putative-confession with a caution: it needs
 * the team's recorded decision for this interview (src/protocols ten-step.ts). One that names an
 * act, body part or object the child has not said, or a label, is not the protocol's form and is
 * left to the ordinary rules (co-witness, presumptive).
 */
function putativeConfession(
  norm: string,
  lex: Lexicon,
  vocab: ChildVocabulary | undefined,
): Decision | undefined {
  const m = HYPOTHETICAL_CONFESSION.exec(norm.replace(/^[¿¡]\s*/, ''));
  if (!m) return undefined;
  const rest = norm.replace(/^[¿¡]\s*/, '').slice(m[0].length);
  // «Si te digo que mis zapatos son rojos, ¿eso es verdad o mentira?»: the true/not-true practice
  // of the ground rules (NICHD revised 2014; ABE 2022), whatever other neutral claim it makes, when
  // it asks "truth or lie" about it and names no other person: the protocol's option-posing
  // question, as in English. The putative confession reports another person's account (Lyon,
  // Wandrey, Ahern, Licht, Sim & Quas 2014, Child Development 85:1756-1769), never a colour.
  // "What if I said you were a two-year-old boy?" / «¿Y si te digo que estás parada?»: the NICHD
  // ground-rule practice (NICHD revised 2014, ground rules: "If I said that you are standing up,
  // would that be true?"; the same practice in the Ten Step and NCAC scripts), not a confession.
  // About the child or the interviewer in the room, naming nothing sensitive.
  if (GROUND_RULE_PRACTICE.test(rest) && !hasSensitiveDetail(rest, lex))
    return decide('other', 'ground-rule', 'groundRule', m[0].trim(), norm);
  if (!mentionsPerson(rest, rest, lex)) {
    const practice = protocolQuestion(norm.replace(/^[¿¡]\s*/, ''), lex);
    if (practice) return practice;
  }
  const known = vocab ?? childVocabulary(NO_WORDS, lex);
  if (unsaidLabel(rest, vocab, lex) || unsaidDetail(rest, known, lex, DETAILS_ONLY))
    return undefined;
  return decide('other', 'putative-confession', 'putativeConfession', m[0].trim(), norm);
}
const NO_WORDS: readonly string[] = [];
// What a ground-rule practice item says after "if I said (that)": the child or the interviewer
// here and now (their age, name, place, posture, clothes' colour), normalised.
const GROUND_RULE_PRACTICE =
  /^(?:(?:you(?:'re| are| were)|you'?re|i(?:'m| am| was)|(?:my|your) (?:name|dog|cat|shirt|hair|age)|(?:this|the) (?:room|wall|ceiling|floor|chair|table|sky|door|window)|(?:it'?s|it is) (?:raining|snowing|night|dark|nighttime)|eres|estas|estabas|soy|estoy|era|me llamo|te llamas|tienes|tengo|(?:mi|tu) (?:nombre|perro|gato|camisa|pelo|edad)|(?:este|el|la) (?:cuarto|pared|techo|piso|silla|mesa|cielo|puerta|ventana)|(?:esta|es de) (?:lloviendo|nevando|noche))\b)/;

/**
 * "From the time you woke up until you went to bed" / «desde que te despertaste hasta que te
 * dormiste»: a segment whose two bounds are both the child's daily routine (lexicon
 * practiceTopics.routineAnchors) refocuses on no detail the child mentioned. It is the NICHD
 * episodic-memory training invitation ("Tell me everything that happened yesterday, from the time
 * you woke up until you went to bed": Lamb et al. 2007, appendix; revised NICHD 2014), coded
 * an invitation like "Tell me everything that happened" (coach35). A segment with one bound
 * from the event ("from the time he picked you up until you got home") stays a cued invitation.
 */
function routineSegment(segment: string, lex: Lexicon): boolean {
  const until = SEGMENT_END.exec(segment);
  if (!until) return false;
  const from = segment.slice(0, until.index);
  const to = segment.slice(until.index);
  lex.routineAnchor.lastIndex = 0;
  const first = lex.routineAnchor.test(from);
  lex.routineAnchor.lastIndex = 0;
  const second = lex.routineAnchor.test(to);
  lex.routineAnchor.lastIndex = 0;
  // Both bounds must be the child's own routine, said in the second person ("you woke up", «te
  // despertaste», «llegaste»): "from the time he came home" is a bound from the event (review23).
  return first && second && CHILD_BOUND.test(from) && CHILD_BOUND.test(to);
}
const SEGMENT_END = /\b(?:until|till|til|up to|hasta)\b/;
const CHILD_BOUND = /\byou\b|\bte\b|\b\w+(?:aste|iste)\b/;

const WHOLE_EVENT =
  /\bfrom the (?:very )?(?:beginning|start) (?:to|until|till|up to) the (?:very )?end\b|\bdesde el (?:mero )?(?:principio|comienzo|inicio) hasta el (?:final|fin)\b/;
const NONE_SAID: readonly string[] = [];
const GUIDANCE_QUOTE = /:\s*["“][^"”]{1,300}["”]/;
const FIRST_QUOTE = /["“]([^"”]{1,300})["”]/;
function repeatedQuestion(norm: string): string | undefined {
  // Two question sentences need at least two "?" / "¿" marks: most turns exit here, unsplit.
  const first = norm.search(QUESTION_MARK);
  if (first < 0 || norm.slice(first + 1).search(QUESTION_MARK) < 0) return undefined;
  const seen = new Set<string>();
  for (const sentence of splitSentences(norm)) {
    if (!sentence.question || sentence.text.split(' ').length < 2) continue;
    if (seen.has(sentence.text)) return sentence.text;
    seen.add(sentence.text);
  }
  return undefined;
}

const QUESTION_MARK = /[?¿]/;
const BRACKETED = /\[[^\]]{0,200}\]/g;
const PLACEHOLDER: Record<Language, string> = { en: 'that', es: 'eso' };

/** The match follows "you said (that)" and, with the child's words known, restates them. */
function quotesChildBack(
  norm: string,
  m: RegExpExecArray,
  lex: Lexicon,
  vocab: ChildVocabulary | undefined,
): boolean {
  if (!QUOTING_CHILD.test(norm.slice(Math.max(0, m.index - 24), m.index))) return false;
  // With the child's words unknown the quote cannot be checked; it is taken as the child's, as a
  // "you said ..." cued invitation is elsewhere (Lamb et al. 2007: cued invitations).
  if (!vocab) return true;
  return echoesChild(m[0], vocab, lex.language);
}

// A cleft question: "was it X that/who ...", "¿fue X el que / quien ...?" (normalised text).
const CLEFT =
  /^(?:was|is|were) it (?:[a-z']+ ){1,4}?(?:that|who|which) (.+)$|^¿?(?:fue|era|es) (?:[a-z]+ ){1,4}?(?:(?:el|la|los|las) que|quien|quienes) (.+)$/;

// "You said (that) he was mean": the words are the child's, quoted back.
const QUOTING_CHILD =
  /(?:you (?:said|told me|mentioned)|(?:me )?(?:dijiste|contaste|mencionaste))(?: that| que)?\s*$/;

/** The cue of one technique's patterns in `norm`, unless it follows "you said" (the child's). */
function techniqueMatch(lex: Lexicon, key: TechniqueKey, norm: string): string | undefined {
  const pattern = lex.techniques.find(([k]) => k === key)?.[1];
  const m = pattern ? execGated(pattern, norm) : null;
  if (!m || QUOTING_CHILD.test(norm.slice(Math.max(0, m.index - 24), m.index))) return undefined;
  return m[0];
}

/**
 * Whether a praise match (`cue`, as techniqueMatch returned it from `norm`) is followed only by an
 * ending that names no content (lexicon praiseEffortTails): praise of effort, which the NICHD
 * revised protocol counts as support (Hershkowitz, Lamb & Katz 2014), not reinforcement.
 */
function praisesEffortOnly(norm: string, cue: string, lex: Lexicon): boolean {
  const at = norm.indexOf(cue);
  return at >= 0 && lex.praiseEffortTail.test(norm.slice(at + cue.length));
}

const TECHNIQUE_SUBTYPE = {
  askedAnswered: 'asked-answered',
  praise: 'pressure',
  speculation: 'speculation',
  stereotype: 'stereotype',
  confrontation: 'confrontation',
  reassurance: 'reassurance',
  blaming: 'blaming',
} as const;

// "(It) was not your fault." / "No fue tu culpa." and nothing after it.
const FAULT_ONLY =
  /^(?:(?:it|this|that) (?:was|is|wasn'?t|isn'?t) (?:not )?your fault|no (?:fue|es) (?:tu|su) culpa)[.!]?$/;

const ALL_KINDS: ReadonlySet<DetailKind> = new Set(['detail', 'person', 'place', 'name']);
const DETAILS_ONLY: ReadonlySet<DetailKind> = new Set(['detail']);
// A wh- directive takes the categories' content nouns as given too (coach37; vocabulary.ts).
const WH_KINDS: ReadonlySet<DetailKind> = new Set([...ALL_KINDS, 'asserted']);
// Closed questions also put the closed-only details to the child (lexicon closedOnlyDetails).
// Closed questions put the lexicon's categories of detail to the child too (coach30, P19-2).
const CHOICE_KINDS: ReadonlySet<DetailKind> = new Set(['detail', 'closed', 'category']);
const YES_NO_KINDS: ReadonlySet<DetailKind> = new Set([
  'detail',
  'person',
  'place',
  'closed',
  'category',
]);

/**
 * A closed question's unsaid details (`named`, comma-separated): suggestive/new-detail when the
 * child has spoken and one of them is abuse-relevant (an act, body part, object of harm, person,
 * money, pictures, gift, secrecy; suggestive-detail.ts, coach41, issue #16 item 2: Lamb et al.
 * 2007 code as suggestive what assumes details not revealed by the child), else
 * option-posing/new-detail (neutral details, the child's own pain, no child words yet).
 */
function newDetail(
  named: string,
  norm: string,
  original: string,
  lex: Lexicon,
  vocab: ChildVocabulary,
  childWords: readonly string[] | undefined,
  focus: string,
): Decision {
  const relevant = childHasSpoken(childWords)
    ? abuseRelevantDetails(named, norm, original, lex, vocab)
    : [];
  return relevant.length > 0
    ? decide('suggestive', 'new-detail', 'suggestiveDetail', named, focus)
    : decide('option-posing', 'new-detail', 'newDetail', named, focus);
}

/**
 * The context-aware part: what the utterance assumes that the child has not said.
 * Invitations, directives, faux invitations and statements may not introduce any person, act,
 * object, body part or place; a yes/no or choice question that introduces an act, body part or
 * object is option-posing/new-detail, unless its frame takes the detail as given (leadingFrame):
suggestive (Lamb et al. 2007). Statements in the child's own words are summaries.
 */
function withContext(
  d: Decision,
  norm: string,
  original: string,
  lex: Lexicon,
  vocab: ChildVocabulary,
  childWords?: readonly string[],
): Decision {
  // Statements and summaries were checked sentence by sentence (statements.ts).
  if (d.type === 'suggestive' || d.type === 'facilitator' || d.type === 'other') return d;
  if (d.subtype === 'protocol') return d;
  // "He pushed you?" after "he pushed me": the child's words said back with a rising tone are a
  // restatement, which NICHD codes as a facilitator (Lamb et al. 2007), not a new yes/no question.
  // Spanish has no "did": "¿Tu tío te pegó con el cinturón?" after "mi tío me pegó con el
  // cinturón" is the child's clause in the child's order, said back as "Your uncle hit you with a
  // belt?" is, and "¿Así que tu tío te pegó...?" as "So your uncle hit you...?" (the opener may
  // follow "¿"). The inverted yes/no question "¿Te pegó tu tío con el cinturón?", like "Did your
  // uncle hit you with a belt?", is not the child's order and stays option-posing (P19-8).
  if (
    d.type === 'option-posing' &&
    (d.subtype === 'yes-no' || d.subtype === 'declarative') &&
    (echoesChild(
      norm.replace(lex.fillers, '').replace(RESTATEMENT_OPENER, ''),
      vocab,
      lex.language,
    ) ||
      echoedWord(norm, vocab, lex))
  )
    return decide('facilitator', 'summary', 'summary', '', d.focus);
  // "¿Que era un secreto?" after "me dijo que era un secreto": an unaccented "que" (that, not
  // "qué", what) opens the child's clause said back with a rising tone, a restatement (Lamb et
  // al. 2007), not a wh- question. Only the spelling as typed tells the two apart (coach25).
  if (
    lex.language === 'es' &&
    d.type === 'directive' &&
    ECHOED_CLAUSE.test(original) &&
    echoesChild(norm.replace(/^¿?\s*que\s+/, '').replace(/[?.!]+$/, ''), vocab, lex.language)
  )
    return decide('facilitator', 'summary', 'summary', '', d.focus);
  // "Tell me if your sister was home" is a yes/no question in invitation dress (Henderson and
  // colleagues on faux invitations): checked like a yes/no question, where a person or place
  // raised by the question is asked about, not assumed (Lamb et al. 2007). "Can you tell me what
  // she did?" wraps a wh- question and assumes what a wh- question assumes.
  const open =
    d.type === 'invitation' ||
    d.type === 'cued-invitation' ||
    d.type === 'directive' ||
    (d.subtype === 'faux-invitation' && d.reasonKey !== 'tellIf');
  // A wh- question or invitation about "telling" presumes a secrecy instruction the child has not
  // reported (Garven et al. 1998); a yes/no question asking whether there was one stays
  // option-posing (Lamb et al. 2007). "About telling [someone the child named]" asks about the
  // child's own disclosure: the person told is the child's word.
  const secrecy = open && d.subtype !== 'faux-invitation' ? lex.secrecyTopic.exec(norm) : null;
  const toldWhom = secrecy ? norm.slice(secrecy.index + secrecy[0].length).trim() : '';
  if (
    secrecy &&
    !saidAny(vocab, lex.secrecyStems) &&
    (toldWhom === '' || reusedChildWord(toldWhom, vocab, lex) === undefined)
  )
    return decide('suggestive', 'presumptive', 'presumptive', secrecy[0], d.focus);
  // "What's your teacher's name?" asks for the name of an everyday role in the child's life
  // (rapport; Sternberg et al. 1997): it presumes no suspect, so the person check is skipped. The
  // act, object and body-part checks still apply.
  // "Do you remember that he touched you?": the factive frame presupposes its clause.
  const factive = d.subtype === 'faux-invitation' && lex.factive.test(original.toLowerCase());
  const presumes = (cue: string): Decision =>
    decide('suggestive', 'presumptive', factive ? 'factive' : 'presumptive', cue, d.focus);
  const presumesPerson = (cue: string): Decision =>
    decide('suggestive', 'presumptive', 'presumedPerson', cue, d.focus);
  // Hearth's rule covers people and places too (practitioner review 6, C6): "Was it your dad?" /
  // "¿Fue en la casa de tu tío?" put the suspect or the place to the child, the most consequential
  // details an interviewer can introduce. Names are checked in open prompts only (a capitalised
  // word in a yes/no question is often the child's own name or a pet's). The options of a choice
  // question are offered by definition (below): only details are checked in what it takes as given.
  // The NICHD graded transition "Is [caregiver] worried about you?" names the caregiver from the
  // team's information by design (NICHD revised 2014, transition): the person is not checked.
  // "Tell me if it was over or under your clothes" offers its options as a choice question does.
  const offersChoice =
    d.subtype === 'forced-choice' || (d.reasonKey === 'tellIf' && lex.choice.test(norm));
  const kinds = open
    ? asksEverydayName(norm, lex) || asksWhereabouts(norm, lex)
      ? NAME_KINDS
      : d.type === 'directive'
        ? WH_KINDS
        : ALL_KINDS
    : offersChoice || CAREGIVER_WORRIED.test(norm)
      ? CHOICE_KINDS
      : YES_NO_KINDS;
  // The options of a choice question ("over or under your clothes") are what option-posing offers
  // by definition (Lamb et al. 2007: the child is asked to select an interviewer-given option);
  // what the question takes as given outside them is still checked.
  const checked = offersChoice ? withoutAlternatives(norm) : norm;
  const found = unsaidDetail(checked, vocab, lex, kinds, open ? original : undefined);
  const detail = found && asksWhichRoom(norm, found, vocab, lex) ? undefined : found;
  // The options themselves are put to the child as a yes/no question puts its detail (P19-1).
  const offered = offersChoice && d.type === 'option-posing' ? unsaidOptions(norm, vocab, lex) : '';
  // "Was it his finger that went inside?" / "¿Fue su dedo el que entró?": a cleft question offers
  // its focus as the option but takes its relative clause as given (the presupposition of a
  // cleft); a clause the child has not said is assumed information (Lamb et al. 2007), a leading
  // frame whether or not its focus is a new detail too.
  if (d.type === 'option-posing') {
    const cleft = CLEFT.exec(norm);
    const clause = cleft?.[1] ?? cleft?.[2];
    if (clause) {
      const assumed = presupposedUnsaid(clause, clause, vocab, lex, true);
      if (assumed.length > 0) return presumes(assumed.join(', '));
    }
  }
  if (detail) {
    // A yes/no or choice question that asks about a detail the child has not said is
    // option-posing/new-detail, "avoid" (NICHD typology, Lamb et al. 2007; decision.ts): it asks
    // the child to affirm, negate or choose without implying which. A frame that takes the detail
    // as given (leadingFrame) puts it to the child as fact: suggestive/presumptive.
    if (factive) return presumes(detail);
    if (d.type === 'option-posing') {
      const details = allNewDetails(detail, checked, vocab, lex);
      // A choice question's options were taken out (withoutAlternatives): an act, body part or
      // object left is what the choice takes as given ("Did he hit you with a belt or a stick?");
      // clothes are put to the child, not presupposed ("Were your clothes on or off?").
      // "What else did he do to you" inside a closed question presumes acts (MORE_ACTS).
      const given =
        (offersChoice && unsaidDetail(checked, vocab, lex, DETAILS_ONLY) !== undefined) ||
        leadingFrame(d, norm, lex) ||
        MORE_ACTS.test(checked) ||
        detailInTimeClause(checked, vocab, lex, kinds) ||
        detailInEmbeddedWh(checked, vocab, lex, kinds) ||
        presupposedAct(norm, vocab, lex);
      const named = offered ? `${details}, ${offered}` : details;
      if (given) return decide('suggestive', 'presumptive', 'presumptive', details, d.focus);
      return newDetail(named, norm, original, lex, vocab, childWords, d.focus);
    }
    // "¿Cuántos años tenías cuando él cerró la puerta?": a noun found only as a category detail
    // of a wh- question (coach37's 'asserted') that is one of the unsaid words of a time clause
    // taken as given: the cue names them all (assumedTopic), as it did before coach38 listed the
    // door. Details of the other kinds keep their own cue.
    const topic =
      kinds === WH_KINDS &&
      unsaidDetail(checked, vocab, lex, ALL_KINDS, open ? original : undefined) === undefined
        ? assumedTopic(norm, vocab, lex)
        : [];
    const cue = topic.includes(detail) ? topic.join(', ') : detail;
    return decide('suggestive', 'presumptive', 'presumptive', cue, d.focus);
  }
  // "Did he hurt you with a knife or a stick?" after "he hurt me": a menu of details the child has
  // not said is option-posing that introduces them, the worst case of it rather than a milder
  // one (Lamb et al. 2007: option-posing asks the child to select an interviewer-given option;
  // Ceci & Bruck 1993 on details taken up). Options the child has said ("a belt or a stick"
  // after "a belt and a stick") and the protocol's own choice (subtype 'protocol', returned
  // above) stay forced-choice.
  if (offered) {
    // "Did he use his hand or something else to touch you?" after "he was mean": the choice is
    // offered, the act it is a choice about is taken as given (presupposedAct).
    const act = presupposedAct(norm, vocab, lex)
      ? unsaidDetail(norm, vocab, lex, DETAILS_ONLY)
      : undefined;
    if (act) return decide('suggestive', 'presumptive', 'presumptive', act, d.focus);
    return newDetail(offered, norm, original, lex, vocab, childWords, d.focus);
  }
  // "Where did he hit you?" after "My aunt hit me": the pronoun presumes a man the child has not
  // named (presumed-person.ts, coach37).
  const pronoun =
    open && childWords ? mismatchedPronoun(norm, original, childWords, lex) : undefined;
  if (pronoun) return presumesPerson(pronoun);
  if (open) {
    const topic = assumedTopic(norm, vocab, lex);
    if (topic.length > 0) return presumes(topic.join(', '));
    const assumed = presupposedUnsaid(norm, original, vocab, lex);
    if (assumed.length > 0) return presumes(assumed.join(', '));
    // A prompt about "the X" / "del X" presupposes X even with no actor named (Loftus & Zanni
    // 1975): wh- questions, invitations ("Tell me about the party", "Cuéntame del señor") and
    // "What happened at the X" alike. Each definite noun phrase is checked on its own, so one
    // child word elsewhere in the line ("del parque") does not vouch for another ("del señor").
    // A faux invitation wraps a yes/no question ("Do you remember if the window was open?"): it
    // asks whether, and is checked as a yes/no question is.
    const thing = d.subtype === 'faux-invitation' ? undefined : definiteUnsaid(norm, vocab, lex);
    if (thing) return presumes(thing);
  }
  if (d.type === 'invitation' || (d.type === 'cued-invitation' && d.subtype === 'child-words')) {
    // "Tell me everything that happened that night" after "it happened at night": a general
    // invitation anchored on the episode, not a detail the child is refocused on (Lamb et al.
    // 2008; NICHD revised "Think about that [day/night] and tell me everything"). Only for the
    // promotion to cued: a cued line's modifiers are still checked below.
    const reused = reusedChildWord(norm, vocab, lex, d.type === 'invitation');
    if (!reused) return d;
    // A cued invitation must be cued by the child's words only: every content word of the noun
    // phrase around the child's word counts, modifiers included ("the red car" after "a car"),
    // not only the head noun; the protocol frame around it ("tell me why you came") does not.
    const unsaid = unsaidModifiers(norm, vocab, lex);
    if (unsaid.length > 0)
      return decide('suggestive', 'presumptive', 'presumptive', unsaid.join(', '), d.focus);
    if (d.type === 'invitation')
      return decide('cued-invitation', 'child-words', 'cuedContext', reused, d.focus);
  }
  return d;
}

// "Is there anything else he did to your bottom?" / "¿Hay algo más que te hizo en tus partes?":
// "else" / "más" presupposes that something was already done (as MORE_ACTS, vocabulary.ts).
const ELSE_FRAME = /\b(?:anything|something) (?:else|more)\b|\balgo mas\b/;

// "So, he pushed you?" / "Entonces, ¿él te llevó…?": the opener of a restatement.
const RESTATEMENT_OPENER = /^[¿¡]?\s*(?:so|entonces|asi que|o sea)\b,?\s*(?:[¿¡]\s*)?/;

/**
 * Whether a closed question that introduces an unsaid detail does so in a frame that takes the
 * detail as given, so that it is suggestive rather than option-posing (NICHD typology, Lamb,
 * Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231: suggestive
 * utterances assume details not disclosed or imply the expected answer). Tags, negative-term
 * questions, "isn't it true" and co-witness information are coded suggestive before the context
 * check (lexicon questionTags, negativeOpeners, negativeTerms, coWitness) and never reach here;
 * clefts, "when he X-ed" clauses (detailInTimeClause) and repeated-event presumptions
 * (incidents.ts) have their own checks, and so has the factive frame ("Do you remember that
 * he...?", which presupposes its clause). Here: a summary put as a question ("So he touched
 * your bottom?", "Entonces, ¿te tocó la colita?"), which restates as the child's what the child
 * has not said, and "anything else ..." / "algo más ...", which presupposes that something was
 * already done (ELSE_FRAME). A plain rising declarative ("He was in the bed?") stays
 * option-posing like its Spanish counterpart ("¿Estaba en la cama?"), which is a yes/no question
 * by form: one verdict in both languages, and the reading of the project's labelled sets
 * (Hearth's reading).
 */
function leadingFrame(d: Decision, norm: string, lex: Lexicon): boolean {
  if (ELSE_FRAME.test(norm)) return true;
  // "So" may itself be a filler ("So, ..."): the opener is looked for before and after them.
  return (
    d.type === 'option-posing' &&
    (RESTATEMENT_OPENER.test(norm) || RESTATEMENT_OPENER.test(norm.replace(lex.fillers, '')))
  );
}

/**
 * "Is that when he showed you the pictures?", "Were you in the bedroom when he pulled your pants
 * down?", "¿Fue ahí cuando te enseñó las fotos?": a time clause ("when / while / after / before
 * ...", "cuando / mientras / después de que ...") is presupposed by the question around it, so an
 * unsaid detail inside it is taken as given, not asked about (Lamb et al. 2007, suggestive
 * utterances; Loftus & Zanni 1975 on presupposition). A detail outside the clause ("Did it hurt
 * when he touched you?" after "he touched my arm") is what the question asks: option-posing.
 */
function detailInTimeClause(
  norm: string,
  vocab: ChildVocabulary,
  lex: Lexicon,
  kinds: ReadonlySet<DetailKind>,
): boolean {
  return unsaidInClause(EVENT_CLAUSE, norm, vocab, lex, kinds);
}

/** Whether the first group of `clause` in `norm` holds a detail the child has not said. */
function unsaidInClause(
  clause: RegExp,
  norm: string,
  vocab: ChildVocabulary,
  lex: Lexicon,
  kinds: ReadonlySet<DetailKind>,
): boolean {
  const words = clause.exec(norm)?.[1];
  return words !== undefined && unsaidDetail(words, vocab, lex, kinds) !== undefined;
}

/**
 * "Can you show me where the man touched you?", «¿Me puedes enseñar dónde te tocó?»: a yes/no
 * request (a faux invitation: Henderson, Russo & Lyon 2020) whose embedded wh- clause takes its
 * act as given; it asks only where, so an unsaid detail inside the clause is presupposed, not
 * put to the child as an option (Loftus & Zanni 1975; Lamb et al. 2007): suggestive, as a time
 * clause is (detailInTimeClause). Heldout25 kind 7, coach39.
 */
function detailInEmbeddedWh(
  norm: string,
  vocab: ChildVocabulary,
  lex: Lexicon,
  kinds: ReadonlySet<DetailKind>,
): boolean {
  return unsaidInClause(EMBEDDED_WH, norm, vocab, lex, kinds);
}
// After a verb of showing or telling: "show me where ...", "point to where ...", «enseñarme
// dónde ...», «mostrar cómo ...», «señalar dónde ...».
const EMBEDDED_WH =
  /\b(?:show(?: me| us)?|point(?: to| at| out)?|(?:ensenar|mostrar|senalar)(?:me|nos)?|(?:ensenas|muestras|senalas))(?: on \w+ \w+)? (?:where|how|what|who|which|donde|como|que|quien|cual)\b(.+)$/;

/**
 * A closed question whose act is not asked about but taken as given (coach36, issue #16): the
 * act is the complement of a verb that presupposes it, "Did he stop touching you?" / «¿Dejó de
 * tocarte?» (aspectual verbs), "Did anyone see him touch you?" / «¿Alguien lo vio tocarte?»
 * (perception verbs), "Did you tell your mom that he touched you?" / «¿Le dijiste a tu mamá que
 * te tocó?» (a report of it), "Did he use his hand to touch you?" / «¿Usó la mano para
 * tocarte?» (its purpose), or a definite noun of the act, "Did the touching hurt?" / «¿Te
 * dolieron los tocamientos?». With the act unsaid the question is suggestive, not option-posing
 * (Lamb et al. 2007: suggestive utterances assume details not disclosed; Loftus & Zanni 1975 on
 * presupposition); with the act in the child's words it asks about something else, option-posing.
 * Only acts (the lexicon's sensitive details) count. Hearth's list of frames.
 */
function presupposedAct(norm: string, vocab: ChildVocabulary, lex: Lexicon): boolean {
  for (const frame of PRESUPPOSING_FRAMES[lex.language]) {
    const clause = frame.exec(norm)?.[1];
    if (clause !== undefined && unsaidDetail(clause, vocab, lex, DETAILS_ONLY) !== undefined)
      return true;
  }
  return false;
}
const PRESUPPOSING_FRAMES: Record<Language, readonly RegExp[]> = {
  en: [
    /\b(?:stop|stopped|start|started|keep|kept|quit|finish|finished|begin|began|continue|continued) ((?:\w+ing)\b.*)/,
    /\b(?:see|saw|seen|hear|heard|watch|watched|notice|noticed|catch|caught) (?:him|her|them|somebody|someone|anybody|anyone|[a-z]+) ((?:\w+) (?:you|your|on you|to you)\b.*)/,
    // The child's own telling ("Did you tell your mom that he...?"): "Did he say that..." asks.
    /\byou (?:tell|told|say|said|mention|mentioned) (?:\w+ ){0,4}?(?:that|about how|how) (.+)/,
    /\b(?:use|used) (?:\w+ ){1,6}?to (\w+ you\b.*)/,
    /\bthe (\w+ing)\b/,
  ],
  es: [
    // Only the aspectual readings: «dejar de» (stop), «empezar / comenzar a» (start), «seguir» with
    // a gerund (keep on); «te dejaba quedarte» (let) presupposes nothing.
    /\b(?:dejo|dejaba|dejaron|termino) de (\w+(?:ar|er|ir)(?:me|te|se|lo|la|le|nos|los|las|les){0,2}\b.*)/,
    /\b(?:empezo|empezaba|comenzo|comenzaba) a (\w+(?:ar|er|ir)(?:me|te|se|lo|la|le|nos|los|las|les){0,2}\b.*)/,
    /\b(?:siguio|seguia) (\w+(?:ando|iendo)(?:me|te|se|lo|la|le|nos|los|las|les){0,2}\b.*)/,
    /\b(?:lo |la |los |las |te )?(?:vio|vieron|viste|oyo|oyeron|oiste|escucho|escucharon|escuchaste) (?:cuando |como )?(.+)/,
    /\b(?:dijiste|contaste|platicaste|mencionaste) (?:\w+ ){0,4}?que (.+)/,
    /\b(?:uso|usaba) (?:\w+ ){1,6}?para (.+)/,
    /\b(?:el|la|los|las) (\w+mientos?)\b/,
  ],
};

/**
 * `norm` without the alternatives of a choice question: the word before each "or" / "o" and up to
 * four after it (a preposition, an article and a noun: "con una cámara"). One word only on the
 * left: "the money before or after" keeps "money", which the question takes as given.
 */
function withoutAlternatives(norm: string): string {
  const ws = norm.split(' ');
  const drop = alternativeIndices(ws);
  return ws.filter((_, i) => !drop.has(i)).join(' ');
}

/**
 * The details among the options of a choice question that the child has not said (P19-1): a
 * comma list in the question's spelling ("knife, stick"), empty when every option is the child's
 * or names no detail ("over or under" alone, "day or night"). An option counts when it holds an
 * act, body part, object, clothes, person or place the child has not said (the yes/no kinds,
 * unsaidDetail); the list then names every unsaid content word of the options (allNewDetails), so
 * the reason names each option put to the child, listed or not.
 */
function unsaidOptions(norm: string, vocab: ChildVocabulary, lex: Lexicon): string {
  // A rapport choice about the child's likes or home language is rapportChoice's (coded other).
  if (lex.preferenceMarker.test(norm) && !hasSensitiveDetail(norm, lex)) return '';
  const ws = norm.split(' ');
  const keep = alternativeIndices(ws);
  // "Was it daytime or nighttime?" / "¿De día o de noche?" spans the day: a choice of times
  // offers no detail (coach30), though "Did it happen at night?" puts one to the child.
  const options = withoutTimes(
    ws.filter((_, i) => keep.has(i) && ws[i] !== 'or' && ws[i] !== 'o').join(' '),
    lex,
  );
  const first = unsaidDetail(options, vocab, lex, YES_NO_KINDS);
  return first === undefined ? '' : allNewDetails(first, options, vocab, lex);
}

/** `text` without the lexicon's time phrases and words (detailCategories.times). */
function withoutTimes(text: string, lex: Lexicon): string {
  let out = text;
  for (const p of lex.categoryTimePhrases) if (containsPhrase(out, p)) out = out.replace(p, ' ');
  return words(out)
    .filter((w) => !lex.categoryTimeStems.has(stem(w, lex.language)))
    .join(' ');
}

/** The word indices `withoutAlternatives` drops: the word before each "or" / "o" and those after. */
function alternativeIndices(ws: readonly string[]): Set<number> {
  const drop = new Set<number>();
  ws.forEach((w, i) => {
    if (w !== 'or' && w !== 'o') return;
    // Spanish needs one word more for the same option: "por debajo de la ropa" is "under your
    // clothes" (one verdict in both languages, review 6, C6).
    const right = w === 'o' ? 5 : 4;
    for (let j = Math.max(0, i - 1); j <= Math.min(ws.length - 1, i + right); j++) drop.add(j);
  });
  return drop;
}

/**
 * What an open prompt takes as given besides its frame: the topic of "tell me more about X"
 * ("more" presupposes that X was already talked about) and the event of a time clause naming a
 * third person's act ("what happened after he locked the door"). Each content word there must be
 * the child's (Lamb et al. 2007: a cued invitation is cued by the child's words). Neutral protocol
 * wording and the child's inflections are allowed (presupposedUnsaid).
 * @returns the unsaid words, empty when none.
 */
function assumedTopic(norm: string, vocab: ChildVocabulary, lex: Lexicon): string[] {
  const more = MORE_ABOUT.exec(norm);
  // A topic with none of the child's words is assumed outright; one that reuses a child's word is
  // checked for unsaid modifiers by the cued-invitation rule below (unsaidModifiers).
  if (more?.[1] && reusedChildWord(more[1], vocab, lex) === undefined) {
    // School and the everyday people in it are rapport topics, not details of an event.
    const unsaid = presupposedUnsaid(more[1], more[1], vocab, lex, true).filter(
      (w) => !lex.everydayRoleStems.has(stem(w, lex.language)),
    );
    if (unsaid.length > 0) return unsaid;
  }
  const clause = EVENT_CLAUSE.exec(norm);
  const event = clause?.[1] ?? '';
  // "when he put it in", «cuando terminó»: an act named by a pronoun or by its end (clause-acts.ts).
  // The clause's unsaid words, when it has any, stay the cue ("after he finished": "finished").
  const act = event ? presumedClauseAct(event, vocab, lex) : undefined;
  if (event && THIRD_PERSON_ACT[lex.language].test(event)) {
    const unsaid = presupposedUnsaid(event, event, vocab, lex, true);
    if (unsaid.length > 0 || !act) return unsaid;
  }
  if (act) return [act];
  // «¿Dónde pusiste tu ropa cuando te la quitaste?»: the child's own act in the clause, an
  // undressing named by a pronoun for the garment the question names (undressing.ts, coach38).
  // Other acts and details of such a clause are the whole question's (unsaidDetail); the rest of
  // it ("when you got home") presumes nothing about the event.
  const undressing = event ? presumedUndressing(norm, event, vocab, lex) : undefined;
  return undressing ? [undressing] : [];
}

/**
 * Every new detail of a yes/no or choice question, not only the first the closed lists caught:
 * "Did he sell pictures of you online?" after "phone, party, money" names "sell, pictures,
 * online" (audit 19e, B19e-8), so the reason does not undercount what the question brings in.
 * The first is the one found; the others are the details of the closed lists and the content
 * words the child has not said, protocol and question-frame words aside (presupposedUnsaid). A
 * comma list, as displayCue shows it in the interviewer's spelling.
 */
function allNewDetails(found: string, norm: string, vocab: ChildVocabulary, lex: Lexicon): string {
  const inFound = new Set(found.split(' '));
  const others: string[] = [];
  for (const w of words(norm)) {
    if (inFound.has(w) || others.includes(w)) continue;
    const s = stem(w, lex.language);
    // A detail of the closed lists ("pictures") counts even where the frame list calls it neutral
    // ("draw a picture"): in a yes/no question it is put to the child.
    const detail =
      lex.presumptiveStems.has(s) ||
      lex.closedOnlyStems.has(s) ||
      lex.categoryDetailStems.has(s) ||
      lex.categoryDetailPlurals.has(w) ||
      lex.personStems.has(s) ||
      lex.isPlace(w, s);
    if (detail ? vocab.stems.has(s) : presupposedUnsaid(w, w, vocab, lex, true).length === 0)
      continue;
    others.push(w);
  }
  return [found, ...others].join(', ');
}

// "Which room were you in?" / "¿En qué cuarto estaban?" asks the child to place the event inside
// the house, apartment or motel the child named: it offers no room, so it assumes nothing new
// (Lamb et al. 2007, a wh- directive about a detail of what the child said). "Tell me more about
// the room" still presumes a room was talked about (assumedTopic), and is checked as before.
const WHICH_ROOM =
  /\b(?:which|what) (?:room|rooms)\b|\b(?:que|cual|cuales) (?:cuarto|cuartos|habitacion|habitaciones)\b/;
const ROOM_WORDS = new Set(['room', 'rooms', 'cuarto', 'cuartos', 'habitacion', 'habitaciones']);
const BUILDINGS: Record<Language, readonly string[]> = {
  en: ['house', 'home', 'apartment', 'motel', 'hotel', 'trailer'],
  es: ['casa', 'departamento', 'apartamento', 'motel', 'hotel', 'traila'],
};

function asksWhichRoom(
  norm: string,
  detail: string,
  vocab: ChildVocabulary,
  lex: Lexicon,
): boolean {
  if (!ROOM_WORDS.has(normalise(detail)) || !WHICH_ROOM.test(norm)) return false;
  return BUILDINGS[lex.language].some((w) => vocab.stems.has(stem(w, lex.language)));
}

// "tell me more about the X" / "cuéntame más de los X": the topic after "more".
const MORE_ABOUT =
  /\b(?:more|mas) (?:about|of|de|del|sobre|acerca de) ((?!(?:that|this|it|eso|esto|ello)\b)[^,.;?!]+)/;
// "after / before / when <clause>" and "después de que / antes de que / cuando <clause>".
const EVENT_CLAUSE =
  /\b(?:after|before|when|while|despues de que|antes de que|luego de que|cuando|mientras) ([^,.;?!]+)/;
// The clause reports someone else's act: a third-person subject (en) or a third-person preterite
// or imperfect with no "you" subject (es: "cerró", "le pegaba"; normalised, so accents are gone
// and the test is on the subject pronoun or a verb after a clitic or at the clause start).
const THIRD_PERSON_ACT: Record<Language, RegExp> = {
  en: /\b(?:he|she|they|somebody|someone|the man|the woman|the lady)\b/,
  es: /^(?:(?:el|ella|ellos|ellas|alguien) )?(?:(?:te|le|les|me|lo|la|se) )?\w+(?:o|aba|ia)\b(?! (?:tu|usted)\b)/,
};

// "What is your best friend's name?" / "¿Cómo se llama tu amiga?": a name question; group 1 or 2
// is the role.
const NAME_QUESTION =
  /\bwhat(?:'s| is| was) (?:the name of )?(?:your|his|her) ((?:best )?\w+?)(?:'s)?(?: name)?\??$|\b(?:como se (?:llama|llaman)|cual es el nombre de) (?:tu|tus|su|sus) ((?:mejor )?\w+)/;

/**
 * The utterance asks the name of a role nearly every child has (lexicon `everydayRoles`). A role
 * that not every child has ("boyfriend", "padrastro") still counts as a person the question
 * assumes.
 */
function asksEverydayName(norm: string, lex: Lexicon): boolean {
  const m = NAME_QUESTION.exec(norm);
  const role = m?.[1] ?? m?.[2];
  if (!role) return false;
  if (!/\bname\b|\bllama|\bnombre\b/.test(norm)) return false;
  const last = role.split(' ').pop() ?? role;
  return lex.everydayRoleStems.has(stem(last, lex.language));
}
/**
 * "Where was your mom?" / "¿Dónde estaba tu mamá?" after "it happened in the garage" (P19-11):
 * a wh- question about where a caregiver or other everyday person was asks for a circumstance of
 * the event the child described and asserts no act by that person, so NICHD coding counts it a
 * directive (Lamb et al. 2007: suggestive utterances assume undisclosed details; a directive
 * asks for a detail). Hearth's reading, limited to the lexicon's everydayRoles; "What did your
 * mom do?" or "Where did your dad touch you?" are still checked.
 */
function asksWhereabouts(norm: string, lex: Lexicon): boolean {
  const m = WHEREABOUTS.exec(norm);
  return m?.[1] !== undefined && lex.everydayRoleStems.has(stem(m[1], lex.language));
}
const WHEREABOUTS =
  /^(?:(?:and|so|y|entonces) )?¿?\s*(?:where|donde) (?:was|were|is|are|estaba|estaban|esta|estan) (?:your|tu|tus) (\w+)(?: (?:then|at that time|when it happened|en ese momento|entonces|cuando paso))?\s*\??$/;

const ECHOED_CLAUSE = /^\s*¿\s*que\s/i;
const NAME_KINDS: ReadonlySet<DetailKind> = new Set(['detail', 'place', 'name']);

function saidAny(vocab: ChildVocabulary, stems: ReadonlySet<string>): boolean {
  for (const s of stems) if (vocab.stems.has(s)) return true;
  return false;
}

function isFacilitator(text: string, lex: Lexicon): boolean {
  // "Thank you, that helps me understand." acknowledges and encourages: the thanks alone is a
  // courtesy ("other"), the acknowledgement beside it makes the turn a facilitator.
  let acknowledged = false;
  // "Ajá… ¿y?": a trailing-off between two acknowledgements parts them like a comma (coach25).
  for (const part of text.split(/,|…|\.\.\./)) {
    // "Ok, ¿y?": the inner "¿" opens the question part, not a word of it.
    const p = part.trim().replace(/^[¿¡]\s*/, '');
    if (p.length === 0 || THANKS.test(p)) continue;
    if (!lex.facilitator.test(p)) return false;
    acknowledged = true;
  }
  return acknowledged || !THANKS.test(text.trim());
}
// Courtesy words beside an acknowledgement ("Continúe, por favor", "Go on, please") are not a
// prompt of their own (coach22); alone they are not one either.
const THANKS = /^(?:thank you|thanks|(?:muchas )?gracias|please|por favor)$/;

function decideSentence(sentence: Sentence, lex: Lexicon, unpunctuated: boolean): Decision {
  const t = sentence.text;
  if (isFacilitator(t, lex)) return decide('facilitator', 'acknowledgement', 'facilitator', t, t);
  const whole = t.replace(lex.fillers, '').replace(/^[¿¡]\s*/, '');
  // Only fillers such as "thank you" or "so": a statement, not a prompt to go on.
  if (whole.length === 0) return decide('other', 'statement', 'other', t, t);

  // «¡Qué bueno!», "How nice", «Fue un gusto conocerte»: an exclamation or a closing pleasantry,
  // not a wh- or yes/no question, with or without its punctuation (Hearth's reading of the
  // CLI's unpunctuated speech-recognition lines, coach32).
  if (!sentence.question && PLEASANTRY[lex.language].test(whole))
    return decide('other', 'statement', 'other', '', whole);
  // The yes/no and either/or questions a protocol asks on purpose (the truth promise and the
  // true/not-true practice of the ground rules, the closing questions, "one time or more than one
  // time"): option-posing by form, asked by design, so coded so and without a warning, with the
  // section named (issue #16 item 5). Checked before the ground-rule practice that would code the
  // truth test "other". One that names a sensitive detail is no protocol question.
  const protocolAsked = protocolQuestion(whole, lex);
  if (protocolAsked) return protocolAsked;
  // Ground-rule practice items are hypothetical and neutral: a sensitive detail in one is not.
  if (lex.groundRulePractice.test(whole) && !hasSensitiveDetail(whole, lex))
    return decide('other', 'ground-rule', 'groundRule', firstWords(whole, 4), whole);
  if (lex.needRequest.test(whole)) return decide('other', 'statement', 'childNeeds', '', whole);
  if (lex.truthDefinition.test(whole))
    return decide('other', 'truth-definition', 'truthDefinition', firstWords(whole, 6), whole);
  if (lex.procedural.test(whole))
    return sentence.question || unpunctuated
      ? decide('other', 'procedure', 'procedure', firstWords(whole, 5), whole)
      : decide('other', 'statement', 'other', '', whole);
  const s = questionPart(whole, lex);
  const scripted = lex.protocolOptionPosing.exec(s);
  if (scripted) return decide('option-posing', 'protocol', 'protocolOption', firstWords(s, 6), s);
  // "Is there anything else (that happened)?": an invitation to add in NICHD coding, unless it
  // names an act, body part or label itself ("...anything else he did to your private parts?"),
  // which the ordinary rules code.
  const yesNoInvitation = lex.yesNoInvitation.exec(s);
  if (yesNoInvitation && !hasSensitiveDetail(s, lex))
    return decide('invitation', 'yes-no-form', 'yesNoInvitation', yesNoInvitation[0], s);
  const tellIf = lex.tellIf.exec(s);
  if (tellIf && !TELL_IF_INSTRUCTION.test(s.slice(tellIf[0].length).trim()))
    return decide('option-posing', 'faux-invitation', 'tellIf', tellIf[0], s);

  if (sentence.question || unpunctuated) {
    // "Surely he said something?" / "¿Seguramente te dijo algo?": the question tells the child
    // the expected answer, which NICHD codes suggestive (Lamb et al. 2007), said or not.
    const certain = lex.certainty.exec(s);
    if (certain) return decide('suggestive', 'leading-declarative', 'certainty', certain[0], s);
    const tag = lex.questionTag.exec(t) ?? (unpunctuated ? lex.bareTag.exec(t) : null);
    if (tag) return decide('suggestive', 'tag', 'tag', tag[0].replace(/^[,¿ ]+/, ''), s);
  }
  // "Isn't it true that ..." implies the answer whether or not it was typed with a "?".
  if (lex.negativeTerm.test(s)) return negativeOrOther(s, firstWords(s, 4));
  if (sentence.question) {
    const negative = lex.negativeOpener.exec(s);
    if (negative) return negativeOrOther(s, firstWords(s, 3));
  }
  // "didnt he hurt you", "wasnt it your uncle": speech-recognition text drops the "?" and often the
  // apostrophe; a negative auxiliary followed by its subject is still the negative question it is
  // (suggestive: it implies the expected answer; Lamb et al. 2007), not a statement (coach41).
  if (unpunctuated && NEGATIVE_QUESTION_BARE[lex.language]?.test(s))
    return negativeOrOther(s, firstWords(s, 3));

  const invitationQuestion = lex.invitationQuestion.exec(s) ?? lex.invitationQuestion.exec(t);
  if (invitationQuestion)
    return decide('invitation', 'follow-up', 'invitation', invitationQuestion[0], s);

  if (sentence.question) return questionDecision(s, lex);

  const imperative = imperativeDecision(s, lex);
  if (imperative) return imperative;
  // Ground rules by what they say (don't know, don't understand, correct me, the truth); an
  // instruction opener alone ("if", "you can") makes a plain statement, still checked in context.
  if (lex.groundRule.test(s))
    return decide('other', 'ground-rule', 'groundRule', firstWords(s, 4), s);
  if (lex.groundRuleOpener.test(s)) return decide('other', 'statement', 'other', '', s);
  const setting = lex.logistics.exec(s);
  if (setting && !testGated(lex.label, s) && !hasSensitiveDetail(s, lex))
    return decide('other', 'statement', 'logistics', firstWords(s, 4), s);
  const feeling = lex.emotionalStatement.exec(s);
  if (feeling) return decide('suggestive', 'emotional', 'emotional', feeling[0], s);
  // "And then you went where" / «Y luego te fuiste adónde»: a wh- word left in place at the end
  // asks a wh- question (a directive), whatever its declarative opening looks like; what the
  // opening takes as given is checked against the child's words later (inSituPresumption).
  if (IN_SITU_WH[lex.language].test(s)) {
    const wh = whDecision(s, lex);
    if (wh) return wh;
  }
  if (lex.leadingDeclarative.test(s))
    return decide('suggestive', 'leading-declarative', 'leadingDeclarative', s, s);
  // Questions typed or transcribed without a question mark.
  if (unpunctuated && unpunctuatedQuestion(s, lex)) return questionDecision(s, lex);
  if (lex.yesNoStrict !== null) {
    const wh = whDecision(s, lex);
    if (wh && /^\S+ (do|does|did|is|are|was|were|has|have|had|can|could|will|would)\b/.test(s))
      return wh;
  }
  return decide('other', 'statement', 'other', '', s);
}

/**
 * Spanish marks where a question begins with "¿" ("Entonces, ¿qué pasó?", "Y cuando llegaste,
 * ¿qué hiciste?"): the words before it frame the question, and the question after it decides the
 * form (RAE/ASALE, Ortografía 2010, 3.4.1.2: the opening sign goes where the question starts).
 * A bare tag after it ("..., ¿no?") is left to the tag rules, which read the whole sentence. The
 * whole utterance is still checked in context.
 */
function questionPart(s: string, lex: Lexicon): string {
  const open = s.indexOf('¿');
  if (open <= 0) return s;
  // Only a preface ends there: a comma ("Entonces, ¿...") or one or two words ("Y luego ¿...").
  // A question quoted inside guidance ("(“¿Dónde estaba...?”)") is not what is being asked.
  const before = s.slice(0, open).trimEnd();
  if (!/,$/.test(before) && before.split(' ').length > 2) return s;
  if (/["“'(«]$/.test(before)) return s;
  const question = s.slice(open + 1).trim();
  // "..., ¿de acuerdo?" asks for assent to what precedes it (lexicon instructionTag).
  if (!question.includes(' ') || lex.instructionTag.test(`, ${question}?`)) return s;
  return question;
}

/**
 * The protocol's own yes/no or either/or question the sentence is (lexicon protocolScripted),
 * coded option-posing/protocol with the reason of its section; undefined when it is none, or
 * names a sensitive detail ("If I said he touched you, would that be true or not true?").
 */
function protocolQuestion(whole: string, lex: Lexicon): Decision | undefined {
  const s = questionPart(whole, lex).replace(/[?¿.!…\s]+$/, '');
  for (const [group, pattern] of lex.protocolScripted) {
    const m = pattern.exec(s);
    // The hypothetical before a Spanish «¿» («Si yo te dijera que él te tocó, ¿sería verdad o
    // mentira?») is part of it: checked too.
    if (m && !hasSensitiveDetail(whole, lex))
      return decide(
        'option-posing',
        'protocol',
        PROTOCOL_SCRIPTED_REASONS[group],
        firstWords(s.slice(m.index), 6),
        s,
      );
  }
  return undefined;
}

/**
 * "If I said my shoes are [a color], would that be true or not true? [If the child says not true:
 * "That's right."]": the quote is in a stage direction (what to say after the answer), and the
 * line itself is a protocol question (protocolQuestion): it is coded, not the quote (coach36).
 */
function protocolLineWithDirection(raw: string, lex: Lexicon): boolean {
  if (!raw.includes('[')) return false;
  const spoken = raw.replace(BRACKETED, ' ');
  if (GUIDANCE_QUOTE.test(spoken)) return false;
  return normalise(spoken)
    .split(/(?<=[.?!])\s+/)
    .some((part) => protocolQuestion(part.replace(/^[¿¡]\s*/, ''), lex) !== undefined);
}

function hasSensitiveDetail(s: string, lex: Lexicon): boolean {
  if (testGated(lex.label, s)) return true;
  // Clothes count here (coach24): a rapport or practice item about them is no longer neutral.
  for (const st of wordStems(s, lex.language))
    if (lex.presumptiveStems.has(st) || lex.closedOnlyStems.has(st)) return true;
  return false;
}

/**
 * A question that opens on an answer-implying frame, named by its device (P19-9): "¿Verdad que te
 * lastimó?" / "¿Cierto que...?" is a tag put first (coletilla, Lyon, Quas & Lamb white paper §2:
 * tag questions); "¿A poco te tocó?" voices disbelief, a challenge (Garven et al. 1998, negative
 * consequences); anything else ("¿No te tocó?", "Isn't it true that...") a negative question.
 */
function negativeOrOther(s: string, cue: string): Decision {
  if (FRONT_TAG.test(s)) return decide('suggestive', 'tag', 'tag', cue, s);
  if (DISBELIEF.test(s)) return decide('suggestive', 'confrontation', 'confrontation', cue, s);
  return decide('suggestive', 'negative', 'negative', cue, s);
}
// A negative auxiliary and its subject opening an unpunctuated line ("didnt he", "wasn't it",
// "don't you remember"): not "don't worry" or "doesn't matter", which have no subject after them.
const NEGATIVE_QUESTION_BARE: Partial<Record<Language, RegExp>> = {
  en: /^(?:do|does|did|is|are|was|were|have|has|had|could|would|should|wo|ca)n'?t (?:he|she|it|you|they|we|there|that|this|your|his|her|their|the|somebody|someone|anybody|anyone)\b/,
  // «no te pegó», «no te lo dijo», «no le tocaba»: "no", a clitic and a past verb of a third
  // person (accents folded: -ó reads -o); not «no te preocupes», «no te vayas» (subjunctive).
  es: /^(?:y |entonces )?no (?:te|le|les|lo|la|los|las)(?: (?:lo|la|los|las))? \w+(?:o|aba|ia|aron|ieron|aban|ian)\b/,
};
const FRONT_TAG = /^[¿¡]?\s*(?:(?:y|entonces) )?(?:verdad|cierto) que\b/;
const DISBELIEF = /^[¿¡]?\s*a poco\b/;

/** An unpunctuated sentence that reads as a question: auxiliary + subject, or (Spanish) addressed to the child. */
function unpunctuatedQuestion(s: string, lex: Lexicon): boolean {
  if (lex.yesNoStrict !== null) return lex.yesNoStrict.test(s) || whDecision(s, lex) !== undefined;
  if (whDecision(s, lex) !== undefined) return true;
  return lex.secondPerson.test(s) || lex.choice.test(s);
}

// "If anything else happens, who can you tell?" / "Si pasa algo más, ¿a quién le puedes contar?":
// a leading condition does not change the form of the question that follows it (the NCAC/ABE
// closing safety question is a wh- directive). The whole utterance is still checked in context.
const LEADING_CONDITION = /^(?:if|si) [^,?]{1,80}, (?:[¿¡]\s*)?/;
// "When he hit you, were you in the kitchen?": a leading time clause (not "When did...", a wh-
// question) frames the question after it, which decides the form (P19-3); the clause itself is
// still checked in context (detailInTimeClause). Spanish marks the question with "¿"
// (questionPart), and folded "cuando" cannot tell the conjunction from "cuándo".
const LEADING_TIME_CLAUSE =
  /^(?:when|while|after|before) (?!(?:did|do|does|was|were|is|are|had|has|have|could|can|will|would)\b)[^,?]{1,80}, (?:[¿¡]\s*)?/;

// «¿Y ella qué te dijo?», «¿Y tu mamá dónde estaba?»: a subject put before the wh- word (common in
// Mexican and Central American speech) leaves a wh- question, as «¿Qué te dijo ella?» is
// (review25 F15; the coach's definitions: option-posing is a yes/no or either/or question).
const FRONTED_SUBJECT_ES =
  /^(?:(?:y|entonces|pero|bueno) )?(?:el|ella|ellos|ellas|usted|tu|ustedes|(?:tu|tus|su|sus|mi|mis) \w+) (?=(?:que|quien|quienes|donde|adonde|cuando|como|cuanto|cuanta|cuantos|cuantas|por que|para que)\b)/;

function questionDecision(s: string, lex: Lexicon): Decision {
  let main = s.replace(LEADING_CONDITION, '').replace(LEADING_TIME_CLAUSE, '');
  if (lex.language === 'es') main = main.replace(FRONTED_SUBJECT_ES, '');
  if (main !== s && main.length > 0) return questionDecision(main, lex);
  const choice = lex.choice.exec(s);
  if (choice)
    return decide('option-posing', 'forced-choice', 'forcedChoice', around(s, choice.index), s);
  const request = requestDecision(s, lex);
  if (request) return request;
  const faux = lex.fauxInvitation.exec(s);
  if (faux) return decide('option-posing', 'faux-invitation', 'fauxInvitation', faux[0], s);
  const wh = whDecision(s, lex);
  if (wh) return wh;
  const imperative = imperativeDecision(s, lex);
  if (imperative) return imperative;
  if (lex.yesNoOpener === null || lex.yesNoOpener.test(s))
    return decide('option-posing', 'yes-no', 'yesNo', firstWords(s, 2), s);
  return decide('option-posing', 'declarative', 'declarative', '', s);
}

/**
 * "Can you tell me about the party?" / "¿Me puedes platicar de la fiesta?": a request for
 * narrative in question form is coded by what it requests, like the imperative it stands for
 * ("Tell me about the party." / "Platícame de la fiesta."): an invitation (cued when the child's
 * words cue it), a wh- directive when it wraps a specific wh- question, and option-posing when it
 * wraps a yes/no question ("Can you tell me if it was dark?", "¿Me puedes decir si...?"). NICHD
 * coding counts the request as an invitation because children treat it as one (Lamb et al. 2018;
 * Sternberg et al. 2001); Henderson, Russo & Lyon (2020) show that young children sometimes
 * answer the shell with "yes", which the reason mentions as a tip, not a warning. "Do you
 * remember...?" / "¿Te acuerdas...?" asks about memory, not for narrative: it stays option-posing.
 * The content checks in context apply as to any invitation.
 */
function requestDecision(s: string, lex: Lexicon): Decision | undefined {
  const shell = lex.requestWrapper.exec(s);
  if (!shell) return undefined;
  const verb = requestedVerb(shell[0], lex);
  const imperative = verb === undefined ? '' : `${verb} `;
  const asked = `${imperative}${s.slice(shell[0].length).trim()}`.trim();
  const tellIf = lex.tellIf.exec(asked);
  if (tellIf) return decide('option-posing', 'faux-invitation', 'tellIf', shell[0].trim(), s);
  // "Can you tell me his name?" / "¿Me dices la verdad?" asks for one item: a faux invitation.
  if (lex.requestSpecific.test(asked)) return undefined;
  const d = imperativeDecision(asked, lex);
  if (!d) return undefined;
  if (d.type === 'invitation')
    return decide('invitation', d.subtype, 'requestInvitation', requestCue(shell[0], asked), s);
  return { ...d, focus: s };
}

/** Spanish: the imperative a request verb stands for ("contarme" -> "cuentame"); English: none. */
function requestedVerb(shell: string, lex: Lexicon): string | undefined {
  for (const w of shell.trim().split(' ')) {
    const bare = w.replace(/(?:me|nos)?(?:lo|la)?$/, '');
    const imperative = lex.requestImperatives.get(w) ?? lex.requestImperatives.get(bare);
    if (imperative) return imperative;
  }
  return undefined;
}

/** "can you tell" / "me puedes platicar": the shell and the verb it asks for. */
function requestCue(shell: string, asked: string): string {
  return /\s$/.test(shell) ? `${shell}${asked.split(' ', 1)[0]}` : shell.trim();
}

// "Tell me if you don't understand / if I get something wrong": a ground rule, not a question.
const TELL_IF_INSTRUCTION =
  /^(?:i\b|you (?:don'?t|do not|didn'?t) (?:know|understand|remember)|you need|you want|you(?:'?re| are) (?:tired|ready|hungry|thirsty|cold|hot|uncomfortable)|something|anything (?:i|is)|yo\b|me equivoco|no (?:sabes|entiendes|te acuerdas|recuerdas)|necesitas|quieres|tienes (?:sed|hambre|frio|calor)|estas cansad|algo (?:no|te))/;

// "Why did you / why didn't you / por qué no le dijiste": about the child's own behaviour.
// "Why do you think you came?" / "¿Por qué crees que…?" asks the child's understanding of the
// reason for the interview (NICHD transition), not to account for the child's behaviour.
const WHY_CHILD =
  /^(?:why|how come)\s+(?:did|didn'?t|do|don'?t|were|weren'?t|are|aren'?t|would|wouldn'?t|have|haven'?t)\s+you\b(?! think\b)|^(?:why|how come)\s+you\b(?! think\b)|^por que (?:no )?(?:(?:me|te|le|les|lo|la|se|nos) )*(?!crees\b|piensas\b|cree\b|piensa\b)\w+(?:aste|iste|abas|ias|as|es)\b/;

function whDecision(s: string, lex: Lexicon): Decision | undefined {
  const why = lex.whWhy.exec(s);
  if (why) {
    const d = decide('directive', 'why', 'directiveWhy', firstWords(s, 3), s);
    return WHY_CHILD.test(s) ? { ...d, blamesChild: true } : d;
  }
  const timeCount = lex.whTimeCount.exec(s);
  if (timeCount)
    return decide('directive', 'time-or-count', 'directiveTimeCount', firstWords(s, 3), s);
  const wh = lex.whAny.exec(s);
  if (wh) return decide('directive', 'wh', 'directive', firstWords(s, 3), s);
  // "touched your butt with what" / "¿te tocó con qué?": the wh- word left in place at the end
  // asks for a detail as a wh- question does (P19-10), with or without a "?".
  const inSitu = IN_SITU_WH[lex.language].exec(s);
  if (inSitu) return decide('directive', 'wh', 'directive', inSitu[0].replace(/\?$/, ''), s);
  return undefined;
}

// A wh- word after a preposition (or "where" after a verb of going or being) at the very end.
// Exclamations and closing pleasantries (normalised, whole sentence).
const PLEASANTRY: Record<Language, RegExp> = {
  en: /^(?:(?:oh|wow|aw|ah),? )?(?:how (?:nice|cool|fun|great|interesting|sweet|neat|awesome|lovely|exciting|funny)|what an? (?:nice|cool|fun|great|beautiful|pretty|lovely|good|interesting|sweet|cute|funny) \w+|(?:it was|it'?s been|it has been) (?:nice|good|great|a pleasure|fun) (?:to meet you|meeting you|to talk (?:to|with) you|talking (?:to|with) you))$/,
  es: /^(?:(?:ay|oh|ah|guau|wow),? )?(?:que (?:bueno|buena|bien|padre|padrisimo|lindo|linda|bonito|bonita|chido|chida|rico|rica|divertido|interesante|genial|increible|chistoso|gracioso|suave|emocionante|tierno|tierna|lindo)(?: que (?!(?:te|le|les|lo|la) (?:hizo|hicieron|paso|toco|pego))[^?]*)?|(?:fue|ha sido|es) (?:un )?(?:gusto|placer|muy bonito|muy padre) (?:conocerte|platicar contigo|hablar contigo|estar contigo|conocerlo|conocerla)(?: hoy)?|mucho gusto(?: en conocerte)?)$/,
};

const IN_SITU_WH: Record<Language, RegExp> = {
  en: /\b(?:(?:with|to|at|from|for|about|by|into|under|on) (?:what|who|whom)|(?:went|go|goes|was|were|happened|did it happen|took you|take you|brought you) where)\?*$/,
  es: /\b(?:(?:con|a|de|para|sobre) (?:que|quien|quienes|cual|cuales)|(?:fue|fuiste|fueron|se fue|te fuiste|estaba|estabas|estaban|paso|te llevo|lo llevo|la llevo|llevo) (?:a )?(?:donde|adonde))\?*$/,
};

/** "Tell me / describe / cuéntame ..." : an invitation unless what follows asks for a detail. */
function imperativeDecision(s: string, lex: Lexicon): Decision | undefined {
  const direct = lex.directImperative.exec(s);
  if (direct) return decide('directive', 'wh', 'directive', direct[0], s);
  const opener = lex.invitationOpener.exec(s);
  if (opener) return decide('invitation', 'open', 'invitation', opener[0], s);
  const imperative = lex.imperative.exec(s) ?? embeddedImperative(s, lex);
  if (!imperative) return undefined;
  const rest = s.slice(imperative.index + imperative[0].length);
  if (lex.openContinuation.test(rest))
    return decide('invitation', 'open', 'invitation', imperative[0], s);
  // "Tell me (everything) from when you got on the bus until you got to school": a time segment
  // (NICHD, Lamb et al. 2007; Orbach et al. 2000), an invitation however its span is introduced;
  // coded a cued invitation below.
  if (lex.timeSegment.test(rest))
    return decide('invitation', 'open', 'invitation', imperative[0], s);
  const wh = whDecision(rest, lex);
  if (wh) return { ...wh, cue: `${imperative[0].trim()} ${wh.cue}` };
  return decide('invitation', 'open', 'invitation', imperative[0], s);
}

/**
 * "Now that I know you a little better, tell me ...": the imperative after a comma decides the
 * sentence (the NICHD transition opener), as long as it is not inside a condition ("if ...,").
 * Natural talk puts the request after a preamble and a connective ("I wasn't there, so I need you
 * to tell me everything", "Quiero entender todo, entonces platícame todo", "Empieza por donde
 * quieras y cuéntame todo", "I know it's hard, but I'd like you to tell me what happened"): the
 * request is still the prompt (Lamb et al. 2018, open prompts; Hearth's reading, coach18). A
 * preamble that is a ground rule ("Remember, tell me only the truth") keeps its code.
 */
function embeddedImperative(s: string, lex: Lexicon): RegExpExecArray | null {
  const comma = s.indexOf(', ');
  if (comma < 0 && !CLAUSE_JOIN.test(s)) return quotedThenImperative(s, lex);
  if (lex.groundRuleOpener.test(s) && !(WISH_PREAMBLE.test(s) && !lex.groundRule.test(s)))
    return null;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(s); m; m = CLAUSE_BREAK.exec(s)) {
    const start = m.index + m[0].length;
    // The first comma, with the request right after it, is the rule as it always was.
    const direct = m.index === comma ? lex.imperative.exec(s.slice(start)) : null;
    if (direct && direct[0].trim().length > 0) {
      direct.index += start;
      return direct;
    }
    const tail = s.slice(start).replace(CONNECTIVE, '');
    const hit = lex.imperative.exec(tail);
    // Past a connective or a later boundary the request must be open, not "..., and tell me
    // his name".
    if (!hit || hit[0].trim().length === 0) continue;
    const rest = tail.slice(hit[0].length);
    if (!lex.openContinuation.test(rest)) continue;
    // "Él te tocó y cuéntame de eso": a claim before the request keeps the sentence a claim.
    if (claimBefore(s.slice(0, m.index), lex)) continue;
    // The cue keeps the connective, as the anchored rule always did ("so tell me").
    hit.index = start;
    hit[0] = s.slice(start, s.length - tail.length + hit[0].length);
    return hit;
  }
  return null;
}
/** The words before a joined request state an event or a feeling, not the interviewer's wish. */
function claimBefore(before: string, lex: Lexicon): boolean {
  return (
    lex.leadingDeclarative.test(before) ||
    lex.emotionalStatement.test(before) ||
    lex.certainty.test(before) ||
    hasSensitiveDetail(before, lex)
  );
}
// Where a second clause may start: a comma, or "and/but/so" ("y/pero/así que/entonces").
const CLAUSE_BREAK = /, | (?:and|but|so|that'?s why|y|pero|asi que|entonces|por eso) /g;
const CLAUSE_JOIN = / (?:and|but|so|that'?s why|y|pero|asi que|entonces|por eso) /;
// Connectives that may open the second clause before the imperative.
const CONNECTIVE =
  /^(?:(?:and|but|so|then|now|ok(?:ay)?|just|that'?s why|y|pero|asi que|entonces|pues|bueno|ahora|por eso)\b,? ?)*/;
// Preambles that state the interviewer's wish or ignorance, not a rule of the interview.
const WISH_PREAMBLE =
  /^(?:i want to (?:understand|know|hear)|i'?d like to (?:understand|know|hear)|i would like to (?:understand|know|hear)|quiero (?:entender|saber|escuchar|oir)|me gustaria (?:entender|saber|escuchar|oir))\b/;

/**
 * Speech-recognition text without punctuation: "you said it hurt tell me more about that" /
 * "dijiste que te dolió cuéntame más de eso" is the child's words quoted back, then an invitation
 * (a cued invitation, Lamb et al. 2007). Only after a "you said" opening is a later imperative
 * taken as the sentence's prompt; the quoted words are still checked in context.
 */
function quotedThenImperative(s: string, lex: Lexicon): RegExpExecArray | null {
  const quoted = lex.cue.exec(s);
  if (!quoted || quoted.index > 12) return null;
  for (let i = s.indexOf(' ', quoted.index + quoted[0].length); i > 0; i = s.indexOf(' ', i + 1)) {
    const m = lex.imperative.exec(s.slice(i + 1));
    if (m) {
      m.index += i + 1;
      return m;
    }
  }
  return null;
}

/** The first `n` space-separated words: `s.split(' ', n).join(' ')`, without the array. */
function firstWords(s: string, n: number): string {
  if (n <= 0) return '';
  let space = -1;
  for (let k = 0; k < n; k++) {
    space = s.indexOf(' ', space + 1);
    if (space < 0) return s;
  }
  return s.slice(0, space);
}

/** A few words either side of a position, to show the cue in context. */
function around(s: string, index: number): string {
  const before = s.slice(0, index).split(' ').slice(-3).join(' ');
  const after = s.slice(index).split(' ').slice(0, 4).join(' ');
  return `${before}${after}`.trim();
}
