// The state every part of SessionService shares: the vault, the clocks and the sessions this
// process has loaded (folded state, plan, clock). Each event is one sealed record (its own
// sequence number, encrypted with the session's data key) plus an audit entry, committed in one
// transaction before the call returns: an acknowledged note is on disk.
import {
  allegationOpenToCase,
  classifyForbidden,
  isCaseBlind,
  HearthError,
  STALE_KEY_VERSION,
  staleWriteReason,
  type PutRecord,
  type SignedInUser,
  type Vault,
  type WithheldReaders,
} from '../vault';
import {
  isProtocolError,
  planSessionAt,
  watchedFromAnotherRoom,
  type SessionPlan,
} from '../protocols';
import { certifiedWritersOf, genesisHash } from './chain';
import { SessionClock, type Clocks } from './clock';
import type { SessionEvent, SessionEventBody, SessionMeta } from './events';
import { applyEvent, initialState, type ExtendedPlace, type SessionState } from './state';
import { assertCanRead, assertCanWrite, sessionUser } from './session-access';
import { assertNoEventMissing } from './event-anchor';
import {
  eventAddress,
  metaAddress,
  SESSION_KIND,
  sessionClass,
  summaryAddress,
} from './session-records';
import { toSummary, type StoredSummary } from './session-summary';
import { metaFromStart, sealedStartOf } from './sealed-start';
import { assertKeyClass, keyClassProblem, startRoleProblem } from './session-class';
import { nfc } from './session-text';
import {
  carriesClearName,
  commitmentsOf,
  disclosureMatches,
  type NameDisclosure,
} from './name-commitment';
import { nameAddress, readNameDisclosures } from './session-names';
import type { ReadEvents } from './session-verify';

type StartEvent = Extract<SessionEvent, { type: 'session-started' }>;

/** The pause reason written when the vault locks under a running session (see suspendAll). */
export const VAULT_LOCKED_REASON = 'vault-locked';

export interface Loaded {
  state: SessionState;
  /** The protocol plan; none for imported transcripts (review sessions). */
  plan: SessionPlan | undefined;
  clock: SessionClock;
  /** True once this process has written to the session (so a dead predecessor was noticed). */
  resumed: boolean;
  /** Version of the session's stored summary record (0: none yet, a vault from before #22). */
  summarySeq: number;
  /** Whether the session's start sealed it allegation-blind (R12-3); absent: not sealed blind. */
  sealedBlind?: boolean;
  /** True once this process compared the session's anchor with its events (R26-7). */
  anchorChecked?: boolean;
}

/**
 * An event this sign-in may not open (sec52): its position, the audit entry that wrote it and
 * that entry's certified signer, and who can read it (roles by class key, users by name).
 */
export interface WithheldEvent {
  seq: number;
  auditEntry: number;
  signer: string;
  readers: WithheldReaders;
}

export interface EventAck {
  seq: number;
  at: string;
  elapsedMs: number;
  recordingOffsetMs: number | null;
}

export function ack(event: SessionEvent): EventAck {
  return {
    seq: event.seq,
    at: event.at,
    elapsedMs: event.elapsedMs,
    recordingOffsetMs: event.recordingOffsetMs,
  };
}

export function conflict(message: string): HearthError {
  return new HearthError('CONFLICT', message);
}

/**
 * The session record as its chain states it. The record's `interviewer` and `status` are copies
 * a colleague's modified client can rewrite (it wrote `interviewer: <himself>, status: sealed`
 * with a forged seal, red team round 9, R9-2); the chain's start names the interviewer and only
 * her seal seals it. Where they differ the chain wins, so the interviewer can still write and
 * seal; `vault check` names the colleague's rewrite (write-once.ts).
 */
function metaFromChain(meta: SessionMeta, state: SessionState): SessionMeta {
  const interviewer = state.startedBy ?? meta.interviewer;
  if (interviewer === meta.interviewer && (state.sealed || meta.status !== 'sealed')) return meta;
  const { sealedAt: _forged, ...rest } = meta;
  return state.sealed ? { ...meta, interviewer } : { ...rest, interviewer, status: 'active' };
}

export class SessionContext {
  readonly loaded = new Map<string, Loaded>();

