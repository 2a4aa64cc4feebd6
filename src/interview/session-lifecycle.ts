// A session's life while it runs: starting it (live or practice), and the events that mark its
// course (recording, phases and checklist, breaks, distress, media, the extended-interview link,
// pause and resume), and pausing every running session when the vault locks.
import { keptPlanOptions } from '../protocols';
import { getCase, HearthError, newId } from '../vault';
import { CURRENT_CHAIN_VERSION, genesisHash } from './chain';
import { SessionClock } from './clock';
import type {
  Observer,
  SealedObserver,
  SessionEvent,
  SessionMeta,
  SessionPlanOptions,
} from './events';
import { commitName, type NameDisclosure } from './name-commitment';
import { assertNotLinked, extendedLinkBody, type ExtendedLinkInput } from './extended';
import { mediaEventBody, type MediaInput } from './media';
import { withPlannedInterpreter } from './session-interpreter';
import { sealedSource } from './sealed-sources';
import { initialState, type SessionState } from './state';
import type { CarriedReluctance } from './reluctance';
import {
  ack,
  conflict,
  VAULT_LOCKED_REASON,
  type EventAck,
  type Loaded,
  type SessionContext,
} from './session-context';
import type { SessionService } from './sessions';

export interface StartInput {
  caseId?: string;
  protocolId: string;
  mode: 'live' | 'practice';
  language: 'en' | 'es';
  ageYears?: number;
  observers?: Observer[];
  room?: string;
  /**
   * Starts the session already linked into an extended interview (extended.ts). The link is
   * checked before anything is written, so a refused link leaves no session behind.
   */
  extended?: ExtendedLinkInput;
  /**
   * The plan screen's choices the case does not hold (SessionPlanOptions): planned with, sealed in
   * the first event and kept with the session, so a resumed session plans as it started. Checked
   * by planning before anything is written (a putative-confession decision outside its ages is
   * refused with INVALID_INPUT and no session is left behind).
   */
  planOptions?: SessionPlanOptions;
}

/** The child's age and the case's blind flag for a new session; refuses what may not start. */
function startingPoint(
  ctx: SessionContext,
  input: StartInput,
): { ageYears: number; allegationBlind: boolean } {
  if (input.mode === 'live') {
    if (!input.caseId)
      throw new HearthError(
        'INVALID_INPUT',
        'Invalid input. caseId: a live session belongs to a case.',
      );
    ctx.vault.require('cases.write');
    const theCase = getCase(ctx.vault, input.caseId);
    if (theCase.archived)
      throw conflict('This case is archived. Unarchive it before starting a session.');
    return { ageYears: theCase.childAgeYears, allegationBlind: theCase.allegationBlind };
  }
  if (input.caseId)
    throw new HearthError(
      'INVALID_INPUT',
      'Invalid input. caseId: practice sessions never attach to a real case.',
    );
  if (input.ageYears === undefined)
    throw new HearthError(
      'INVALID_INPUT',
      "Invalid input. ageYears: a practice session needs the child's age.",
    );
  if (ctx.user().role === 'reviewer')
    throw new HearthError('FORBIDDEN', 'Your role (reviewer) does not allow practice sessions.');
  return { ageYears: input.ageYears, allegationBlind: false };
}

