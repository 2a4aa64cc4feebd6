// Who may write a session's records, checked from the audit log (red team round 3, H1): a
// colleague holding her own passphrase can re-encrypt a note in someone else's running interview
// and commit to it in a NEW audit entry signed by her own certified key, so "the entry that last
// wrote it is signed" proves nothing. What the app never does, and `vault check` therefore flags:
//   - an event record written by a second audit entry (events are write-once; only a removal,
//     hash '', may follow);
//   - a session summary rewritten by an entry whose certified signer is not the session's
//     interviewer, unless that entry is a genuine addendum after the seal (no one else seals a
//     live interview, not even an admin: red team round 9, R9-1). Genuine (red team round 12,
//     R12-1): the entry's action alone is the signer's own word, so the entry must also write a
//     new event of that session at the next position, and that event (as the vault holds it)
//     must be an addendum by the entry's signer. A colleague's one summary write under the
//     action 'sessions.addAddendum' moved a sealed interview to another child's case.
// The session layer's ids are mirrored here as patterns (the vault layer may not import it):
// events '<session>:<seq padded to 10 digits>', summaries 'summary:<session>'; and of an event's
// value, only `type` and `by` (through the `addendumOf` reader `vault check` passes).
import { AUDIT_SESSION_INDEX_TASK, type AuditRecordRef } from './audit';
import { claimContradicted, mayClaimSessionRewrite } from './session-claims';
import type { Vault } from './vault';

export const EVENT_ID = /^(.+):(\d{10})$/;
const SUMMARY_PREFIX = 'summary:';
/** The seal (its position starts the addenda) and the addenda, which colleagues may write. */
const SEAL_ACTION = 'sessions.finalize';
const ADDENDUM_ACTION = 'sessions.addAddendum';
/**
 * The upgrade's backfill (session-listing.ts buildMissingSummaries): whoever signs in first after
 * migration 0003 writes the summary of a session made before summaries existed. It is never the
 * session's start, and it is excused only as a session's first summary write: a session made
 * since writes its summary in its start, so a backfill after that is judged like any other write.
 */
const SUMMARY_BUILT_ACTION = 'sessions.summaryBuilt';

/** A problem found: the audit entry (seq) and what is wrong. */
export interface WriteOnceProblem {
  seq: number;
  id: string;
  detail: string;
  /** The check code (R26-4: every finding has one). */
  code: 'EVENT_REWRITTEN' | 'SUMMARY_INTERVIEWER_MISMATCH' | 'SESSION_FOREIGN_WRITER';
}

interface SummaryWrite {
  seq: number;
  signer: string | undefined;
  action: string | undefined;
  /**
   * The one new event of the session the same entry wrote at the next position (id and the
   * hash the entry committed to), when it wrote exactly one: what a genuine addendum entry writes.
   */
  event?: { id: string; hash: string };
}

/**
 * What an event record is now, for the addendum exemption: its `type` and `by` when the vault
 * holds it with `hash` and it opens; 'unknown' when it is gone, another version or unreadable
 * (the record pass names that record and the entry that wrote it).
 */
export type AddendumReader = (id: string, hash: string) => { type: string; by: string } | 'unknown';

/**
 * What the check keeps of one session (issue #22: one small object per session, so memory per
 * session is a few hundred bytes, not a map of maps). Numbers are audit entry numbers; -1: none.
 */
class SessionWrites {
  /** Whether any entry wrote its summary (the upgrade's backfill is excused only as the first). */
  summaryWritten = false;
  /** The certified signer of the first entry that wrote its summary (its start), and that entry. */
  starter: string | undefined = undefined;
  starterSeq = -1;
  /** The interviewer's seal (the position after which colleagues may add addenda). */
  seal = -1;
  /** The highest event sequence any counted entry wrote (hash not ''), and that entry. */
  highest = -1;
  highestAt = -1;
  /** The last entry that wrote the summary (R12-5 names it when it lowered the count). */
  lastSeq = -1;
  lastSigner: string | undefined = undefined;
  lastAction: string | undefined = undefined;
  /**
   * Summary writes by anyone but the interviewer (colleagues' addenda: few), judged one by one.
   * The interviewer's own writes are never named, so they are not kept.
   */
  foreign: SummaryWrite[] | undefined = undefined;
}