  constructor(
    readonly vault: Vault,
    readonly clocks: Clocks,
  ) {}

  user(): SignedInUser {
    return sessionUser(this.vault);
  }

  /** The wall-clock time now, as an ISO 8601 UTC string. */
  nowIso(): string {
    return new Date(this.clocks.wallNow()).toISOString();
  }

  // ---- loading --------------------------------------------------------------------------------

  /**
   * The session's plan: single-session, or session k of an extended interview when `place` (read
   * from the session's own chain, SessionState.extended) is given (planSessionAt). Throws
   * HearthError INVALID_INPUT when the protocol cannot plan it.
   */
  planFor(
    meta: Pick<SessionMeta, 'protocolId' | 'ageYears' | 'language' | 'planOptions' | 'observers'>,
    allegationBlind = false,
    place?: Pick<ExtendedPlace, 'index' | 'planned' | 'rulesPhasesNotReached'>,
  ): SessionPlan {
    try {
      return planSessionAt(
        meta.protocolId,
        meta.ageYears,
        meta.language,
        // The observers line and its check only when someone watches (P8-12).
        { ...meta.planOptions, allegationBlind, observed: watchedFromAnotherRoom(meta.observers) },
        place,
      );
    } catch (error) {
      if (isProtocolError(error))
        throw new HearthError('INVALID_INPUT', `Invalid input. ${error.message}`);
      throw error;
    }
  }

  readMeta(sessionId: string): SessionMeta {
    const found = this.vault.records.get<SessionMeta>(sessionId);
    if (!found || found.address.kind !== SESSION_KIND)
      throw new HearthError('NOT_FOUND', 'There is no session with this id.');
    if (found.value.sessionId !== sessionId)
      throw new HearthError('TAMPERED', `Session ${sessionId} does not match its record.`);
    return found.value;
  }

  /** Decrypts every event in order; any unreadable or missing event is reported by sequence. */
  readEvents(sessionId: string): ReadEvents {
    const { records, unreadable } = this.vault.records.listByIdPrefix<SessionEvent>(sessionId);
    return readEventsOf(records, unreadable, (id) => this.refusedAsStale(id));
  }

  /**
   * Why the read guard refused an event, when it was written with a kept old key after a user
   * removal (R13-1): the entry, its signer and their withdrawal (SIGNER_WITHDRAWN,
   * STALE_KEY_VERSION), never content. Undefined for any other failure. Runs only for an event
   * that did not open.
   */
  private refusedAsStale(recordId: string): string | undefined {
    try {
      this.vault.records.get(recordId);
    } catch (error) {
      if (error instanceof HearthError && error.details.reason === STALE_KEY_VERSION) {
        const d = error.details as { entry?: number; signer?: string; withdrawnAt?: number };
        if (typeof d.entry === 'number')
          return staleWriteReason({
            entry: d.entry,
            ...(d.signer !== undefined ? { signer: d.signer } : {}),
            ...(d.withdrawnAt !== undefined ? { withdrawnAt: d.withdrawnAt } : {}),
          });
        return 'was written with a key version a user removal replaced (STALE_KEY_VERSION)';
      }
    }
    return undefined;
  }

