// Feedback after a practice interview. Question coding comes from the coach's quality report
// over the stored transcript; true facts and false details come from replaying the simulated
// child over the same questions, so every number can be re-derived from the coded transcript.
import {
  buildQualityReport,
  YOUNG_CHILD_AGE,
  type QuestionSubtype,
  type QuestionType,
  type Turn,
  type TypeCounts,
} from '../questions';
import type { SessionPlan } from '../protocols';
import type { Simulation } from './child';
import { fill, textsFor } from './texts';
import type { Scenario } from './types';

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

export interface PhaseStatus {
  phaseId: string;
  title: string;
  status: 'done' | 'skipped' | 'not-used';
  label: string;
}

export interface Feedback {
  scenarioId: string;
  scenarioTitle: string;
  seed: number;
  language: 'en' | 'es';
  ageYears: number;
  questions: number;
  prompts: number;
  recommendedShare: number;
  invitationShare: number;
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
  }>;
  falseDetails: FeedbackFalseDetail[];
  goals: Array<{ id: string; text: string }>;
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
}

export function buildFeedback(input: FeedbackInput): Feedback {
  const { scenario, simulation, plan } = input;
  const language = scenario.language;
  const texts = textsFor(language);
  const report = buildQualityReport(input.turns, { language, childAgeYears: scenario.ageYears });
  // The report indexes every turn; trainees count their questions.
  const questionNumber = new Map<number, number>();
  let n = 0;
  for (const t of report.coded) if (t.speaker === 'interviewer') questionNumber.set(t.index, ++n);
  const numberOf = (index: number): number => questionNumber.get(index) ?? 0;

  const flagged: FeedbackFlag[] = report.flagged.map((f) => ({
    questionNumber: numberOf(f.index),
    text: f.text,
    type: f.type,
    subtype: f.subtype,
    reason: f.reason,
    ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
  }));

  const questionTexts = input.turns.filter((t) => t.speaker === 'interviewer').map((t) => t.text);
  const falseDetails: FeedbackFalseDetail[] = simulation.falseDetails.map((fd) => ({
    detail: fd.detail,
    questionNumber: fd.turn + 1,
    question: questionTexts[fd.turn] ?? fd.question,
    questionType: fd.questionType,
    source: fd.source,
    lure: fd.lureId !== undefined,
  }));

  const facts = scenario.facts.map((f) => {
    const at = simulation.elicited.get(f.id);
    return {
      id: f.id,
      text: f.text,
      centrality: f.centrality,
      elicited: at !== undefined,
      ...(at !== undefined ? { questionNumber: at + 1 } : {}),
    };
  });

  const phases: PhaseStatus[] = (plan.sessions[0]?.phases ?? []).map((p) => {
    const done =
      input.phasesEntered.has(p.id) ||
      (p.id === 'rapport' && simulation.rapportDone) ||
      (p.id === 'groundRules' && simulation.groundRulesDone);
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

  const feedback: Feedback = {
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    seed: input.seed,
    language,
    ageYears: scenario.ageYears,
    questions: questionTexts.length,
    prompts: report.prompts,
    recommendedShare: report.recommendedShare,
    invitationShare: report.invitationShare,
    counts: report.counts,
    flagged,
    findings: report.findings.map((f) => ({
      rule: f.rule,
      questionNumber: numberOf(f.turnIndex),
      message: f.message,
    })),
    phases,
    rapportDone: simulation.rapportDone,
    groundRulesDone: simulation.groundRulesDone,
    trueFactsElicited: simulation.elicited.size,
    trueFactsTotal: scenario.facts.length,
    facts,
    falseDetails,
    goals: [],
  };
  feedback.goals = chooseGoals(feedback, scenario, simulation);
  return feedback;
}

/** One or two concrete goals, most important first. */
function chooseGoals(
  f: Feedback,
  scenario: Scenario,
  simulation: Simulation,
): Array<{ id: string; text: string }> {
  const g = textsFor(scenario.language).goals;
  const out: Array<{ id: string; text: string }> = [];
  const add = (id: keyof typeof g, values: Record<string, string | number> = {}) => {
    if (out.length < 2 && !out.some((o) => o.id === id))
      out.push({ id, text: fill(g[id], values) });
  };
  const planted = f.falseDetails.find((d) => d.source === 'suggested');
  if (planted) add('noNewDetails', { detail: planted.detail, number: planted.questionNumber });
  const leading = f.flagged.find((q) => q.type === 'suggestive' && q.suggestion !== undefined);
  if (leading)
    add('avoidSuggestive', { question: leading.text, suggestion: leading.suggestion ?? '' });
  const optionShare = f.prompts > 0 ? f.counts['option-posing'] / f.prompts : 0;
  if (optionShare > 0.25) add('pairOptionPosing', { share: `${Math.round(optionShare * 100)}%` });
  if (!f.rapportDone) add('buildRapport');
  if (!f.groundRulesDone) add('groundRules');
  // One threshold with the coach: the flagged list already carries the verdict for this age.
  if (
    scenario.ageYears < YOUNG_CHILD_AGE &&
    f.flagged.some((q) => q.subtype === 'why' || q.subtype === 'time-or-count')
  )
    add('ageAppropriate');
  if (scenario.personality === 'reluctant' && simulation.reluctantAnswers >= 2)
    add('supportReluctant');
  const values = { elicited: f.trueFactsElicited, total: f.trueFactsTotal };
  if (f.trueFactsTotal > 0 && f.trueFactsElicited / f.trueFactsTotal < 0.6)
    add('moreInvitations', values);
  add('keepGoing', values);
  return out;
}
