// The referral hand-off list of a case (issue #19; NCA Standards, victim advocacy: the MDT family
// advocate follows up the services the team flags). It is its own sealed record (kind
// 'referrals', one version per change) under the referral data-class key, which the family
// advocate holds and the case key does not open. It holds what the hand-off needs and no more
// (issue #19 audit B19-6): the case reference as the centre uses it (so the advocate can find
// the family), each service with the hand-off note written for the advocate ("Other" with its
// words), its status, and the advocate's own follow-up (contacted, done, declined) with a stamp.
// Never the allegation, the planning record or anything said in the interview. The planning
// record (class:case) keeps its own copy of the notes, keyed by service.
import { classKey, HearthError, type RecordAddress, type Vault } from '../vault';
import { listUserProfiles } from '../vault/users';

export interface Stamp {
  at: string;
  by: string;
}

/** The advocate's follow-up of a hand-off (Hearth's own workflow step, NCA Standards advocacy). */
export const ADVOCATE_STATUSES = ['contacted', 'done', 'declined'] as const;
export type AdvocateStatus = (typeof ADVOCATE_STATUSES)[number];

/** One hand-off as the advocate sees it: the note written for them, no case content. */
export interface ReferralHandoff {
  /** Service id from REFERRAL_SERVICES (team-content.ts). */
  service: string;
  /** The hand-off note the interviewer wrote for the advocate (a few words), if any. */
  note?: string;
  /** The session whose end flagged it, if any (an id, no content). */
  sessionId?: string;
  /** 'withdrawn': unticked after flagging; kept, never deleted (the advocate sees it was). */
  status: 'flagged' | 'handed-off' | 'withdrawn';
  flagged: Stamp;
  handedOff?: Stamp;
  withdrawn?: Stamp;
  /** The advocate's latest follow-up, stamped (earlier ones are in the record's versions). */
  followUp?: { status: AdvocateStatus } & Stamp;
}

interface ReferralRecord {
  caseId: string;
  version: number;
  /** The case reference as the centre uses it (absent in records written before B19-6). */
  caseReference?: string;
  handoffs: ReferralHandoff[];
}

type RecordStore = Vault['records'];

const KIND = 'referrals';
const REFERRAL_KEY = classKey('referral');
const recordId = (caseId: string) => `referrals:${caseId}`;

/**
 * Whether this vault has the referral key yet. A vault made before the referral class gets it at
 * the first admin sign-in; until then hand-offs stay in the planning record (nothing is lost).
 */
export function referralKeyExists(vault: Vault): boolean {
  // A referral key that was made but lost its certificate is TAMPERED, not "not added yet"
  // (RT22-3): hand-offs are not put back into the planning record, which more roles read.
  return vault.keys.currentClassOrAbsent(REFERRAL_KEY) !== undefined;
}

function checked(caseId: string, found: { address: RecordAddress; value: ReferralRecord }) {
  if (
    found.address.kind !== KIND ||
    found.value.caseId !== caseId ||
    found.value.version !== found.address.seq
  )
    throw new HearthError(
      'TAMPERED',
      `The referral hand-off list of case ${caseId} does not match its address: it was altered outside Hearth.`,
    );
  return found.value;
}

/**
 * TAMPERED, reason REFERRALS_UNREADABLE: a case's hand-off list that does not open (changed
 * outside Hearth). Names the case id only (never the services or notes) and the next step.
 */
function referralsUnreadable(caseId: string): HearthError {
  return new HearthError(
    'TAMPERED',
    `The referral hand-off list of case ${caseId} cannot be read: it was changed outside Hearth, so nothing is written over it. An admin runs a vault check (hearth vault check), then restores the newest backup (hearth vault restore).`,
    { reason: 'REFERRALS_UNREADABLE' },
  );
}

/**
 * The stored list of a case (undefined before its first write). Callers check permission.
 * Errors: TAMPERED (REFERRALS_UNREADABLE) when the record does not open, so neither a follow-up
 * nor a planning save writes a new version over a list it could not read.
 */
export function readReferrals(
  records: RecordStore,
  caseId: string,
): { version: number; caseReference?: string; handoffs: ReferralHandoff[] } | undefined {
  let found: { address: RecordAddress; value: ReferralRecord } | undefined;
  try {
    found = records.get<ReferralRecord>(recordId(caseId));
  } catch (error) {
    if (error instanceof HearthError && error.code === 'TAMPERED')
      throw referralsUnreadable(caseId);
    throw error;
  }
  return found ? checked(caseId, found) : undefined;
}

/** Strips a hand-off to what the referral record holds (the advocate's note, no case content). */
export function toReferral(h: ReferralHandoff): ReferralHandoff {
  return {
    service: h.service,
    ...(h.note ? { note: h.note } : {}),
    ...(h.sessionId ? { sessionId: h.sessionId } : {}),
    status: h.status,
    flagged: h.flagged,
    ...(h.handedOff ? { handedOff: h.handedOff } : {}),
    ...(h.withdrawn ? { withdrawn: h.withdrawn } : {}),
    ...(h.followUp ? { followUp: h.followUp } : {}),
  };
}

/**
 * Writes the next version of a case's list with `put` (inside the caller's vault.write). The
 * advocate's follow-up of each service is kept from the stored list (the team's planning record
 * does not hold it), and the case reference from the caller, else from the stored list.
 */
