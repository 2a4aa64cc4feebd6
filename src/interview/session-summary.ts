// A session's summary: the fields `sessions.get` and `sessions.list` show, folded from its state.
// The stored form (StoredSummary) adds the chain head, which makes it the verify anchor.
import { ageBandFor, type SessionPlan } from '../protocols';
import type { Observer, SessionMode, SessionPlanOptions, SpeakerMappingEntry } from './events';
import type { ExtendedPlace, SessionState } from './state';

export interface SessionSummary {
  sessionId: string;
  /** sessions.get only (sec52): positions of events sealed for other roles (not folded in). */
  withheldEvents?: number[];
  caseId?: string;
  mode: SessionMode;
  protocolId: string;
  ageYears: number;
  ageBand: string;
  language: string;
  interviewer: string;
  observers: Observer[];
  room?: string;
  /** Imported transcripts: the name the reviewer gave it. */
  title?: string;
  /** Imported transcripts: which label was given which role (see SessionMeta). */
  speakerMapping?: SpeakerMappingEntry[];
  status: 'active' | 'sealed';
  startedAt: string;
  sealedAt?: string;
  recordingStartedAt?: string;
  eventCount: number;
  currentPhaseId?: string;
  onBreak: boolean;
  paused: boolean;
  keywords: string[];
  /** Its place in an extended interview, when linked (ids and numbers only). */
  extended?: ExtendedPlace;
  /** The plan screen's choices kept with the session (SessionPlanOptions), when any were made. */
  planOptions?: SessionPlanOptions;
}

/** The stored summary: the listing fields and the chain head after event `eventCount`. */
export interface StoredSummary extends SessionSummary {
  head: string;
}

function bandOrEmpty(ageYears: number): string {
  try {
    return ageBandFor(ageYears);
  } catch {
    return '';
  }
}

/** The summary of a session's folded state; the age band comes from its plan when it has one. */
export function toSummary(state: SessionState, plan: SessionPlan | undefined): SessionSummary {
  const { meta } = state;
  return {
    sessionId: meta.sessionId,
    ...(meta.caseId ? { caseId: meta.caseId } : {}),
    mode: meta.mode,
    protocolId: meta.protocolId,
    ageYears: meta.ageYears,
    ageBand: plan?.band.band ?? bandOrEmpty(state.meta.ageYears),
    language: meta.language,
    interviewer: meta.interviewer,
    observers: meta.observers,
    ...(meta.room ? { room: meta.room } : {}),
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.speakerMapping ? { speakerMapping: meta.speakerMapping } : {}),
    status: state.sealed ? 'sealed' : 'active',
    startedAt: meta.startedAt,
    ...(meta.sealedAt ? { sealedAt: meta.sealedAt } : {}),
    ...(state.recordingStartedAt ? { recordingStartedAt: state.recordingStartedAt } : {}),
    eventCount: state.lastSeq,
    ...(state.currentPhaseId ? { currentPhaseId: state.currentPhaseId } : {}),
    onBreak: state.onBreak,
    paused: state.paused,
    keywords: [...state.keywords],
    ...(state.extended ? { extended: { ...state.extended } } : {}),
    ...(meta.planOptions ? { planOptions: meta.planOptions } : {}),
  };
}
