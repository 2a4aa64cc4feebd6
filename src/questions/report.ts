// Quality report over an interview or imported transcript: what kinds of questions were asked,
// where, and what to ask instead.
import { analyseSequence, type SequenceFinding } from './sequence';
import type { CodedTurn, Turn } from './turns';
import { QUESTION_TYPES, type Language, type QuestionSubtype, type QuestionType } from './types';

export interface ReportOptions {
  language: Language;
  childAgeYears?: number;
  /**
   * Phase ids of the substantive phase(s), for the headline. Default: turns whose phaseId is
   * 'substantive' when there are any, otherwise every interviewer turn.
   */
  substantivePhaseIds?: readonly string[];
  pairingWindow?: number;
  closedRunLength?: number;
}

export type TypeCounts = Record<QuestionType, number>;

export interface TypeBreakdown {
  /** Interviewer turns coded (every type, including facilitators and statements). */
  interviewerTurns: number;
  /** Prompts: interviewer turns that are not plain statements ('other'). */
  prompts: number;
  counts: TypeCounts;
  /** Share of each type among prompts (0..1; 0 when there are no prompts). */
  proportions: TypeCounts;
  /**
   * Share of prompts whose verdict is "recommended" (invitations, cued invitations,
   * facilitators). Wh- directives are "acceptable" and not counted here (review F1).
   */
  recommendedShare: number;
  /** Share of prompts that are invitations or cued invitations. */
  invitationShare: number;
}

export interface FlaggedUtterance {
  index: number;
  text: string;
  type: QuestionType;
  subtype: QuestionSubtype;
  reason: string;
  suggestion?: string;
  startMs?: number;
  phaseId?: string;
}

export interface TimelinePoint {
  index: number;
  atMs?: number;
  type: QuestionType;
  recommended: boolean;
  phaseId?: string;
}

/**
 * The measure NICHD research and training use for an interview: the share of invitations among
 * substantive questions (Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007; Lamb, Sternberg,
 * Orbach, Esplin & Mitchell 2002, Appl Dev Sci 6:35-41), with option-posing and suggestive counts
 * beside it and directives apart.
 */
export interface Headline {
  /** 'substantive' when the substantive phase was identified, else 'all' interviewer turns. */
  scope: 'substantive' | 'all';
  /** Invitations, cued invitations, directives, option-posing and suggestive prompts. */
  substantiveQuestions: number;
  /** Invitations and cued invitations. */
  invitations: number;
  /** invitations / substantiveQuestions (0..1; 0 when there are none). */
  invitationShare: number;
  /** Option-posing prompts, without the protocol's own (subtype 'protocol', not counted). */
  optionPosing: number;
  suggestive: number;
  /** Wh- directives: acceptable, not preferred; never counted as recommended. */
  directives: number;
  /**
   * Ten Step hypothetical putative confessions asked (coded other/putative-confession): counted
   * apart, never hidden among statements (practitioner review 8, P8-8).
   */
  putativeConfessions: number;
}

export interface QualityReport extends TypeBreakdown {
  language: Language;
  headline: Headline;
  /**
   * True when a transcript of 10 or more interviewer turns has question marks in fewer than one
   * turn in ten: probably speech-recognition text, where questions are found by form only.
   */
  fewQuestionMarks: boolean;
  childTurns: number;
  pairingViolations: number;
  findings: SequenceFinding[];
  flagged: FlaggedUtterance[];
  timeline: TimelinePoint[];
  phases: Array<TypeBreakdown & { phaseId: string }>;
  coded: CodedTurn[];
}

const zeroCounts = (): TypeCounts =>
  Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as TypeCounts;

function breakdown(turns: readonly CodedTurn[]): TypeBreakdown {
  const counts = zeroCounts();
  let recommended = 0;
  for (const t of turns) {
    if (!t.coding) continue;
    counts[t.coding.type]++;
    if (t.coding.verdict === 'recommended' && t.coding.type !== 'other') recommended++;
  }
  const prompts = turns.length - counts.other;
  const proportions = zeroCounts();
  for (const type of QUESTION_TYPES)
    proportions[type] = prompts > 0 && type !== 'other' ? counts[type] / prompts : 0;
  return {
    interviewerTurns: turns.length,
    prompts,
    counts,
    proportions,
    recommendedShare: prompts > 0 ? recommended / prompts : 0,
    invitationShare: prompts > 0 ? (counts.invitation + counts['cued-invitation']) / prompts : 0,
  };
}