export function putReferrals(
  put: (address: RecordAddress, value: unknown) => unknown,
  records: RecordStore,
  caseId: string,
  handoffs: ReferralHandoff[],
  caseReference?: string,
): void {
  const stored = readReferrals(records, caseId);
  const version = (stored?.version ?? 0) + 1;
  const followUps = new Map(stored?.handoffs.map((h) => [h.service, h.followUp]) ?? []);
  const reference = caseReference ?? stored?.caseReference;
  const value: ReferralRecord = {
    caseId,
    version,
    ...(reference ? { caseReference: reference } : {}),
    handoffs: handoffs.map((h) => {
      const followUp = h.followUp ?? followUps.get(h.service);
      return toReferral(followUp ? { ...h, followUp } : h);
    }),
  };
  put(
    {
      recordId: recordId(caseId),
      containerId: caseId,
      kind: KIND,
      seq: version,
      keyRef: REFERRAL_KEY,
    },
    value,
  );
}

function requireReferralKey(vault: Vault): void {
  if (!referralKeyExists(vault))
    throw new HearthError(
      'NOT_FOUND',
      'This vault has no referral hand-off list yet: it was made before hand-offs had their own key. Ask an administrator to sign in once; the key is added then.',
    );
}

/** One case's list as `referrals.list` returns it. */
export interface ReferralCase {
  caseId: string;
  /** The case reference as the centre uses it (absent for lists written before B19-6). */
  caseReference?: string;
  handoffs: ReferralHandoff[];
}

/**
 * `referrals.list`: the hand-off lists, of one case or of every case with one, as
 * `{ cases: [{ caseId, caseReference?, handoffs }], names, unreadable }` (unreadable: the ids of
 * cases whose list does not open, changed outside Hearth: named, never dropped; sec59, R25-1 C
 * flip form) (service, note for the advocate,
 * status, follow-up, session id, who and when; nothing else of the case). `names` maps each
 * username in a stamp to its display name (from the staff directory, which the advocate's key
 * opens). Audited as 'referrals.list'. Errors: FORBIDDEN (roles without referrals.read:
 * trainers), NOT_FOUND (the vault has no referral key yet: an admin signs in once to add it).
 */
export function listReferrals(
  vault: Vault,
  caseId?: string,
): { cases: ReferralCase[]; names: Record<string, string>; unreadable: string[] } {
  vault.requireAudited('referrals.read', 'referrals.list', caseId);
  requireReferralKey(vault);
  return vault.read('referrals.list', caseId, (records) => {
    // Along the primary key ('referrals:<case>' ids), never records_by_kind, which can be rebuilt
    // outside Hearth to leave a case's hand-offs out (sec55, R24-10's kind).
    const found = records.listKindByIdPrefix<ReferralRecord>(KIND, `${KIND}:`, caseId);
    // A list that fails authentication, or is sealed under a key other than the referral key
    // (its key_ref edited), is named by its case, never left out of the advocate's list.
    const unreadable = [...found.unreadable, ...found.forbidden]
      .map((id) => id.slice(`${KIND}:`.length))
      .sort();
    const cases = found.records
      .map((r) => checked(r.address.containerId, r))
      .map((r) => ({
        caseId: r.caseId,
        ...(r.caseReference ? { caseReference: r.caseReference } : {}),
        handoffs: r.handoffs.map(toReferral),
      }))
      .sort((a, b) => a.caseId.localeCompare(b.caseId));
    const stamped = new Set(
      cases.flatMap((c) =>
        c.handoffs.flatMap((h) =>
          [h.flagged, h.handedOff, h.withdrawn, h.followUp].flatMap((x) => (x ? [x.by] : [])),
        ),
      ),
    );
    const names: Record<string, string> = {};
    for (const p of listUserProfiles(records))
      if (stamped.has(p.username)) names[p.username] = p.displayName;
    return { cases, names, unreadable };
  });
}

/**
 * `referrals.followUp`: the advocate records what became of a hand-off: 'contacted' (the
 * family was reached), 'done' (the service took it on) or 'declined' (the family declined),
 * stamped with who and when, as the next version of the case's referral list (the earlier
 * versions stay). Audited as 'referrals.followUp'. Errors: FORBIDDEN (roles without
 * referrals.followUp: trainers, reviewers), NOT_FOUND (no referral key, no list for the case, or
 * the service was not flagged for it), INVALID_INPUT (a withdrawn hand-off: the team took it back).
 */
export function followUpReferral(
  vault: Vault,
  input: { caseId: string; service: string; status: AdvocateStatus },
): ReferralHandoff {
  const user = vault.requireAudited('referrals.followUp', 'referrals.followUp', input.caseId);
  requireReferralKey(vault);
  const stored = vault.read('referrals.followUp', input.caseId, (records) =>
    readReferrals(records, input.caseId),
  );
  const target = stored?.handoffs.find((h) => h.service === input.service);
  if (!stored || !target)
    throw new HearthError(
      'NOT_FOUND',
      `No hand-off of "${input.service}" is on this case's list. Reload the list; the team may have changed it.`,
    );
  if (target.status === 'withdrawn')
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. service: the team withdrew the "${input.service}" hand-off. Ask the interviewer before following it up.`,
    );
  const updated: ReferralHandoff = {
    ...target,
    followUp: { status: input.status, at: vault.nowIso(), by: user.username },
  };
  vault.write('referrals.followUp', input.caseId, (put) =>
    putReferrals(
      put,
      vault.records,
      input.caseId,
      stored.handoffs.map((h) => (h.service === input.service ? updated : h)),
    ),
  );
  return toReferral(updated);
}
