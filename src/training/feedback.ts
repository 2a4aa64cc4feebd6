// Feedback after a practice interview, in NICHD terms (measures.ts): the headline is the share
// of invitations in the substantive phase, beside the option-posing and suggestive counts;
// directives are shown apart as acceptable, not preferred. The coach's report supplies the
// flagged questions and their open alternatives (scripted protocol prompts are never flagged);
// true facts and false details come from replaying the simulated child over the same questions,
// so every number can be re-derived from the stored transcript.
import type { SessionPlan } from '../protocols';
import type { Simulation, Stage } from './child';
import {
  codeTranscript,
  leadsChild,
  YOUNG_CHILD_AGE,
  type QuestionSubtype,
  type QuestionType,
  type Turn,
  type TypeCounts,
} from './coding';
import { isSupportStatement, measure, type Measures } from './measures';
import { DETERMINERS } from './phrases';
import { childNoun, fill, fillPlural, textsFor } from './texts';
import type { ChildGender, Conclusion, Scenario } from './types';
import { suggestionFromOwnWords } from './suggestion-words';
import { hardQuestions, type HardQuestion } from './understanding';

/**
 * The version of the coach's rules (coding, the simulated child, measures, goals and their
 * wording) that computed a feedback. Stored with every feedback so that `vault check` and the
 * trainer's views can recompute it from the sealed practice transcript and compare (red team
 * round 15, R15-2): only a feedback of this same version can be recomputed, because the rules of
 * an older release are not in this build. Bump it whenever any rule changes what buildFeedback
 * returns for the same transcript (tests/unit/training/coach-version.test.ts fails until then).
 */
export const COACH_VERSION = 4;

export interface FeedbackFlag {
  questionNumber: number;
  text: string;
  type: QuestionType;
  subtype: QuestionSubtype;
  reason: string;
  suggestion?: string;
}

export interface FeedbackFalseDetail {
  detail: string;
  questionNumber: number;
  question: string;
  questionType: QuestionType;
  source: 'suggested' | 'guess';
  lure: boolean;
}

/** Articles and possessives a quoted phrase keeps before its first word (folded). */
const DETERMINER_WORDS: ReadonlySet<string> = new Set([...DETERMINERS.en, ...DETERMINERS.es]);

/** A person as object: "Did the man hit | you?" ends with the act, not a detail's noun. */
const PERSON_OBJECT = /^(?:you|me|him|her|them|us|te|me|lo|la|le|les|nos)$/u;

/** The index of the last token of the sentence holding tokens[at] (its end mark excluded). */
function sentenceEnd(tokens: readonly string[], at: number): number {
  for (let i = at; i < tokens.length; i++) if (/[.;:!]$/u.test(tokens[i]!)) return i;
  return tokens.length - 1;
}

/** Object clitics that belong with the verb they stand before ("te lastimaste"). */
const CLITIC = /^(?:te|me|se|le|lo|la|les|los|las|you)$/iu;

/**
 * The interviewer's own words for an adopted detail, quoted from the question as asked
 * ("¿Te lastimaste la mano?" -> "te lastimaste la mano"): the span from the first to the last
 * detail word, with a clitic before it. The detail words alone read as a mixed-person fragment
 * ("me lastimaste mano", es12 E12-6). The detail words themselves when the question lacks them.
 */
