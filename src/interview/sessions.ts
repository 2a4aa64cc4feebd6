// Interview sessions in the vault: the one service the API handlers and workflow modules call.
// This class is a thin facade; the work is done by one module per concern, sharing one
// SessionContext (vault, clocks, the sessions this process has loaded):
//   session-context.ts   loading, the write path (commit, append, prepareWrite)
//   session-access.ts    who may read and write a session
//   session-lifecycle.ts start, recording, phases, breaks, media, extended link, pause/resume
//   session-notes.ts     notes, their corrections, unsent drafts
//   review-import.ts     imported transcripts (read-only review sessions)
//   sealing.ts           the seal and addenda (signed statements)
//   session-verify.ts    chain, seal and authorship verification
//   session-listing.ts   listing from summary records; building missing summaries
import type { SessionPlan } from '../protocols';
import { HearthError, type SignedInUser, type Vault } from '../vault';
import { systemClocks, type Clocks } from './clock';
import type { DraftsRead, NoteDraft } from './drafts';
import type { NoteKind, SessionEvent, SessionEventBody, SessionMode } from './events';
import type { ExtendedLinkInput } from './extended';
import type { MediaInput } from './media';
import type { NameDisclosure } from './name-commitment';
import { readNameDisclosures } from './session-names';
import { importReview, type ReviewImport } from './review-import';
import { addAddendum, finalize } from './sealing';
import { conflict, SessionContext, type EventAck, type WithheldEvent } from './session-context';
import * as lifecycle from './session-lifecycle';
import {
  buildMissingSummaries,
  listSessions,
  type ListedSession,
  type SessionListing,
} from './session-listing';
import {
  addNote,
  editNote,
  noteDrafts,
  saveNoteDrafts,
  type InterpretedNote,
  type SuggestionNotLinked,
} from './session-notes';
import { toSummary, type SessionSummary } from './session-summary';
import type { ForeignEvent } from './chain';
import {
  assertIntact,
  assertIntactRecord,
  type IntactRecord,
  rewrittenRecords,
  type RewrittenRecord,
  streamedSealVerdict,
  verifySealed,
  streamedSummaryFields,
  verifySession,
  type SealVerdict,
} from './session-verify';
import type { SessionState } from './state';
import { SealStream } from './seal-stream';
import { carriedReluctanceOf } from './continuity';
import type { CarriedReluctance } from './reluctance';

export type { AfterSealEvent, IntactRecord, RewrittenRecord, SealVerdict } from './session-verify';
export type { EventAck } from './session-context';
export type { StartInput } from './session-lifecycle';
export type { InterpretedNote, SuggestionNotLinked } from './session-notes';
export type { ReviewImport } from './review-import';
export type { SessionSummary, StoredSummary } from './session-summary';
export { eventRecordId, SUMMARY_KIND } from './session-records';
export { STORED_TEXT_LIMITS } from './session-text';

export class SessionService {
  /** The state every part shares (see session-context.ts). */
  private readonly ctx: SessionContext;

  constructor(vault: Vault, clocks: Clocks = systemClocks) {
    this.ctx = new SessionContext(vault, clocks);
  }

  // ---- commands -------------------------------------------------------------------------------

  /**
   * Starts a live session (in a case, by someone who may write case data; the child's age and
   * the case's blind flag come from the case) or a practice session (no case; `ageYears`
   * required; not for reviewers). Returns the new session id. Throws INVALID_INPUT, FORBIDDEN,
   * CONFLICT (archived case), or as extendedLinkBody does when `extended` is given.
   */
  start(input: lifecycle.StartInput): string {
    return lifecycle.startSession(this.ctx, this, input);
  }

  /**
   * Adds a timestamped note. `interpreted` marks a turn rendered by the interpreter; `original`
   * keeps the speaker's own-language words verbatim beside the rendering (Fontes & Tishelman
   * 2016: interpreted and code-switched interviews). Both are sealed in the same encrypted event.
   * `promptId` (a question only) names the planned prompt it used; its source is sealed with it.
   * Throws INVALID_INPUT for an id the plan does not offer, and for a gated prompt outside its
   * gate: Ten Step's putative-confession option only in its phase and only while a
   * `person-named` event stands (sealed-sources.ts requirePromptSource; P9-1). A question
   * naming a suggestion an earlier question already asks is saved without the link and says so
   * (`suggestionNotLinked`, B19f-5): the note is never lost, the suggestion never linked twice.
   */
  addNote(
    sessionId: string,
    kind: NoteKind,
    text: string,
    keywords?: string[],
    language: InterpretedNote = {},
  ): EventAck & { noteId: string; suggestionNotLinked?: SuggestionNotLinked } {
    return addNote(this.ctx, sessionId, kind, text, keywords, language);
  }

