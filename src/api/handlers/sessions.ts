// Handlers: interview sessions (src/interview), and the timeline view of their events.
import {
  decisionOf,
  continuityOf,
  earlierChildWords,
  extendedInterview,
  formatOffset,
  type SessionEvent,
  type WithheldEvent,
} from '../../interview';
import { resolve } from 'node:path';
import { currentProtocolId } from '../../protocols';
import type { z } from 'zod';
import { CryptoError, sha256File } from '../../crypto';
import { HearthError, pageOf } from '../../vault';
import type { sessionChannels, timelineEvent, withheldEvent } from '../channels/sessions';
import type { HandlersFor } from './types';

type TimelineEvent = z.input<typeof timelineEvent>;
type WithheldRow = z.input<typeof withheldEvent>;

/** One stored event as the timeline shows it; `superseded` marks note versions replaced later. */
function toTimeline(
  event: SessionEvent,
  superseded: ReadonlySet<number>,
  sealedSeq: number | undefined,
  names: ReadonlyMap<string, string>,
): TimelineEvent {
  const base: TimelineEvent = {
    seq: event.seq,
    type: event.type,
    at: event.at,
    elapsedMs: event.elapsedMs,
    recordingOffsetMs: event.recordingOffsetMs,
    recordingOffset: formatOffset(event.recordingOffsetMs),
    author: event.by,
  };
  switch (event.type) {
    case 'note':
      return {
        ...base,
        kind: event.kind,
        text: event.text,
        noteId: event.noteId,
        version: event.version,
        ...(event.replacesSeq !== undefined ? { replacesSeq: event.replacesSeq } : {}),
        ...(superseded.has(event.seq) ? { superseded: true } : {}),
        ...(event.keywords ? { keywords: event.keywords } : {}),
        ...(event.reason ? { reason: event.reason } : {}),
        ...(event.interpreted ? { interpreted: true } : {}),
        ...(event.original ? { original: event.original } : {}),
        ...(event.promptId ? { promptId: event.promptId } : {}),
        ...(event.suggestionId ? { suggestionId: event.suggestionId } : {}),
      };
    case 'observer-suggestion':
      return {
        ...base,
        suggestionId: event.suggestionId,
        observerRole: event.role,
        // The chain holds the name's salted digest; older sessions hold the name itself.
        ...observerName(event.name ?? (event.nameCommitment && names.get(event.nameCommitment))),
        text: event.text,
      };
    case 'observer-joined':
      return {
        ...base,
        suggestionId: event.suggestionId,
        observerRole: event.role,
        ...observerName(event.nameCommitment && names.get(event.nameCommitment)),
      };
    case 'observer-decision':
      return {
        ...base,
        suggestionId: event.suggestionId,
        decision: decisionOf(event.decision),
        ...(event.text !== undefined ? { text: event.text } : {}),
        ...(event.reason ? { reason: event.reason } : {}),
        ...(event.atBreak !== undefined ? { atBreak: event.atBreak } : {}),
      };
    case 'phase-entered':
      return { ...base, phaseId: event.phaseId };
    case 'checklist-item-done':
      return { ...base, phaseId: event.phaseId, itemId: event.itemId };
    case 'break-started':
      return { ...base, reason: event.reason };
    case 'break-ended':
    case 'paused':
    case 'resumed':
      return { ...base, ...(event.reason ? { reason: event.reason } : {}) };
    case 'distress-observed':
      return { ...base, ...(event.text ? { text: event.text } : {}) };
    case 'reluctance-ended':
      return {
        ...base,
        ...(event.phaseId ? { phaseId: event.phaseId } : {}),
        ...(event.fromSession !== undefined ? { fromSession: event.fromSession } : {}),
      };
    case 'reluctance-noted':
    case 'reluctance-withdrawn':
    case 'person-named':
    case 'person-named-withdrawn':
      return { ...base, ...(event.phaseId ? { phaseId: event.phaseId } : {}) };
    case 'extended-link':
      return {
        ...base,
        extended: {
          seriesId: event.seriesId,
          index: event.index,
          planned: event.planned,
          ...(event.previousSessionId ? { previousSessionId: event.previousSessionId } : {}),
        },
      };
    case 'media-aid':
      return {
        ...base,
        media: {
          action: event.action,
          aid: event.aid,
          stance: event.stance,
          ...(event.phaseId !== undefined ? { phaseId: event.phaseId } : {}),
        },
        ...(event.note ? { text: event.note } : {}),
      };
    case 'recording-fingerprint':
      return {
        ...base,
        recording: {
          sha256: event.sha256,
          bytes: event.bytes,
          ...(event.label !== undefined ? { label: event.label } : {}),
          ...(event.fileName !== undefined ? { fileName: event.fileName } : {}),
        },
      };
    case 'recording-marker':
      return { ...base, recordingMarker: event.marker };
    case 'interrupted':
      return {
        ...base,
        interruptedAtElapsedMs: event.lastElapsedMs,
        interruptedAfterSeq: event.lastEventSeq,
      };
    case 'sealed':
      return { ...base, head: event.head, signer: event.signer };
    case 'addendum':
      return {
        ...base,
        text: event.text,
        head: event.head,
        afterSeal: sealedSeq !== undefined && event.seq > sealedSeq,
      };
    case 'session-started':
      return base;
  }
}