  /**
   * A session's events when some of them are sealed under a key this sign-in does not reach
   * (sec52): undefined when every event row opens or fails authentication (the ordinary path,
   * `load` and `readEvents`, decides). Otherwise each such row is judged by `classifyForbidden`:
   * a row its certified author wrote under a key wrapped for other holders is a placeholder
   * (`withheld`: position, audit entry, signer, who can read it), anything else, a gap, a failing
   * row or a withheld first event (the start decides the session's class, R12-8) is TAMPERED
   * naming the event. Access (`assertCanRead`) and the session's key class are checked as `load`
   * checks them; nothing is folded (a reader without every event cannot fold the chain).
   */
  readWithWithheld(
    sessionId: string,
  ): { events: SessionEvent[]; withheld: WithheldEvent[] } | undefined {
    const listed = this.vault.records.listByIdPrefix<SessionEvent>(sessionId);
    if (listed.forbidden.length === 0) return undefined;
    assertCanRead(this.vault, this.readMeta(sessionId));
    const seqOf = (id: string) => Number(id.slice(id.lastIndexOf(':') + 1));
    const withheld: WithheldEvent[] = [];
    for (const id of listed.forbidden) {
      const judged = classifyForbidden(this.vault, id, `session:${sessionId}`);
      if ('problem' in judged)
        throw new HearthError(
          'TAMPERED',
          `Event ${seqOf(id)} of this session ${judged.problem}. Run a vault check.`,
        );
      const { auditEntry, signer, readers } = judged.withheld;
      withheld.push({ seq: seqOf(id), auditEntry, signer, readers });
    }
    const seqs = new Set(withheld.map((w) => w.seq));
    if (seqs.has(1))
      throw new HearthError(
        'TAMPERED',
        "Event 1 of this session (its start) is sealed under a key that is not the session's own. Run a vault check.",
      );
    const { events, firstBad } = readEventsOf(
      listed.records,
      listed.unreadable,
      (id) => this.refusedAsStale(id),
      seqs,
    );
    if (firstBad)
      throw new HearthError(
        'TAMPERED',
        `Event ${firstBad.seq} of this session ${firstBad.reason}. Run a vault check.`,
      );
    assertKeyClass(this.vault, sealedStartOf(events));
    return { events, withheld: withheld.sort((a, b) => a.seq - b.seq) };
  }

  load(sessionId: string): Loaded {
    const cached = this.loaded.get(sessionId);
    if (cached) return cached;
    const loaded = this.readLoaded(sessionId);
    this.loaded.set(sessionId, loaded);
    return loaded;
  }

  /** Reads a session from the vault: metadata, every event folded, its summary's version. */
  readLoaded(sessionId: string): Loaded {
    const meta = this.readMeta(sessionId);
    assertCanRead(this.vault, meta);
    const { events, firstBad } = this.readEvents(sessionId);
    if (firstBad) {
      throw new HearthError(
        'TAMPERED',
        `Event ${firstBad.seq} of this session ${firstBad.reason}. Run a vault check.`,
      );
    }
    return this.fold(meta, events);
  }

  /**
   * A session's record and events folded as `readLoaded` folds them (the summary every write
   * stores is `toSummary` of this): for the whole-summary recompute of `sessions.verify` and
   * `vault check` from events they already hold (red team 15, R15-4). Throws HearthError where
   * readLoaded would (a session outside its class key, a protocol that cannot plan it).
   * `signers`: seq -> certified signer where the caller already checked the entries (verify's
   * authorship check: where it differs from `by`), so they are not read again.
   */
  fold(
    meta: SessionMeta,
    events: readonly SessionEvent[],
    signers?: ReadonlyMap<number, string>,
  ): Loaded {
    const { sessionId } = meta;
    const state = initialState(meta, genesisHash(sessionId));
    // The interviewer and the seal from who signed (R10-1, R10-2, R10-16), not a claimed `by`.
    const writers = signers ?? certifiedWritersOf(this.vault, sessionId, events);
    for (const event of events) applyEvent(state, event, writers.get(event.seq) ?? event.by);
    // Case, mode, room, observers and plan inputs as the start sealed them, never the
    // rewritable record's (R10-11, R11-1, R11-2). The blind flag: from the start when it sealed
    // the session blind, only a key that opens the allegation lifts it, not the record (R12-3).
    const start = sealedStartOf(events);
    // A session whose events are not sealed under its mode's class key is not Hearth's (R12-8).
    assertKeyClass(this.vault, start);
    state.meta = metaFromChain(metaFromStart(meta, start, this.committedNames(start)), state);
    const planned = state.meta;
    const sealedBlind = start?.allegationBlind === true;
    const loaded: Loaded = {
      state,
      // Session k of an extended interview follows its own plan (its place is in its chain).
      plan:
        planned.mode === 'review'
          ? undefined
          : this.planFor(planned, this.caseIsBlind(planned.caseId, sealedBlind), state.extended),
      clock: new SessionClock(this.clocks, Date.parse(meta.startedAt), state.lastElapsedMs),
      resumed: false,
      summarySeq: this.storedSummarySeq(sessionId),
      sealedBlind,
    };
    return loaded;
  }