const QUESTION_MARK = /[?¿]/;
const MIN_TURNS_FOR_PUNCTUATION_CHECK = 10;

function headlineOf(interviewer: readonly CodedTurn[], options: ReportOptions): Headline {
  const ids =
    options.substantivePhaseIds ??
    (interviewer.some((t) => t.phaseId === 'substantive') ? ['substantive'] : undefined);
  const scoped = ids
    ? interviewer.filter((t) => t.phaseId !== undefined && ids.includes(t.phaseId))
    : interviewer;
  const h: Headline = {
    scope: ids ? 'substantive' : 'all',
    substantiveQuestions: 0,
    invitations: 0,
    invitationShare: 0,
    optionPosing: 0,
    suggestive: 0,
    directives: 0,
    putativeConfessions: 0,
  };
  for (const t of scoped) {
    const type = t.coding?.type;
    if (t.coding?.subtype === 'putative-confession') h.putativeConfessions++;
    // A yes/no or either/or question the protocol asks on purpose (the truth promise, the
    // closing questions, "one time or more than one time": subtype 'protocol') neither costs nor
    // earns: it is not among the substantive questions of the headline (issue #16 item 5; as
    // training's measures leave scripted prompts out, practitioner review R18-6).
    if (t.coding?.subtype === 'protocol') continue;
    if (type === 'invitation' || type === 'cued-invitation') h.invitations++;
    else if (type === 'option-posing') h.optionPosing++;
    else if (type === 'suggestive') h.suggestive++;
    else if (type === 'directive') h.directives++;
    else continue;
    h.substantiveQuestions++;
  }
  h.invitationShare = h.substantiveQuestions > 0 ? h.invitations / h.substantiveQuestions : 0;
  return h;
}

/**
 * Codes every interviewer turn with the child's words so far as context and builds the report:
 * headline (invitation share), counts, flagged utterances with safe suggestions, sequence
 * findings, a timeline and per-phase breakdowns. Pure.
 */
export function buildQualityReport(turns: readonly Turn[], options: ReportOptions): QualityReport {
  const { coded, findings } = analyseSequence(turns, options);
  const interviewer = coded.filter((t) => t.speaker === 'interviewer' && t.coding !== undefined);
  const flagged: FlaggedUtterance[] = [];
  const timeline: TimelinePoint[] = [];
  for (const t of interviewer) {
    const c = t.coding;
    if (!c) continue;
    const point: TimelinePoint = { index: t.index, type: c.type, recommended: c.recommended };
    if (t.startMs !== undefined) point.atMs = t.startMs;
    if (t.phaseId !== undefined) point.phaseId = t.phaseId;
    timeline.push(point);
    if (!c.recommended) {
      const f: FlaggedUtterance = {
        index: t.index,
        text: t.text,
        type: c.type,
        subtype: c.subtype,
        reason: c.reason,
      };
      if (c.suggestion !== undefined) f.suggestion = c.suggestion;
      if (t.startMs !== undefined) f.startMs = t.startMs;
      if (t.phaseId !== undefined) f.phaseId = t.phaseId;
      flagged.push(f);
    }
  }
  const phaseIds: string[] = [];
  for (const t of interviewer)
    if (t.phaseId !== undefined && !phaseIds.includes(t.phaseId)) phaseIds.push(t.phaseId);
  const marked = interviewer.filter((t) => QUESTION_MARK.test(t.text)).length;
  return {
    language: options.language,
    headline: headlineOf(interviewer, options),
    fewQuestionMarks:
      interviewer.length >= MIN_TURNS_FOR_PUNCTUATION_CHECK && marked * 10 < interviewer.length,
    ...breakdown(interviewer),
    childTurns: coded.filter((t) => t.speaker === 'child').length,
    pairingViolations: findings.filter((f) => f.rule === 'pairing').length,
    findings,
    flagged,
    timeline,
    phases: phaseIds.map((phaseId) => ({
      phaseId,
      ...breakdown(interviewer.filter((t) => t.phaseId === phaseId)),
    })),
    coded,
  };
}
