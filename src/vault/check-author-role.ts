// Who may have written what, from the audit log (red team round 7, R7-3 / R7-2): every audit
// entry is signed by its author's certified staff key, but a signature only proves who signed,
// not that they could have made the change. A staff member holding the chain key can re-author
// the whole log offline as their own entries, re-signed with their own key. What stops that is
// the role policy (roles.ts): the entry that writes a centre certificate, the centre key, the
// staff list, the start of signed audit or another user's profile, key slot or signing key must
// be signed by a certified admin, and case records by a role that writes cases. Because each
// signature covers the MAC of the entry before it, an admin-signed entry cannot be moved or
// re-signed by anyone else: every admin-only write is a barrier before which nothing can be
// re-authored by a non-admin. Entries after the newest barrier remain re-authorable by whoever
// holds a passphrase (README "Open limits").
// The record ids are mirrored here as patterns (the vault layer's own ids).
import type { AuditRecordRef } from './audit';
import { can, classesOf, ROLES, type Role } from './roles';

/** A finding: the entry, the record it writes and why its signer may not. */
export interface AuthorRoleProblem {
  seq: number;
  id: string;
  signer: string;
  role: string;
  detail: string;
}

/** Records only an admin writes, whoever they name. */
const ADMIN_ONLY = [
  /^certificate:/,
  /^centre-key:/,
  /^staff-keys$/,
  /^audit-start$/,
  // The admin checkpoint written at every admin sign-in (checkpoint.ts): the regular barrier.
  /^audit-checkpoint$/,
];
/** A user's own records: written by an admin (adding, removing) or by that user (passphrase, recovery). */
const PER_USER = /^(?:user|signing-key|slot:user):(.+)$/;
/** Case records and their allegations: roles that write cases. */
const CASE_RECORD = /^(?:case_|allegation:)/;
/** The case order index: rebuilt at the first sign-in of any case reader. */
const CASE_ORDER = /^case-order:/;
/**
 * Records only roles that write cases write (red team round 11, R11-4: a reviewer swapped the
 * prosecutor's key in the address book): a case's planning record and its blind part, the
 * address book, and each session's export counter (export.sealed needs cases.write).
 */
const CASE_WRITER_RECORD = /^(?:planning|planning-blind|recipient|exports):/;
/** A case's referral hand-offs: written by its planners and followed up by the advocate (B19-6). */
const REFERRAL_RECORD = /^referrals:/;
/**
 * A session's records (its record, events, summary, name records): only roles that hold the key
 * of the session's own data class (case for a live or imported interview, practice for a
 * practice one, by the mode its start seals: R12-8; its record's key when the start is unread) can even read the session, so another role's write into one is forged
 * (R12-2: a trainer, who holds only the practice key, wrote a live interview's summary). Which
 * session member may write what is the interviewer rule's (session-claims.ts, write-once.ts).
 */
const SESSION_RECORD = /^(?:summary:|names:)?(sess_[0-9a-f]{32})(?::|$)/;

/** The data class of a session's own record, by session id, or undefined when unknown. */
export type SessionClassOf = (sessionId: string) => string | undefined;
/** The mode a session's start (event 1) seals, by session id, or undefined when unknown. */
export type SessionModeOf = (sessionId: string) => string | undefined;

/** A session's start (event 1): who may write it depends on the mode it seals (R12-8). */
const SESSION_START = /^(sess_[0-9a-f]{32}):0000000001$/;

/**
 * A case's allegation record. Its signer must also hold that case's allegation key (red team
 * round 12, R12-4): on an allegation-blind case an interviewer who was never shown the allegation
 * holds the case key (cases.write) but cannot read it, so an entry of his writing it, or claiming
 * it removed, is not Hearth's.
 */
const ALLEGATION_RECORD = /^allegation:(.+)$/;

/**
 * Whether `signer`'s key reaches some version of case `caseId`'s allegation key (from the wrap
 * table), or undefined when the checker cannot tell (the signer has no key any more: a removed
 * user, or the case has no allegation key).
 */
export type AllegationHolder = (signer: string, caseId: string) => boolean | undefined;

/**
 * A practice interview's own records beside its chain (red team round 13, R13-4): the setup and
 * the feedback (scores) are written by the trainee's own training.start and training.finish, the
 * review by a trainer or admin who is not the trainee (training/service.ts). Every holder of the
 * practice key could otherwise rewrite a colleague's scores unnoticed.
 */
const PRACTICE_OWN = /^practice-(setup|feedback|review):(sess_[0-9a-f]{32})$/;

/**
 * The centre's training settings (red team 17, R17-3): set by trainers and admins only
 * (training.setSettings). Every holder of the practice key (an interviewer practising) could
 * otherwise plant a version that lowers the "Good open questioning" threshold; the app ignores a
 * version not written by a certified trainer or admin (training/service.ts) and this names it.
 * The id is mirrored from the training layer.
 */