  /** Corrects a note: a new version that replaces it (the earlier versions stay on record). */
  editNote(
    sessionId: string,
    noteId: string,
    text: string,
    keywords?: string[],
    reason?: string,
  ): EventAck & { noteId: string; version: number } {
    return editNote(this.ctx, sessionId, noteId, text, keywords, reason);
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
    return lifecycle.addRecordingFingerprint(this.ctx, sessionId, recording);
  }

  /**
   * Refuses, with nothing written, a write this user may not make to `sessionId` (FORBIDDEN,
   * SESSION_SEALED, CONFLICT for an imported transcript): called before hashing a recording, so
   * a colleague cannot make the app read a multi-GB file only to be refused afterwards.
   */
  assertWritable(sessionId: string): void {
    this.ctx.assertWritable(sessionId);
  }

  /** Marks the recording as started (or restarted); offsets are measured from this marker. */
  markRecording(sessionId: string, restart: boolean): EventAck {
    return lifecycle.markRecording(this.ctx, sessionId, restart);
  }

  /** Enters a phase of the session's protocol plan (INVALID_INPUT for a phase not in it). */
  enterPhase(sessionId: string, phaseId: string): EventAck {
    return lifecycle.enterPhase(this.ctx, sessionId, phaseId);
  }

  /** Ticks an item of a phase's checklist (INVALID_INPUT for an item not on it). */
  checkItem(sessionId: string, phaseId: string, itemId: string): EventAck {
    return lifecycle.checkItem(this.ctx, sessionId, phaseId, itemId);
  }

  /** Starts a break with its reason (CONFLICT if one is already in progress). */
  startBreak(sessionId: string, reason: string): EventAck {
    return lifecycle.startBreak(this.ctx, sessionId, reason);
  }

  /** Ends the break in progress (CONFLICT if there is none). */
  endBreak(sessionId: string, reason?: string): EventAck {
    return lifecycle.endBreak(this.ctx, sessionId, reason);
  }

  /** Records that the child showed distress, with an optional observation. */
  markDistress(sessionId: string, text?: string): EventAck {
    return lifecycle.markDistress(this.ctx, sessionId, text);
  }

  /**
   * Records that the child is reluctant now (revised NICHD protocol: support, back to rapport),
   * with the phase the session is in. A chained, sealed event like any other; the guidance
   * reducer reads it (src/protocols/guidance.ts) and later sessions see it in their continuity.
   */
  markReluctance(sessionId: string): EventAck {
    return lifecycle.markInPhase(this.ctx, sessionId, 'reluctance', 'sessions.markReluctance');
  }

  /**
   * Withdraws this session's latest "Child reluctant" (a mistaken press) with a sealed
   * `reluctance-withdrawn` event; the noted event stays in the record. Errors: CONFLICT when none
   * is outstanding, or the session is sealed (as for any write).
   */
  withdrawReluctance(sessionId: string): EventAck {
    return lifecycle.withdrawMark(this.ctx, sessionId, 'reluctance', 'sessions.withdrawReluctance');
  }

  /**
   * Records that the child's reluctance has ended (the live screen's "Reluctance ended"), as a
   * sealed `reluctance-ended` event with the phase the session is in: this session's standing
   * "Child reluctant" presses, or the reluctance carried from an earlier session of the extended
   * interview (then `fromSession` names that session), no longer hold; the guidance stops putting
   * support first and later sessions start without it (reluctance.ts). Errors: FORBIDDEN for
   * anyone but the session's interviewer, SESSION_SEALED on a sealed session (write an addendum),
   * CONFLICT when no reluctance holds (nothing is written). `carried`: the reluctance this session
   * starts with; by default the extended interview's (continuity.ts carriedReluctanceOf). A
   * practice interview's second session passes its own (TrainingService.continuity: the earlier
   * sessions with the same simulated child).
   */
  endReluctance(
    sessionId: string,
    carried: () => CarriedReluctance | null = () => carriedReluctanceOf(this, sessionId),
  ): EventAck {
    return lifecycle.endReluctance(this.ctx, sessionId, carried);
  }