export function askedPhrase(question: string, detail: string): string {
  const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const tokens = question
    .replace(/[¿?¡!]/gu, ' ')
    .split(/\s+/)
    .filter((t) => t !== '');
  const bare = tokens.map((t) => fold(t.replace(/[^\p{L}\p{N}']/gu, '')));
  const wanted = new Set(detail.split(/\s+/).map(fold));
  const hits = bare.flatMap((w, i) => (wanted.has(w) ? [i] : []));
  if (hits.length === 0) return detail;
  let from = hits[0]!;
  let to = hits[hits.length - 1]!;
  if (to - from > 8) return detail;
  if (from > 0 && CLITIC.test(bare[from - 1]!)) from -= 1;
  // Never a clipped phrase ("touch your private" from "Did he touch your private parts?",
  // practitioner review R18-14): the span runs to the end of its sentence when at most two
  // words remain (no person as object), and takes the article or possessive before it ("tu amiga ...").
  const end = sentenceEnd(tokens, to);
  const rest = bare.slice(to + 1, end + 1);
  if (rest.length <= 2 && !rest.some((w) => PERSON_OBJECT.test(w))) to = end;
  if (from > 0 && DETERMINER_WORDS.has(bare[from - 1]!)) from -= 1;
  return tokens
    .slice(from, to + 1)
    .join(' ')
    .replace(/[,.;:]+$/u, '');
}

/**
 * A true detail the interviewer named before the child told it (child.ts IntroducedDetail):
 * shown apart from false details, because it is true, but still the interviewer's.
 */
export interface FeedbackIntroducedDetail {
  /** The interviewer's words for it. */
  detail: string;
  questionNumber: number;
  question: string;
  questionType: QuestionType;
  /** The fact of the scenario it is true of, in the child's words. */
  fact: string;
}

export interface PhaseStatus {
  phaseId: string;
  title: string;
  status: 'done' | 'skipped' | 'not-used';
  label: string;
}

export interface ConclusionFeedback {
  chosen: Conclusion;
  /** What a careful interviewer could conclude from this interview. */
  expected: Conclusion[];
  correct: boolean;
  /** Why, in the interview language (reveals what really happened). */
  explanation: string;
}

export interface Feedback {
  /** The coach's rules that computed it (COACH_VERSION); absent in feedback stored before R15-2. */
  coachVersion?: number;
  scenarioId: string;
  scenarioTitle: string;
  seed: number;
  language: 'en' | 'es';
  ageYears: number;
  /** 1 for a first interview, 2 for a second session with the same child. */
  session: number;
  questions: number;
  prompts: number;
  /** Invitations, cued invitations and facilitators among prompts (scripted prompts count as theirs). */
  recommendedShare: number;
  invitationShare: number;
  measures: Measures;
  /** Per interviewer question (1-based order): its coding, stage and whether it was scripted. */
  coded: Array<{ type: QuestionType; stage: Stage; scripted: boolean }>;
  counts: TypeCounts;
  flagged: FeedbackFlag[];
  findings: Array<{ rule: string; questionNumber: number; message: string }>;
  phases: PhaseStatus[];
  rapportDone: boolean;
  groundRulesDone: boolean;
  trueFactsElicited: number;
  trueFactsTotal: number;
  facts: Array<{
    id: string;
    text: string;
    centrality: 'central' | 'peripheral';
    elicited: boolean;
    questionNumber?: number;
    /** Told in an earlier session with the same child. */
    toldEarlier?: boolean;
    /** A peripheral detail told differently in this session (the earlier wording is `text`). */
    toldDifferently?: string;
    /** The fact's brief first telling (Fact.brief, train31), when it has one. */
    brief?: string;
    /** Told in this session only in its brief form: the rest of its detail is still untold. */
    toldOnlyBriefly?: boolean;
  }>;
  /**
   * A later session with the same child: details new in this session (reminiscence) and
   * peripheral details told differently, with why both are normal (research.ts REMINISCENCE,
   * HARMLESS_INCONSISTENCY). Absent in a first session.
   */
  acrossSessions?: { newDetails: number; toldDifferently: number; note: string };
  falseDetails: FeedbackFalseDetail[];
  /** True details the interviewer introduced before the child said them (contamination). */
  introducedDetails: FeedbackIntroducedDetail[];
  /**
   * Practice and substantive questions too hard for a child of this age (legal words, negatives,
   * two questions in one, too long), whether the child said "I don't understand" or answered
   * anyway, each with a simpler open prompt (understanding.ts).
   */
  hardQuestions: HardQuestion[];
  /** Whether any prompt fell in the substantive phase (false: the interview never got there). */
  reachedSubstantive: boolean;
  /** The scenario child's gender when the scenario gives one (Spanish grammar on screen). */
  childGender?: ChildGender;
  goals: Array<{ id: string; text: string }>;
  conclusion?: ConclusionFeedback;
  /** The child ended the interview ("not today"): a second session can be started. */
  notToday: boolean;
  finishedAt?: string;
}

export interface FeedbackInput {
  scenario: Scenario;
  seed: number;
  /** Interviewer and child turns in order, as stored in the session. */
  turns: Turn[];
  simulation: Simulation;
  plan: SessionPlan;
  phasesEntered: ReadonlySet<string>;
  conclusion?: Conclusion;
  /** Invitation share (0..1) in the substantive phase for "Good open questioning". */
  goodInvitationShare?: number;
}

/** For each of the child's answers in order, whether it answered a substantive prompt. */
export function substantiveAnswers(simulation: Simulation): boolean[] {
  return simulation.replies.map((r) => r.stage === 'substantive');
}

/** Builds the feedback of one finished practice interview (shares in 0..1, numbers 1-based). */
export function buildFeedback(input: FeedbackInput): Feedback {
  const { scenario, simulation, plan } = input;
  const language = scenario.language;
  const texts = textsFor(language);
  const questionTexts = input.turns.filter((t) => t.speaker === 'interviewer').map((t) => t.text);
  const questionPhases = input.turns
    .filter((t) => t.speaker === 'interviewer')
    .map((t) => t.phaseId);
  const { measures, codings, scripted } = measure({
    questions: questionTexts,
    phases: questionPhases,
    simulation,
    plan,
    ...(input.goodInvitationShare !== undefined
      ? { goodInvitationShare: input.goodInvitationShare }
      : {}),
  });
  const report = codeTranscript(
    input.turns,
    language,
    scenario.ageYears,
    simulation.earlierSaid ?? [],
    {
      substantive: substantiveAnswers(simulation),
      ...(simulation.earlierEventSaid ? { earlierEventWords: simulation.earlierEventSaid } : {}),
      // One question, one code: the flags read the codes the measures count (R18-5).
      codings,
    },
  );
  // The report indexes every turn; trainees count their questions.
  const questionNumber = new Map<number, number>();
  let n = 0;
  for (const t of report.coded) if (t.speaker === 'interviewer') questionNumber.set(t.index, ++n);
  const numberOf = (index: number): number => questionNumber.get(index) ?? 0;
  const isScripted = (number: number) => scripted[number - 1] === true;
  // The child's "I don't know" to a ground-rule practice question ("What is my dog's name?") is
  // the right answer the practice asks for, not an answer the trainee failed to get: a question
  // after it is no riskier re-ask of anything (NICHD 2014 ground rules; practitioner review
  // R18-1). `childIndex` is the child's turn index in the report.
  const idkWasPractice = (childIndex: number | undefined): boolean => {
    if (childIndex === undefined) return false;
    const asked = input.turns
      .slice(0, childIndex)
      .filter((t) => t.speaker === 'interviewer').length;
    const stage = simulation.replies[asked - 1]?.stage;
    return stage === 'groundRules' || stage === 'rapport';
  };
  // The coach's alternative, re-derived from the child's own words only: a detail the child
  // adopted, or a bare "Yes.", is never quoted back to the trainee as a better question.
  const suggestionOf = (f: { index: number; suggestion?: string }): string | undefined =>
    f.suggestion === undefined
      ? undefined
      : suggestionFromOwnWords(
          input.turns,
          f.index,
          simulation.adoptedDetails,
          language,
          scenario.ageYears,
          substantiveAnswers(simulation),
        );
  const coachSuggestion = new Map<number, string>();
  const flaggedWithSuggestion = report.flagged.map((f) => {
    const suggestion = suggestionOf(f);
    if (suggestion !== undefined) coachSuggestion.set(numberOf(f.index) - 1, suggestion);
    return { f, suggestion };
  });

  const flagged: FeedbackFlag[] = flaggedWithSuggestion
    .map(({ f, suggestion }) => ({
      questionNumber: numberOf(f.index),
      text: f.text,
      type: f.type,
      subtype: f.subtype,
      reason: f.reason,
      ...(suggestion !== undefined ? { suggestion } : {}),
    }))
    .filter((f) => !isScripted(f.questionNumber));

  // A scripted statement (the protocol's closing, "...you can tell your mom, and she can call
  // me.") is no event talk: a "Yeah." to it takes up no detail (R18-6).
  const scriptedStatement = (turn: number) =>
    scripted[turn] === true && codings[turn]?.type === 'other';
  const falseDetails: FeedbackFalseDetail[] = simulation.falseDetails
    .filter((fd) => !scriptedStatement(fd.turn))
    .map((fd) => ({
      // A lure and a guess are worded by the child ("Yesterday", "In the morning"), not by the
      // question: quoting the question's span for a guess named a word the child never took up
      // ("the" from "When did he take the pictures?", audit 18h N18h-3).
      detail:
        fd.lureId !== undefined || fd.source === 'guess'
          ? fd.detail
          : askedPhrase(questionTexts[fd.turn] ?? fd.question, fd.detail),
      questionNumber: fd.turn + 1,
      question: questionTexts[fd.turn] ?? fd.question,
      questionType: fd.questionType,
      source: fd.source,
      lure: fd.lureId !== undefined,
    }));

  const introducedDetails: FeedbackIntroducedDetail[] = simulation.introducedDetails
    .filter((d) => scripted[d.turn] !== true)
    .map((d) => ({
      detail: d.detail,
      questionNumber: d.turn + 1,
      question: questionTexts[d.turn] ?? d.question,
      questionType: d.questionType,
      fact: scenario.facts.find((f) => f.id === d.factId)?.text ?? '',
    }));

  const facts = scenario.facts.map((f) => {
    const at = simulation.elicited.get(f.id);
    return {
      id: f.id,
      text: f.text,
      centrality: f.centrality,
      elicited: at !== undefined,
      ...(at !== undefined ? { questionNumber: at + 1 } : {}),
      ...(simulation.toldEarlier.has(f.id) ? { toldEarlier: true } : {}),
      ...(simulation.retold.has(f.id) ? { toldDifferently: simulation.retold.get(f.id) } : {}),
      ...(f.brief !== undefined ? { brief: f.brief } : {}),
      ...(simulation.briefOnly?.has(f.id) ? { toldOnlyBriefly: true } : {}),
    };
  });

  // Rapport is done when the trainee asked rapport prompts, whether or not the child talked
  // (a reluctant child's "..." and "Mm." to "Tell me about things you like to do"): the trainee
  // is not told to start with rapport after doing so (practitioner review R18-7).
  const rapportIdx = codings.flatMap((c, i) =>
    simulation.replies[i]?.stage === 'rapport' && (c.type !== 'other' || scripted[i] === true)
      ? [i]
      : [],
  );
  const rapportDone = simulation.rapportDone || rapportIdx.length > 0;
  // Every rapport answer reluctant: the child said little, and rapport should have gone on.
  const quietRapport =
    rapportIdx.length > 0 && rapportIdx.every((i) => simulation.replies[i]?.reluctant === true)
      ? rapportIdx.map((i) => i + 1)
      : [];
  const unsupportedReluctance = simulation.replies.flatMap((r, i) =>
    r.reluctant &&
    r.stage !== 'rapport' &&
    i + 1 < simulation.replies.length &&
    simulation.replies[i + 1]?.supportive !== true
      ? [i + 1]
      : [],
  );

  const phases: PhaseStatus[] = (plan.sessions[0]?.phases ?? []).map((p) => {
    const done =
      input.phasesEntered.has(p.id) ||
      (p.id === 'rapport' && rapportDone) ||
      (p.id === 'groundRules' && simulation.groundRulesDone) ||
      (p.id === 'narrativePractice' && measures.narrativePractice.prompts > 0);
    const status: PhaseStatus['status'] = done
      ? 'done'
      : p.optional || p.skippable || !p.recommended
        ? 'not-used'
        : 'skipped';
    const label =
      status === 'done'
        ? texts.phaseStatus.done
        : status === 'skipped'
          ? texts.phaseStatus.skipped
          : texts.phaseStatus.optional;
    return { phaseId: p.id, title: p.title, status, label };
  });

  const counts = Object.fromEntries(
    [
      'invitation',
      'cued-invitation',
      'facilitator',
      'directive',
      'option-posing',
      'suggestive',
      'other',
    ].map((type) => [type, codings.filter((c) => c.type === type).length]),
  ) as TypeCounts;

  const feedback: Feedback = {
    coachVersion: COACH_VERSION,
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    seed: input.seed,
    language,
    ageYears: scenario.ageYears,
    session: simulation.session,
    questions: questionTexts.length,
    prompts: codings.filter(
      (c, i) =>
        c.type !== 'other' && !isSupportStatement(questionTexts[i] ?? '', simulation.replies[i]),
    ).length,
    recommendedShare: measures.recommendedShare,
    invitationShare: measures.invitationShare,
    measures,
    coded: codings.map((c, i) => ({
      type: c.type,
      stage: simulation.replies[i]?.stage ?? 'substantive',
      scripted: scripted[i] === true,
    })),
    counts,
    flagged,
    findings: report.findings
      .filter((f) => !(f.rule === 'riskier-reask' && idkWasPractice(f.relatedTurnIndex)))
      .map((f) => ({ rule: f.rule, questionNumber: numberOf(f.turnIndex), message: f.message }))
      .filter((f) => !isScripted(f.questionNumber)),
    phases,
    rapportDone,
    groundRulesDone: simulation.groundRulesDone,
    trueFactsElicited: simulation.elicited.size,
    trueFactsTotal: scenario.facts.length,
    facts,
    falseDetails,
    introducedDetails,
    hardQuestions: hardQuestions({
      language,
      ageYears: scenario.ageYears,
      questions: questionTexts,
      simulation,
      scripted,
      coachSuggestion,
      ...(scenario.gender ? { gender: scenario.gender } : {}),
    }),
    // Any prompt in the substantive phase, a scripted one included ("Did that happen one time
    // or more than one time?" is left out of the share's denominator only).
    reachedSubstantive: codings.some(
      (c, i) =>
        simulation.replies[i]?.stage === 'substantive' &&
        c.type !== 'other' &&
        !isSupportStatement(questionTexts[i] ?? '', simulation.replies[i]),
    ),
    goals: [],
    notToday: simulation.notToday,
    ...(scenario.gender ? { childGender: scenario.gender } : {}),
  };
  if (simulation.session > 1)
    feedback.acrossSessions = acrossSessions(feedback, texts, childNoun(scenario));
  if (input.conclusion)
    feedback.conclusion = judgeConclusion(input.conclusion, scenario, simulation, feedback);
  feedback.goals = chooseGoals(feedback, scenario, { quietRapport, unsupportedReluctance });
  return feedback;
}

/**
 * What changed since the earlier session with the same child, and what it means: new details
 * (reminiscence) and peripheral details told differently are normal in children's repeated
 * accounts and are not signs of lying (Fisher, Brewer & Mitchell 2009; La Rooy, Katz, Malloy &
 * Lamb 2010; see research.ts).
 */
function acrossSessions(
  f: Feedback,
  texts: ReturnType<typeof textsFor>,
  nouns: Record<string, string>,
): NonNullable<Feedback['acrossSessions']> {
  const newDetails = f.facts.filter((x) => x.elicited && !x.toldEarlier).length;
  const toldDifferently = f.facts.filter((x) => x.toldDifferently !== undefined).length;
  const t = texts.acrossSessions;
  // The child by the scenario's gender in Spanish ("Sesión 2 con esta niña"; fb26).
  const parts = [fill(t.summary, { ...nouns, session: f.session, newDetails, toldDifferently })];
  if (newDetails > 0) parts.push(fill(t.reminiscence, nouns));
  if (toldDifferently > 0) parts.push(fill(t.inconsistency, nouns));
  return { newDetails, toldDifferently, note: parts.join(' ') };
}

/**
 * Feedback on the trainee's conclusion (Pompedda, Zappalà & Santtila 2015: feedback on both the
 * questions and the conclusion improved later interviews). A nothing-happened scenario expects
 * "nothing happened" and accepts "cannot tell" (no disclosure does not establish that nothing
 * happened: APSAC 2023; Newlin et al. 2015, OJJDP); an event scenario expects "event", or
 * "cannot tell" when the child did not tell the central act in this interview.
 *
 * The explanation reads verdict, reason(s), then "What really happened". A conclusion that is
 * true of the scenario but not shown by this interview (an event the child never told) is not
 * called one that "does not fit": the trainee is told it did happen and why the interview does
 * not show it, so the truth that follows does not read as a contradiction.
 * @param chosen the trainee's conclusion.
 * A disclosure is the child telling the central act in its own words at any point of the session
 * (measures.disclosureQuestionNumber), also after a question named it first; who named it first
 * (measures.allegationBy) is a separate reason, never "the child did not tell" (rev21 finding 3).
 * @param f the feedback so far: its measures.disclosureQuestionNumber, allegationBy and
 *   falseDetails give the reasons.
 * @returns the verdict and its explanation, in the scenario's language.
 */
export function judgeConclusion(
  chosen: Conclusion,
  scenario: Pick<Scenario, 'language' | 'outcome' | 'summary'> &
    Partial<Pick<Scenario, 'gender' | 'ageYears' | 'facts'>>,
  simulation: Pick<Simulation, 'toldEarlier'>,
  f: {
    measures: Pick<Measures, 'allegationBy' | 'disclosureQuestionNumber'>;
    falseDetails: readonly unknown[];
  },
): ConclusionFeedback {
  const c = textsFor(scenario.language).conclusion;
  // The child named by gender and age in Spanish ("la niña contó"), "the child" in English.
  const nouns = childNoun(scenario);
  const t = Object.fromEntries(
    Object.entries(c).map(([k, v]) => [k, k === 'truth' ? v : fill(v, nouns)]),
  ) as typeof c;
  // The child naming the act first is a disclosure too (measures stored before rev21 lack the
  // question number).
  const disclosedHere =
    f.measures.disclosureQuestionNumber !== undefined || f.measures.allegationBy === 'child';
  // A second session with the same child: a central act the child told in the first session is
  // a disclosure of this case, not missing from it (practitioner review R18-12). Without the
  // scenario's facts, anything told earlier counts.
  const central = scenario.facts?.filter((x) => x.centrality === 'central').map((x) => x.id);
  const disclosedEarlier =
    !disclosedHere &&
    (central === undefined
      ? simulation.toldEarlier.size > 0
      : central.some((id) => simulation.toldEarlier.has(id)));
  const disclosed = disclosedHere || disclosedEarlier;
  const nothingHappened = scenario.outcome === 'nothing-happened';
  // Nothing happened: "cannot tell" is acceptable too, never wrong. US forensic-interview
  // guidance holds that an interview without a disclosure does not establish that nothing
  // happened (APSAC 2023, Practice Guidelines: Forensic Interviewing in Cases of Suspected Child
  // Abuse; Newlin et al. 2015, Child Forensic Interviewing: Best Practices, OJJDP Juvenile
  // Justice Bulletin), so a trainee who stops at "cannot tell" is careful, not mistaken; the
  // scenario's truth (scored against ground truth as in Pompedda et al. 2015) is told after it
  // (audit N18d-10).
  const expected: Conclusion[] = nothingHappened
    ? ['nothing-happened', 'cannot-tell']
    : disclosed
      ? ['event']
      : ['cannot-tell', ...(simulation.toldEarlier.size > 0 ? (['event'] as const) : [])];
  const correct = expected.includes(chosen);
  const trueOfScenario = chosen === (nothingHappened ? 'nothing-happened' : 'event');
  const careful = nothingHappened && chosen === 'cannot-tell';
  const verdict = careful
    ? t.acceptable
    : correct
      ? t.right
      : trueOfScenario
        ? t.trueButNotShown
        : t.wrong;
  const reasons: string[] = [];
  if (careful) reasons.push(t.noDisclosureIsNotNothing);
  if (nothingHappened && f.falseDetails.length > 0)
    reasons.push(
      fillPlural(scenario.language, 'conclusion.plantedAllegation', {
        ...nouns,
        count: f.falseDetails.length,
      }),
    );
  else if (f.measures.allegationBy === 'interviewer') reasons.push(t.interviewerIntroduced);
  if (disclosedEarlier && !nothingHappened) reasons.push(t.disclosedEarlier);
  else if (!disclosed && !nothingHappened) reasons.push(t.noDisclosure);
  // A wrong conclusion always gets a reason, even when nothing above applies; a missed
  // disclosure is named also when a question named the act first (rev21 finding 3).
  if (!correct && !nothingHappened && disclosedHere) reasons.push(t.childDisclosed);
  else if (!correct && reasons.length === 0)
    reasons.push(nothingHappened ? t.nothingTold : t.childDisclosed);
  const parts = [verdict, ...reasons, fill(t.truth, { summary: scenario.summary })];
  return { chosen, expected, correct, explanation: parts.join(' ') };
}

/**
 * Whether the trainee earned "Good open questioning". Praise is about what the interviewer said,
 * not what the simulated child happened to take up (NICHD feedback: Lamb, Sternberg, Orbach,
 * Esplin & Mitchell 2002, Appl Dev Sci 6:35-41): only at or above the configured invitation share
 * in the substantive phase, and never after any suggestive prompt, an allegation the interviewer
 * introduced, an option-posing prompt left unpaired, or a detail the child took up from a prompt.
 * @param flagged the coded prompts that drew a warning (any phase).
 */
export function earnsOpenQuestioningPraise(
  m: Pick<
    Measures,
    | 'substantivePrompts'
    | 'substantiveInvitationShare'
    | 'goodInvitationShare'
    | 'suggestive'
    | 'allegationBy'
    | 'pairing'
  >,
  flagged: ReadonlyArray<{ type: QuestionType; subtype: QuestionSubtype }>,
  planted: boolean,
): boolean {
  return (
    m.substantivePrompts > 0 &&
    m.substantiveInvitationShare >= m.goodInvitationShare &&
    !planted &&
    m.suggestive === 0 &&
    // No leading prompt: suggestive, or a closed question that introduced a detail (coding.ts).
    !flagged.some(leadsChild) &&
    m.allegationBy !== 'interviewer' &&
    m.pairing.closed <= m.pairing.pairedAtOnce
  );
}

/**
 * "question 13" or "questions 13, 15 and 16" in the feedback's language (goalParts).
 * @param numbers 1-based question numbers, at least one.
 */
export function questionList(language: Scenario['language'], numbers: readonly number[]): string {
  const t = textsFor(language).goalParts;
  const last = numbers[numbers.length - 1] ?? 0;
  return numbers.length === 1
    ? fill(t.questionOne, { number: last })
    : fill(t.questionMany, { list: numbers.slice(0, -1).join(', '), last });
}

/**
 * The ground-rules goal, if any (NICHD revised protocol 2014, ground rules: each rule is explained
 * and practised until the child shows understanding; Brubacher, Poole & Dickinson 2015, Dev Rev
 * 36:15-33), by what the child's age band asks of each rule (measures.groundRules `expected`,
 * from age-bands.ts):
 * - the child guessed on a practice item: the trainee did practise, so the goal says the child
 *   guessed and asks for a second item (never "practise the ground rules");
 * - a later session with the same child who had the rules in an earlier session: never practise
 *   them again; when no rule was named in it, remind them briefly (the plan's reconnect reminder;
 *   Hershkowitz, Lamb, Blasbalg & Karni-Visel 2021);
 * - a rule the band asks to practise, neither practised now nor earlier: practise it, naming only
 *   those rules ("I don't understand" is explained, not practised, at 3-5: comprehension
 *   monitoring is poor at that age);
 * - otherwise a rule the band asks only to explain (every rule at 14-17, where practice items are
 *   offered only if needed) that was not even stated: state it; stating it is never called
 *   "only stated" at that age.
 * The truth rule is a promise, not a practice item (Lyon & Dorado 2008), and is left out.
 * Measures stored without `expected` (before coach version 4) are read as "practise".
 */
function addRulesGoal(
  f: Feedback,
  scenario: Scenario,
  add: (
    id: 'groundRules' | 'groundRulesGuessed' | 'remindRules' | 'explainRules',
    v?: Record<string, string | number>,
  ) => void,
): void {
  const rules = f.measures.groundRules.filter((r) => r.rule !== 'truth');
  const parts = textsFor(scenario.language).goalParts;
  const guessed = rules.find((r) => r.guessedAt !== undefined);
  if (guessed?.guessedAt !== undefined) {
    add('groundRulesGuessed', { number: guessed.guessedAt, rule: parts.rules[guessed.rule] });
    return;
  }
  // A later session whose child had the rules before: its plan reminds them (no rules phase), so
  // it is never asked to practise them again (R18-12).
  if (f.session > 1 && rules.some((r) => r.earlier !== undefined)) {
    if (rules.every((r) => r.status === 'missing')) add('remindRules', { earlier: f.session - 1 });
    return;
  }
  const list = (ids: ReadonlyArray<{ rule: keyof typeof parts.rules }>) =>
    joinList(
      scenario.language,
      ids.map((r) => parts.rules[r.rule]),
    );
  const toPractise = rules.filter(
    (r) =>
      (r.expected ?? 'practise') === 'practise' &&
      r.status !== 'practised' &&
      r.earlier !== 'practised',
  );
  if (toPractise.length > 0) {
    add('groundRules', { rules: list(toPractise), age: scenario.ageYears });
    return;
  }
  const unstated = rules.filter(
    (r) => r.expected === 'explain' && r.status === 'missing' && r.earlier === undefined,
  );
  // The count picks "the rule … this rule" or "… these rules" (i18next plural keys).
  if (unstated.length > 0)
    add('explainRules', { rules: list(unstated), age: scenario.ageYears, count: unstated.length });
}

/** "a", "a and b", "a, b, and c" ("a, b y c" in Spanish), by Intl.ListFormat: lists of rules. */
function joinList(language: Scenario['language'], items: readonly string[]): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

/** The turns the support and rapport goals name (1-based question numbers). */
interface ReluctantTurns {
  /** Rapport questions when the child answered every one reluctantly ("...", "Mm."). */
  quietRapport: readonly number[];
  /**
   * Questions whose reluctant answer, after rapport, was followed by another prompt rather than
   * a support statement (NICHD revised protocol support; Hershkowitz et al. 2006).
   */
  unsupportedReluctance: readonly number[];
}

/** One or two concrete goals, most important first. */
function chooseGoals(
  f: Feedback,
  scenario: Scenario,
  turns: ReluctantTurns,
): Array<{ id: string; text: string }> {
  const g = textsFor(scenario.language).goals;
  const nouns = childNoun(scenario);
  const m = f.measures;
  const out: Array<{ id: string; text: string }> = [];
  // Every goal that applies is collected in order of harm; the first two are shown (below).
  // explainRules has plural forms (explainRules_one/_other), picked by its `count`.
  const add = (
    id: keyof typeof g | 'explainRules',
    values: Record<string, string | number> = {},
  ) => {
    if (out.some((o) => o.id === id)) return;
    const text =
      id === 'explainRules'
        ? fillPlural(scenario.language, 'goals.explainRules', {
            ...nouns,
            ...values,
            count: Number(values.count ?? 1),
          })
        : fill(g[id], { ...nouns, ...values });
    out.push({ id, text });
  };
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  // Goals come in order of harm to what the trainee learns and to the child's account, and the
  // first two are shown (Hearth's order, after the NICHD research's ranking of prompt types:
  // suggestive prompts bring in information the child has not given and option-posing prompts
  // draw the least accurate answers, while a low invitation share costs detail, not accuracy;
  // Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231):
  // details the interviewer planted or named first, leading prompts, unpaired option-posing;
  // then an interview cut short, questions the child could not understand, missing support;
  // then the style of questioning and the pre-substantive phases.
  // A protocol-scripted prompt's words never make a goal (they are the protocol's, not the
  // trainee's suggestion).
  const planted = f.falseDetails.find(
    (d) => d.source === 'suggested' && f.coded[d.questionNumber - 1]?.scripted !== true,
  );
  if (planted) add('noNewDetails', { detail: planted.detail, number: planted.questionNumber });
  if (m.allegationBy === 'interviewer' && m.allegationQuestionNumber !== undefined)
    add('allegationFromChild', { number: m.allegationQuestionNumber });
  const leading = f.flagged.find((q) => leadsChild(q) && q.suggestion !== undefined);
  if (leading)
    add('avoidSuggestive', { question: leading.text, suggestion: leading.suggestion ?? '' });
  if (m.pairing.closed > m.pairing.pairedAtOnce)
    add('pairOptionPosing', { closed: m.pairing.closed, paired: m.pairing.pairedAtOnce });
  // A child who said "not today": the lesson is to close warmly and plan a second session, not
  // to press (revised NICHD protocol; Hershkowitz, Lamb, Blasbalg & Karni-Visel 2021).
  if (m.reluctance.notToday) add('secondSession');
  // An interview that never reached the substantive phase has no invitation share to judge:
  // say so plainly and say how to get there (the protocol's transition prompts).
  else if (f.questions === 0) add('noQuestions');
  else if (!f.reachedSubstantive) add('reachSubstantive');
  const notUnderstood = f.hardQuestions.find((q) => q.childSaidNotUnderstood);
  const hard = notUnderstood ?? (f.hardQuestions.length >= 2 ? f.hardQuestions[0] : undefined);
  if (hard)
    add('simplerQuestions', {
      number: hard.questionNumber,
      question: hard.text,
      suggestion: hard.alternative,
    });
  // Support is named by the answers it should have followed: a reluctant answer after rapport
  // ("Do I have to?") followed by another prompt rather than a support statement (practitioner
  // review R18-7). Silent when support followed every such answer.
  if (turns.unsupportedReluctance.length > 0)
    add('supportReluctant', {
      questions: questionList(scenario.language, turns.unsupportedReluctance),
    });
  if (m.substantivePrompts > 0 && m.substantiveInvitationShare < m.goodInvitationShare)
    add('moreInvitations', {
      share: pct(m.substantiveInvitationShare),
      target: pct(m.goodInvitationShare),
      elicited: f.trueFactsElicited,
      total: f.trueFactsTotal,
    });
  // A second session with the same child goes on from the first one's narrative practice
  // (Hershkowitz et al. 2021); it is not asked for again.
  if (
    f.session === 1 &&
    (m.narrativePractice.quality === 'not-done' || m.narrativePractice.quality === 'closed')
  )
    add('narrativePractice');
  if (!f.rapportDone) add('buildRapport');
  else if (turns.quietRapport.length > 0)
    add('longerRapport', { questions: questionList(scenario.language, turns.quietRapport) });
  addRulesGoal(f, scenario, add);
  if (
    scenario.ageYears < YOUNG_CHILD_AGE &&
    f.flagged.some((q) => q.subtype === 'why' || q.subtype === 'time-or-count')
  )
    add('ageAppropriate', { age: YOUNG_CHILD_AGE });
  const praiseEarned = earnsOpenQuestioningPraise(m, f.flagged, planted !== undefined);
  if (praiseEarned)
    add('keepGoing', {
      share: pct(m.substantiveInvitationShare),
      elicited: f.trueFactsElicited,
      total: f.trueFactsTotal,
    });
  if (out.length === 0 && f.reachedSubstantive)
    add('moreInvitations', {
      share: pct(m.substantiveInvitationShare),
      target: pct(m.goodInvitationShare),
      elicited: f.trueFactsElicited,
      total: f.trueFactsTotal,
    });
  return firstTwo(out);
}

/**
 * The two goals shown: the first two by harm, except that a second-session goal (the child said
 * "not today") always stays among them, in second place if two more harmful goals came first.
 * For a reluctant child, closing warmly and planning a second session is the revised NICHD
 * protocol's central lesson (Hershkowitz, Lamb, Blasbalg & Karni-Visel 2021, Dev Psychopathol
 * 33:739-747: the protocol plans a second interview for a child who stays reluctant, and support
 * in the first predicted disclosure in the second); practitioner review fix23b, item 12.
 * @param goals every goal that applies, most harmful first (ids unique).
 * @returns at most two goals.
 */
function firstTwo<T extends { id: string }>(goals: readonly T[]): T[] {
  const shown = goals.slice(0, 2);
  const second = goals.find((o) => o.id === 'secondSession');
  if (second && !shown.includes(second)) shown[1] = second;
  return shown;
}