/**
 * A placeholder row for an event this sign-in may not open: its position, the time of the event
 * before it (the event's own time is inside what it may not read), who wrote it (the audit
 * entry's certified signer) and who can read it.
 */
function withheldRow(w: WithheldEvent, events: readonly SessionEvent[]): WithheldRow {
  const before = [...events].reverse().find((e) => e.seq < w.seq);
  return {
    seq: w.seq,
    ...(before ? { afterAt: before.at, afterElapsedMs: before.elapsedMs } : {}),
    writtenBy: w.signer,
    auditEntry: w.auditEntry,
    readableBy: { roles: w.readers.roles, users: w.readers.users },
  };
}

const observerName = (name: string | undefined) => (name ? { observerName: name } : {});

/**
 * The timeline view of a session's events; `names`: its committed names by commitment
 * (SessionService.names), so a suggestion shows who made it.
 */
export function timelineOf(
  events: SessionEvent[],
  names: ReadonlyMap<string, string> = new Map(),
): TimelineEvent[] {
  const superseded = new Set<number>();
  let sealedSeq: number | undefined;
  for (const event of events) {
    if (event.type === 'note' && event.replacesSeq !== undefined) superseded.add(event.replacesSeq);
    if (event.type === 'sealed') sealedSeq = event.seq;
  }
  return events.map((e) => toTimeline(e, superseded, sealedSeq, names));
}

