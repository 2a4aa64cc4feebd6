// Interview sessions in the vault. Each event is one sealed record (its own sequence number,
// encrypted with the session's data key) plus an audit entry, committed in one transaction
// before the call returns: an acknowledged note is on disk.
import { signDetached, verifyDetached, wipe, CryptoError } from '../crypto';
import { ageBandFor, isProtocolError, planSession, type SessionPlan } from '../protocols';
import {
  can,
  getCase,
  HearthError,
  isCaseBlind,
  newId,
  readSigningKey,
  toHex,
  type RecordAddress,
  type SignedInUser,
  type UserProfile,
  type Vault,
} from '../vault';
import {
  addendumStatement,
  chainVersionOf,
  CURRENT_CHAIN_VERSION,
  genesisHash,
  nextHash,
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
import { applyEvent, initialState, type SessionState } from './state';
import { withPlannedInterpreter } from './session-interpreter';

const SESSION_KIND = 'session';
const EVENT_KIND = 'event';
const VAULT_LOCKED_REASON = 'vault-locked';

interface Loaded {
  state: SessionState;
  /** The protocol plan; none for imported transcripts (review sessions). */
  plan: SessionPlan | undefined;
  clock: SessionClock;
  /** True once this process has written to the session (so a dead predecessor was noticed). */
  resumed: boolean;
}

export interface StartInput {
  caseId?: string;
  protocolId: string;
  mode: 'live' | 'practice';
  language: 'en' | 'es';
  ageYears?: number;
  observers?: Observer[];
  room?: string;
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

const metaAddress = (meta: SessionMeta): RecordAddress => ({
  recordId: meta.sessionId,
  containerId: meta.caseId ?? meta.mode,
  kind: SESSION_KIND,
  seq: meta.version,
  keyRef: sessionClass(meta.mode),
});

/** The outcome of recomputing a session's chain, seal and addenda (`sessions.verify`). */
export interface SealVerdict {
  ok: boolean;
  /** 1-based sequence of the first event that fails, when not ok. */
  firstBadEvent?: number;
  reason?: string;
}

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
  private assertCanRead(meta: SessionMeta): void {
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
  ): SessionPlan {
    try {
      return planSession(meta.protocolId, meta.ageYears, meta.language, {
        allegationBlind,
      });
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
      plan: meta.mode === 'review' ? undefined : this.planFor(meta, this.caseIsBlind(meta.caseId)),
      clock: new SessionClock(this.clocks, Date.parse(meta.startedAt), state.lastElapsedMs),
      resumed: false,
    };
    this.loaded.set(sessionId, loaded);
    return loaded;
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
    this.vault.write(action, state.meta.sessionId, (put) =>
      put(eventAddress(state.meta.sessionId, event.seq), event),
    );
    applyEvent(state, event);
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
    const state = initialState(meta, genesisHash(sessionId));
    const loaded: Loaded = {
      state,
      plan,
      clock: new SessionClock(this.clocks, Date.parse(startedAt), 0),
      resumed: true,
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
    this.vault.write('sessions.start', sessionId, (put) => {
      this.vault.records.createDataKey(`session:${sessionId}`, sessionClass(meta.mode));
      const refs = [put(metaAddress(meta), meta), put(eventAddress(sessionId, 1), started)];
      return refs;
    });
    applyEvent(state, started);
    this.loaded.set(sessionId, loaded);
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
    this.vault.write(
      'questions.importTranscript',
      sessionId,
      (put) => {
        this.vault.records.createDataKey(`session:${sessionId}`, sessionClass(meta.mode));
        put(metaAddress(meta), meta);
        for (const event of events) put(eventAddress(sessionId, event.seq), event);
      },
      { turns: input.turns.length },
    );
    for (const event of events) applyEvent(state, event);
    this.loaded.set(sessionId, {
      state,
      plan: undefined,
      clock: new SessionClock(this.clocks, Date.parse(startedAt), lastMs),
      resumed: true,
    });
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
    this.vault.write('sessions.finalize', sessionId, (put) => [
      put(eventAddress(sessionId, event.seq), event),
      put(metaAddress(meta), meta),
    ]);
    applyEvent(state, event);
    state.meta = meta;
    return { sealedAt, head: statement.head, eventCount: statement.eventCount };
  }

  /** Written after the seal: timestamped, signed by its author, chained after the seal. */
  addAddendum(sessionId: string, text: string): EventAck & { head: string } {
    text = text.normalize('NFC');
    const loaded = this.prepareWrite(sessionId, { allowSealed: true });
    if (!loaded.state.sealed)
      throw conflict('Addenda are written after the session is sealed. Add a note instead.');
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
    };
  }

  list(filter: { caseId?: string; mode?: SessionMode; trainee?: string }): SessionSummary[] {
    const user = this.user();
    // Live sessions are stored under their case; practice and review sessions under their mode.
    const byMode = filter.mode && filter.mode !== 'live' ? filter.mode : undefined;
    const container = filter.caseId ?? byMode ?? (user.role === 'trainer' ? 'practice' : undefined);
    const metas = this.vault.records
      .list<SessionMeta>(SESSION_KIND, container)
      .records.map((r) => r.value)
      .filter((m) => (filter.mode ? m.mode === filter.mode : true))
      .filter((m) => (filter.trainee ? m.interviewer === filter.trainee : true));
    const visible = metas.filter((m) => {
      try {
        this.assertCanRead(m);
        return true;
      } catch {
        return false;
      }
    });
    return this.vault.read(
      'sessions.list',
      filter.caseId,
      () =>
        visible
          .map((m) => {
            const { state, plan } = this.load(m.sessionId);
            return this.toSummary(state, plan);
          })
          .sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
      (result) => ({ count: result.length }),
    );
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
    return this.vault.read('sessions.verify', sessionId, () =>
      this.verifyChain(meta, this.auditedEventCounts().get(sessionId) ?? 0),
    );
  }

  /**
   * The same check as `verify`, run on every sealed session this user may read (for
   * `vault check`, which is audited once as a whole). Shape: one entry per session that fails,
   * in session-id order; an empty list means every sealed session's chain, seal and addenda
   * verify. Sessions whose metadata this user cannot decrypt are reported by `vault check`'s
   * record pass, not here.
   */
  verifySealed(): Array<{ sessionId: string } & SealVerdict> {
    const written = this.auditedEventCounts();
    const failures: Array<{ sessionId: string } & SealVerdict> = [];
    const metas = this.vault.records
      .list<SessionMeta>(SESSION_KIND)
      .records.map((r) => r.value)
      .filter((m) => m.status === 'sealed')
      .sort((a, b) => a.sessionId.localeCompare(b.sessionId));
    for (const meta of metas) {
      try {
        this.assertCanRead(meta);
      } catch {
        continue;
      }
      const verdict = this.verifyChain(meta, written.get(meta.sessionId) ?? 0);
      if (!verdict.ok) failures.push({ sessionId: meta.sessionId, ...verdict });
    }
    return failures;
  }

  /** Recomputes one session's chain; `written` is how many events the audit log says exist. */
  private verifyChain(meta: SessionMeta, written: number): SealVerdict {
    const { sessionId } = meta;
    const { events, firstBad } = this.readEvents(sessionId);
    let head = genesisHash(sessionId);
    let sealedAtSeq: number | undefined;
    const version = chainVersionOf(events[0]);
    for (const event of events) {
      if (firstBad && event.seq >= firstBad.seq) break;
      const problem = this.checkEvent(sessionId, event, head, sealedAtSeq);
      if (problem) return { ok: false, firstBadEvent: event.seq, reason: problem };
      if (event.type === 'sealed') sealedAtSeq = event.seq;
      head = nextHash(head, event, version);
    }
    if (firstBad)
      return {
        ok: false,
        firstBadEvent: firstBad.seq,
        reason: `event ${firstBad.seq} ${firstBad.reason}`,
      };
    // Events removed from the end leave no gap; the audit log knows how many were written.
    if (written > events.length) {
      return {
        ok: false,
        firstBadEvent: events.length + 1,
        reason: `event ${events.length + 1} is missing (deleted outside Hearth)`,
      };
    }
    if (meta.status === 'sealed' && sealedAtSeq === undefined) {
      return {
        ok: false,
        firstBadEvent: events.length + 1,
        reason: 'the session is recorded as sealed but its seal event is missing',
      };
    }
    return { ok: true };
  }

  /** Per session id, the highest event sequence the audit chain records as written. */
  private auditedEventCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const entry of this.vault.audit.verify().written) {
      for (const ref of entry.records) {
        const cut = ref.id.lastIndexOf(':');
        if (cut <= 0 || ref.id.startsWith('slot:')) continue;
        const sessionId = ref.id.slice(0, cut);
        counts.set(sessionId, Math.max(counts.get(sessionId) ?? 0, ref.seq));
      }
    }
    return counts;
  }

  private checkEvent(
    sessionId: string,
    event: SessionEvent,
    head: string,
    sealedAtSeq: number | undefined,
  ): string | undefined {
    if (sealedAtSeq !== undefined && event.type !== 'addendum')
      return 'an event other than an addendum follows the seal';
    if (event.type !== 'sealed' && event.type !== 'addendum') return undefined;
    const signer = event.type === 'sealed' ? event.signer : event.by;
    const trusted = this.vault.records.get<UserProfile>(`user:${signer}`)?.value.signPublicKey;
    if (!trusted || trusted !== event.signerPublicKey)
      return `the signer's key does not match the key of user ${signer} in this vault`;
    const publicKey = Buffer.from(event.signerPublicKey, 'hex');
    const signature = Buffer.from(event.signature, 'hex');
    try {
      if (event.type === 'sealed') {
        if (event.head !== head || event.eventCount !== event.seq - 1)
          return 'the seal does not match the events before it';
        verifyDetached(
          signature,
          sealStatement({
            sessionId,
            head: event.head,
            eventCount: event.eventCount,
            sealedAt: event.at,
            signer,
            signerPublicKey: event.signerPublicKey,
          }),
          publicKey,
        );
      } else {
        if (event.head !== head) return 'the addendum does not chain to the events before it';
        verifyDetached(
          signature,
          addendumStatement({
            sessionId,
            seq: event.seq,
            at: event.at,
            author: event.by,
            text: event.text,
            head: event.head,
          }),
          publicKey,
        );
      }
    } catch (error) {
      if (error instanceof CryptoError)
        return event.type === 'sealed'
          ? 'the seal signature is not valid'
          : 'the addendum signature is not valid';
      throw error;
    }
    return undefined;
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
