// Who may claim that a session's event was removed or written again, and who may write a
// session's record (red team round 11, R11-3 and R11-1). An audit entry's record references are
// claims its signer makes: `{id: '<session>:<seq>', hash: ''}` says "this event was removed".
// Every staff member holds the chain key and a certified signing key, so a trainer or an
// advocate, who cannot even decrypt a case session, could append a MAC-valid entry claiming the
// seal of any interview was removed: export and addenda were refused as SEAL_REMOVED and
// `vault check` blamed the genuine seal. Hearth itself never removes or re-writes an event; the
// claims that matter are the session's own interviewer's (R10-3, R10-10: she removes her seal to
// re-make it) and an administrator's. Anyone else's claim does not count by itself: the checks
// then look at the vault (is the record gone, or not the version first written?) and name the
// entry and its signer. A claim the vault contradicts counts for nothing whoever signed it (sec21):
// an administrator's (or the interviewer's own) entry saying "the seal was removed" while the
// vault still holds the seal exactly as its first entry committed to it is a false claim, named by
// `vault check`; it never overrides the present, valid seal (no SEAL_REMOVED, no blame on the
// seal). Red team 12 (R12-4) generalised the last rule: a removal claim about ANY record that
// still stands exactly as the audit log last vouched for it is false (a trainer "removed" a
// summary and a name record, a colleague a case and a blind allegation, and the check blamed the
// four genuine records as inserted outside Hearth). The session layer's ids are mirrored as
// patterns (the vault layer may not import it): events '<session>:<seq padded to 10 digits>',
// the session record '<session>'.
// Red team 14 (R14-5) turned the last rule around: a TRUE removal claim was trusted whenever the
// record really was gone, so an interviewer deleted a whole case (record, allegation, case-order
// entry) or an open case's allegation with one entry of his own, and `vault check` found nothing
// while cases.get/export sent the user to it. Hearth removes exactly one kind of record, in one
// audited action by one role (`HEARTH_REMOVES`); any other removal claim, whoever signs it (the
// session's interviewer and an admin included), is RECORD_REMOVED and does not count, so the
// version the log vouched for is also named missing.
// Red team 15 (R15-6) signed such an entry with a random key instead of his own: an entry without
// a certified signer was taken as "legacy, cannot be judged" and its removals counted, so the
// whole case vanished again with no RECORD_REMOVED. "Legacy" now means only "before the log's
// signed-audit start" (the caller says which); an entry after it without a certified signer
// counts for nothing: its removals are RECORD_REMOVED (the record is gone) and nothing it wrote
// is vouched for.

const EVENT_ID = /^(.+):(\d{10})$/;
const FIRST_EVENT = ':0000000001';
/**
 * The only records Hearth itself removes, and how: a removed user's signing key, shredded by
 * `users.remove` (vault.ts removeUser), which only an administrator may run.
 */
const HEARTH_REMOVES = { id: /^signing-key:/, action: 'users.remove', role: 'admin' } as const;
/** Ids an audit reference names that are not records (key slots, personal key wraps, class key floors, the audit-start statement). */
const NOT_A_RECORD = /^(slot:|keywrap:|keyfloor:|audit-start$)/;

/**
 * True when Hearth itself makes a removal claim like this one: `id` is a kind it removes and the
 * entry is the audited action, signed by the role, that removes it. Only a legacy entry (`legacy`:
 * before the log's signed-audit start, so it has no signer) cannot be judged and keeps counting;
 * an entry after that start without a certified signer never makes Hearth's removal (R15-6).
 */
export function isHearthRemoval(
  id: string,
  signer: string | undefined,
  role: string | undefined,
  action: string | undefined,
  legacy: boolean,
): boolean {
  if (signer === undefined) return legacy;
  return (
    HEARTH_REMOVES.id.test(id) && role === HEARTH_REMOVES.role && action === HEARTH_REMOVES.action
  );
}

/**
 * True when an audit entry signed by `signer` (certified role `role`) may claim to remove or
 * re-write an event of a session whose start was signed by `interviewer`: that interviewer or an
 * administrator. A legacy entry (`legacy`: written before the start of signed audit) and a session
 * whose starter is unknown (unsigned legacy start) keep counting, as before this rule.
 */
export function mayClaimSessionRewrite(claim: {
  signer: string | undefined;
  role: string | undefined;
  interviewer: string | undefined;
  legacy?: boolean;
}): boolean {
  if (claim.legacy || claim.interviewer === undefined) return true;
  if (claim.signer === undefined) return false;
  return claim.signer === claim.interviewer || claim.role === 'admin';
}

/** The session an event record id belongs to, or undefined when `id` is no event's. */
export function sessionOfEvent(id: string): string | undefined {
  return EVENT_ID.exec(id)?.[1];
}