/** Action names kept per session are shared strings (a vault has a few dozen actions). */
const INTERNED_ACTIONS_MAX = 256;

/**
 * Fed every audit entry in order (`visit`), then given the sessions' interviewers and the users'
 * roles (`problems`). Memory: the event ids seen (in `firstWrite`, which `vault check` keeps on
 * disk) and one `SessionWrites` per session (its start, seal, highest event, last summary write),
 * plus every summary write by someone other than its interviewer (colleagues' addenda: few).
 */
export class WriteOnceCheck {
  /**
   * `firstWrite`: where the first writing entry of each event id is kept (a Map by default;
   * `vault check` passes its on-disk ledger so that memory does not grow with the vault).
   */
  constructor(
    private readonly firstWrite: {
      get(id: string): number | undefined;
      set(id: string, seq: number): void;
    } = new Map<string, number>(),
  ) {}

  private readonly rewrites: WriteOnceProblem[] = [];
  /** Per session id, in the order the log first names the session. */
  private readonly sessions = new Map<string, SessionWrites>();
  private readonly actions = new Map<string, string>();

  private session(sessionId: string): SessionWrites {
    let s = this.sessions.get(sessionId);
    if (s === undefined) {
      s = new SessionWrites();
      this.sessions.set(sessionId, s);
    }
    return s;
  }

  /** One shared string per action name (each entry's body decodes its own copy). */
  private action(action: string | undefined): string | undefined {
    if (action === undefined) return undefined;
    const shared = this.actions.get(action);
    if (shared !== undefined) return shared;
    if (this.actions.size < INTERNED_ACTIONS_MAX) this.actions.set(action, action);
    return action;
  }

  /**
   * One audit entry: its record refs, its certified signer (undefined: unsigned or legacy) and
   * its action where the checker can read the body.
   */
  visit(
    seq: number,
    refs: AuditRecordRef[] | undefined,
    signer: string | undefined,
    action: string | undefined,
  ): void {
    // The events this entry writes for the first time, by session (before the ledger learns them).
    const fresh = new Map<string, Array<{ id: string; hash: string; eventSeq: number }>>();
    for (const ref of refs ?? []) {
      const event = EVENT_ID.exec(ref.id);
      if (!event || ref.hash === '' || this.firstWrite.get(ref.id) !== undefined) continue;
      const list = fresh.get(event[1]!) ?? [];
      list.push({ id: ref.id, hash: ref.hash, eventSeq: Number(event[2]) });
      fresh.set(event[1]!, list);
    }
    for (const ref of refs ?? []) {
      if (ref.id.startsWith(SUMMARY_PREFIX)) {
        const sessionId = ref.id.slice(SUMMARY_PREFIX.length);
        const s = this.session(sessionId);
        if (action === SUMMARY_BUILT_ACTION && !s.summaryWritten) {
          // A legacy session's backfill, by an admin after an upgrade (key certificates make an
          // admin sign in first): not its start, and not a write into someone's interview.
          s.summaryWritten = true;
          if (ref.hash !== '') this.setLast(s, seq, signer, action);
          continue;
        }
        s.summaryWritten = true;
        // The summary is first written in the session's creation (sessions.start, signed by the
        // interviewer); later writers can rewrite the summary's interviewer, never this (R9-3).
        if (s.starter === undefined && signer !== undefined) {
          s.starter = signer;
          s.starterSeq = seq;
        }
        const starter = s.starter;
        // The seal is the interviewer's: a colleague's forged seal (R9-2) does not open the
        // session to addenda (it is named below as a write into her interview).
        const own = starter === undefined || signer === undefined || signer === starter;
        if (action === SEAL_ACTION && s.seal === -1 && own) s.seal = seq;
        // The interviewer's writes are never named (a signed write sets the starter first, so an
        // own write is unsigned or the starter's). Anyone else's are judged one by one (a genuine
        // addendum does not excuse a later forged one).
        if (!own) {
          const next = Math.max(s.highest, 0) + 1;
          const written = fresh.get(sessionId) ?? [];
          const event =
            written.length === 1 && written[0]!.eventSeq === next
              ? { id: written[0]!.id, hash: written[0]!.hash }
              : undefined;
          const list = (s.foreign ??= []);
          if (list[list.length - 1]?.seq !== seq)
            list.push({ seq, signer, action: this.action(action), ...(event ? { event } : {}) });
        }
        if (ref.hash !== '') this.setLast(s, seq, signer, action);
        continue;
      }
      if (!EVENT_ID.test(ref.id) || ref.hash === '') continue;
      const first = this.firstWrite.get(ref.id);
      if (first === undefined) this.firstWrite.set(ref.id, seq);
      else
        this.rewrites.push({
          seq,
          id: ref.id,
          code: 'EVENT_REWRITTEN',
          detail: `audit entry ${seq} rewrites interview event ${ref.id}, first written in entry ${first}: events are written once, so it was changed outside Hearth${signer ? ` (signed by ${signer})` : ''}`,
        });
    }
    for (const [sessionId, written] of fresh) {
      const top = Math.max(...written.map((w) => w.eventSeq));
      const s = this.session(sessionId);
      if (s.highestAt === -1 || top > s.highest) {
        s.highest = top;
        s.highestAt = seq;
      }
    }
  }

