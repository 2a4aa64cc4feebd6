// Verification of one session's chain (`sessions.verify`, and every sealed session in `vault
// check`): recomputes the chain over the stored events, checks the seal's and each addendum's
// Ed25519 signature against the signer's key in the vault, and compares the end of the chain
// with what was written (the session summary's count and head, or the audit log's count).
// `assertIntact` runs the same check before anything is signed onto a session (sealing.ts).
import { verifyDetached, CryptoError } from '../crypto';
import {
  HearthError,
  sessionWriteOnceProblem,
  type SessionRewrite,
  type UserProfile,
  type Vault,
} from '../vault';
import {
  addendumStatement,
  authorshipVerdict,
  certifiedWritersOf,
  foreignEventsOf,
  interviewerOfChain,
  isInterviewerSeal,
  writersOf,
  sameForeignEvents,
  type ForeignEvent,
  chainVersionOf,
  genesisHash,
  nextHash,
  sealStatement,
} from './chain';
import { eventWhat } from '../export/verify-facts';
import { wordFacts } from '../export/verify-words';
import type { SessionEvent, SessionMeta } from './events';
import { assertCanRead, mayRead } from './session-access';
import { readEventsOf, type SessionContext } from './session-context';
import type { EventRows } from './seal-stream';
import { eventRecordId, SESSION_KIND, SUMMARY_KIND } from './session-records';
import { missingTailEvents, storedAnchor } from './event-anchor';
import { toSummary, type StoredSummary } from './session-summary';
import { recordDiffersFromStart, sealedStartOf } from './sealed-start';
import { rolesSeen } from './session-class';
import {
  summaryDiffers,
  summaryMismatch,
  summaryRewrittenReason,
  type SummaryField,
} from './summary-check';
import type { SealStream } from './seal-stream';

/** The outcome of recomputing a session's chain, seal and addenda (`sessions.verify`). */
export interface SealVerdict {
  ok: boolean;
  /** 1-based sequence of the first event that fails, when not ok. */
  firstBadEvent?: number;
  reason?: string;
  /**
   * FOREIGN_EVENT: the record is intact (chain, seal, addenda and authorship verify) but events
   * before the seal were written by someone other than the interviewer (`foreignEvents`). Such a
   * session can still be sealed (the seal names them), given addenda and exported; it never
   * verifies as a clean pass. SEAL_REMOVED: the audit log shows that a seal of this session was
   * once written and has since been removed or replaced (its interviewer's own modified client,
   * or a colleague's: red team round 10, R10-10 and R10-3); nothing can be signed onto it and it
   * cannot be exported until an administrator restores it from a backup. Absent for every other
   * outcome (a removed or rewritten event that was not a seal is plain TAMPERED).
   * RECORD_REWRITTEN: the chain verifies clean, but the session record's plan inputs differ
   * from the sealed start (R10-11; `reason` names the fields); it blocks nothing either.
   */
  code?: 'FOREIGN_EVENT' | 'SEAL_REMOVED' | 'RECORD_REWRITTEN';
  /** Events another user wrote before the seal, ascending seq (only with code FOREIGN_EVENT). */
  foreignEvents?: ForeignEvent[];
  /**
   * Events someone other than the sealer wrote after the seal that are not their valid addenda
   * (red team round 10, R10-14): not part of the sealed record, never a reason to refuse an
   * addendum or an export (that handed any staff passphrase a denial of service over evidence),
   * but named wherever the session is shown, checked or exported (code FOREIGN_EVENT).
   */
  writtenAfterSeal?: AfterSealEvent[];
  /**
   * Set when the first bad event's own audit entry fails (does not chain, does not open, its
   * signature does not verify, or its index pointer fails), rather than the event differing from
   * what the entry commits to: the event's author is unproven (red team 24, R24-5).
   * `unprovenEntry`: that entry's number, when the pointer named one.
   */
  entryDamaged?: true;
  unprovenEntry?: number;
}

/**
 * An event written after the seal by someone other than the sealer, that is not their valid
 * addendum (R10-14). Names only: writer, time, type and note kind, never its text.
 */
export interface AfterSealEvent {
  seq: number;
  /** The certified signer of its audit entry (else its `by`). */
  by: string;
  /** The time the event states (its writer's client chose it). */
  at: string;
  type: string;
  /** For a note: its kind. */
  kind?: string;
}

/** A session's stored events in order, and the first one missing or unreadable, if any. */
export interface ReadEvents {
  events: SessionEvent[];
  firstBad?: { seq: number; reason: string };
}