/** A claim or a record write the signer may not make, or a false claim, for `vault check`. */
export interface SessionClaimProblem {
  seq: number;
  id: string;
  signer: string;
  role: string;
  detail: string;
  /**
   * AUDIT_AUTHOR_NOT_ALLOWED for a signer who may not; RECORD_REMOVED for a removal Hearth never
   * makes (R14-5); undefined for a false claim.
   */
  code?: 'AUDIT_AUTHOR_NOT_ALLOWED' | 'RECORD_REMOVED';
}

/**
 * True when a removal (`claimedHash` '') or re-write claim about a record is contradicted by the
 * vault: the record stands (`current`) exactly as the audit vouched for it before the claim
 * (`vouched`), so nothing was removed or re-written.
 */
export function claimContradicted(
  claimedHash: string,
  vouched: string | undefined,
  current: string | undefined,
): boolean {
  return current !== undefined && current === vouched && claimedHash !== current;
}

/**
 * `vault check`'s side of the rule, fed every audit entry in order (`visit`) before its refs
 * reach the ledger. Remembers each session's starter (the certified signer of the entry that
 * wrote its event 1) and each event written; `refsThatCount` returns the refs the ledger and the
 * write-once check may trust, and keeps a problem, naming the entry and its signer, for every
 * removal or re-write claim by someone else (R11-3) and every write of the session record by
 * someone other than its interviewer (R11-1: a reviewer moved a sealed interview to another
 * child by rewriting it). Memory: one starter per session and the `written` lookup given.
 */
export class SessionClaimCheck {
  readonly problems: SessionClaimProblem[] = [];
  private readonly starters = new Map<string, string>();

  /**
   * `written(id)`: whether an event record was already written by an earlier entry;
   * `vouched(id)`: the hash the audit entries before this one vouch for (undefined: none);
   * `current(id)`: the hash of the record the vault holds now (undefined: gone). The last two
   * are read only for claims (rare), one primary-key probe each.
   */
  constructor(
    private readonly written: (id: string) => boolean,
    private readonly vouched: (id: string) => string | undefined = () => undefined,
    private readonly current: (id: string) => string | undefined = () => undefined,
  ) {}

  /**
   * The refs of entry `seq` that count; the others are named in `problems`. `legacy`: the entry
   * lies before the log's signed-audit start (so an absent signer cannot be judged); an entry
   * after it without a certified `signer` counts for nothing (R15-6).
   */
  refsThatCount<R extends { id: string; hash: string }>(
    seq: number,
    refs: readonly R[],
    signer: string | undefined,
    role: string | undefined,
    action: string | undefined,
    legacy = false,
  ): R[] {
    if (signer === undefined && !legacy) {
      for (const ref of refs) this.uncertifiedRemoval(seq, ref, action);
      return [];
    }
    for (const ref of refs)
      if (ref.id.endsWith(FIRST_EVENT) && ref.hash !== '' && signer !== undefined) {
        const sessionId = sessionOfEvent(ref.id);
        if (sessionId !== undefined && !this.starters.has(sessionId))
          this.starters.set(sessionId, signer);
      }
    return refs.filter((ref) => {
      const why = this.problemOf(ref, signer, role);
      // One who may make the claim (the interviewer, an admin) can still make a false one, or a
      // removal Hearth never makes (R14-5).
      if (why === undefined)
        return (
          !this.falseClaim(seq, ref, signer, role, action) &&
          !this.notHearthsRemoval(seq, ref, signer, role, action, legacy)
        );
      this.problems.push({
        seq,
        id: ref.id,
        signer: signer ?? 'none',
        role: role ?? 'none',
        code: 'AUDIT_AUTHOR_NOT_ALLOWED',
        detail: `Audit entry ${seq} (${action ?? 'action not readable'}) ${why}, but it is signed by ${signer ?? 'no certified key'} (${role ?? 'no role'}): only the session's interviewer or an administrator may. The entry was written outside Hearth and does not count; the record it names is checked as first written.`,
      });
      return false;
    });
  }