  private setLast(
    s: SessionWrites,
    seq: number,
    signer: string | undefined,
    action: string | undefined,
  ): void {
    s.lastSeq = seq;
    s.lastSigner = signer;
    s.lastAction = this.action(action);
  }

  /**
   * The summaries whose event count (`countOf`: the count in the summary the vault holds, when
   * readable and the version the audit log last committed to) is below the highest event the
   * audit log records as written for the session: the entry that last wrote the summary rewound
   * the verify anchor (red team round 12, R12-5: a reviewer deleted a colleague's addendum and
   * wrote the summary back to the count and head before it, so `sessions.verify` stayed clean).
   * Hearth writes the summary in the transaction of every event, with the count after it.
   */
  loweredCounts(countOf: (sessionId: string) => number | undefined): Array<{
    sessionId: string;
    count: number;
    highest: number;
    highestAt: number;
    write: { seq: number; signer: string | undefined; action: string | undefined };
  }> {
    const out = [];
    for (const [sessionId, s] of this.sessions) {
      if (s.highestAt === -1) continue;
      const count = countOf(sessionId);
      if (count === undefined || s.lastSeq === -1 || count >= s.highest) continue;
      out.push({
        sessionId,
        count,
        highest: s.highest,
        highestAt: s.highestAt,
        write: { seq: s.lastSeq, signer: s.lastSigner, action: s.lastAction },
      });
    }
    return out;
  }

  /**
   * The problems: every event rewrite, and every summary write by someone who may not write
   * into that session. The interviewer is the certified signer of the entry that first wrote the
   * session's summary (its start, write-once: red team round 9, R9-3); `interviewerOf` gives the
   * interviewer the summary names now (undefined where unreadable), used only when the start
   * entry is unsigned (legacy), and flagged when it disagrees with the start. `addendumOf` reads
   * what an event is now (R12-1); without it (unit use) no entry counts as a genuine addendum
   * unless it wrote one new event at the next position.
   */
  problems(
    interviewerOf: (sessionId: string) => string | undefined,
    addendumOf: AddendumReader = () => 'unknown',
  ): WriteOnceProblem[] {
    const out = [...this.rewrites];
    for (const [sessionId, s] of this.sessions) {
      if (!s.summaryWritten) continue;
      const named = interviewerOf(sessionId);
      if (s.starter !== undefined && named !== undefined && named !== s.starter)
        out.push({
          seq: s.starterSeq,
          id: `${SUMMARY_PREFIX}${sessionId}`,
          code: 'SUMMARY_INTERVIEWER_MISMATCH',
          detail: `the session summary names ${named} as the interviewer, but the session was started by ${s.starter} (audit entry ${s.starterSeq}): the summary was rewritten outside Hearth`,
        });
      const interviewer = s.starter ?? named;
      if (interviewer === undefined) continue;
      const sealedAt = s.seal === -1 ? undefined : s.seal;
      for (const w of s.foreign ?? []) {
        if (w.signer === undefined || w.signer === interviewer) continue;
        const afterSeal =
          w.action === ADDENDUM_ACTION && sealedAt !== undefined && w.seq > sealedAt;
        if (afterSeal && genuineAddendum(w, addendumOf)) continue;
        const why = afterSeal
          ? ': it calls itself an addendum, but it writes no addendum event of its signer at the next position of the session, so it is a rewrite of the summary (the listing and verify anchor)'
          : ': only the interviewer writes while it runs and seals it (colleagues add addenda after the seal)';
        out.push({
          seq: w.seq,
          id: `${SUMMARY_PREFIX}${sessionId}`,
          code: 'SESSION_FOREIGN_WRITER',
          detail: `audit entry ${w.seq} (${w.action ?? 'action not readable'}) writes into ${interviewer}'s interview but is signed by ${w.signer}${why}`,
        });
      }
    }
    return out;
  }
}