/** SessionService.start: see there. `sessions` is the facade (extended.ts reads through it). */
export function startSession(
  ctx: SessionContext,
  sessions: SessionService,
  input: StartInput,
): string {
  const user = ctx.user();
  const { ageYears, allegationBlind } = startingPoint(ctx, input);
  const sessionId = newId('sess');
  const startedAt = ctx.nowIso();
  const planOptions = keptPlanOptions(input.planOptions);
  const meta: SessionMeta = {
    sessionId,
    ...(input.caseId ? { caseId: input.caseId } : {}),
    mode: input.mode,
    protocolId: input.protocolId,
    ageYears,
    language: input.language,
    interviewer: user.username,
    observers: input.caseId
      ? withPlannedInterpreter(ctx.vault, input.caseId, input.observers ?? [], input.language)
      : (input.observers ?? []),
    ...(input.room ? { room: input.room } : {}),
    ...(planOptions ? { planOptions } : {}),
    startedAt,
    status: 'active',
    version: 1,
  };
  const plan = ctx.planFor(meta, allegationBlind);
  const link = input.extended ? extendedLinkBody(sessions, meta, input.extended) : undefined;
  // The phase this session starts in, from the plan it will follow (session k of an extended
  // interview has its own), sealed with its source (sealed-sources.ts).
  const first = (link ? ctx.planFor(meta, allegationBlind, link) : plan).sessions[0]?.phases[0];
  const state = initialState(meta, genesisHash(sessionId));
  const loaded: Loaded = {
    state,
    plan,
    clock: new SessionClock(ctx.clocks, Date.parse(startedAt), 0),
    resumed: true,
    summarySeq: 0,
    sealedBlind: allegationBlind,
  };
  const sealedObservers = committedObservers(meta.observers);
  const started: SessionEvent = {
    type: 'session-started',
    chain: CURRENT_CHAIN_VERSION,
    sessionId,
    ...(meta.caseId ? { caseId: meta.caseId } : {}),
    mode: meta.mode,
    protocolId: meta.protocolId,
    ageYears,
    language: meta.language,
    observers: sealedObservers.observers,
    ...(meta.room ? { room: meta.room } : {}),
    ...(planOptions ? { planOptions } : {}),
    ...(first ? { firstPhase: { phaseId: first.id, source: sealedSource(first.source) } } : {}),
    // Sealed so that nobody can lift the blindness by rewriting the case record (R12-3).
    ...(allegationBlind ? { allegationBlind: true as const } : {}),
    seq: 1,
    at: startedAt,
    elapsedMs: 0,
    recordingOffsetMs: null,
    by: user.username,
  };
  ctx.commitNewSession(loaded, 'sessions.start', [started], undefined, sealedObservers.names);
  if (input.extended) linkExtended(ctx, sessions, sessionId, input.extended);
  return sessionId;
}

/**
 * The observers as the sealed start event lists them: each name as a salted digest, its name and
 * salt returned for the session's name records (name-commitment.ts). The session's metadata keeps
 * the names in the clear (it is encrypted and never exported as such).
 */
function committedObservers(observers: readonly Observer[]): {
  observers: SealedObserver[];
  names: NameDisclosure[];
} {
  const names: NameDisclosure[] = [];
  const sealed = observers.map(({ name, ...rest }): SealedObserver => {
    if (name === undefined) return rest;
    const d = commitName(name);
    names.push(d);
    return { ...rest, nameCommitment: d.commitment };
  });
  return { observers: sealed, names };
}

/** SessionService.addRecordingFingerprint: see there. */
export function addRecordingFingerprint(
  ctx: SessionContext,
  sessionId: string,
  recording: { sha256: string; bytes: number; label?: string },
): EventAck {
  const loaded = ctx.prepareWrite(sessionId);
  return ack(
    ctx.append(
      loaded,
      { type: 'recording-fingerprint', ...recording },
      'sessions.addRecordingFingerprint',
    ),
  );
}

/** SessionService.markRecording: see there. */
export function markRecording(ctx: SessionContext, sessionId: string, restart: boolean): EventAck {
  const loaded = ctx.prepareWrite(sessionId);
  const started = loaded.state.recordingMarkerElapsedMs !== null;
  if (!restart && started)
    throw conflict(
      'Recording was already marked as started. Mark a restart if the recording was restarted.',
    );
  if (restart && !started) throw conflict('Recording has not been marked as started yet.');
  return ack(
    ctx.append(
      loaded,
      { type: 'recording-marker', marker: restart ? 'restarted' : 'started' },
      'sessions.markRecording',
    ),
  );
}

function phaseOf(loaded: Loaded, phaseId: string) {
  for (const session of loaded.plan?.sessions ?? []) {
    const phase = session.phases.find((p) => p.id === phaseId);
    if (phase) return phase;
  }
  throw new HearthError(
    'INVALID_INPUT',
    `Invalid input. phaseId: "${phaseId}" is not a phase of this session's protocol.`,
  );
}