const TRAINING_SETTINGS = /^training-settings$/;
/**
 * A trainer-written training scenario ('scn_<hex>') and each saved version of it ('…:v<n>'),
 * mirrored from training/service.ts (red team 19, R19-3): written by trainers and admins only
 * (training.saveScenario). A trainee holding the practice key planted one under a trainer's name
 * and rewrote a trainer's scenario with a planted disclosure. That the signer is also the
 * scenario's named author needs the record's content: the training layer's part of `vault check`
 * names that (SCENARIO_NOT_SIGNED_BY_AUTHOR), and the app ignores such a scenario on read.
 */
const TRAINER_SCENARIO = /^scn_[0-9a-f]{32}(?::v[0-9]+)?$/;
/**
 * A user's unsent note draft in a live interview ('<session>~draft~<username>') and that user's
 * draft index ('drafts:<username>'), mirrored from interview/drafts.ts (R17-3): written only by
 * that user, whose role writes cases (sessions.saveDrafts). A colleague's draft under another
 * user's name would be offered to her as her own words when she resumes the interview.
 */
const DRAFT_RECORD = /^(sess_[0-9a-f]{32})~draft~(.+)$/;
const DRAFT_INDEX = /^drafts:(.+)$/;

function isRole(value: string | undefined): value is Role {
  return (ROLES as readonly string[]).includes(value ?? '');
}

/**
 * Why `role` (certified for `signer`) may not write record `id`, or undefined when it may (or
 * the policy says nothing about the record). Within a session, who of those roles may write what
 * is the interviewer rule's (session-claims.ts, write-once.ts).
 */
export function authorRoleProblem(
  id: string,
  signer: string,
  role: Role,
  sessionClassOf: SessionClassOf = () => undefined,
  sessionModeOf: SessionModeOf = () => undefined,
): string | undefined {
  if (ADMIN_ONLY.some((pattern) => pattern.test(id)))
    return role === 'admin' ? undefined : 'only an admin writes it';
  const user = PER_USER.exec(id);
  if (user)
    return role === 'admin' || user[1] === signer
      ? undefined
      : "only an admin or that user writes a user's records";
  if (CASE_RECORD.test(id))
    return can(role, 'cases.write') ? undefined : 'only roles that write cases write it';
  if (CASE_ORDER.test(id))
    return can(role, 'cases.read') ? undefined : 'only roles that read cases write it';
  if (CASE_WRITER_RECORD.test(id))
    return can(role, 'cases.write') ? undefined : 'only roles that write cases write it';
  if (REFERRAL_RECORD.test(id))
    return can(role, 'cases.write') || can(role, 'referrals.followUp')
      ? undefined
      : 'only roles that plan cases or follow up referrals write it';
  if (TRAINING_SETTINGS.test(id))
    return role === 'trainer' || role === 'admin'
      ? undefined
      : 'only a trainer or an admin writes the training settings';
  if (TRAINER_SCENARIO.test(id))
    return role === 'trainer' || role === 'admin'
      ? undefined
      : 'only a trainer or an admin writes a training scenario';
  const draft = DRAFT_RECORD.exec(id) ?? DRAFT_INDEX.exec(id);
  if (draft) {
    const owner = draft.length === 3 ? draft[2]! : draft[1]!;
    if (owner !== signer) return `only ${owner} writes ${owner}'s note drafts`;
    return can(role, 'cases.write') ? undefined : 'only roles that write cases keep note drafts';
  }
  const session = SESSION_RECORD.exec(id);
  if (session) {
    const own = sessionClassOf(session[1]!);
    // A session whose record is gone or not under a class key: the wider rule still holds.
    if (own === undefined)
      return classesOf(role).some((c) => c === 'case' || c === 'practice')
        ? undefined
        : 'only roles that hold the case or practice key write a session';
    if (!(classesOf(role) as readonly string[]).includes(own))
      return `only roles that hold the ${own} key (the session's own data class) write its records`;
    // A live interview is started only by a role that writes cases (sessions.start requires
    // cases.write): a reviewer holds the case key but starts none (R12-8).
    const start = SESSION_START.exec(id);
    if (start && sessionModeOf(start[1]!) === 'live' && !can(role, 'cases.write'))
      return 'only roles that write cases start a live interview';
    return undefined;
  }
  return undefined;
}

/**
 * Whether the role policy governs record `id` at all (some role may not write it): an entry
 * without a certified signer may write none of these (R15-6).
 */