/**
 * Whether a colleague's summary write after the seal is a genuine addendum entry (R12-1): it
 * wrote exactly one new event, at the next position, and that event is an addendum by the
 * entry's signer. An event the vault no longer holds as written is not judged here: the record
 * pass names it with the entry that wrote it (so a deleted genuine addendum does not make its
 * author look like the forger: R12-5).
 */
function genuineAddendum(w: SummaryWrite, addendumOf: AddendumReader): boolean {
  if (!w.event) return false;
  const now = addendumOf(w.event.id, w.event.hash);
  if (now === 'unknown') return true;
  return now.type === 'addendum' && now.by === w.signer;
}

/** What `sessionWriteOnceProblem` found: an event record of one session removed or rewritten. */
export interface SessionRewrite {
  /** The event's sequence number in its session. */
  recordSeq: number;
  /** The audit entry that removed or rewrote it; undefined when it is gone with no entry saying so. */
  auditSeq: number | undefined;
  /** The audit entry that first wrote it. */
  firstAuditSeq: number;
  /** True when it was removed (the app never removes an event), false when written again. */
  removed: boolean;
  /**
   * True when the entry that first wrote it also wrote the session record and it is not event 1:
   * in Hearth only the seal (sessions.finalize) does that, so the event was the session's seal.
   */
  wasSeal: boolean;
  /** Who signed the entry at `auditSeq` (its certified signer), when known. */
  signer?: string;
}

/**
 * `vault check`'s write-once rule for one session's events, scoped to the audit entries from the
 * one that wrote its event 1 to the head (red team round 10, R10-10 and R10-3): the first event
 * record of session `sessionId` (ids '<sessionId>:<seq padded to 10 digits>', its record
 * '<sessionId>') that an entry removed or wrote a second time, or undefined. A seal removed and
 * re-made by its own interviewer, or replaced by a colleague's, shows here though the chain,
 * the summary and every event's own entry are consistent again. Reads each entry's record
 * references (one AEAD opening and one MAC per entry, no signature check: `vault check` names
 * the signer); entries that fail authentication are skipped here (`vault check` reports them).
 * Cost (issue #22): the entries the per-session audit index (migrations/0009) lists for this
 * session only, not every entry written since it started. The index is a pointer: an event
 * whose record is gone or differs from what its first entry committed to is a removal or
 * rewrite even when no listed entry says so, and an event record standing with no listed entry
 * that wrote it means the index is incomplete, so the check walks the log as before (also while
 * the index of an older vault is not built yet).
 * What it cannot see: entries the interviewer rewrote or deleted from the audit tail herself
 * (ARCHITECTURE "Seal removal"), which the anchor and the admin checkpoints cover; and an
 * index row deleted for an entry none of whose records still stand (a removed seal's entry):
 * `vault check` (a whole-log walk) still names that removal. `walk: false`: the index only
 * (nothing when it is not built yet or misses an entry), for `sessions.verify` (R12-5).
 */
export function sessionWriteOnceProblem(
  vault: Vault,
  sessionId: string,
  options: { walk?: boolean } = {},
): SessionRewrite | undefined {
  const prefix = `${sessionId}:`;
  const firstId = `${prefix}${'1'.padStart(10, '0')}`;
  const present = vault.records.hashesByIdPrefix(sessionId);
  const first = present.get(firstId);
  if (!first) return undefined;
  const lookup = vault.signerLookup();
  const start = vault.audit.entryForRecord(firstId, first.hash, lookup);
  if (!start.ok) return undefined;
  const interviewer = start.signer;
  if (!vault.pendingTask(AUDIT_SESSION_INDEX_TASK)) {
    const indexed = scanSession(vault, sessionId, start.auditSeq, present, interviewer, 'index');
    if (indexed !== 'incomplete') return indexed;
  }
  // `walk: false` (sessions.verify, which must not grow with the vault: issue #22) stops here.
  if (options.walk === false) return undefined;
  const walked = scanSession(vault, sessionId, start.auditSeq, present, interviewer, 'walk');
  return walked === 'incomplete' ? undefined : walked;
}

