// Interview sessions in the vault. Each event is one sealed record (its own sequence number,
// encrypted with the session's data key) plus an audit entry, committed in one transaction
// before the call returns: an acknowledged note is on disk.
import { assertNotLinked, extendedLinkBody, type ExtendedLinkInput } from './extended';
import { mediaEventBody, type MediaInput } from './media';
import { signDetached, wipe } from '../crypto';
import { ageBandFor, isProtocolError, planSessionAt, type SessionPlan } from '../protocols';
import {
  can,
  getCase,
  HearthError,
  isCaseBlind,
  newId,
  readSigningKey,
  toHex,
  type PutRecord,
  type RecordAddress,
  type SignedInUser,
  type UserProfile,
  type Vault,
} from '../vault';
import {
  addendumStatement,
  authorshipVerdict,
  CURRENT_CHAIN_VERSION,
  genesisHash,
  sealStatement,
} from './chain';
import { SessionClock, systemClocks, type Clocks } from './clock';
import type {
  NoteKind,
  Observer,
  OriginalWords,
  SessionEvent,
  SessionEventBody,
  SessionMeta,
  SessionMode,
  SpeakerMappingEntry,
} from './events';
import { readDrafts, saveDrafts, type NoteDraft, type StoredDraft } from './drafts';
import { applyEvent, initialState, type ExtendedPlace, type SessionState } from './state';
import { withPlannedInterpreter } from './session-interpreter';
import {
  auditedEventCounts,
  verifySessionChain,
  type ReadEvents,
  type SealVerdict,
} from './session-verify';

export type { SealVerdict } from './session-verify';

const SESSION_KIND = 'session';
const EVENT_KIND = 'event';
/** One per session, rewritten with every event: what listing and verify read (see summaryAddress). */
export const SUMMARY_KIND = 'session-summary';
const VAULT_LOCKED_REASON = 'vault-locked';

interface Loaded {
  state: SessionState;
  /** The protocol plan; none for imported transcripts (review sessions). */
  plan: SessionPlan | undefined;
  clock: SessionClock;
  /** True once this process has written to the session (so a dead predecessor was noticed). */
  resumed: boolean;
  /** Version of the session's stored summary record (0: none yet, a vault from before #22). */
  summarySeq: number;
}

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
}

export interface ReviewImport {
  caseId?: string;
  language: 'en' | 'es';
  ageYears?: number;
  title?: string;
  /** The confirmed label-to-role mapping, stored with the review (encrypted). */
  speakerMapping?: SpeakerMappingEntry[];
  turns: Array<{
    speaker: 'interviewer' | 'child' | 'interpreter' | 'other';
    text: string;
    /** Offset in the recording; absent for untimed transcripts (stored as null, not 0). */
    startMs?: number;
  }>;
}

export interface EventAck {
  seq: number;
  at: string;
  elapsedMs: number;
  recordingOffsetMs: number | null;
}

export interface SessionSummary {
  sessionId: string;
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
}

const NOTE_KIND_OF_SPEAKER = {
  interviewer: 'question',
  child: 'child',
  interpreter: 'interpreter',
  other: 'observation',
} as const;

/** Practice sessions are training data (practice key); live and imported ones are case data. */
const sessionClass = (mode: SessionMode): string =>
  mode === 'practice' ? 'class:practice' : 'class:case';

/**
 * The session's summary record: the listing fields plus the verify anchor (event count and chain
 * head after the last event). Sealed under the same data-class key as the session's metadata and
 * stored in the same container (its case, or its mode), rewritten in the transaction of every
 * event so that it is never behind; each version is committed to by that event's audit entry.
 */
const summaryAddress = (meta: SessionMeta, seq: number): RecordAddress => ({
  recordId: `summary:${meta.sessionId}`,
  containerId: meta.caseId ?? meta.mode,
  kind: SUMMARY_KIND,
  seq,
  keyRef: sessionClass(meta.mode),
});

/** The stored summary: the listing fields and the chain head after event `eventCount`. */
export interface StoredSummary extends SessionSummary {
  head: string;
}

const metaAddress = (meta: SessionMeta): RecordAddress => ({
  recordId: meta.sessionId,
  containerId: meta.caseId ?? meta.mode,
  kind: SESSION_KIND,
  seq: meta.version,
  keyRef: sessionClass(meta.mode),
});

/** Event ids sort in sequence order: '<session>:<seq padded to 10 digits>'. */
export function eventRecordId(sessionId: string, seq: number): string {
  return `${sessionId}:${String(seq).padStart(10, '0')}`;
}

const eventAddress = (sessionId: string, seq: number): RecordAddress => ({
  recordId: eventRecordId(sessionId, seq),
  containerId: sessionId,
  kind: EVENT_KIND,
  seq,
  keyRef: `session:${sessionId}`,
});

/**
 * Text is stored in Unicode NFC, so that what is sealed, exported (transcript.txt is NFC) and
 * signed is byte-for-byte the same text however the keyboard composed accents.
 */
/**
 * Limits checked on the stored (NFC) text, the same ones the export schema applies, so that
 * nothing a session accepted can later be refused at export. NFC can lengthen text (U+FB2C
 * becomes three code points), which is why the channel's own limit is not enough.
 */
export const STORED_TEXT_LIMITS = { text: 200_000, reason: 500, keyword: 500 } as const;

function nfc<T extends SessionEventBody>(body: T): T {
  const out: Record<string, unknown> = { ...body };
  for (const field of ['text', 'reason'] as const) {
    const value = out[field];
    if (typeof value !== 'string') continue;
    const normalised = value.normalize('NFC');
    if (normalised.length > STORED_TEXT_LIMITS[field])
      throw new HearthError(
        'INVALID_INPUT',
        `The ${field} is too long once normalised (at most ${STORED_TEXT_LIMITS[field]} characters); shorten it. Nothing was saved.`,
      );
    out[field] = normalised;
  }
  if (Array.isArray(out.keywords))
    out.keywords = (out.keywords as string[]).map((k) => k.normalize('NFC'));
  const original = out.original as OriginalWords | undefined;
  if (original) out.original = { ...original, text: original.text.normalize('NFC') };
  return out as T;
}