export const sessionHandlers: HandlersFor<typeof sessionChannels> = {
  'sessions.start': (req, state) => {
    // A removed protocol id (LEGACY_PROTOCOL_IDS) only reopens old sessions; new ones name a
    // current protocol.
    const current = currentProtocolId(req.protocolId);
    if (current !== req.protocolId)
      throw new HearthError(
        'INVALID_INPUT',
        `Invalid input. The "${req.protocolId}" protocol was replaced by the 3-5 adaptations of each protocol; start the session with "${current}" or another current protocol.`,
      );
    return { sessionId: state.sessions().start(req) };
  },
  'sessions.get': (req, state) => state.sessions().summary(req.sessionId),
  'sessions.list': (req, state) => {
    const { sessions, unreadable, unreadableByPlace } = state.sessions().listWithUnreadable(req);
    const { items, ...page } = pageOf(sessions, req);
    const asked = new Set([...(req.caseId ? [req.caseId] : []), ...(req.caseIds ?? [])]);
    const byCase = Object.fromEntries(
      Object.entries(unreadableByPlace)
        .filter(([place]) => asked.has(place))
        .map(([place, ids]) => [place, ids.length]),
    );
    return {
      sessions: items,
      ...page,
      ...(unreadable.length > 0 ? { unreadable } : {}),
      ...(Object.keys(byCase).length > 0 ? { unreadableByCase: byCase } : {}),
    };
  },
  'sessions.addRecordingFingerprint': async (req, state) => {
    // Refuse what the write would refuse (not the user's session, sealed) before spending
    // minutes on a multi-GB file (red team round 6).
    state.sessions().assertWritable(req.sessionId);
    let fingerprint: { sha256: string; bytes: number };
    try {
      fingerprint = await sha256File(resolve(req.path), (done, total) =>
        state.emit({
          type: 'progress',
          channel: 'sessions.addRecordingFingerprint',
          step: 'hashing',
          percent: total === 0 ? 100 : Math.floor((done / total) * 100),
        }),
      );
    } catch (error) {
      // A missing or changing file is the caller's input, not vault tampering.
      throw new HearthError(
        'INVALID_INPUT',
        error instanceof CryptoError ? error.message : 'The recording file cannot be read',
      );
    }
    // Only what the user chose to name it: a video's file name can hold the child's name.
    const label = req.label?.trim();
    const recording = { ...fingerprint, ...(label ? { label } : {}) };
    const ack = state.sessions().addRecordingFingerprint(req.sessionId, recording);
    return { seq: ack.seq, ...recording };
  },
  'sessions.markRecording': (req, state) =>
    state.sessions().markRecording(req.sessionId, req.restart ?? false),
  'sessions.enterPhase': (req, state) => state.sessions().enterPhase(req.sessionId, req.phaseId),
  'sessions.checkItem': (req, state) =>
    state.sessions().checkItem(req.sessionId, req.phaseId, req.itemId),
  'sessions.addNote': (req, state) =>
    state.sessions().addNote(req.sessionId, req.kind, req.text, req.keywords, {
      ...(req.interpreted ? { interpreted: true } : {}),
      ...(req.original ? { original: req.original } : {}),
      ...(req.promptId ? { promptId: req.promptId } : {}),
      ...(req.suggestionId ? { suggestionId: req.suggestionId } : {}),
    }),
  'sessions.editNote': (req, state) =>
    state.sessions().editNote(req.sessionId, req.noteId, req.text, req.keywords, req.reason),
  'sessions.startBreak': (req, state) => state.sessions().startBreak(req.sessionId, req.reason),
  'sessions.endBreak': (req, state) => state.sessions().endBreak(req.sessionId, req.reason),
  'sessions.markDistress': (req, state) => state.sessions().markDistress(req.sessionId, req.text),
  'sessions.markReluctance': (req, state) => state.sessions().markReluctance(req.sessionId),
  'sessions.withdrawReluctance': (req, state) => state.sessions().withdrawReluctance(req.sessionId),
  'sessions.endReluctance': (req, state) => state.sessions().endReluctance(req.sessionId),
  'sessions.markPersonNamed': (req, state) => state.sessions().markPersonNamed(req.sessionId),
  'sessions.withdrawPersonNamed': (req, state) =>
    state.sessions().withdrawPersonNamed(req.sessionId),
  'sessions.linkExtended': (req, state) =>
    state.sessions().linkExtended(req.sessionId, {
      plannedSessions: req.plannedSessions,
      ...(req.previousSessionId !== undefined ? { previousSessionId: req.previousSessionId } : {}),
    }),
  'sessions.extendedInterview': (req, state) => extendedInterview(state.sessions(), req.sessionId),
  'sessions.earlierChildWords': (req, state) => earlierChildWords(state.sessions(), req.sessionId),
  'sessions.continuity': (req, state) => continuityOf(state.sessions(), req.sessionId),
  'sessions.recordMedia': (req, state) =>
    state.sessions().recordMedia(req.sessionId, {
      action: req.action,
      aid: req.aid,
      ...(req.note !== undefined ? { note: req.note } : {}),
    }),
  'sessions.pause': (req, state) => state.sessions().pause(req.sessionId, req.reason),
  'sessions.resume': (req, state) => state.sessions().resume(req.sessionId),
  'sessions.saveDrafts': (req, state) => state.sessions().saveDrafts(req.drafts, req.resume),
  'sessions.drafts': (_req, state) => state.sessions().drafts(),
  'sessions.finalize': (req, state) => state.sessions().finalize(req.sessionId),
  'sessions.addAddendum': (req, state) => state.sessions().addAddendum(req.sessionId, req.text),
  'sessions.verify': (req, state) => state.sessions().verify(req.sessionId),
  'sessions.timeline': (req, state) => {
    const { events, withheld, names } = state.sessions().timeline(req.sessionId);
    return {
      events: timelineOf(events, names),
      // Events sealed for other roles (sec52): placeholders, never content; absent when none.
      ...(withheld.length > 0 ? { withheld: withheld.map((w) => withheldRow(w, events)) } : {}),
    };
  },
};
