// A session's current state, folded from its events. Pure: the same events give the same state.
import type {
  NoteKind,
  ObserverDecision,
  ObserverRole,
  OriginalWords,
  SessionEvent,
  SessionMeta,
} from './events';
import { chainVersionOf, isInterviewerSeal, nextHash, type ChainVersion } from './chain';
import { decisionOf } from './events';
import { initialReluctance, stepReluctance, type ReluctanceState } from './reluctance';

export interface NoteState {
  kind: NoteKind;
  latestSeq: number;
  version: number;
  interpreted?: boolean;
  original?: OriginalWords;
}

export interface SuggestionState {
  role: ObserverRole;
  text: string;
  seq: number;
  decision?: ObserverDecision;
  /** Accepted or rephrased: the wording decided on (the suggestion's, or the rephrasing). */
  wording?: string;
  /** A question note after the decision asks it (linked): it is no longer waiting to be asked. */
  asked?: boolean;
  /** With `asked`: the first question note that asks it (its seq). */
  askedSeq?: number;
}

export interface SessionState {
  meta: SessionMeta;
  lastSeq: number;
  /** Chain hash through lastSeq. */
  head: string;
  /** How events are linked (chain.ts); set by the session-started event. */
  chainVersion: ChainVersion;
  lastElapsedMs: number;
  lastEvent: SessionEvent | undefined;
  recordingMarkerElapsedMs: number | null;
  recordingStartedAt?: string;
  onBreak: boolean;
  paused: boolean;
  /** Sealed by the interviewer (a colleague's forged `sealed` event does not count, R9-2). */
  sealed: boolean;
  /**
   * Who wrote the session's start (event 1 only; a later `session-started` is a colleague's
   * foreign event with no effect, red team round 10, R10-1): its interviewer, the certified
   * signer of event 1's audit entry where the loader knows it (chain.ts certifiedWritersOf).
   */
  startedBy?: string;
  currentPhaseId?: string;
  keywords: string[];
  notes: Map<string, NoteState>;
  /** Observer suggestions by id, with the decision once made. */
  suggestions: Map<string, SuggestionState>;
  /** Observers recorded as joined from behind the glass (`observer-joined`), in order. */
  joined: Array<{ role: ObserverRole; nameCommitment?: string }>;
  /** Its place in an extended interview, from its `extended-link` event (extended.ts). */
  extended?: ExtendedPlace;
  /** `reluctance-noted` events not yet withdrawn (`reluctance-withdrawn` takes back one). */
  reluctanceOutstanding: number;
  /**
   * This session's own reluctance (reluctance.ts), without what an earlier session carries in
   * (that is read from the earlier sealed sessions when needed, continuity.ts).
   */
  reluctance: ReluctanceState;
  /** `person-named` events not yet withdrawn (`person-named-withdrawn` takes back one). */
  personNamedOutstanding: number;
}

/** "Session `index` of `planned`" of extended interview `seriesId` (no content). */
export interface ExtendedPlace {
  seriesId: string;
  index: number;
  planned: number;
  /** The rules phases the session before never reached (ExtendedLinkBody), when any. */
  rulesPhasesNotReached?: string[];
}

export function initialState(meta: SessionMeta, genesis: string): SessionState {
  return {
    meta,
    lastSeq: 0,
    head: genesis,
    chainVersion: 1,
    lastElapsedMs: 0,
    lastEvent: undefined,
    recordingMarkerElapsedMs: null,
    onBreak: false,
    paused: false,
    sealed: false,
    keywords: [],
    notes: new Map(),
    suggestions: new Map(),
    joined: [],
    reluctanceOutstanding: 0,
    reluctance: initialReluctance(),
    personNamedOutstanding: 0,
  };
}

/** Adds keywords in order of first use; the same word in another case or spacing is one keyword. */
export function mergeKeywords(existing: string[], added: readonly string[]): string[] {
  const seen = new Set(existing.map((k) => k.toLocaleLowerCase()));
  const merged = [...existing];
  for (const raw of added) {
    const keyword = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
    const key = keyword.toLocaleLowerCase();
    if (keyword && !seen.has(key)) {
      seen.add(key);
      merged.push(keyword);
    }
  }
  return merged;
}