  /**
   * Records, when it happens, that the child named the person, with the phase the session is in:
   * a chained, sealed `person-named` event. It gates Ten Step's putative-confession prompt (the
   * guidance offers it only after this event, src/protocols/guidance.ts) and its time shows in
   * the transcript. Recorded for any protocol: it is a fact about the interview. Errors: as
   * every write (sealed, not the interviewer).
   */
  markPersonNamed(sessionId: string): EventAck {
    return lifecycle.markInPhase(this.ctx, sessionId, 'person-named', 'sessions.markPersonNamed');
  }

  /**
   * Withdraws this session's latest "Child named the person" (a mistaken press) with a sealed
   * `person-named-withdrawn` event; the named event stays in the record. Errors: CONFLICT when
   * none is outstanding, or as every write.
   */
  withdrawPersonNamed(sessionId: string): EventAck {
    return lifecycle.withdrawMark(
      this.ctx,
      sessionId,
      'person-named',
      'sessions.withdrawPersonNamed',
    );
  }

  /**
   * Records an aid used now, or the decision not to use one, as a chained event with the
   * protocol's media stance (media.ts). Throws as mediaEventBody does, and as every write does
   * (sealed, not the interviewer).
   */
  recordMedia(sessionId: string, input: MediaInput): EventAck {
    return lifecycle.recordMedia(this.ctx, sessionId, input);
  }

  /**
   * Links this session into an extended interview (extended.ts: validation against the earlier
   * session and the protocol's model) as a chained event. Throws as extendedLinkBody does.
   */
  linkExtended(sessionId: string, input: ExtendedLinkInput): EventAck {
    return lifecycle.linkExtended(this.ctx, this, sessionId, input);
  }

  /** Pauses the session (CONFLICT if already paused). */
  pause(sessionId: string, reason?: string): EventAck {
    return lifecycle.pause(this.ctx, sessionId, reason);
  }

  /** Resumes a paused session (CONFLICT if not paused). */
  resume(sessionId: string): EventAck {
    return lifecycle.resume(this.ctx, sessionId);
  }

  /**
   * Stores an imported transcript as a read-only `review` session: one note per turn
   * (interviewer → question, child → child's words, anyone else → observation), written in one
   * transaction so an import is all or nothing.
   */
  importReview(input: ReviewImport): { sessionId: string; turns: number } {
    return importReview(this.ctx, input);
  }

  /** Seals the session: a final chain head over every event, signed with the sealer's Ed25519 key. */
  finalize(sessionId: string): { sealedAt: string; head: string; eventCount: number } {
    return finalize(this.ctx, sessionId);
  }

  /** Written after the seal: timestamped, signed by its author, chained after the seal. */
  addAddendum(sessionId: string, text: string): EventAck & { head: string } {
    return addAddendum(this.ctx, sessionId, text);
  }

  // ---- hooks for workflow modules (observers.ts) ----------------------------------------------

  /**
   * Appends one event for a workflow module after the same checks as every write (loaded,
   * allowed, not sealed). `check` sees the current state first and throws to refuse. `names`:
   * the name records of the commitments the event holds (name-commitment.ts), written with it.
   */
  appendEvent(
    sessionId: string,
    body: SessionEventBody,
    action: string,
    check?: (state: Readonly<SessionState>, user: SignedInUser) => void,
    names: readonly NameDisclosure[] = [],
  ): SessionEvent {
    const loaded = this.ctx.prepareWrite(sessionId);
    check?.(loaded.state, this.ctx.user());
    return this.ctx.append(loaded, body, action, undefined, names);
  }

  /** The folded state of a session the user may read (for workflow modules; do not mutate). */
  stateOf(sessionId: string): Readonly<SessionState> {
    return this.ctx.load(sessionId).state;
  }

  // ---- reading --------------------------------------------------------------------------------