function bandOrEmpty(ageYears: number): string {
  try {
    return ageBandFor(ageYears);
  } catch {
    return '';
  }
}

/** The interpreter fields of a note (see addNote). */
export interface InterpretedNote {
  interpreted?: boolean;
  original?: OriginalWords;
}

/** Only spoken turns can be interpreted or carry original words. */
const SPOKEN_KINDS: ReadonlySet<NoteKind> = new Set(['question', 'child', 'interpreter']);

function assertInterpretedKind(kind: NoteKind, fields: InterpretedNote): void {
  if ((fields.interpreted || fields.original) && !SPOKEN_KINDS.has(kind))
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. interpreted/original: only spoken turns (question, child, interpreter) can be interpreted or carry original words; this note is "${kind}".`,
    );
}

function interpretedFields(fields: InterpretedNote): InterpretedNote {
  return {
    ...(fields.interpreted ? { interpreted: true } : {}),
    ...(fields.original ? { original: fields.original } : {}),
  };
}

function conflict(message: string): HearthError {
  return new HearthError('CONFLICT', message);
}

export class SessionService {
  private readonly loaded = new Map<string, Loaded>();

  constructor(
    private readonly vault: Vault,
    private readonly clocks: Clocks = systemClocks,
  ) {}

  // ---- permissions --------------------------------------------------------------------------

  private user(): SignedInUser {
    const user = this.vault.user;
    if (!user) throw new HearthError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');
    return user;
  }

  /** Live sessions are case data; practice sessions belong to their trainee (and trainers). */
  private assertCanRead(meta: Pick<SessionMeta, 'mode' | 'interviewer'>): void {
    const user = this.user();
    const allowed =
      meta.mode === 'practice'
        ? meta.interviewer === user.username || user.role === 'trainer' || user.role === 'admin'
        : can(user.role, 'cases.read');
    if (!allowed)
      throw new HearthError(
        'FORBIDDEN',
        `Your role (${user.role}) does not allow opening this session.`,
      );
  }

  /**
   * Only the session's own interviewer writes into it while it runs (an admin may seal it, see
   * finalize); after the seal, anyone who may write case data adds a signed addendum. Refusals
   * are audited.
   */
  private assertCanWrite(
    meta: SessionMeta,
    options: { sealed?: boolean; sealing?: boolean } = {},
  ): void {
    const user = this.user();
    const owner = meta.interviewer === user.username;
    const allowed =
      meta.mode === 'practice'
        ? owner
        : can(user.role, 'cases.write') &&
          (owner || options.sealed === true || (options.sealing === true && user.role === 'admin'));
    if (!allowed) {
      this.vault.recordRefusal('sessions.write', meta.sessionId);
      throw new HearthError(
        'FORBIDDEN',
        owner || meta.mode === 'practice'
          ? `Your role (${user.role}) does not allow changing this session.`
          : `Only ${meta.interviewer}, who runs this interview, can write into it. Sealed interviews take addenda from colleagues.`,
      );
    }
  }

  // ---- loading --------------------------------------------------------------------------------

  private planFor(
    meta: Pick<SessionMeta, 'protocolId' | 'ageYears' | 'language'>,
    allegationBlind = false,
    place?: Pick<ExtendedPlace, 'index' | 'planned'>,
  ): SessionPlan {
    try {
      // Session k of an extended interview follows its own plan (its place is in its chain).
      return planSessionAt(
        meta.protocolId,
        meta.ageYears,
        meta.language,
        { allegationBlind },
        place,
      );
    } catch (error) {
      if (isProtocolError(error))
        throw new HearthError('INVALID_INPUT', `Invalid input. ${error.message}`);
      throw error;
    }
  }

  private readMeta(sessionId: string): SessionMeta {
    const found = this.vault.records.get<SessionMeta>(sessionId);
    if (!found || found.address.kind !== SESSION_KIND)
      throw new HearthError('NOT_FOUND', 'There is no session with this id.');
    if (found.value.sessionId !== sessionId)
      throw new HearthError('TAMPERED', `Session ${sessionId} does not match its record.`);
    return found.value;
  }

  /** Decrypts every event in order; any unreadable or missing event is reported by sequence. */
  private readEvents(sessionId: string): {
    events: SessionEvent[];
    firstBad?: { seq: number; reason: string };
  } {
    const { records, unreadable } = this.vault.records.listByIdPrefix<SessionEvent>(sessionId);
    const bad: Array<{ seq: number; reason: string }> = unreadable.map((id) => ({
      seq: Number(id.slice(id.lastIndexOf(':') + 1)),
      reason: 'fails authentication (altered, moved or replaced outside Hearth)',
    }));
    const events: SessionEvent[] = [];
    let expected = 1;
    for (const record of records) {
      if (record.address.seq !== expected) {
        bad.push({ seq: expected, reason: 'is missing (deleted outside Hearth)' });
        break;
      }
      if (record.value.seq !== record.address.seq) {
        bad.push({ seq: expected, reason: 'does not match its position' });
        break;
      }
      events.push(record.value);
      expected++;
    }
    bad.sort((a, b) => a.seq - b.seq);
    return bad[0] ? { events, firstBad: bad[0] } : { events };
  }

  private load(sessionId: string): Loaded {
    const cached = this.loaded.get(sessionId);
    if (cached) return cached;
    const loaded = this.readLoaded(sessionId);
    this.loaded.set(sessionId, loaded);
    return loaded;
  }

  /** Reads a session from the vault: metadata, every event folded, its summary's version. */
  private readLoaded(sessionId: string): Loaded {
    const meta = this.readMeta(sessionId);
    this.assertCanRead(meta);
    const { events, firstBad } = this.readEvents(sessionId);
    if (firstBad) {
      throw new HearthError(
        'TAMPERED',
        `Event ${firstBad.seq} of this session ${firstBad.reason}. Run a vault check.`,
      );
    }
    const state = initialState(meta, genesisHash(sessionId));
    for (const event of events) applyEvent(state, event);
    const loaded: Loaded = {
      state,
      plan:
        meta.mode === 'review'
          ? undefined
          : this.planFor(meta, this.caseIsBlind(meta.caseId), state.extended),
      clock: new SessionClock(this.clocks, Date.parse(meta.startedAt), state.lastElapsedMs),
      resumed: false,
      summarySeq: this.storedSummarySeq(sessionId),
    };
    return loaded;
  }

  /** The version of a session's summary record, 0 when it has none (read in clear: no decrypt). */
  private storedSummarySeq(sessionId: string): number {
    return this.vault.records.seqOf(`summary:${sessionId}`) ?? 0;
  }

  /** Seals the next version of the session's summary (call inside the write, after applyEvent). */
  private putSummary(loaded: Loaded, put: PutRecord): void {
    const stored: StoredSummary = {
      ...this.toSummary(loaded.state, loaded.plan),
      head: loaded.state.head,
    };
    put(summaryAddress(loaded.state.meta, loaded.summarySeq + 1), stored);
    loaded.summarySeq += 1;
  }

  /**
   * Writes events (and whatever else `extra` puts) with the session's summary in one
   * transaction. The events are folded into the state first, so the summary describes the state
   * after them; if the transaction fails, the cached state is read again from the vault (keeping
   * this process's clock and resume marker) so that it never runs ahead of the disk.
   */
  private commit(
    loaded: Loaded,
    action: string,
    events: SessionEvent[],
    extra?: (put: PutRecord) => void,
    detail?: Record<string, string | number | boolean>,
  ): void {
    const sessionId = loaded.state.meta.sessionId;
    try {
      this.vault.write(
        action,
        sessionId,
        (put) => {
          extra?.(put);
          for (const event of events) {
            applyEvent(loaded.state, event);
            put(eventAddress(sessionId, event.seq), event);
          }
          this.putSummary(loaded, put);
        },
        detail,
      );
    } catch (error) {
      this.restoreAfterFailedWrite(loaded);
      throw error;
    }
  }

  private restoreAfterFailedWrite(loaded: Loaded): void {
    const sessionId = loaded.state.meta.sessionId;
    if (this.loaded.get(sessionId) !== loaded) return;
    try {
      const fresh = this.readLoaded(sessionId);
      this.loaded.set(sessionId, { ...fresh, clock: loaded.clock, resumed: loaded.resumed });
    } catch {
      this.loaded.delete(sessionId);
    }
  }

  /** The blind flag of a live session's case (the plan leaves allegation-only phases out). */
  private caseIsBlind(caseId: string | undefined): boolean {
    return caseId !== undefined && isCaseBlind(this.vault, caseId);
  }

  // ---- appending ------------------------------------------------------------------------------

  /** Seals one event and its audit entry in one transaction; returns after the commit. */
  private append(
    loaded: Loaded,
    body: SessionEventBody,
    action: string,
    at?: string,
  ): SessionEvent {
    const { state } = loaded;
    const elapsedMs = Math.max(loaded.clock.elapsedMs(), state.lastElapsedMs);
    const recordingOffsetMs =
      body.type === 'recording-marker'
        ? 0
        : state.recordingMarkerElapsedMs === null
          ? null
          : elapsedMs - state.recordingMarkerElapsedMs;
    const event = {
      ...nfc(body),
      seq: state.lastSeq + 1,
      at: at ?? new Date(this.clocks.wallNow()).toISOString(),
      elapsedMs,
      recordingOffsetMs,
      by: this.user().username,
    };
    this.commit(loaded, action, [event]);
    return event;
  }

  /**
   * Everything a write needs: the session loaded, the user allowed, not sealed, and — the first
   * time this process writes to it — a visible marker of how the previous holder stopped.
   */
  private prepareWrite(
    sessionId: string,
    options: { allowSealed?: boolean; sealing?: boolean } = {},
  ): Loaded {
    const loaded = this.load(sessionId);
    this.assertCanWrite(loaded.state.meta, {
      sealed: loaded.state.sealed,
      sealing: options.sealing === true,
    });
    if (loaded.state.meta.mode === 'review') {
      throw conflict('An imported transcript is kept exactly as imported and cannot be changed.');
    }
    if (loaded.state.sealed && !options.allowSealed) {
      throw new HearthError(
        'SESSION_SEALED',
        'This session is sealed: nothing can be added or changed. Write an addendum instead.',
      );
    }
    if (!loaded.resumed && !loaded.state.sealed) {
      const last = loaded.state.lastEvent;
      if (last?.type === 'paused') {
        if (last.reason === VAULT_LOCKED_REASON)
          this.append(loaded, { type: 'resumed', reason: 'vault-unlocked' }, 'sessions.resume');
      } else if (last) {
        this.append(
          loaded,
          { type: 'interrupted', lastEventSeq: last.seq, lastElapsedMs: last.elapsedMs },
          'sessions.interrupted',
        );
      }
      loaded.resumed = true;
    }
    return loaded;
  }

  private ack(event: SessionEvent): EventAck {
    return {
      seq: event.seq,
      at: event.at,
      elapsedMs: event.elapsedMs,
      recordingOffsetMs: event.recordingOffsetMs,
    };
  }

  // ---- commands -------------------------------------------------------------------------------

  start(input: StartInput): string {
    const user = this.user();
    let ageYears: number;
    let allegationBlind = false;
    if (input.mode === 'live') {
      if (!input.caseId)
        throw new HearthError(
          'INVALID_INPUT',
          'Invalid input. caseId: a live session belongs to a case.',
        );
      this.vault.require('cases.write');
      const theCase = getCase(this.vault, input.caseId);
      if (theCase.archived)
        throw conflict('This case is archived. Unarchive it before starting a session.');
      ageYears = theCase.childAgeYears;
      allegationBlind = theCase.allegationBlind;
    } else {
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
      if (user.role === 'reviewer')
        throw new HearthError(
          'FORBIDDEN',
          'Your role (reviewer) does not allow practice sessions.',
        );
      ageYears = input.ageYears;
    }
    const sessionId = newId('sess');
    const startedAt = new Date(this.clocks.wallNow()).toISOString();
    const meta: SessionMeta = {
      sessionId,
      ...(input.caseId ? { caseId: input.caseId } : {}),
      mode: input.mode,
      protocolId: input.protocolId,
      ageYears,
      language: input.language,
      interviewer: user.username,
      observers: input.caseId
        ? withPlannedInterpreter(this.vault, input.caseId, input.observers ?? [])
        : (input.observers ?? []),
      ...(input.room ? { room: input.room } : {}),
      startedAt,
      status: 'active',
      version: 1,
    };
    const plan = this.planFor(meta, allegationBlind);
    if (input.extended) extendedLinkBody(this, meta, input.extended);
    const state = initialState(meta, genesisHash(sessionId));
    const loaded: Loaded = {
      state,
      plan,
      clock: new SessionClock(this.clocks, Date.parse(startedAt), 0),
      resumed: true,
      summarySeq: 0,
    };
    const started: SessionEvent = {
      type: 'session-started',
      chain: CURRENT_CHAIN_VERSION,
      sessionId,
      ...(meta.caseId ? { caseId: meta.caseId } : {}),
      mode: meta.mode,
      protocolId: meta.protocolId,
      ageYears,
      language: meta.language,
      observers: meta.observers,
      ...(meta.room ? { room: meta.room } : {}),
      seq: 1,
      at: startedAt,
      elapsedMs: 0,
      recordingOffsetMs: null,
      by: user.username,
    };
    this.commit(loaded, 'sessions.start', [started], (put) => {
      this.vault.records.createDataKey(`session:${sessionId}`, sessionClass(meta.mode));
      put(metaAddress(meta), meta);
    });
    this.loaded.set(sessionId, loaded);
    if (input.extended) this.linkExtended(sessionId, input.extended);
    return sessionId;
  }

  /**
   * Adds a timestamped note. `interpreted` marks a turn rendered by the interpreter; `original`
   * keeps the speaker's own-language words verbatim beside the rendering (Fontes & Tishelman
   * 2016: interpreted and code-switched interviews). Both are sealed in the same encrypted event.
   */
  addNote(
    sessionId: string,
    kind: NoteKind,
    text: string,
    keywords?: string[],
    language: InterpretedNote = {},
  ): EventAck & { noteId: string } {
    assertInterpretedKind(kind, language);
    const loaded = this.prepareWrite(sessionId);
    const noteId = newId('note');
    const event = this.append(
      loaded,
      {
        type: 'note',
        noteId,
        kind,
        text,
        version: 1,
        ...(keywords && keywords.length > 0 ? { keywords } : {}),
        ...interpretedFields(language),
      },
      'sessions.addNote',
    );
    return { ...this.ack(event), noteId };
  }

  editNote(
    sessionId: string,
    noteId: string,
    text: string,
    keywords?: string[],
    reason?: string,
  ): EventAck & { noteId: string; version: number } {
    const loaded = this.prepareWrite(sessionId);
    const note = loaded.state.notes.get(noteId);
    if (!note) throw new HearthError('NOT_FOUND', 'There is no note with this id in this session.');
    const event = this.append(
      loaded,
      {
        type: 'note',
        noteId,
        kind: note.kind,
        text,
        version: note.version + 1,
        replacesSeq: note.latestSeq,
        ...(keywords && keywords.length > 0 ? { keywords } : {}),
        ...(reason ? { reason } : {}),
        // A correction keeps the turn's interpreter marking and original words.
        ...interpretedFields(note),
      },
      'sessions.editNote',
    );
    return { ...this.ack(event), noteId, version: note.version + 1 };
  }

  /**
   * Adds the recording's fingerprint (SHA-256 hex, size in bytes, and an optional label the
   * interviewer chose; never the file name unless they typed it as the label) to an open
   * session, so the seal covers it. Refused once sealed (SESSION_SEALED, by
   * prepareWrite); several recordings (a restart) each get their own event.
   */
  addRecordingFingerprint(
    sessionId: string,
    recording: { sha256: string; bytes: number; label?: string },
  ): EventAck {
    const loaded = this.prepareWrite(sessionId);
    return this.ack(
      this.append(
        loaded,
        { type: 'recording-fingerprint', ...recording },
        'sessions.addRecordingFingerprint',
      ),
    );
  }

  markRecording(sessionId: string, restart: boolean): EventAck {
    const loaded = this.prepareWrite(sessionId);
    const started = loaded.state.recordingMarkerElapsedMs !== null;
    if (!restart && started)
      throw conflict(
        'Recording was already marked as started. Mark a restart if the recording was restarted.',
      );
    if (restart && !started) throw conflict('Recording has not been marked as started yet.');
    return this.ack(
      this.append(
        loaded,
        { type: 'recording-marker', marker: restart ? 'restarted' : 'started' },
        'sessions.markRecording',
      ),
    );
  }

  private phaseOf(loaded: Loaded, phaseId: string) {
    for (const session of loaded.plan?.sessions ?? []) {
      const phase = session.phases.find((p) => p.id === phaseId);
      if (phase) return phase;
    }
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. phaseId: "${phaseId}" is not a phase of this session's protocol.`,
    );
  }

  enterPhase(sessionId: string, phaseId: string): EventAck {
    const loaded = this.prepareWrite(sessionId);
    this.phaseOf(loaded, phaseId);
    return this.ack(this.append(loaded, { type: 'phase-entered', phaseId }, 'sessions.enterPhase'));
  }

  checkItem(sessionId: string, phaseId: string, itemId: string): EventAck {
    const loaded = this.prepareWrite(sessionId);
    const phase = this.phaseOf(loaded, phaseId);
    if (!phase.checklist.some((item) => item.id === itemId)) {
      throw new HearthError(
        'INVALID_INPUT',
        `Invalid input. itemId: "${itemId}" is not on the checklist of phase "${phaseId}".`,
      );
    }
    return this.ack(
      this.append(loaded, { type: 'checklist-item-done', phaseId, itemId }, 'sessions.checkItem'),
    );
  }

  startBreak(sessionId: string, reason: string): EventAck {
    const loaded = this.prepareWrite(sessionId);
    if (loaded.state.onBreak) throw conflict('A break is already in progress.');
    return this.ack(this.append(loaded, { type: 'break-started', reason }, 'sessions.startBreak'));
  }

  endBreak(sessionId: string, reason?: string): EventAck {
    const loaded = this.prepareWrite(sessionId);
    if (!loaded.state.onBreak) throw conflict('There is no break in progress to end.');
    return this.ack(
      this.append(
        loaded,
        { type: 'break-ended', ...(reason ? { reason } : {}) },
        'sessions.endBreak',
      ),
    );
  }

  markDistress(sessionId: string, text?: string): EventAck {
    const loaded = this.prepareWrite(sessionId);
    return this.ack(
      this.append(
        loaded,
        { type: 'distress-observed', ...(text ? { text } : {}) },
        'sessions.markDistress',
      ),
    );
  }

  /**
   * Records an aid used now, or the decision not to use one, as a chained event with the
   * protocol's media stance (media.ts). Throws as mediaEventBody does, and as every write does
   * (sealed, not the interviewer).
   */
  recordMedia(sessionId: string, input: MediaInput): EventAck {
    const loaded = this.prepareWrite(sessionId);
    return this.ack(
      this.append(loaded, mediaEventBody(loaded.plan, input), 'sessions.recordMedia'),
    );
  }

  /**
   * Links this session into an extended interview (extended.ts: validation against the earlier
   * session and the protocol's model) as a chained event. Throws as extendedLinkBody does.
   */
  linkExtended(sessionId: string, input: ExtendedLinkInput): EventAck {
    assertNotLinked(this, sessionId);
    const body = extendedLinkBody(this, this.summary(sessionId), input);
    const loaded = this.prepareWrite(sessionId);
    const ack = this.ack(this.append(loaded, body, 'sessions.linkExtended'));
    const { meta } = loaded.state;
    loaded.plan = this.planFor(meta, this.caseIsBlind(meta.caseId), loaded.state.extended);
    return ack;
  }

  pause(sessionId: string, reason?: string): EventAck {
    const loaded = this.prepareWrite(sessionId);
    if (loaded.state.paused) throw conflict('The session is already paused.');
    return this.ack(
      this.append(loaded, { type: 'paused', ...(reason ? { reason } : {}) }, 'sessions.pause'),
    );
  }

  resume(sessionId: string): EventAck {
    const loaded = this.prepareWrite(sessionId);
    if (!loaded.state.paused) throw conflict('The session is not paused.');
    return this.ack(this.append(loaded, { type: 'resumed' }, 'sessions.resume'));
  }

  /**
   * Stores an imported transcript as a read-only `review` session: one note per turn
   * (interviewer → question, child → child's words, anyone else → observation), written in one
   * transaction so an import is all or nothing.
   */
  importReview(input: ReviewImport): { sessionId: string; turns: number } {
    const user = this.user();
    if (!can(user.role, 'cases.read'))
      throw new HearthError(
        'FORBIDDEN',
        `Your role (${user.role}) does not allow importing transcripts.`,
      );
    let ageYears = input.ageYears ?? 0;
    if (input.caseId) ageYears = getCase(this.vault, input.caseId).childAgeYears;
    const sessionId = newId('sess');
    const startedAt = new Date(this.clocks.wallNow()).toISOString();
    const meta: SessionMeta = {
      sessionId,
      ...(input.caseId ? { caseId: input.caseId } : {}),
      mode: 'review',
      protocolId: 'none',
      ageYears,
      language: input.language,
      interviewer: user.username,
      observers: [],
      ...(input.title ? { title: input.title } : {}),
      ...(input.speakerMapping?.length ? { speakerMapping: input.speakerMapping } : {}),
      startedAt,
      status: 'active',
      version: 1,
    };
    const state = initialState(meta, genesisHash(sessionId));
    const events: SessionEvent[] = [
      {
        type: 'session-started',
        chain: CURRENT_CHAIN_VERSION,
        sessionId,
        ...(meta.caseId ? { caseId: meta.caseId } : {}),
        mode: 'review',
        protocolId: 'none',
        ageYears,
        language: meta.language,
        observers: [],
        seq: 1,
        at: startedAt,
        elapsedMs: 0,
        recordingOffsetMs: null,
        by: user.username,
      },
    ];
    let lastMs = 0;
    for (const turn of input.turns) {
      lastMs = Math.max(lastMs, turn.startMs ?? lastMs);
      events.push({
        type: 'note',
        noteId: newId('note'),
        kind: NOTE_KIND_OF_SPEAKER[turn.speaker],
        text: turn.text,
        version: 1,
        seq: events.length + 1,
        at: startedAt,
        elapsedMs: lastMs,
        recordingOffsetMs: turn.startMs ?? null,
        by: user.username,
      });
    }
    const loaded: Loaded = {
      state,
      plan: undefined,
      clock: new SessionClock(this.clocks, Date.parse(startedAt), lastMs),
      resumed: true,
      summarySeq: 0,
    };
    this.commit(
      loaded,
      'questions.importTranscript',
      events,
      (put) => {
        this.vault.records.createDataKey(`session:${sessionId}`, sessionClass(meta.mode));
        put(metaAddress(meta), meta);
      },
      { turns: input.turns.length },
    );
    this.loaded.set(sessionId, loaded);
    return { sessionId, turns: input.turns.length };
  }

  /** Seals the session: a final chain head over every event, signed with the sealer's Ed25519 key. */
  finalize(sessionId: string): { sealedAt: string; head: string; eventCount: number } {
    const loaded = this.prepareWrite(sessionId, { sealing: true });
    const user = this.user();
    const { state } = loaded;
    if (state.meta.mode === 'live' && state.meta.interviewer !== user.username) {
      // The seal is the interviewer's own statement; the bundle verifier accepts no other.
      throw new HearthError(
        'FORBIDDEN',
        'Only the interviewer who ran this session can seal it. Ask them to sign in and seal it.',
      );
    }
    // A seal over events their authors did not write would make the alteration verify.
    this.assertIntact(sessionId);
    const profile = this.profileOf(user.username);
    const sealedAt = new Date(this.clocks.wallNow()).toISOString();
    const statement = {
      sessionId,
      head: state.head,
      eventCount: state.lastSeq,
      sealedAt,
      signer: user.username,
      signerPublicKey: profile.signPublicKey,
    };
    const secretKey = readSigningKey(this.vault.records, user.username);
    let signature: string;
    try {
      signature = toHex(signDetached(sealStatement(statement), secretKey));
    } finally {
      wipe(secretKey);
    }
    const elapsedMs = Math.max(loaded.clock.elapsedMs(), state.lastElapsedMs);
    const event: SessionEvent = {
      type: 'sealed',
      head: statement.head,
      eventCount: statement.eventCount,
      signer: user.username,
      signerPublicKey: profile.signPublicKey,
      signature,
      seq: state.lastSeq + 1,
      at: sealedAt,
      elapsedMs,
      recordingOffsetMs:
        state.recordingMarkerElapsedMs === null ? null : elapsedMs - state.recordingMarkerElapsedMs,
      by: user.username,
    };
    const meta: SessionMeta = {
      ...state.meta,
      status: 'sealed',
      sealedAt,
      version: state.meta.version + 1,
    };
    this.commit(loaded, 'sessions.finalize', [event], (put) => {
      put(metaAddress(meta), meta);
      state.meta = meta;
    });
    return { sealedAt, head: statement.head, eventCount: statement.eventCount };
  }

  /** Written after the seal: timestamped, signed by its author, chained after the seal. */
  addAddendum(sessionId: string, text: string): EventAck & { head: string } {
    text = text.normalize('NFC');
    const loaded = this.prepareWrite(sessionId, { allowSealed: true });
    if (!loaded.state.sealed)
      throw conflict('Addenda are written after the session is sealed. Add a note instead.');
    // An addendum signs onto the sealed record: never onto one altered since (red team round 5).
    this.assertIntact(sessionId);
    const user = this.user();
    const profile = this.profileOf(user.username);
    const at = new Date(this.clocks.wallNow()).toISOString();
    const seq = loaded.state.lastSeq + 1;
    const head = loaded.state.head;
    const secretKey = readSigningKey(this.vault.records, user.username);
    let signature: string;
    try {
      signature = toHex(
        signDetached(
          addendumStatement({ sessionId, seq, at, author: user.username, text, head }),
          secretKey,
        ),
      );
    } finally {
      wipe(secretKey);
    }
    const event = this.append(
      loaded,
      { type: 'addendum', text, head, signerPublicKey: profile.signPublicKey, signature },
      'sessions.addAddendum',
      at, // the signed statement carries this exact time
    );
    return { ...this.ack(event), head };
  }

  private profileOf(username: string): UserProfile {
    const found = this.vault.records.get<UserProfile>(`user:${username}`);
    if (!found)
      throw new HearthError('TAMPERED', "The signer's profile is missing from the vault.");
    return found.value;
  }

  // ---- hooks for workflow modules (observers.ts) ----------------------------------------------

  /**
   * Appends one event for a workflow module after the same checks as every write (loaded,
   * allowed, not sealed). `check` sees the current state first and throws to refuse.
   */
  appendEvent(
    sessionId: string,
    body: SessionEventBody,
    action: string,
    check?: (state: Readonly<SessionState>, user: SignedInUser) => void,
  ): SessionEvent {
    const loaded = this.prepareWrite(sessionId);
    check?.(loaded.state, this.user());
    return this.append(loaded, body, action);
  }

  /** The folded state of a session the user may read (for workflow modules; do not mutate). */
  stateOf(sessionId: string): Readonly<SessionState> {
    return this.load(sessionId).state;
  }

  // ---- reading --------------------------------------------------------------------------------

  summary(sessionId: string): SessionSummary {
    const { state, plan } = this.load(sessionId);
    return this.vault.read('sessions.get', sessionId, () => this.toSummary(state, plan));
  }

  private toSummary(state: SessionState, plan: SessionPlan | undefined): SessionSummary {
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
    };
  }

  /**
   * The sessions this user may read, oldest first, filtered by case (`caseId`, or several
   * `caseIds`), mode and trainee. Reads one summary record per session (kept current with every
   * event), never the events; a session without one (a vault from before summaries, not yet
   * rebuilt for this user's keys) is folded from its events instead. Audited once, with a count.
   */
  list(filter: {
    caseId?: string;
    caseIds?: readonly string[];
    mode?: SessionMode;
    trainee?: string;
  }): SessionSummary[] {
    const user = this.user();
    // Live sessions are stored under their case; practice and review sessions under their mode.
    const byMode = filter.mode && filter.mode !== 'live' ? filter.mode : undefined;
    const cases = [...(filter.caseId ? [filter.caseId] : []), ...(filter.caseIds ?? [])];
    const containers: Array<string | undefined> =
      cases.length > 0
        ? [...new Set(cases)]
        : [byMode ?? (user.role === 'trainer' ? 'practice' : undefined)];
    const target = filter.caseId ?? (cases.length === 1 ? cases[0] : undefined);
    return this.vault.read(
      'sessions.list',
      target,
      () =>
        containers
          .flatMap((container) => this.readSummaries(container))
          .filter((m) => (filter.mode ? m.mode === filter.mode : true))
          .filter((m) => (filter.trainee ? m.interviewer === filter.trainee : true))
          .filter((m) => this.mayRead(m))
          .sort(
            (a, b) =>
              a.startedAt.localeCompare(b.startedAt) || a.sessionId.localeCompare(b.sessionId),
          ),
      (result) => ({ count: result.length, ...(cases.length > 1 ? { cases: cases.length } : {}) }),
    );
  }

  private mayRead(m: Pick<SessionMeta, 'mode' | 'interviewer'>): boolean {
    try {
      this.assertCanRead(m);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The summaries of every session in a container (all containers when undefined) that this
   * sign-in can decrypt. A summary that is missing or fails authentication is not trusted: that
   * session is read from its events, which throws TAMPERED if they were altered.
   */
  private readSummaries(container: string | undefined): SessionSummary[] {
    const out = new Map<string, SessionSummary>();
    for (const { address, value } of this.vault.records.list<StoredSummary>(SUMMARY_KIND, container)
      .records) {
      if (address.recordId !== `summary:${value.sessionId}`) continue;
      const { head: _head, ...summary } = value;
      out.set(value.sessionId, summary);
    }
    for (const sessionId of this.vault.records.listIds(SESSION_KIND, container)) {
      if (out.has(sessionId)) continue;
      let meta: SessionMeta;
      try {
        meta = this.readMeta(sessionId);
      } catch (error) {
        // As before summaries: metadata this sign-in cannot open is left out of its listing.
        if (
          error instanceof HearthError &&
          (error.code === 'FORBIDDEN' || error.code === 'TAMPERED')
        )
          continue;
        throw error;
      }
      if (!this.mayRead(meta)) continue;
      const { state, plan } = this.load(sessionId);
      out.set(sessionId, this.toSummary(state, plan));
    }
    return [...out.values()];
  }

  /**
   * Builds the summary record of every session this sign-in can read that has none (vaults
   * written before summaries: migration 0003 marks them, see Vault.pendingTask). Each session's
   * summary is folded from its events and written in its own audited transaction; a session
   * whose events fail authentication is left for `vault check` to report. Returns how many were
   * built. Sessions sealed under keys this user does not hold are built at their readers' unlock.
   */
  buildMissingSummaries(): { built: number; remaining: number } {
    this.user();
    let built = 0;
    let remaining = 0;
    for (const sessionId of this.vault.records.listIds(SESSION_KIND)) {
      if (this.vault.records.seqOf(`summary:${sessionId}`) !== undefined) continue;
      try {
        const meta = this.readMeta(sessionId);
        if (!this.mayRead(meta)) {
          remaining++;
          continue;
        }
        const loaded = this.readLoaded(sessionId);
        this.vault.write('sessions.summaryBuilt', sessionId, (put) => this.putSummary(loaded, put));
        built++;
      } catch (error) {
        if (!(error instanceof HearthError)) throw error;
        remaining++;
      }
    }
    return { built, remaining };
  }

  /** The events in order, with each note's versions, as stored (nothing is ever overwritten). */
  events(sessionId: string): SessionEvent[] {
    this.load(sessionId);
    return this.vault.read('sessions.timeline', sessionId, () => this.readEvents(sessionId).events);
  }

  /** The session's protocol plan (imported transcripts have none). */
  plan(sessionId: string): SessionPlan {
    const { plan } = this.load(sessionId);
    if (!plan) throw conflict('An imported transcript follows no protocol plan.');
    return plan;
  }

  /**
   * Recomputes the chain from the stored events and checks the seal's and each addendum's
   * signature against the signer's key in the vault. Reports the first bad event.
   */
  verify(sessionId: string): SealVerdict {
    const meta = this.readMeta(sessionId);
    this.assertCanRead(meta);
    return this.vault.read('sessions.verify', sessionId, () => this.verdictOf(meta));
  }

  /**
   * Refuses (TAMPERED) when the session fails the check `verify` runs: sealing, adding an
   * addendum to or exporting a session whose stored events are not what their authors wrote would
   * put a signature over the alteration (red team round 4, N2; round 5 for addenda). Not audited itself: the refused action writes nothing.
   */
  assertIntact(sessionId: string): void {
    const verdict = this.verdictOf(this.readMeta(sessionId));
    if (verdict.ok) return;
    throw new HearthError(
      'TAMPERED',
      `This session's record fails verification${
        verdict.firstBadEvent !== undefined ? ` at event ${verdict.firstBadEvent}` : ''
      }, so nothing can be signed onto it (seal, addendum, export). Run a vault check and tell an administrator; nothing was written.`,
    );
  }

  /** The chain, seal, addenda and authorship check of one session (see `verify`). */
  private verdictOf(meta: SessionMeta): SealVerdict {
    const { sessionId } = meta;
    const anchor = this.readAnchor(sessionId);
    const read = this.readEvents(sessionId);
    // Without a summary (a vault not yet migrated for this user) the audit log is the anchor.
    const verdict = anchor
      ? this.verifyChain(meta, anchor.eventCount, anchor.head, read)
      : this.verifyChain(meta, this.auditedEventCounts().get(sessionId) ?? 0, undefined, read);
    // Each event must also be what its author wrote: its own signed audit entry, found through
    // the audit index and checked by sequence number (no walk of the log).
    return verdict.ok ? authorshipVerdict(this.vault, sessionId, read.events) : verdict;
  }

  /**
   * The per-session verify anchor: the event count and chain head sealed in the session's
   * summary, rewritten in the transaction of every event and committed to by its audit entry.
   * Undefined when the session has none or it fails authentication (verify then falls back to
   * the audit log; `vault check` reports the altered record).
   */
  private readAnchor(sessionId: string): { eventCount: number; head: string } | undefined {
    try {
      const found = this.vault.records.get<StoredSummary>(`summary:${sessionId}`);
      if (!found || found.address.kind !== SUMMARY_KIND || found.value.sessionId !== sessionId)
        return undefined;
      return { eventCount: found.value.eventCount, head: found.value.head };
    } catch (error) {
      if (error instanceof HearthError) return undefined;
      throw error;
    }
  }

  /**
   * The same check as `verify`, run on every sealed session this user may read (for
   * `vault check`, which is audited once as a whole). Shape: one entry per session that fails,
   * in session-id order; an empty list means every sealed session's chain, seal and addenda
   * verify. Each session's event count comes from its summary (whose version the record pass of
   * `vault check` compares with the audit log); `progress(done, total)` every 200 sessions. Sessions whose metadata this user cannot decrypt are reported by `vault check`'s
   * record pass, not here.
   */
  verifySealed(
    progress?: (done: number, total: number) => void,
  ): Array<{ sessionId: string } & SealVerdict> {
    // The summaries' anchors; the audit walk only for sessions without one (and only once).
    let audited: Map<string, number> | undefined;
    const writtenOf = (sessionId: string) =>
      (audited ??= this.auditedEventCounts()).get(sessionId) ?? 0;
    const failures: Array<{ sessionId: string } & SealVerdict> = [];
    const metas = this.vault.records
      .list<SessionMeta>(SESSION_KIND)
      .records.map((r) => r.value)
      .filter((m) => m.status === 'sealed')
      .sort((a, b) => a.sessionId.localeCompare(b.sessionId));
    let done = 0;
    for (const meta of metas) {
      if (++done % 200 === 0) progress?.(done, metas.length);
      if (!this.mayRead(meta)) continue;
      const anchor = this.readAnchor(meta.sessionId);
      const verdict = anchor
        ? this.verifyChain(meta, anchor.eventCount, anchor.head)
        : this.verifyChain(meta, writtenOf(meta.sessionId));
      if (!verdict.ok) failures.push({ sessionId: meta.sessionId, ...verdict });
    }
    progress?.(metas.length, metas.length);
    return failures;
  }

  /** Recomputes one session's chain from its stored events; see verifySessionChain. */
  private verifyChain(
    meta: SessionMeta,
    written: number,
    expectedHead?: string,
    read: ReadEvents = this.readEvents(meta.sessionId),
  ): SealVerdict {
    return verifySessionChain(meta, read, {
      written,
      ...(expectedHead !== undefined ? { expectedHead } : {}),
      trustedKeyOf: (username) =>
        this.vault.records.get<UserProfile>(`user:${username}`)?.value.signPublicKey,
    });
  }

  /** Per session id, the highest event sequence the audit chain records as written. */
  private auditedEventCounts(): Map<string, number> {
    return auditedEventCounts(this.vault);
  }

  // ---- drafts (unsent note text kept across a lock; see drafts.ts) ----------------------------

  /** Only a live session the user may still write to can hold a draft. */
  private assertCanDraft(sessionId: string): void {
    const { state } = this.load(sessionId);
    if (state.meta.mode !== 'live')
      throw new HearthError(
        'INVALID_INPUT',
        'Invalid input. Drafts are kept for live interviews only.',
      );
    this.assertCanWrite(state.meta);
    if (state.sealed)
      throw new HearthError('SESSION_SEALED', 'This session is sealed: nothing can be added.');
  }

  /** Replaces the user's unsent drafts; see saveDrafts in drafts.ts. */
  saveDrafts(drafts: readonly NoteDraft[], resume?: string): { saved: number } {
    return saveDrafts(
      this.vault,
      { assertCanDraft: (id) => this.assertCanDraft(id) },
      drafts,
      resume,
    );
  }

  /** The user's unsent drafts and the live session to return to; see readDrafts in drafts.ts. */
  drafts(): { drafts: StoredDraft[]; resume?: string } {
    return this.vault.read(
      'sessions.drafts',
      undefined,
      () => readDrafts(this.vault, { assertCanDraft: (id) => this.assertCanDraft(id) }),
      (result) => ({ count: result.drafts.length }),
    );
  }

  /** Before the vault locks: mark every session this process is writing as paused, so that the
   * next unlock resumes it cleanly instead of reporting an interruption. */
  suspendAll(): void {
    for (const loaded of this.loaded.values()) {
      if (!loaded.resumed || loaded.state.sealed || loaded.state.paused) continue;
      try {
        this.append(loaded, { type: 'paused', reason: VAULT_LOCKED_REASON }, 'sessions.pause');
      } catch {
        // Locking must go ahead even if the disk is full; the next unlock then reports an interruption.
      }
    }
    this.loaded.clear();
  }
}