  /**
   * The observer names a session's start commits to, digest to name, from its name records
   * (each checked against its digest); undefined when the start commits to none (nothing read).
   */
  private committedNames(
    start: ReturnType<typeof sealedStartOf>,
  ): ReadonlyMap<string, string> | undefined {
    if (!start?.observers.some((o) => o.nameCommitment !== undefined)) return undefined;
    try {
      const names = readNameDisclosures(this.vault, start.sessionId);
      return new Map([...names].map(([commitment, d]) => [commitment, d.name]));
    } catch (error) {
      // A name record that fails its digest: no names from it (verify and `vault check` name it).
      if (error instanceof HearthError) return undefined;
      throw error;
    }
  }

  /** The version of a session's summary record, 0 when it has none (read in clear: no decrypt). */
  private storedSummarySeq(sessionId: string): number {
    return this.vault.records.seqOf(`summary:${sessionId}`) ?? 0;
  }

  /**
   * Whether a live session plans allegation-blind (the plan leaves allegation-only phases out):
   * when the case record says blind, and when the start sealed the session blind (R12-3) unless
   * the allegation key is wrapped for the case key (a genuine un-blinding). A colleague without
   * that key can rewrite the case record's flag but cannot make that wrap, so the flag alone
   * never lifts a sealed blindness. Sessions started before the start sealed it follow the
   * case record.
   */
  caseIsBlind(caseId: string | undefined, sealedBlind = false): boolean {
    if (caseId === undefined) return false;
    if (isCaseBlind(this.vault, caseId)) return true;
    return sealedBlind && allegationOpenToCase(this.vault, caseId) !== true;
  }

  /**
   * Why a session was made outside Hearth, from its start (R12-8): its events are not sealed
   * under the class key of the mode the start seals, or a live start is signed by a role that
   * does not write cases; undefined when neither. `sessions.verify` and every seal, addendum and
   * export run it (session-verify.ts). `roleOf`: the certified role of the start's signer when
   * the caller already checked its entry (else it is checked here).
   */
  madeOutsideHearth(
    start: StartEvent,
    roleOf?: (username: string) => string | undefined,
  ): string | undefined {
    return keyClassProblem(this.vault, start) ?? startRoleProblem(this.vault, start, roleOf);
  }

  // ---- writing --------------------------------------------------------------------------------