/** SessionService.enterPhase: see there. */
export function enterPhase(ctx: SessionContext, sessionId: string, phaseId: string): EventAck {
  const loaded = ctx.prepareWrite(sessionId);
  const source = sealedSource(phaseOf(loaded, phaseId).source);
  return ack(ctx.append(loaded, { type: 'phase-entered', phaseId, source }, 'sessions.enterPhase'));
}

/** SessionService.checkItem: see there. */
export function checkItem(
  ctx: SessionContext,
  sessionId: string,
  phaseId: string,
  itemId: string,
): EventAck {
  const loaded = ctx.prepareWrite(sessionId);
  const phase = phaseOf(loaded, phaseId);
  if (!phase.checklist.some((item) => item.id === itemId)) {
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. itemId: "${itemId}" is not on the checklist of phase "${phaseId}".`,
    );
  }
  return ack(
    ctx.append(loaded, { type: 'checklist-item-done', phaseId, itemId }, 'sessions.checkItem'),
  );
}

/** SessionService.startBreak: see there. */
export function startBreak(ctx: SessionContext, sessionId: string, reason: string): EventAck {
  const loaded = ctx.prepareWrite(sessionId);
  if (loaded.state.onBreak) throw conflict('A break is already in progress.');
  return ack(ctx.append(loaded, { type: 'break-started', reason }, 'sessions.startBreak'));
}

/** SessionService.endBreak: see there. */
export function endBreak(ctx: SessionContext, sessionId: string, reason?: string): EventAck {
  const loaded = ctx.prepareWrite(sessionId);
  if (!loaded.state.onBreak) throw conflict('There is no break in progress to end.');
  return ack(
    ctx.append(loaded, { type: 'break-ended', ...(reason ? { reason } : {}) }, 'sessions.endBreak'),
  );
}

/** SessionService.markDistress: see there. */
export function markDistress(ctx: SessionContext, sessionId: string, text?: string): EventAck {
  const loaded = ctx.prepareWrite(sessionId);
  return ack(
    ctx.append(
      loaded,
      { type: 'distress-observed', ...(text ? { text } : {}) },
      'sessions.markDistress',
    ),
  );
}

/**
 * The interviewer's marks that carry the phase they were made in and can be withdrawn (a
 * mistaken press undone): the withdrawal is its own event, the mark stays in the chain.
 */
const PHASE_MARKS = {
  reluctance: {
    noted: 'reluctance-noted',
    withdrawn: 'reluctance-withdrawn',
    outstanding: (s: SessionState) => s.reluctanceOutstanding,
    label: 'Child reluctant',
  },
  'person-named': {
    noted: 'person-named',
    withdrawn: 'person-named-withdrawn',
    outstanding: (s: SessionState) => s.personNamedOutstanding,
    label: 'Child named the person',
  },
} as const;
type PhaseMark = keyof typeof PHASE_MARKS;

/** The phase a mark is made in; the session starts in its plan's first phase without an event. */
function markPhase(loaded: Loaded): string | undefined {
  return loaded.state.currentPhaseId ?? loaded.plan?.sessions[0]?.phases[0]?.id;
}

/** SessionService.markReluctance / markPersonNamed: see there. */
export function markInPhase(
  ctx: SessionContext,
  sessionId: string,
  mark: PhaseMark,
  channel: string,
): EventAck {
  const loaded = ctx.prepareWrite(sessionId);
  const phaseId = markPhase(loaded);
  return ack(
    ctx.append(loaded, { type: PHASE_MARKS[mark].noted, ...(phaseId ? { phaseId } : {}) }, channel),
  );
}

/** SessionService.withdrawReluctance / withdrawPersonNamed: see there. */
export function withdrawMark(
  ctx: SessionContext,
  sessionId: string,
  mark: PhaseMark,
  channel: string,
): EventAck {
  const loaded = ctx.prepareWrite(sessionId);
  const kind = PHASE_MARKS[mark];
  if (kind.outstanding(loaded.state) <= 0) {
    throw conflict(`There is no "${kind.label}" to withdraw in this session. Nothing was changed.`);
  }
  const phaseId = markPhase(loaded);
  return ack(
    ctx.append(loaded, { type: kind.withdrawn, ...(phaseId ? { phaseId } : {}) }, channel),
  );
}

/**
 * SessionService.endReluctance: see there. `carried` reads the reluctance carried from earlier
 * sessions, asked only when no press of this session stands (it reads those sessions).
 */
export function endReluctance(
  ctx: SessionContext,
  sessionId: string,
  carried: () => CarriedReluctance | null,
): EventAck {
  // Every refusal (not the interviewer, sealed, imported) comes before the earlier sessions are read.
  const own = ctx.assertWritable(sessionId).state.reluctance;
  // Carried reluctance holds only until this session records an end (then nothing is carried).
  const from = own.standingMs.length > 0 || own.endedAtMs !== null ? null : carried();
  if (own.standingMs.length === 0 && from === null) {
    throw conflict(
      'The child is not noted as reluctant in this session, nor in an earlier session of this interview: there is no reluctance to end. Nothing was changed. If the child is reluctant now, press "Child reluctant" (Alt+L).',
    );
  }
  const loaded = ctx.prepareWrite(sessionId);
  const phaseId = markPhase(loaded);
  return ack(
    ctx.append(
      loaded,
      {
        type: 'reluctance-ended',
        ...(phaseId ? { phaseId } : {}),
        ...(from ? { fromSession: from.session } : {}),
      },
      'sessions.endReluctance',
    ),
  );
}

/** SessionService.recordMedia: see there. */
export function recordMedia(ctx: SessionContext, sessionId: string, input: MediaInput): EventAck {
  const loaded = ctx.prepareWrite(sessionId);
  // The phase is sealed with the event (P11-8), as the reluctance and person-named marks do.
  const body = mediaEventBody(loaded.plan, input, markPhase(loaded));
  return ack(ctx.append(loaded, body, 'sessions.recordMedia'));
}

/** SessionService.linkExtended: see there. `sessions` is the facade (extended.ts reads through it). */
export function linkExtended(
  ctx: SessionContext,
  sessions: SessionService,
  sessionId: string,
  input: ExtendedLinkInput,
): EventAck {
  assertNotLinked(sessions, sessionId);
  const body = extendedLinkBody(sessions, sessions.summary(sessionId), input);
  const loaded = ctx.prepareWrite(sessionId);
  const acked = ack(ctx.append(loaded, body, 'sessions.linkExtended'));
  // From now on the session follows its own session's plan of the extended interview.
  const { meta } = loaded.state;
  loaded.plan = ctx.planFor(
    meta,
    ctx.caseIsBlind(meta.caseId, loaded.sealedBlind),
    loaded.state.extended,
  );
  return acked;
}

/** SessionService.pause: see there. */
export function pause(ctx: SessionContext, sessionId: string, reason?: string): EventAck {
  const loaded = ctx.prepareWrite(sessionId);
  if (loaded.state.paused) throw conflict('The session is already paused.');
  return ack(
    ctx.append(loaded, { type: 'paused', ...(reason ? { reason } : {}) }, 'sessions.pause'),
  );
}

/** SessionService.resume: see there. */
export function resume(ctx: SessionContext, sessionId: string): EventAck {
  const loaded = ctx.prepareWrite(sessionId);
  if (!loaded.state.paused) throw conflict('The session is not paused.');
  return ack(ctx.append(loaded, { type: 'resumed' }, 'sessions.resume'));
}

/** Before the vault locks: mark every session of the signed-in user's own that this process is
 * writing as paused, so that the next unlock resumes it cleanly instead of reporting an
 * interruption. */
export function suspendAll(ctx: SessionContext): void {
  const me = ctx.vault.user?.username;
  for (const loaded of ctx.loaded.values()) {
    if (!loaded.resumed || loaded.state.sealed || loaded.state.paused) continue;
    // Only the user's own live sessions: never a mark in a colleague's interview (R9-1).
    if (loaded.state.meta.interviewer !== me) continue;
    try {
      ctx.append(loaded, { type: 'paused', reason: VAULT_LOCKED_REASON }, 'sessions.pause');
    } catch {
      // Locking must go ahead even if the disk is full; the next unlock then reports an interruption.
    }
  }
  ctx.loaded.clear();
}