/**
 * One pass of the write-once rule over the session's entries from `fromSeq`: through the
 * per-session index, or by walking the log. 'incomplete': an event record stands that no entry
 * read here wrote (only the index can miss one; the caller then walks). A removal or rewrite
 * claimed by someone who may not make it (R11-3, `mayClaimSessionRewrite`) is held aside and the
 * vault decides: it counts only if the record really is gone or changed.
 */
function scanSession(
  vault: Vault,
  sessionId: string,
  fromSeq: number,
  present: Map<string, { seq: number; hash: string }>,
  interviewer: string | undefined,
  how: 'index' | 'walk',
): SessionRewrite | undefined | 'incomplete' {
  const prefix = `${sessionId}:`;
  const lookup = vault.signerLookup();
  const written = new Map<string, { auditSeq: number; withRecord: boolean; hash: string }>();
  // Claims by someone who may not make them (R11-3): the vault decides, below.
  const disputed = new Map<string, { auditSeq: number; signer: string | undefined }>();
  let found: SessionRewrite | undefined;
  const visit = (seq: number, refs: AuditRecordRef[] | undefined) => {
    if (found || !refs) return;
    const withRecord = refs.some((r) => r.id === sessionId && r.hash !== '');
    for (const ref of refs) {
      if (!ref.id.startsWith(prefix) || !EVENT_ID.test(ref.id)) continue;
      const earlier = written.get(ref.id);
      if (earlier === undefined) {
        if (ref.hash !== '') written.set(ref.id, { auditSeq: seq, withRecord, hash: ref.hash });
        continue;
      }
      const by = vault.audit.signerAt(seq, lookup);
      // A claim the vault contradicts (the record stands as first written) counts for nothing,
      // whoever signed it: an admin's false "seal removed" never overrides the seal (sec21).
      const counts =
        mayClaimSessionRewrite({
          signer: by?.signer,
          role: by?.role,
          legacy: by?.legacy ?? false,
          interviewer,
        }) && !claimContradicted(ref.hash, earlier.hash, present.get(ref.id)?.hash);
      if (!counts) {
        if (!disputed.has(ref.id)) disputed.set(ref.id, { auditSeq: seq, signer: by?.signer });
        continue;
      }
      const recordSeq = Number(ref.id.slice(prefix.length));
      found = {
        recordSeq,
        auditSeq: seq,
        firstAuditSeq: earlier.auditSeq,
        removed: ref.hash === '',
        wasSeal: earlier.withRecord && recordSeq > 1,
        ...(by?.signer !== undefined ? { signer: by.signer } : {}),
      };
      return;
    }
  };
  if (how === 'index') vault.audit.sessionEntries(sessionId, fromSeq, visit);
  else vault.audit.walk(visit, undefined, undefined, undefined, fromSeq);
  if (found) return found;
  // A record deleted or replaced without a counted entry saying so (a removal the audit never
  // recorded, one in an entry the index does not list, or one claimed by someone who may not):
  // its first entry still commits to it, but the vault no longer holds that version. A claim
  // the vault contradicts counts for nothing.
  for (const [id, first] of written) {
    const now = present.get(id);
    if (now?.hash === first.hash) continue;
    const recordSeq = Number(id.slice(prefix.length));
    const claim = disputed.get(id);
    return {
      recordSeq,
      auditSeq: claim?.auditSeq,
      firstAuditSeq: first.auditSeq,
      removed: now === undefined,
      wasSeal: first.withRecord && recordSeq > 1,
      ...(claim?.signer !== undefined ? { signer: claim.signer } : {}),
    };
  }
  // An event standing that no entry read here wrote: the index misses entries.
  for (const id of present.keys())
    if (EVENT_ID.test(id) && id.startsWith(prefix) && !written.has(id)) return 'incomplete';
  return undefined;
}