  /** Seals the next version of the session's summary (call inside the write, after applyEvent). */
  putSummary(loaded: Loaded, put: PutRecord): void {
    const stored: StoredSummary = {
      ...toSummary(loaded.state, loaded.plan),
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
  commit(
    loaded: Loaded,
    action: string,
    events: SessionEvent[],
    extra?: (put: PutRecord) => void,
    detail?: Record<string, string | number | boolean>,
    names: readonly NameDisclosure[] = [],
  ): void {
    const sessionId = loaded.state.meta.sessionId;
    assertNamesCommitted(events, names);
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
          for (const d of names) put(nameAddress(sessionId, d.commitment), d);
          this.putSummary(loaded, put);
        },
        detail,
      );
    } catch (error) {
      this.restoreAfterFailedWrite(loaded);
      throw error;
    }
  }

  /**
   * Creates a new session (started or imported): its data key, its metadata and its first
   * events in one transaction (see commit), then keeps it loaded.
   */
  commitNewSession(
    loaded: Loaded,
    action: string,
    events: SessionEvent[],
    detail?: Record<string, string | number | boolean>,
    names: readonly NameDisclosure[] = [],
  ): void {
    const { meta } = loaded.state;
    this.commit(
      loaded,
      action,
      events,
      (put) => {
        this.vault.records.createDataKey(`session:${meta.sessionId}`, sessionClass(meta.mode));
        put(metaAddress(meta), meta);
      },
      detail,
      names,
    );
    this.loaded.set(meta.sessionId, loaded);
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

  // ---- appending ------------------------------------------------------------------------------

  /**
   * Seals one event and its audit entry in one transaction (with the name records `names` for the
   * commitments the event holds); returns after the commit.
   */
  append(
    loaded: Loaded,
    body: SessionEventBody,
    action: string,
    at?: string,
    names: readonly NameDisclosure[] = [],
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
      at: at ?? this.nowIso(),
      elapsedMs,
      recordingOffsetMs,
      by: this.user().username,
    };
    this.commit(loaded, action, [event], undefined, undefined, names);
    return event;
  }

  /**
   * The checks of every write, with nothing written: the user may write to this session (FORBIDDEN
   * otherwise), it is not an imported transcript (CONFLICT) and not sealed (SESSION_SEALED unless
   * `allowSealed`). Returns the loaded session. Callers about to do costly work first (hashing a
   * multi-GB recording, red team round 6) call it before that work; prepareWrite calls it too.
   */
  assertWritable(sessionId: string, options: { allowSealed?: boolean } = {}): Loaded {
    const loaded = this.load(sessionId);
    assertCanWrite(this.vault, loaded.state.meta, { sealed: loaded.state.sealed });
    if (loaded.state.meta.mode === 'review') {
      throw conflict('An imported transcript is kept exactly as imported and cannot be changed.');
    }
    if (loaded.state.sealed && !options.allowSealed) {
      throw new HearthError(
        'SESSION_SEALED',
        'This session is sealed: nothing can be added or changed. Write an addendum instead.',
      );
    }
    return loaded;
  }

  /**
   * Everything a write needs: the session loaded, the user allowed, not sealed, and — the first
   * time this process writes to it — a visible marker of how the previous holder stopped.
   */
  prepareWrite(sessionId: string, options: { allowSealed?: boolean } = {}): Loaded {
    // Every refusal runs first: a refused write leaves no resume/interruption mark behind
    // (red team round 9, R9-1).
    const loaded = this.assertWritable(sessionId, options);
    // R26-7: events deleted at the end are never written over (event-anchor.ts).
    if (!loaded.anchorChecked) {
      assertNoEventMissing(this.vault, loaded.state.meta, loaded.state.lastSeq, loaded.summarySeq);
      loaded.anchorChecked = true;
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
}

/**
 * Refuses (before anything is written) an event that would seal a person's name in the clear, and
 * a commitment without its matching name record: every name in the chain is a salted digest whose
 * name and salt are kept (name-commitment.ts). A programming error, never a user's: it throws a
 * plain Error.
 */
function assertNamesCommitted(
  events: readonly SessionEvent[],
  names: readonly NameDisclosure[],
): void {
  const given = new Map(names.map((d) => [d.commitment, d]));
  const needed = new Set<string>();
  for (const event of events) {
    if (carriesClearName(event))
      throw new Error(`A ${event.type} event would seal a name in the clear; commit it instead.`);
    for (const c of commitmentsOf(event)) needed.add(c);
  }
  for (const c of needed) {
    const d = given.get(c);
    if (!d || !disclosureMatches(d))
      throw new Error('A name commitment has no matching name record; nothing was written.');
  }
  if (given.size !== needed.size)
    throw new Error('A name record is not committed to by the events written with it.');
}

/**
 * A session's events in order from its decrypted records (in record-id order) and the ids that
 * failed authentication; the first missing, unreadable or misplaced event is reported by
 * sequence. `readEvents` reads them from the vault; `vault check` passes the rows its record
 * pass already decrypted (seal-stream.ts). `whyUnreadable` may name a more precise reason for an
 * id that failed (the read guard's STALE_KEY_VERSION, R13-1); it never returns content.
 */
export function readEventsOf(
  records: ReadonlyArray<{ address: { seq: number }; value: SessionEvent }>,
  unreadable: readonly string[],
  whyUnreadable: (recordId: string) => string | undefined = () => undefined,
  withheld: ReadonlySet<number> = new Set(),
): ReadEvents {
  const bad: Array<{ seq: number; reason: string }> = unreadable.map((id) => ({
    seq: Number(id.slice(id.lastIndexOf(':') + 1)),
    reason: whyUnreadable(id) ?? 'fails authentication (altered, moved or replaced outside Hearth)',
  }));
  const events: SessionEvent[] = [];
  let expected = 1;
  for (const record of records) {
    // A withheld event (not for this role, vouched by the audit log: withheld.ts) holds its place.
    while (withheld.has(expected) && record.address.seq !== expected) expected++;
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
