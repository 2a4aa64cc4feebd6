// Rule-based question-type classifier. Each rule is a linguistic cue from the lexicon (opener,
// auxiliary, tag, "or" alternative, imperative...), checked from the riskiest down so that the
// first cue found explains the code. Pure and cheap: it runs on every keystroke.
import { lexiconFor, type Lexicon, type ReasonKey } from './lexicon';
import { buildSuggestion } from './suggest';
import { normalise, splitSentences, type Sentence } from './text';
import {
  RISK,
  type Classification,
  type ClassifyContext,
  type Language,
  type QuestionSubtype,
  type QuestionType,
} from './types';
import { childVocabulary, reusedChildWord, unsaidDetail } from './vocabulary';

/** What one rule decided, before the reason text and suggestion are attached. */
export interface Decision {
  type: QuestionType;
  subtype: QuestionSubtype;
  reasonKey: ReasonKey;
  cue: string;
  /** The sentence (normalised, fillers stripped) that decided the code. */
  focus: string;
}

const decide = (
  type: QuestionType,
  subtype: QuestionSubtype,
  reasonKey: ReasonKey,
  cue: string,
  focus: string,
): Decision => ({ type, subtype, reasonKey, cue: cue.trim(), focus });

/**
 * Only the first characters of a very long utterance are analysed, which bounds the time of
 * every regular expression (a pasted page must not freeze the as-you-type coach).
 */
export const MAX_UTTERANCE_CHARS = 2000;

/** Young children struggle with "why", time and number questions (NICHD guidance). */
const YOUNG_CHILD_AGE = 10;

export function classifyQuestion(
  text: string,
  language: Language,
  context?: ClassifyContext,
): Classification {
  const lex = lexiconFor(language);
  const decision = decideUtterance(text, lex, context);
  const recommended = isRecommended(decision, context);
  const result: Classification = {
    type: decision.type,
    subtype: decision.subtype,
    recommended,
    reason: lex.reasons[decision.reasonKey].replace('{cue}', decision.cue),
  };
  if (decision.cue) result.cue = decision.cue;
  if (!recommended || decision.subtype === 'why') {
    const suggestion = buildSuggestion(text, decision, lex, context);
    if (suggestion) result.suggestion = suggestion;
  }
  return result;
}

function isRecommended(d: Decision, context?: ClassifyContext): boolean {
  if (d.type === 'option-posing' || d.type === 'suggestive') return false;
  if (d.type === 'directive' && (d.subtype === 'why' || d.subtype === 'time-or-count')) {
    const age = context?.childAgeYears;
    return !(typeof age === 'number' && age < YOUNG_CHILD_AGE);
  }
  return true;
}

export function decideUtterance(text: string, lex: Lexicon, context?: ClassifyContext): Decision {
  const norm = normalise(
    text.length > MAX_UTTERANCE_CHARS ? text.slice(0, MAX_UTTERANCE_CHARS) : text,
  );
  if (norm.length === 0) return decide('other', 'empty', 'empty', '', '');

  // Cues that make a whole turn suggestive wherever they appear.
  const coWitness = lex.coWitness.exec(norm);
  if (coWitness) return decide('suggestive', 'co-witness', 'coWitness', coWitness[0], norm);
  const pressure = lex.pressure.exec(norm);
  if (pressure) return decide('suggestive', 'pressure', 'pressure', pressure[0], norm);
  const emotional = lex.emotional.exec(norm);
  if (emotional) return decide('suggestive', 'emotional', 'emotional', emotional[0], norm);

  let best: Decision | undefined;
  let sawOther: Decision | undefined;
  let sawFacilitator: Decision | undefined;
  for (const sentence of splitSentences(norm)) {
    const d = decideSentence(sentence, lex);
    if (d.type === 'other') sawOther ??= d;
    else if (d.type === 'facilitator') sawFacilitator ??= d;
    else if (!best || RISK[d.type] > RISK[best.type]) best = d;
  }
  let result =
    best ?? sawOther ?? sawFacilitator ?? decide('other', 'statement', 'other', '', norm);

  if (result.type === 'invitation') {
    const segment = lex.timeSegment.exec(norm);
    const cue = lex.cue.exec(norm);
    if (cue) result = decide('cued-invitation', 'child-words', 'cued', cue[0], result.focus);
    else if (segment)
      result = decide('cued-invitation', 'time-segment', 'cued', segment[0], result.focus);
  }

  const childWords = context?.childWords;
  if (childWords && RISK[result.type] >= RISK.invitation && result.type !== 'suggestive') {
    const vocab = childVocabulary(childWords, lex);
    const detail = unsaidDetail(norm, vocab, lex);
    if (detail) return decide('suggestive', 'presumptive', 'presumptive', detail, result.focus);
    if (result.type === 'invitation') {
      const reused = reusedChildWord(norm, vocab, lex);
      if (reused)
        return decide('cued-invitation', 'child-words', 'cuedContext', reused, result.focus);
    }
  }
  return result;
}

