// The referral hand-off list of a case (issue #19; NCA Standards, victim advocacy: the MDT family
// advocate follows up the services the team flags). It is its own sealed record (kind
// 'referrals', one version per change) under the referral data-class key, which the family
// advocate holds and the case key does not open: the advocate reads which services were flagged
// and handed off, by whom and when, and nothing of the case. Notes on a hand-off are case
// content: they stay in the planning record (class:case), keyed by service.
import { classKey, HearthError, type RecordAddress, type Vault } from '../vault';

export interface Stamp {
  at: string;
  by: string;
}

/** One hand-off as the advocate sees it: no note, no case content. */
export interface ReferralHandoff {
  /** Service id from REFERRAL_SERVICES (team-content.ts). */
  service: string;
  /** The session whose end flagged it, if any (an id, no content). */
  sessionId?: string;
  /** 'withdrawn': unticked after flagging; kept, never deleted (the advocate sees it was). */
  status: 'flagged' | 'handed-off' | 'withdrawn';
  flagged: Stamp;
  handedOff?: Stamp;
  withdrawn?: Stamp;
}

interface ReferralRecord {
  caseId: string;
  version: number;
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
  return vault.keys.currentId(REFERRAL_KEY) !== undefined;
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

/** The stored list of a case (undefined before its first write). Callers check permission. */
export function readReferrals(
  records: RecordStore,
  caseId: string,
): { version: number; handoffs: ReferralHandoff[] } | undefined {
  const found = records.get<ReferralRecord>(recordId(caseId));
  return found ? checked(caseId, found) : undefined;
}

/** Strips a hand-off to what the referral record holds (never a note). */
export function toReferral(h: ReferralHandoff): ReferralHandoff {
  return {
    service: h.service,
    ...(h.sessionId ? { sessionId: h.sessionId } : {}),
    status: h.status,
    flagged: h.flagged,
    ...(h.handedOff ? { handedOff: h.handedOff } : {}),
    ...(h.withdrawn ? { withdrawn: h.withdrawn } : {}),
  };
}

/** Writes the next version of a case's list with `put` (inside the caller's vault.write). */
export function putReferrals(
  put: (address: RecordAddress, value: unknown) => unknown,
  records: RecordStore,
  caseId: string,
  handoffs: ReferralHandoff[],
): void {
  const version = (readReferrals(records, caseId)?.version ?? 0) + 1;
  const value: ReferralRecord = { caseId, version, handoffs: handoffs.map(toReferral) };
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

/**
 * `referrals.list`: the hand-off lists, of one case or of every case with one, as
 * `[{ caseId, handoffs }]` (service, status, session id, who and when; no note, no case content).
 * Audited as 'referrals.list'. Errors: FORBIDDEN (roles without referrals.read: trainers),
 * NOT_FOUND (the vault has no referral key yet: an admin signs in once to add it).
 */
export function listReferrals(
  vault: Vault,
  caseId?: string,
): Array<{ caseId: string; handoffs: ReferralHandoff[] }> {
  vault.requireAudited('referrals.read', 'referrals.list', caseId);
  if (!referralKeyExists(vault))
    throw new HearthError(
      'NOT_FOUND',
      'This vault has no referral hand-off list yet: it was made before hand-offs had their own key. Ask an administrator to sign in once; the key is added then.',
    );
  return vault.read('referrals.list', caseId, (records) => {
    const found = records.list<ReferralRecord>(KIND, caseId);
    return found.records
      .map((r) => checked(r.address.containerId, r))
      .map((r) => ({ caseId: r.caseId, handoffs: r.handoffs.map(toReferral) }))
      .sort((a, b) => a.caseId.localeCompare(b.caseId));
  });
}