  /** One session's summary (audited as `sessions.get`). */
  summary(sessionId: string): SessionSummary {
    let loaded: ReturnType<SessionContext['load']>;
    try {
      loaded = this.ctx.load(sessionId);
    } catch (error) {
      // Events sealed for other roles (sec52): the summary of what this sign-in may read, with
      // their positions. Never cached as the session's loaded state, so every write still loads
      // the whole chain and refuses (a writer must read every event to extend it).
      const partial =
        error instanceof HearthError && error.code === 'TAMPERED'
          ? this.ctx.readWithWithheld(sessionId)
          : undefined;
      if (!partial) throw error;
      const { state, plan } = this.ctx.fold(this.ctx.readMeta(sessionId), partial.events);
      const withheldEvents = partial.withheld.map((w) => w.seq);
      return this.ctx.vault.read('sessions.get', sessionId, () => ({
        ...toSummary(state, plan),
        eventCount: Math.max(state.lastSeq, ...withheldEvents),
        withheldEvents,
      }));
    }
    const { state, plan } = loaded;
    return this.ctx.vault.read('sessions.get', sessionId, () => toSummary(state, plan));
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
  }): ListedSession[] {
    return listSessions(this.ctx, filter).sessions;
  }

  /**
   * As `list`, with the ids of the listed places' sessions that could not be read (record or
   * summary fails authentication, or its kind was edited outside Hearth: red team 25, R25-1),
   * which `list` leaves out.
   */
  listWithUnreadable(filter: {
    caseId?: string;
    caseIds?: readonly string[];
    mode?: SessionMode;
    trainee?: string;
  }): SessionListing {
    return listSessions(this.ctx, filter);
  }

  /**
   * Builds the summary record of every session this sign-in can read that has none (vaults
   * written before summaries: migration 0003 marks them, see Vault.pendingTask). Each session's
   * summary is folded from its events and written in its own audited transaction; a session
   * whose events fail authentication is left for `vault check` to report. Returns how many were
   * built. Sessions sealed under keys this user does not hold are built at their readers' unlock.
   * A summary the audit log once wrote is not rebuilt (it was deleted: rebuilding would hide
   * that): such sessions are listed in `deleted` and count as done (vault check names each).
   */
  buildMissingSummaries(): { built: number; remaining: number; deleted: string[] } {
    return buildMissingSummaries(this.ctx);
  }

  /** The events in order, with each note's versions, as stored (nothing is ever overwritten). */
  events(sessionId: string): SessionEvent[] {
    this.ctx.load(sessionId);
    return this.ctx.vault.read(
      'sessions.timeline',
      sessionId,
      () => this.ctx.readEvents(sessionId).events,
    );
  }

  /**
   * The timeline of a session (sessions.timeline): its events as `events` gives them, its
   * committed names, and (sec52) the events this sign-in may not open because they are sealed
   * under a key wrapped for other roles, as placeholders (`withheld`: position, audit entry,
   * certified signer, who can read it; no content). Only such events are placeholders: a row that
   * fails authentication, a gap, a row whose key reference was edited or one its audit entry does
   * not vouch for is TAMPERED naming the event, as before. Audited as `sessions.timeline`.
   */
  timeline(sessionId: string): {
    events: SessionEvent[];
    withheld: WithheldEvent[];
    names: Map<string, string>;
  } {
    try {
      this.ctx.load(sessionId);
    } catch (error) {
      if (!(error instanceof HearthError && error.code === 'TAMPERED')) throw error;
      const partial = this.ctx.readWithWithheld(sessionId);
      if (!partial) throw error;
      const events = this.ctx.vault.read('sessions.timeline', sessionId, () => partial);
      const disclosed = this.ctx.vault.read('sessions.names', sessionId, () =>
        readNameDisclosures(this.ctx.vault, sessionId),
      );
      return { ...events, names: new Map([...disclosed].map(([c, d]) => [c, d.name])) };
    }
    return { events: this.events(sessionId), withheld: [], names: this.names(sessionId) };
  }

  /**
   * The events in order, for a caller that runs this inside its own audited read (training
   * progress, `vault check`'s practice-feedback recompute): access-checked like `events`, not
   * audited a second time per session.
   */
  eventsWithinRead(sessionId: string): SessionEvent[] {
    this.ctx.load(sessionId);
    return this.ctx.readEvents(sessionId).events;
  }

  /**
   * The session's committed names (name-commitment.ts), name by commitment, read from its name
   * records for a user who may read the session (audited as `sessions.names`). Throws TAMPERED
   * when a name record no longer matches its commitment.
   */
  names(sessionId: string): Map<string, string> {
    return new Map([...this.nameDisclosures(sessionId)].map(([c, d]) => [c, d.name]));
  }

  /** The session's name records with their salts, for an export that discloses names. */
  nameDisclosures(sessionId: string): Map<string, NameDisclosure> {
    this.ctx.load(sessionId);
    return this.ctx.vault.read('sessions.names', sessionId, () =>
      readNameDisclosures(this.ctx.vault, sessionId),
    );
  }

  /** The session's protocol plan (imported transcripts have none). */
  plan(sessionId: string): SessionPlan {
    const { plan } = this.ctx.load(sessionId);
    if (!plan) throw conflict('An imported transcript follows no protocol plan.');
    return plan;
  }

  /**
   * Recomputes the chain from the stored events and checks the seal's and each addendum's
   * signature against the signer's key in the vault. Reports the first bad event; an intact
   * record with events another user wrote before the seal is `ok: false, code: 'FOREIGN_EVENT'`
   * with those events in `foreignEvents` (red team round 8, R8-D).
   */
  verify(sessionId: string): SealVerdict {
    return verifySession(this.ctx, sessionId);
  }

  /**
   * Refuses (TAMPERED) when the session fails the check `verify` runs: sealing, adding an
   * addendum to or exporting a session whose stored events are not what their authors wrote
   * would put a signature over the alteration. Events a colleague wrote into the live interview
   * do not refuse: they are returned (ascending seq; empty when none) for the seal to name. Not
   * audited itself: the refused action writes nothing.
   */
  assertIntact(sessionId: string): ForeignEvent[] {
    return assertIntact(this.ctx, sessionId);
  }

  /**
   * `assertIntact`, also returning the events someone other than the sealer wrote after the
   * seal that are not their addenda (red team round 10, R10-14): they refuse nothing; an export
   * leaves them out of the sealed record and names them.
   */
  assertIntactRecord(sessionId: string): IntactRecord {
    return assertIntactRecord(this.ctx, sessionId);
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
    streamed?: SealStream,
  ): Array<{ sessionId: string } & SealVerdict> {
    streamed?.finish();
    return verifySealed(this.ctx, progress, streamed);
  }

  /**
   * For `vault check`: a collector for its record pass's rows (checkVault's `onRecord`) that
   * verifies each sealed session from the events the pass already decrypted; hand it to
   * `verifySealed` afterwards, which reads only the sessions it could not verify.
   */
  sealStream(): SealStream {
    return new SealStream(
      (sessionId, rows) => streamedSealVerdict(this.ctx, sessionId, rows),
      (sessionId, rows) => streamedSummaryFields(this.ctx, sessionId, rows),
    );
  }

  /**
   * The sessions (this sign-in may read) whose record's protocol, age, language or plan options
   * differ from what their start sealed (red team round 10, R10-11), or whose summary's case,
   * mode, room, interviewer or status differ from the start and chain (red team 12, R12-1), with
   * the field names (`fields`: the record's, `summaryFields`: the summary's), and the events its
   * summary counts at the end that are gone (`missingEvents`, R26-7). For `vault check`; see
   * rewrittenRecords in session-verify.ts.
   */
  rewrittenRecords(streamed?: SealStream): RewrittenRecord[] {
    return rewrittenRecords(this.ctx, streamed);
  }

  // ---- drafts (unsent note text kept across a lock; see drafts.ts) ----------------------------

  /** Replaces the user's unsent drafts; see saveDrafts in drafts.ts. */
  saveDrafts(drafts: readonly NoteDraft[], resume?: string): { saved: number } {
    return saveNoteDrafts(this.ctx, drafts, resume);
  }

  /** The user's unsent drafts and the live session to return to; see readDrafts in drafts.ts. */
  drafts(): DraftsRead {
    return noteDrafts(this.ctx);
  }

  /** Before the vault locks: mark every session this process is writing as paused, so that the
   * next unlock resumes it cleanly instead of reporting an interruption. */
  suspendAll(): void {
    lifecycle.suspendAll(this.ctx);
  }
}