function isFacilitator(text: string, lex: Lexicon): boolean {
  for (const part of text.split(',')) {
    const p = part.trim();
    if (p.length > 0 && !lex.facilitator.test(p)) return false;
  }
  return true;
}

function decideSentence(sentence: Sentence, lex: Lexicon): Decision {
  const t = sentence.text;
  if (isFacilitator(t, lex)) return decide('facilitator', 'acknowledgement', 'facilitator', t, t);
  const s = t.replace(lex.fillers, '').replace(/^[¿¡]\s*/, '');
  // Only fillers such as "thank you" or "so": a statement, not a prompt to go on.
  if (s.length === 0) return decide('other', 'statement', 'other', t, t);

  if (sentence.question) {
    const tag = lex.questionTag.exec(t);
    if (tag) return decide('suggestive', 'tag', 'tag', tag[0].replace(/^[,¿ ]+/, ''), s);
    const negative = lex.negativeOpener.exec(s);
    if (negative) return decide('suggestive', 'negative', 'negative', firstWords(s, 3), s);
  }

  const invitationQuestion = lex.invitationQuestion.exec(s) ?? lex.invitationQuestion.exec(t);
  if (invitationQuestion)
    return decide('invitation', 'follow-up', 'invitation', invitationQuestion[0], s);

  if (sentence.question) {
    const choice = lex.choice.exec(s);
    if (choice)
      return decide('option-posing', 'forced-choice', 'forcedChoice', around(s, choice.index), s);
    const faux = lex.fauxInvitation.exec(s);
    if (faux) return decide('option-posing', 'faux-invitation', 'fauxInvitation', faux[0], s);
    const wh = whDecision(s, lex);
    if (wh) return wh;
    const imperative = imperativeDecision(s, lex);
    if (imperative) return imperative;
    if (lex.yesNoOpener === null || lex.yesNoOpener.test(s)) {
      return decide('option-posing', 'yes-no', 'yesNo', firstWords(s, 2), s);
    }
    return decide('option-posing', 'declarative', 'declarative', '', s);
  }

  const imperative = imperativeDecision(s, lex);
  if (imperative) return imperative;
  const groundRule = lex.groundRuleOpener.exec(s);
  if (groundRule) return decide('other', 'ground-rule', 'groundRule', firstWords(s, 4), s);
  const feeling = lex.emotionalStatement.exec(s);
  if (feeling) return decide('suggestive', 'emotional', 'emotional', feeling[0], s);
  // Questions typed without a question mark, as they often are in live notes.
  if (lex.yesNoOpener !== null) {
    const wh = whDecision(s, lex);
    if (wh && /^\S+ (do|does|did|is|are|was|were|has|have|had|can|could|will|would)\b/.test(s))
      return wh;
    if (
      lex.yesNoOpener.test(s) &&
      /^\S+ (you|he|she|it|they|we|there|anyone|anybody|someone|somebody)\b/.test(s)
    ) {
      const faux = lex.fauxInvitation.exec(s);
      if (faux) return decide('option-posing', 'faux-invitation', 'fauxInvitation', faux[0], s);
      return decide('option-posing', 'yes-no', 'yesNo', firstWords(s, 2), s);
    }
  }
  return decide('other', 'statement', 'other', '', s);
}

function whDecision(s: string, lex: Lexicon): Decision | undefined {
  const why = lex.whWhy.exec(s);
  if (why) return decide('directive', 'why', 'directiveWhy', firstWords(s, 3), s);
  const timeCount = lex.whTimeCount.exec(s);
  if (timeCount)
    return decide('directive', 'time-or-count', 'directiveTimeCount', firstWords(s, 3), s);
  const wh = lex.whAny.exec(s);
  if (wh) return decide('directive', 'wh', 'directive', firstWords(s, 3), s);
  return undefined;
}

/** "Tell me / describe / cuéntame ..." : an invitation unless what follows asks for a detail. */
function imperativeDecision(s: string, lex: Lexicon): Decision | undefined {
  const direct = lex.directImperative.exec(s);
  if (direct) return decide('directive', 'wh', 'directive', direct[0], s);
  const opener = lex.invitationOpener.exec(s);
  if (opener) return decide('invitation', 'open', 'invitation', opener[0], s);
  const imperative = lex.imperative.exec(s);
  if (!imperative) return undefined;
  const rest = s.slice(imperative[0].length);
  if (lex.openContinuation.test(rest))
    return decide('invitation', 'open', 'invitation', imperative[0], s);
  const wh = whDecision(rest, lex);
  if (wh) return { ...wh, cue: `${imperative[0].trim()} ${wh.cue}` };
  return decide('invitation', 'open', 'invitation', imperative[0], s);
}

function firstWords(s: string, n: number): string {
  return s.split(' ', n).join(' ');
}

/** A few words either side of a position, to show the cue in context. */
function around(s: string, index: number): string {
  const before = s.slice(0, index).split(' ').slice(-3).join(' ');
  const after = s.slice(index).split(' ').slice(0, 4).join(' ');
  return `${before}${after}`.trim();
}
