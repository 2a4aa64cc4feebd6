// Quality report over an interview or imported transcript: what kinds of questions were asked,
// where, and what to ask instead.
import { analyseSequence, type SequenceFinding } from './sequence';
import type { CodedTurn, Turn } from './turns';
import { QUESTION_TYPES, type Language, type QuestionSubtype, type QuestionType } from './types';

export interface ReportOptions {
  language: Language;
  childAgeYears?: number;
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
  /** Share of prompts that are recommended (invitations, facilitators, directives). */
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

export interface QualityReport extends TypeBreakdown {
  language: Language;
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
    if (t.coding.recommended && t.coding.type !== 'other') recommended++;
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
  return {
    language: options.language,
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