/**
 * Applies one event (mutating state, for speed on the append path). `writer`: who wrote it, the
 * certified signer of its audit entry where known (chain.ts certifiedWritersOf; on the append
 * path the signed-in user, who is its `by`): only the interviewer's own start and seal count
 * (red team round 10, R10-1, R10-2, R10-16).
 */
export function applyEvent(
  state: SessionState,
  event: SessionEvent,
  writer: string = event.by,
): void {
  state.lastSeq = event.seq;
  if (event.seq === 1) state.chainVersion = chainVersionOf(event);
  state.head = nextHash(state.head, event, state.chainVersion);
  state.lastElapsedMs = Math.max(state.lastElapsedMs, event.elapsedMs);
  state.lastEvent = event;
  switch (event.type) {
    case 'note':
      state.notes.set(event.noteId, {
        kind: event.kind,
        latestSeq: event.seq,
        version: event.version,
        ...(event.interpreted ? { interpreted: true } : {}),
        ...(event.original ? { original: event.original } : {}),
      });
      if (event.kind === 'child' && event.keywords)
        state.keywords = mergeKeywords(state.keywords, event.keywords);
      if (event.kind === 'question' && event.suggestionId) {
        const asked = state.suggestions.get(event.suggestionId);
        if (asked?.decision && !asked.asked) {
          asked.asked = true;
          asked.askedSeq = event.seq;
        }
      }
      break;
    case 'observer-suggestion':
      state.suggestions.set(event.suggestionId, {
        role: event.role,
        text: event.text,
        seq: event.seq,
      });
      break;
    case 'observer-joined':
      state.joined.push({
        role: event.role,
        ...(event.nameCommitment !== undefined ? { nameCommitment: event.nameCommitment } : {}),
      });
      break;
    case 'observer-decision': {
      const suggestion = state.suggestions.get(event.suggestionId);
      if (suggestion) {
        suggestion.decision = decisionOf(event.decision);
        const wording =
          event.text ?? (suggestion.decision === 'accepted' ? suggestion.text : undefined);
        if (wording !== undefined) suggestion.wording = wording;
      }
      break;
    }
    case 'phase-entered':
      state.currentPhaseId = event.phaseId;
      break;
    case 'break-started':
      state.onBreak = true;
      break;
    case 'break-ended':
      state.onBreak = false;
      break;
    case 'recording-marker':
      state.recordingMarkerElapsedMs = event.elapsedMs;
      state.recordingStartedAt ??= event.at;
      break;
    case 'paused':
      state.paused = true;
      break;
    case 'resumed':
      state.paused = false;
      break;
    case 'sealed':
      if (
        writer === event.by &&
        isInterviewerSeal(event, state.startedBy ?? state.meta.interviewer)
      )
        state.sealed = true;
      break;
    case 'session-started':
      if (event.seq === 1) state.startedBy = writer;
      break;
    case 'extended-link':
      state.extended = {
        seriesId: event.seriesId,
        index: event.index,
        planned: event.planned,
        ...(event.rulesPhasesNotReached
          ? { rulesPhasesNotReached: [...event.rulesPhasesNotReached] }
          : {}),
      };
      break;
    case 'reluctance-noted':
      state.reluctanceOutstanding += 1;
      state.reluctance = stepReluctance(state.reluctance, event);
      break;
    case 'reluctance-withdrawn':
      state.reluctanceOutstanding = Math.max(0, state.reluctanceOutstanding - 1);
      state.reluctance = stepReluctance(state.reluctance, event);
      break;
    case 'reluctance-ended':
      state.reluctance = stepReluctance(state.reluctance, event);
      break;
    case 'person-named':
      state.personNamedOutstanding += 1;
      break;
    case 'person-named-withdrawn':
      state.personNamedOutstanding = Math.max(0, state.personNamedOutstanding - 1);
      break;
    case 'checklist-item-done':
    case 'distress-observed':
    case 'media-aid':
    case 'interrupted':
    case 'addendum':
    case 'recording-fingerprint':
      break;
  }
}