  /**
   * Names (and keeps out of the ledger) a claim the vault contradicts, whoever signed it: a
   * removal or re-write claim about an event that is still the version first written (sec21),
   * and a removal claim about any other record that still stands exactly as the audit log last
   * vouched for it (red team round 12, R12-4: a trainer's and a colleague's entries "removed" a
   * summary, a name record, a case and a blind allegation that all stood intact, and `vault
   * check` blamed each genuine record as inserted outside Hearth). A re-write claim about a
   * rewritable record is not judged here: a record put back to an older version is a rollback,
   * which the record pass names. The one record Hearth itself removes (a removed user's signing
   * key, by an admin: users.remove) keeps counting: one standing after that removal was put back
   * outside Hearth, and the record pass says so.
   */
  private falseClaim(
    seq: number,
    ref: { id: string; hash: string },
    signer: string | undefined,
    role: string | undefined,
    action: string | undefined,
  ): boolean {
    const event = sessionOfEvent(ref.id) !== undefined;
    if (event ? !(ref.hash === '' || this.written(ref.id)) : ref.hash !== '') return false;
    if (!event && HEARTH_REMOVES.id.test(ref.id) && role === HEARTH_REMOVES.role) return false;
    if (!claimContradicted(ref.hash, this.vouched(ref.id), this.current(ref.id))) return false;
    const what = ref.hash === '' ? 'was removed' : 'was written again';
    this.problems.push({
      seq,
      id: ref.id,
      signer: signer ?? 'none',
      role: role ?? 'none',
      detail: event
        ? `FALSE_CLAIM: audit entry ${seq} (${action ?? 'action not readable'}, signed by ${signer ?? 'no certified key'}, ${role ?? 'no role'}) says interview event ${ref.id} ${what}, but the vault still holds that event exactly as the entry that first wrote it committed to: the claim is false and does not count (a seal stays valid). Ask the signer why the entry was written.`
        : `FALSE_CLAIM: audit entry ${seq} (${action ?? 'action not readable'}, signed by ${signer ?? 'no certified key'}, ${role ?? 'no role'}) says record ${ref.id} was removed, but the vault still holds it exactly as the audit log last vouched for it: the claim is false and does not count (the record is not blamed). Ask the signer why the entry was written.`,
    });
    return true;
  }

  /**
   * Names a removal claim in an entry without a certified signer after the signed-audit start
   * (R15-6), when the record is really gone: RECORD_REMOVED, like any removal Hearth never makes.
   * The claim does not count (the caller keeps every ref of the entry out of the ledger), so the
   * version the log vouched for is also RECORD_MISSING. A claim about a record that still stands
   * changed nothing; the entry's own finding (check.ts) lists it.
   */
  private uncertifiedRemoval(
    seq: number,
    ref: { id: string; hash: string },
    action: string | undefined,
  ): void {
    if (ref.hash !== '' || NOT_A_RECORD.test(ref.id) || this.current(ref.id) !== undefined) return;
    this.problems.push({
      seq,
      id: ref.id,
      signer: 'none',
      role: 'none',
      code: 'RECORD_REMOVED',
      detail: `Audit entry ${seq} (${action ?? 'action not readable'}) removes record ${ref.id}, but no certified staff key signed it (it was written after the start of signed audit): the record was deleted outside Hearth and the entry does not count. Restore the newest backup that still holds it and report it.`,
    });
  }

  /**
   * Names (and keeps out of the ledger) a removal claim Hearth never makes (red team round 14,
   * R14-5): the record is really gone, but it is not a kind Hearth removes, or the entry is not
   * the action and role that remove it. The claim does not count, so the record the log vouched
   * for is also RECORD_MISSING in the record pass. A false claim was named before this.
   */
  private notHearthsRemoval(
    seq: number,
    ref: { id: string; hash: string },
    signer: string | undefined,
    role: string | undefined,
    action: string | undefined,
    legacy: boolean,
  ): boolean {
    if (ref.hash !== '' || NOT_A_RECORD.test(ref.id)) return false;
    if (isHearthRemoval(ref.id, signer, role, action, legacy)) return false;
    const by = `${signer ?? 'no certified key'}, ${role ?? 'no role'}`;
    this.problems.push({
      seq,
      id: ref.id,
      signer: signer ?? 'none',
      role: role ?? 'none',
      code: 'RECORD_REMOVED',
      detail: `Audit entry ${seq} (${action ?? 'action not readable'}, signed by ${by}) removes record ${ref.id}, but Hearth never removes such a record (it removes only a removed user's signing key, in an administrator's users.remove): the record was deleted outside Hearth and the entry does not count. Restore the newest backup that still holds it and ask the signer why the entry was written.`,
    });
    return true;
  }

  private problemOf(
    ref: { id: string; hash: string },
    signer: string | undefined,
    role: string | undefined,
  ): string | undefined {
    if (signer === undefined) return undefined;
    const eventOf = sessionOfEvent(ref.id);
    if (eventOf !== undefined) {
      const claim = ref.hash === '' || this.written(ref.id);
      if (!claim) return undefined;
      const interviewer = this.starters.get(eventOf);
      if (mayClaimSessionRewrite({ signer, role, interviewer })) return undefined;
      return ref.hash === ''
        ? `claims to remove event ${ref.id} of ${interviewer ?? 'another'}'s session`
        : `rewrites interview event ${ref.id} of ${interviewer ?? 'another'}'s session, though events are written once`;
    }
    const interviewer = this.starters.get(ref.id);
    if (interviewer === undefined || signer === interviewer) return undefined;
    return `writes the record of ${interviewer}'s session ${ref.id}`;
  }
}