/**
 * Recomputes one session's chain. `written`: how many events were written (the summary's count,
 * or the audit log's); `expectedHead`: the chain head the summary recorded after them (absent
 * when the audit log is the anchor); `trustedKeyOf`: a user's signing public key (hex) in this
 * vault; `writers`: seq -> the certified signer of an event's entry where it is not the event's
 * `by` (`authorshipVerdict`'s `signers`): such an event is foreign, never the seal, whatever
 * it claims (red team round 10, R10-2). Reports the first bad event.
 */
export function verifySessionChain(
  meta: Pick<SessionMeta, 'sessionId' | 'status'>,
  { events, firstBad }: ReadEvents,
  anchor: {
    written: number;
    expectedHead?: string;
    trustedKeyOf: (username: string) => string | undefined;
    writers?: ReadonlyMap<number, string>;
  },
): SealVerdict {
  const { sessionId } = meta;
  const { written, expectedHead, trustedKeyOf, writers } = anchor;
  let head = genesisHash(sessionId);
  let sealedAtSeq: number | undefined;
  const version = chainVersionOf(events[0]);
  const interviewer = interviewerOfChain(events);
  const writtenAfterSeal: AfterSealEvent[] = [];
  for (const event of events) {
    if (firstBad && event.seq >= firstBad.seq) break;
    // Before the seal, a `sealed` or `addendum` event someone other than the interviewer wrote
    // is a foreign event like any other (R9-2): not a seal, and its signature proves nothing,
    // so a bad one must not make the interview unsealable. Its audit entry names its writer.
    const writer = writers?.get(event.seq) ?? event.by;
    const others = interviewer !== undefined && writer !== interviewer;
    // After the seal, what someone other than the sealer wrote is either their own valid
    // addendum or outside the sealed record: named, never a refusal (R10-14: a colleague's
    // note there made export and addenda fail for good). The sealer's own non-addendum is
    // still tampering (only her client writes under her key).
    if (sealedAtSeq !== undefined && others) {
      const addendum =
        event.type === 'addendum' &&
        writer === event.by &&
        checkEvent(trustedKeyOf, sessionId, event, head, sealedAtSeq) === undefined;
      if (!addendum) writtenAfterSeal.push(afterSealEventOf(event, writer));
      head = nextHash(head, event, version);
      continue;
    }
    const foreign = sealedAtSeq === undefined && others;
    const problem = foreign
      ? undefined
      : checkEvent(trustedKeyOf, sessionId, event, head, sealedAtSeq);
    if (problem) return { ok: false, firstBadEvent: event.seq, reason: problem };
    if (!foreign && isInterviewerSeal(event, interviewer)) sealedAtSeq = event.seq;
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
  if (expectedHead !== undefined && events.length > written) {
    return {
      ok: false,
      firstBadEvent: written + 1,
      reason: `event ${written + 1} was not written by Hearth (the session's record ends at event ${written})`,
    };
  }
  if (expectedHead !== undefined && head !== expectedHead) {
    return {
      ok: false,
      firstBadEvent: events.length,
      reason: 'the chain does not end at the head recorded when its last event was written',
    };
  }
  // A colleague's forged seal also marks the session record sealed (R9-2): that seal is named
  // as a foreign event, and the interviewer seals after it. Only a record with no seal at all is
  // one whose seal was removed.
  if (meta.status === 'sealed' && !events.some((e) => e.type === 'sealed')) {
    return {
      ok: false,
      firstBadEvent: events.length + 1,
      reason: 'the session is recorded as sealed but its seal event is missing',
    };
  }
  return writtenAfterSeal.length > 0 ? { ok: true, writtenAfterSeal } : { ok: true };
}

/** What names an event written after the seal (no text). */
function afterSealEventOf(event: SessionEvent, writer: string): AfterSealEvent {
  return {
    seq: event.seq,
    by: writer,
    at: event.at,
    type: event.type,
    ...(event.type === 'note' ? { kind: event.kind } : {}),
  };
}

/**
 * The words naming events written after the seal (no text; R10-14). The core's record is
 * English; each event is named in the verifier's words ("child note"), not its codes.
 */
export function afterSealReason(
  events: ReadonlyArray<AfterSealEvent>,
  interviewer: string | undefined,
): string {
  return `${events
    .map(
      (e) =>
        `event ${e.seq} (${wordFacts([eventWhat(e.type, e.kind)], 'en')[0]!}, stated time ${e.at}) was written after the seal by ${e.by}, not by ${interviewer ?? 'the interviewer'} who sealed the session`,
    )
    .join(
      '; ',
    )} (FOREIGN_EVENT, written after the seal). It is not part of the sealed record: the sealed record can still be exported and given addenda, and every export leaves it out and names it. Tell an administrator who wrote into this sealed interview.`;
}

/**
 * Per session id, the highest event sequence the audit chain records as written (streams the
 * whole log: the fallback anchor for sessions without a summary).
 */
export function auditedEventCounts(vault: Vault): Map<string, number> {
  const counts = new Map<string, number>();
  vault.audit.walk((_seq, records) => {
    for (const ref of records ?? []) {
      const cut = ref.id.lastIndexOf(':');
      if (cut <= 0 || ref.id.startsWith('slot:') || ref.id.startsWith('summary:')) continue;
      const sessionId = ref.id.slice(0, cut);
      counts.set(sessionId, Math.max(counts.get(sessionId) ?? 0, ref.seq));
    }
  });
  return counts;
}

function checkEvent(
  trustedKeyOf: (username: string) => string | undefined,
  sessionId: string,
  event: SessionEvent,
  head: string,
  sealedAtSeq: number | undefined,
): string | undefined {
  if (sealedAtSeq !== undefined && event.type !== 'addendum')
    return 'an event other than an addendum follows the seal';
  if (event.type !== 'sealed' && event.type !== 'addendum') return undefined;
  const signer = event.type === 'sealed' ? event.signer : event.by;
  const trusted = trustedKeyOf(signer);
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
          foreignEvents: event.foreignEvents,
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

// ---- the checks SessionService runs (sessions.verify, vault check, before signing) ------------

/** SessionService.verify: see there. */
export function verifySession(ctx: SessionContext, sessionId: string): SealVerdict {
  const meta = ctx.readMeta(sessionId);
  assertCanRead(ctx.vault, meta);
  // The same write-once scan as the export (R12-5: a summary rewound over a deleted addendum
  // kept verify clean while the export said TAMPERED), through the per-session audit index only.
  return ctx.vault.read('sessions.verify', sessionId, () =>
    verdictOf(ctx, meta, { sealHistory: 'index' }),
  );
}

/**
 * Refuses (TAMPERED) when the session fails the check `verify` runs: sealing, adding an
 * addendum to or exporting a session whose stored events are not what their authors wrote would
 * put a signature over the alteration (red team round 4, N2; round 5 for addenda). Events a
 * colleague wrote into the live interview (FOREIGN_EVENT) do not refuse: they are part of the
 * intact record, and the seal names them (R8-D). Returns those events (empty: none). Not audited
 * itself: the refused action writes nothing.
 */
export function assertIntact(ctx: SessionContext, sessionId: string): ForeignEvent[] {
  return assertIntactRecord(ctx, sessionId).foreignEvents;
}

/** What `assertIntactRecord` lets through: the events others wrote, before and after the seal. */
export interface IntactRecord {
  /** Written by others before the seal (the seal names them). */
  foreignEvents: ForeignEvent[];
  /** Written by others after the seal, not their addenda (R10-14): left out of exports, named. */
  writtenAfterSeal: AfterSealEvent[];
}

/**
 * `assertIntact`, also returning the events others wrote after the seal (R10-14), which do not
 * refuse either: the export leaves them out of the sealed record and names them.
 */
/**
 * TAMPERED, reason EVENT_AUTHOR_UNPROVEN (red team 24, R24-5): the audit entry that proves who
 * wrote `event` is damaged. A seal (or addendum, or export) attests that every event's author is
 * proven, so it is refused rather than signed around the event (docs/ARCHITECTURE.md, "An event
 * whose audit entry is damaged"); the message names the event and the entry, says what is safe
 * and the next step. No content.
 */
function eventAuthorUnproven(event: number, entry: number | undefined): HearthError {
  const where = entry !== undefined ? `audit entry ${entry}` : 'its audit index pointer';
  return new HearthError(
    'TAMPERED',
    `The proof of who wrote event ${event} of this interview (${where}) was changed outside Hearth, so the interview cannot be sealed, given an addendum or exported: a seal attests that every event's author is proven. Nothing was written and nothing is lost: the interview's events still read, and it stays as it was. Keep the interview as it is (do not start it again) and tell an administrator, who runs a vault check (hearth vault check; it names ${where}) and restores the newest backup made before the damage (hearth vault restore).`,
    { reason: 'EVENT_AUTHOR_UNPROVEN' },
  );
}

export function assertIntactRecord(ctx: SessionContext, sessionId: string): IntactRecord {
  const verdict = verdictOf(ctx, ctx.readMeta(sessionId), { sealHistory: true });
  const writtenAfterSeal = verdict.writtenAfterSeal ?? [];
  if (verdict.ok) return { foreignEvents: [], writtenAfterSeal };
  if (verdict.code === 'FOREIGN_EVENT')
    return { foreignEvents: verdict.foreignEvents ?? [], writtenAfterSeal };
  if (verdict.code === 'SEAL_REMOVED')
    throw new HearthError(
      'TAMPERED',
      `${verdict.reason ?? 'The seal of this session was removed.'} Nothing can be signed onto it (seal, addendum, export) and nothing was written.`,
      { reason: 'SEAL_REMOVED' },
    );
  // A rewritten record copy (R10-11) leaves the chain intact: nothing to refuse.
  if (verdict.code === 'RECORD_REWRITTEN') return { foreignEvents: [], writtenAfterSeal };
  if (verdict.entryDamaged && verdict.firstBadEvent !== undefined)
    throw eventAuthorUnproven(verdict.firstBadEvent, verdict.unprovenEntry);
  throw new HearthError(
    'TAMPERED',
    `This session's record fails verification${
      verdict.firstBadEvent !== undefined ? ` at event ${verdict.firstBadEvent}` : ''
    }, so nothing can be signed onto it (seal, addendum, export). Run a vault check and tell an administrator; nothing was written.`,
  );
}

/**
 * The chain, seal, addenda and authorship check of one session (see `verify`).
 * `sealHistory`: also read the audit entries since the session started for a removed or
 * replaced event (R10-10, R10-3): `true` (what signs onto a record: seal, addendum, export,
 * assertIntact) through the per-session audit index, or the log written since the session
 * started when the index is not built or misses an entry; `'index'` (`sessions.verify`, which
 * the screens call and which must stay independent of the vault's size, issue #22) through the
 * index only. Since red team 12 (R12-5) verify runs it too: a summary rewound over a deleted
 * addendum kept verify clean while the export refused.
 */
function verdictOf(
  ctx: SessionContext,
  meta: SessionMeta,
  options: { sealHistory?: boolean | 'index' } = {},
): SealVerdict {
  const { sessionId } = meta;
  const anchor = readAnchor(ctx, meta);
  const read = ctx.readEvents(sessionId);
  // Each event must also be what its author wrote: its own signed audit entry, found through
  // the audit index and checked by sequence number (no walk of the log). Known first, so that a
  // colleague's event claiming the interviewer's name is his in the chain check too (R10-2).
  // The signers' certified roles are kept as their entries are checked (R12-8: who started it).
  const signers = rolesSeen(ctx.vault);
  const authored = authorshipVerdict(
    ctx.vault,
    sessionId,
    read.events,
    interviewerOfChain(read.events),
    signers.lookup,
  );
  // Without a summary (a vault not yet migrated for this user) the audit log is the anchor.
  const written = anchor?.eventCount ?? auditedEventCounts(ctx.vault).get(sessionId) ?? 0;
  const verdict = verifyChain(ctx, meta, written, anchor?.head, read, authored.signers);
  if (!verdict.ok) return verdict;
  if (!authored.ok) {
    const { signers: _signers, ...failed } = authored;
    return failed;
  }
  // A session not sealed under its mode's class key, or a live one started by a role that does
  // not write cases, was made outside Hearth (R12-8). Event 1's `by` is its certified signer
  // here (authorship holds), so its role is the one seen for that name.
  const start = sealedStartOf(read.events);
  const made = start && ctx.madeOutsideHearth(start, signers.roleOf);
  if (made) return { ok: false, firstBadEvent: 1, reason: made };
  // Events are written once: a removed or replaced one (a seal above all) shows in the audit
  // entries since the session started, though the chain and the summary agree again (R10-10,
  // R10-3). Checked before the writers, so a replaced seal is never a mere foreign event.
  const rewrite = options.sealHistory
    ? sessionWriteOnceProblem(ctx.vault, sessionId, { walk: options.sealHistory === true })
    : undefined;
  if (rewrite) return rewriteVerdict(rewrite);
  // An event a colleague signed while claiming someone else is his (R9-7).
  const writers = writerVerdict(meta, writersOf(read.events, authored.signers));
  return withSummaryCheck(
    ctx,
    meta,
    readSummary(ctx, sessionId),
    read,
    withRecordCheck(meta, read, withAfterSeal(writers, verdict.writtenAfterSeal, read)),
    authored.signers,
  );
}

/**
 * The summary fields that differ from what the session's start and chain say (R12-1): case,
 * mode and room from event 1, the interviewer from its writer, the status from whether the
 * interviewer's seal is in the chain. Empty without a start or a readable summary.
 */
export function summaryDiffersFromChain(
  summary: StoredSummary | undefined,
  events: ReadonlyArray<SessionEvent>,
): SummaryField[] {
  const start = sealedStartOf(events);
  if (!summary || !start) return [];
  const interviewer = interviewerOfChain(events) ?? start.by;
  return summaryDiffers(summary, {
    caseId: start.caseId,
    mode: start.mode,
    room: start.room,
    // The plan inputs the start seals (R14-6); the age band follows from the age.
    protocolId: start.protocolId,
    language: start.language,
    ageYears: start.ageYears,
    interviewer,
    status: events.some((e) => isInterviewerSeal(e, interviewer)) ? 'sealed' : 'active',
  });
}

/**
 * Every field of a stored summary that differs from the summary recomputed from the session's
 * record and chain (R15-4: a whole-summary recompute, not a field list), by name. Where the
 * session cannot be folded (outside its class key, a protocol that cannot plan it: named
 * elsewhere) the start-and-chain comparison of R12-1 is used instead. Empty without a summary.
 */
export function summaryMismatchOf(
  ctx: SessionContext,
  meta: SessionMeta,
  summary: StoredSummary | undefined,
  events: ReadonlyArray<SessionEvent>,
  signers?: ReadonlyMap<number, string>,
): string[] {
  if (!summary) return [];
  try {
    const loaded = ctx.fold(meta, events, signers);
    return summaryMismatch(summary, toSummary(loaded.state, loaded.plan));
  } catch (error) {
    if (!(error instanceof HearthError)) throw error;
    return summaryDiffersFromChain(summary, events);
  }
}

/**
 * Adds a summary that says otherwise than the chain and record (R12-1, R15-4) to an intact
 * verdict, as RECORD_REWRITTEN (the listing no longer trusts it; it blocks nothing: the evidence
 * is the chain).
 */
function withSummaryCheck(
  ctx: SessionContext,
  meta: SessionMeta,
  summary: StoredSummary | undefined,
  read: ReadEvents,
  verdict: SealVerdict,
  signers?: ReadonlyMap<number, string>,
): SealVerdict {
  if (!verdict.ok && verdict.code !== 'FOREIGN_EVENT' && verdict.code !== 'RECORD_REWRITTEN')
    return verdict;
  const differs = summaryMismatchOf(ctx, meta, summary, read.events, signers);
  if (differs.length === 0) return verdict;
  const note = summaryRewrittenReason(differs);
  return verdict.ok
    ? { ok: false, code: 'RECORD_REWRITTEN', reason: note }
    : { ...verdict, reason: `${verdict.reason ?? ''} ${note}` };
}

/**
 * The session's summary wherever it is stored, when it opens and names this session; undefined
 * otherwise (what is wrong with it is the record pass's and the author rules' to name).
 */
function readSummary(ctx: SessionContext, sessionId: string): StoredSummary | undefined {
  try {
    const found = ctx.vault.records.get<StoredSummary>(`summary:${sessionId}`);
    return found?.address.kind === SUMMARY_KIND && found.value.sessionId === sessionId
      ? found.value
      : undefined;
  } catch (error) {
    if (error instanceof HearthError) return undefined;
    throw error;
  }
}

/** Adds the events others wrote after the seal (R10-14) to the writers' verdict, named. */
function withAfterSeal(
  verdict: SealVerdict,
  after: AfterSealEvent[] | undefined,
  read: ReadEvents,
): SealVerdict {
  if (
    after === undefined ||
    after.length === 0 ||
    (!verdict.ok && verdict.code !== 'FOREIGN_EVENT')
  )
    return verdict;
  const named = afterSealReason(after, interviewerOfChain(read.events));
  return verdict.ok
    ? {
        ok: false,
        code: 'FOREIGN_EVENT',
        firstBadEvent: after[0]!.seq,
        foreignEvents: [],
        writtenAfterSeal: after,
        reason: named,
      }
    : { ...verdict, writtenAfterSeal: after, reason: `${verdict.reason ?? ''} ${named}` };
}

/**
 * Adds to an intact verdict the session record's plan inputs that differ from the sealed start
 * (R10-11): the app plans from the start, so the rewrite changes nothing it shows, but it is
 * named (code RECORD_REWRITTEN when nothing else is found). Never blocks a seal, an addendum or
 * an export: the evidence is the chain, which the rewrite did not touch.
 */
function withRecordCheck(meta: SessionMeta, read: ReadEvents, verdict: SealVerdict): SealVerdict {
  if (!verdict.ok && verdict.code !== 'FOREIGN_EVENT') return verdict;
  const differs = recordDiffersFromStart(meta, sealedStartOf(read.events));
  if (differs.length === 0) return verdict;
  const note = recordRewrittenReason(differs);
  return verdict.ok
    ? { ok: false, code: 'RECORD_REWRITTEN', reason: note }
    : { ...verdict, reason: `${verdict.reason ?? ''} ${note}` };
}

/** The words of a RECORD_REWRITTEN finding (field names only, never their values). */
export function recordRewrittenReason(fields: readonly string[]): string {
  return `the session record's ${fields.join(', ')} differ from what the session's start sealed (event 1): the record was rewritten outside Hearth (RECORD_REWRITTEN). Hearth plans and exports from the sealed start; tell an administrator.`;
}

/** The verdict for an event record the audit log shows removed or written again. */
function rewriteVerdict(rewrite: SessionRewrite): SealVerdict {
  const how = rewrite.removed ? 'removed' : 'replaced';
  // The signer of the removing entry is named (R11-3), so no one restores over a false claim.
  const signed = rewrite.signer !== undefined ? ` signed by ${rewrite.signer}` : '';
  const where =
    rewrite.auditSeq === undefined
      ? `event ${rewrite.recordSeq}, written by audit entry ${rewrite.firstAuditSeq}, is ${rewrite.removed ? 'no longer in the vault' : 'not the version written then'}`
      : `audit entry ${rewrite.auditSeq}${signed} ${how} event ${rewrite.recordSeq}, first written in audit entry ${rewrite.firstAuditSeq}`;
  if (!rewrite.wasSeal)
    return {
      ok: false,
      firstBadEvent: rewrite.recordSeq,
      reason: `event ${rewrite.recordSeq} was ${how} after it was written (${where}): events are written once, so it was changed outside Hearth. An administrator can restore the vault from a backup; \`hearth vault check\` names who signed the change.`,
    };
  return {
    ok: false,
    code: 'SEAL_REMOVED',
    firstBadEvent: rewrite.recordSeq,
    reason: `SEAL_REMOVED: this session was sealed (event ${rewrite.recordSeq}), but its seal was ${how} afterwards (${where}), so anything written after it is not part of the sealed record. An administrator must restore the vault from a backup made after the seal; \`hearth vault check\` names who signed the change.`,
  };
}

/**
 * Who wrote before the seal (R7-6, R8-D, R9-1, R9-2, R9-7). The interviewer is the writer of
 * the session's start (`interviewerOfChain`), not the rewritable session record; the seal is her
 * first `sealed` event. A seal whose list of foreign events is not the one the chain shows is
 * tampering; events others wrote into the live interview (a `sealed` event among them) are named
 * (FOREIGN_EVENT), never passed silently. `events`: with each `by` the certified signer.
 */
function writerVerdict(meta: SessionMeta, events: ReadonlyArray<SessionEvent>): SealVerdict {
  const interviewer = interviewerOfChain(events) ?? meta.interviewer;
  const foreign = foreignEventsOf(interviewer, events);
  const sealed = events.find((e) => isInterviewerSeal(e, interviewer));
  if (sealed?.type === 'sealed' && !sameForeignEvents(sealed.foreignEvents ?? [], foreign))
    return {
      ok: false,
      firstBadEvent: sealed.seq,
      reason: `the seal (event ${sealed.seq}) names other events as written by someone else than the chain shows: written outside Hearth`,
    };
  if (foreign.length === 0) return { ok: true };
  return {
    ok: false,
    code: 'FOREIGN_EVENT',
    firstBadEvent: foreign[0]!.seq,
    foreignEvents: foreign,
    reason: `${foreign
      .map(
        (f) =>
          `event ${f.seq} was written by ${f.by}, not by the session's interviewer ${interviewer}`,
      )
      .join('; ')} (FOREIGN_EVENT). The record is otherwise intact and ${
      sealed
        ? 'its seal names these events'
        : 'can still be sealed: the seal will name these events'
    }; every export shows them marked. Tell an administrator who wrote into this interview.`,
  };
}

/**
 * The per-session verify anchor: the event count and chain head sealed in the session's
 * summary, rewritten in the transaction of every event and committed to by its audit entry.
 * Undefined when the session has none, it fails authentication, or it is not where the
 * session's own summary lives: in the session's container under the key of its own data class
 * (red team round 12, R12-2: a trainer, who holds only the practice key, wrote a case session's
 * summary under that key with a made-up head, and every later seal, addendum and export was
 * refused as TAMPERED). Verify then falls back to the audit log; `vault check` names the write.
 */
function readAnchor(
  ctx: SessionContext,
  meta: SessionMeta,
): { eventCount: number; head: string } | undefined {
  return storedAnchor(ctx.vault, meta);
}

/**
 * A sealed session's verdict from the event rows `vault check`'s record pass already decrypted
 * (seal-stream.ts), computed as verifySealed computes it, with the session record it was
 * computed from; undefined where verifySealed must read the session itself: rows other than the
 * records table holds under its id, a session that is not sealed, not readable here or has no
 * readable summary anchor.
 */
export function streamedSealVerdict(
  ctx: SessionContext,
  sessionId: string,
  rows: EventRows,
): { meta: SessionMeta; verdict: SealVerdict } | undefined {
  if (ctx.vault.records.countByIdPrefix(sessionId) !== rows.length) return undefined;
  let meta: SessionMeta;
  try {
    meta = ctx.readMeta(sessionId);
  } catch (error) {
    if (error instanceof HearthError) return undefined;
    throw error;
  }
  if (meta.status !== 'sealed' || !mayRead(ctx.vault, meta)) return undefined;
  const anchor = readAnchor(ctx, meta);
  if (!anchor) return undefined;
  return {
    meta,
    verdict: verifyChain(ctx, meta, anchor.eventCount, anchor.head, readEventsOf(rows, [])),
  };
}

/**
 * The whole-summary recompute of one session (R15-4) from the event rows `vault check`'s record
 * pass already decrypted, with the session record it was computed from; undefined where
 * rewrittenRecords must read the session itself (rows other than the records table holds under
 * its id, a session not readable here, no readable summary).
 */
export function streamedSummaryFields(
  ctx: SessionContext,
  sessionId: string,
  rows: EventRows,
): { meta: SessionMeta; fields: string[] } | undefined {
  if (ctx.vault.records.countByIdPrefix(sessionId) !== rows.length) return undefined;
  let meta: SessionMeta;
  try {
    meta = ctx.readMeta(sessionId);
  } catch (error) {
    if (error instanceof HearthError) return undefined;
    throw error;
  }
  if (!mayRead(ctx.vault, meta)) return undefined;
  const summary = readSummary(ctx, sessionId);
  if (!summary) return undefined;
  const events = readEventsOf(rows, []);
  if (events.firstBad) return undefined;
  return { meta, fields: summaryMismatchOf(ctx, meta, summary, events.events) };
}

/** SessionService.verifySealed: see there. */
export function verifySealed(
  ctx: SessionContext,
  progress?: (done: number, total: number) => void,
  streamed?: SealStream,
): Array<{ sessionId: string } & SealVerdict> {
  // The summaries' anchors; the audit walk only for sessions without one (and only once).
  let audited: Map<string, number> | undefined;
  const writtenOf = (sessionId: string) =>
    (audited ??= auditedEventCounts(ctx.vault)).get(sessionId) ?? 0;
  const failures: Array<{ sessionId: string } & SealVerdict> = [];
  const all = ctx.vault.records
    .list<SessionMeta>(SESSION_KIND)
    .records.map((r) => r.value)
    .sort((a, b) => a.sessionId.localeCompare(b.sessionId));
  // Every session's start must be its certified signer's own (R10-16: a colleague ran a whole
  // interview under another's name): one audit entry per session, sealed or not.
  for (const meta of all) {
    if (!mayRead(ctx.vault, meta)) continue;
    const problem = impersonatedStart(ctx, meta.sessionId);
    if (problem)
      failures.push({ sessionId: meta.sessionId, ok: false, firstBadEvent: 1, reason: problem });
  }
  const metas = all.filter((m) => m.status === 'sealed');
  let done = 0;
  for (const meta of metas) {
    if (++done % 200 === 0) progress?.(done, metas.length);
    if (!mayRead(ctx.vault, meta)) continue;
    // From the record pass's rows when it verified this very session record (seal-stream.ts).
    const verdict =
      streamed?.verdictOf(meta) ??
      ((anchor) =>
        anchor
          ? verifyChain(ctx, meta, anchor.eventCount, anchor.head)
          : verifyChain(ctx, meta, writtenOf(meta.sessionId)))(readAnchor(ctx, meta));
    if (!verdict.ok) failures.push({ sessionId: meta.sessionId, ...verdict });
    else if (verdict.writtenAfterSeal)
      // Not a broken seal: the sealed record verifies; events others wrote after it are named
      // (R10-14). The writer is the event's `by` here (no per-event audit read in the check;
      // `vault check`'s write-once rule names each entry's certified signer).
      failures.push({
        sessionId: meta.sessionId,
        ok: false,
        code: 'FOREIGN_EVENT',
        firstBadEvent: verdict.writtenAfterSeal[0]!.seq,
        writtenAfterSeal: verdict.writtenAfterSeal,
        reason: afterSealReason(verdict.writtenAfterSeal, meta.interviewer),
      });
  }
  progress?.(metas.length, metas.length);
  return failures;
}

/** Why a session's event 1 is not its certified signer's own, or undefined (see verifySealed). */
function impersonatedStart(ctx: SessionContext, sessionId: string): string | undefined {
  const first = ctx.vault.records.get<SessionEvent>(eventRecordId(sessionId, 1))?.value;
  if (first?.type !== 'session-started') return undefined;
  const signer = certifiedWritersOf(ctx.vault, sessionId, [first]).get(1);
  if (signer === undefined || signer === first.by) return undefined;
  return `event 1 (the session's start) says it was written by ${first.by}, but its audit entry is signed by ${signer}: a session is started by its own interviewer, so this one was written outside Hearth under another's name`;
}

/**
 * Every session this sign-in may read whose record's plan inputs differ from its sealed start
 * (R10-11), or whose summary's case, mode, room, interviewer or status differ from the start and
 * the chain (R12-1), with the fields (names only), by session id. For `vault check`: it reads
 * each session's record, summary and event 1 only; the whole chain only for a summary whose
 * status differs from the record's (the chain decides which is wrong). A record or event that
 * does not decrypt is left to the vault's record pass, which names it.
 */
export function rewrittenRecords(ctx: SessionContext, streamed?: SealStream): RewrittenRecord[] {
  const out: RewrittenRecord[] = [];
  const metas = ctx.vault.records
    .list<SessionMeta>(SESSION_KIND)
    .records.map((r) => r.value)
    .sort((a, b) => a.sessionId.localeCompare(b.sessionId));
  for (const meta of metas) {
    if (!mayRead(ctx.vault, meta)) continue;
    let first: SessionEvent | undefined;
    try {
      first = ctx.vault.records.get<SessionEvent>(eventRecordId(meta.sessionId, 1))?.value;
    } catch (error) {
      if (error instanceof HearthError) continue;
      throw error;
    }
    const fields = recordDiffersFromStart(meta, sealedStartOf(first));
    // R26-7: events the summary counts but the vault no longer holds at the end of the chain.
    // The summary then differs from the chain because of them, so it is not also named.
    const missing = first ? missingAtEnd(ctx, meta) : undefined;
    const summaryFields = missing ? [] : summaryDiffersInCheck(ctx, meta, first, streamed);
    if (fields.length > 0 || summaryFields.length > 0 || missing)
      out.push({
        sessionId: meta.sessionId,
        fields,
        summaryFields,
        ...(missing ? { missingEvents: missing } : {}),
      });
  }
  return out;
}

/** One session of rewrittenRecords: field names only, never values. */
export interface RewrittenRecord {
  sessionId: string;
  /** The session record's fields that differ from its sealed start (R10-11). */
  fields: string[];
  /** The summary's fields that differ from the chain and record (R12-1, R15-4). */
  summaryFields: string[];
  /**
   * Events the summary (the anchor: written with every event) counts at the end of the chain
   * whose rows are gone (R26-7), ascending; absent when none is.
   */
  missingEvents?: number[];
}

/**
 * The events at the end of a session's chain that its anchor counts and the vault no longer
 * holds (R26-7), ascending; undefined when none is missing. Cost: one summary
 * read and one primary-key lookup when the last counted event stands (the usual case).
 */
function missingAtEnd(ctx: SessionContext, meta: SessionMeta): number[] | undefined {
  const anchor = storedAnchor(ctx.vault, meta);
  if (!anchor || anchor.eventCount < 1) return undefined;
  let present = anchor.eventCount;
  while (
    present > 0 &&
    ctx.vault.records.seqOf(eventRecordId(meta.sessionId, present)) === undefined
  )
    present--;
  const missing = missingTailEvents(ctx.vault, meta.sessionId, anchor.eventCount, present);
  return missing.length > 0 ? missing : undefined;
}

/**
 * rewrittenRecords' summary side: the whole-summary recompute (R15-4) from the events the
 * record pass streamed (seal-stream.ts), else from the session's events read here; the R12-1
 * comparison with the start where an event does not open (the record pass names that event).
 */
function summaryDiffersInCheck(
  ctx: SessionContext,
  meta: SessionMeta,
  first: SessionEvent | undefined,
  streamed: SealStream | undefined,
): string[] {
  const summary = readSummary(ctx, meta.sessionId);
  const start = sealedStartOf(first);
  if (!summary || !start) return [];
  const fromStream = streamed?.summaryFieldsOf(meta);
  if (fromStream) return fromStream;
  const read = ctx.readEvents(meta.sessionId);
  if (!read.firstBad) return summaryMismatchOf(ctx, meta, summary, read.events);
  return summaryDiffers(summary, {
    caseId: start.caseId,
    mode: start.mode,
    room: start.room,
    interviewer: start.by,
    status: meta.status,
  });
}

/** Recomputes one session's chain from its stored events; see verifySessionChain. */
function verifyChain(
  ctx: SessionContext,
  meta: SessionMeta,
  written: number,
  expectedHead?: string,
  read: ReadEvents = ctx.readEvents(meta.sessionId),
  writers?: ReadonlyMap<number, string>,
): SealVerdict {
  return verifySessionChain(meta, read, {
    written,
    ...(expectedHead !== undefined ? { expectedHead } : {}),
    ...(writers !== undefined ? { writers } : {}),
    trustedKeyOf: (username) =>
      ctx.vault.records.get<UserProfile>(`user:${username}`)?.value.signPublicKey,
  });
}