function governed(id: string): boolean {
  return (
    ADMIN_ONLY.some((pattern) => pattern.test(id)) ||
    [
      PER_USER,
      CASE_RECORD,
      CASE_ORDER,
      CASE_WRITER_RECORD,
      REFERRAL_RECORD,
      SESSION_RECORD,
      PRACTICE_OWN,
      TRAINING_SETTINGS,
      TRAINER_SCENARIO,
      DRAFT_RECORD,
      DRAFT_INDEX,
    ].some((pattern) => pattern.test(id))
  );
}

/**
 * Fed every audit entry in order by `vault check`; keeps only the findings (one per entry).
 * A legacy entry (before the log's signed-audit start) has no signer and is skipped. An entry
 * after that start without a certified signer (no signature, one that fails, or a key the centre
 * has not certified: red team 15, R15-6) may write nothing the policy governs, so the first such
 * record it touches is named: only a certified author whose role allows it writes it.
 */
export class AuthorRoleCheck {
  readonly problems: AuthorRoleProblem[] = [];
  /** Each session's starter: the certified signer of the entry that first wrote its event 1. */
  private readonly starters = new Map<string, string>();

  /**
   * `sessionClassOf`: each session's own data class (from the mode its start seals, else its
   * record's key, in clear); `sessionModeOf`: the mode its start seals; `allegationHolder`:
   * whether a signer holds a case's allegation key (R12-4).
   */
  constructor(
    private readonly sessionClassOf: SessionClassOf = () => undefined,
    private readonly sessionModeOf: SessionModeOf = () => undefined,
    private readonly allegationHolder: AllegationHolder = () => undefined,
  ) {}

  visit(
    seq: number,
    refs: AuditRecordRef[] | undefined,
    signer: string | undefined,
    signerRole: string | undefined,
    action: string | undefined,
    legacy = false,
  ): void {
    if (refs === undefined) return;
    if (signer === undefined) {
      if (!legacy) this.uncertified(seq, refs, action);
      return;
    }
    for (const ref of refs) {
      const start = SESSION_START.exec(ref.id);
      if (start && ref.hash !== '' && !this.starters.has(start[1]!))
        this.starters.set(start[1]!, signer);
    }
    for (const ref of refs) {
      const why = isRole(signerRole)
        ? (authorRoleProblem(ref.id, signer, signerRole, this.sessionClassOf, this.sessionModeOf) ??
          this.allegationProblem(ref.id, signer) ??
          this.practiceProblem(ref.id, signer, signerRole))
        : 'the signer has no known role';
      if (why === undefined) continue;
      this.problems.push({
        seq,
        id: ref.id,
        signer,
        role: signerRole ?? 'none',
        detail: `Audit entry ${seq} (${action ?? 'action not readable'}) writes ${ref.id}, but it is signed by ${signer} (${signerRole ?? 'no role'}): ${why}. The audit log was re-written outside Hearth under another staff key; restore the newest backup and report it.`,
      });
      return;
    }
  }

  /** The finding for an entry after the signed-audit start without a certified signer (R15-6). */
  private uncertified(seq: number, refs: AuditRecordRef[], action: string | undefined): void {
    const ref = refs.find((r) => governed(r.id));
    if (!ref) return;
    const what = ref.hash === '' ? 'removes' : 'writes';
    this.problems.push({
      seq,
      id: ref.id,
      signer: 'no certified key',
      role: 'none',
      detail: `Audit entry ${seq} (${action ?? 'action not readable'}) ${what} ${ref.id}, but no certified staff key signed it, though it was written after the start of signed audit: only a certified staff member whose role allows it writes that record. The entry was written outside Hearth and does not count; restore the newest backup and report it.`,
    });
  }

  /**
   * Why `signer` may not write a practice interview's setup, feedback or review (R13-4), or
   * undefined: setup and feedback only its trainee (the starter of its event 1), the review only
   * a trainer or admin who is not the trainee. A removal (empty hash) counts as a write.
   */
  private practiceProblem(id: string, signer: string, role: Role): string | undefined {
    const match = PRACTICE_OWN.exec(id);
    if (!match) return undefined;
    const trainee = this.starters.get(match[2]!);
    if (match[1] === 'review') {
      if (role !== 'trainer' && role !== 'admin')
        return 'only a trainer or an admin reviews a practice interview';
      return signer === trainee
        ? 'a trainee does not review their own practice interview'
        : undefined;
    }
    if (trainee === undefined) return undefined; // the start is unread: the record pass names it
    return signer === trainee
      ? undefined
      : `only the trainee (${trainee}, who started the practice interview) writes its ${match[1]}`;
  }

  /** Why `signer` may not write allegation record `id` (R12-4), or undefined. */
  private allegationProblem(id: string, signer: string): string | undefined {
    const caseId = ALLEGATION_RECORD.exec(id)?.[1];
    if (caseId === undefined || this.allegationHolder(signer, caseId) !== false) return undefined;
    return "only someone holding the case's allegation key writes it, and the signer's key does not reach it (an allegation-blind case not revealed to them)";
  }
}
