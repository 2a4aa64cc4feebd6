// Who signed a bundle, against the staff list a prosecutor pinned (red team round 4, M2/M3). The
// certificates inside a bundle are the exporter's choice: an admin (who holds the centre key) can
// certify a fresh key for anyone's name outside the vault, and a removed staff member's
// re-export carries their old certificate without its withdrawal. Both verify as content. Only
// a staff list obtained from the centre and pinned (`hearth verify --staff FILE`, checked against
// centre.pub by the caller) proves who signed: a signer not on it, or on it under another role or
// name, leaves the identity NOT PROVEN, a verdict of its own (not valid, exit 1), with what to do.
// Without a pinned list the report says plainly that identity was not checked.
// Stated as facts (verify-facts.ts): stable codes and values, worded per language from
// locales/<lang>/verify.json (`facts.identity*`), so `--lang es` and the app say them in Spanish.
import { parsePublicKey } from '../crypto';
import { toHex } from './encoding';
import { BundleError } from './errors';
import { fact, type Fact } from './verify-facts';
import { publicKeyFingerprint, visibleText, type Certificate } from '../vault';

/** The fact code of the `notProven` entry of a verdict checked without a pinned staff list. */
export const IDENTITY_NOT_CHECKED = 'identityNotChecked';
/** Fact codes of the NOT PROVEN entries (a signer not on the pinned list, or under another name). */
export const IDENTITY_NOT_ON_LIST = 'identityNotOnList';
export const IDENTITY_OTHER_NAME = 'identityOtherName';
/** Every identity fact code, so a caller can pick them out of `notProvenFacts`. */
export const IDENTITY_FACT_CODES: readonly string[] = [
  IDENTITY_NOT_CHECKED,
  IDENTITY_NOT_ON_LIST,
  IDENTITY_OTHER_NAME,
];

/** A signer of the bundle: what they signed, their certificate, and when they signed (ISO). */
export interface BundleSigner {
  what: 'sealing' | 'addendum' | 'exporting';
  cert: Certificate;
  signedAt?: string;
}

interface PinnedList {
  /** public key hex -> { role, username } */
  keys: Map<string, { role: string; username: string }>;
  /** The list's "issued <ISO> by <admin>" line, when present. */
  issuedAt?: string;
  /** The list's "list number N" line (lists from before it have none). */
  number?: number;
}

function parsePinnedList(listText: string): PinnedList {
  const keys = new Map<string, { role: string; username: string }>();
  let issuedAt: string | undefined;
  let number: number | undefined;
  for (const line of listText.replace(/\r\n/g, '\n').split('\n')) {
    const issued = /^issued (\S+) by /.exec(line);
    if (issued) issuedAt = issued[1];
    const numbered = /^list number ([1-9][0-9]{0,14})$/.exec(line);
    if (numbered) number = Number(numbered[1]);
    const [keyLine, role, username] = line.split(' ');
    if (!keyLine || !role || !username || line.startsWith('#')) continue;
    try {
      keys.set(toHex(parsePublicKey(keyLine).publicKey), { role, username });
    } catch {
      // not a key line
    }
  }
  return {
    keys,
    ...(issuedAt !== undefined ? { issuedAt } : {}),
    ...(number !== undefined ? { number } : {}),
  };
}

/** A centre-signed staff list the verifier was given, its signature already checked. */
export interface StaffListCandidate {
  /** 'pinned': given by the person verifying; 'bundle': the bundle's own staff-keys.txt. */
  source: 'pinned' | 'bundle';
  text: string;
}

/**
 * The lists identity is checked against: the newest pinned list, and the bundle's own list when
 * it is newer still. A key must be on the pinned list; a newer list from the bundle can only
 * take keys away (a withdrawal since the pin), never vouch for a key the pinned list lacks: the
 * bundle's list is the exporter's choice, and an admin holds the centre key (red team round 5).
 */
export interface StaffListsUsed {
  pinned: StaffListCandidate;
  newer?: StaffListCandidate;
}

/** Whether list `a` was issued after list `b`: by list number when both have one, else by date. */
function isNewer(a: PinnedList, b: PinnedList): boolean {
  if (a.number !== undefined && b.number !== undefined) return a.number > b.number;
  return a.issuedAt !== undefined && b.issuedAt !== undefined && a.issuedAt > b.issuedAt;
}

/** The list text as signed content, line ends normalised, for telling two lists apart. */
function listBody(text: string): string {
  return text.replace(/\r\n/g, '\n').trim();
}

/**
 * Refuses two different lists with the same number (red team round 6, R6-3): a restore of an
 * older backup, or a whole-file rollback, resets the count, so the next list reuses a number
 * already given out. Choosing either by the order they were given would let that order decide
 * the verdict. Throws BundleError STAFF_LIST_CONFLICT naming both (number, issue date).
 */
function assertNoNumberConflict(
  candidates: ReadonlyArray<{ text: string; parsed: PinnedList; source: string }>,
): void {
  for (const [i, a] of candidates.entries())
    for (const b of candidates.slice(i + 1)) {
      if (a.parsed.number === undefined || a.parsed.number !== b.parsed.number) continue;
      if (listBody(a.text) === listBody(b.text)) continue;
      throw new BundleError(
        'STAFF_LIST_CONFLICT',
        `Two different centre-signed staff lists are both numbered ${a.parsed.number}: the ${a.source} list issued ${a.parsed.issuedAt ?? '(no date)'} and the ${b.source} list issued ${b.parsed.issuedAt ?? '(no date)'}. The centre's vault was restored from a backup or rolled back, so the number was given out twice. Ask the centre which list is current, and give only that one.`,
      );
    }
}

/**
 * Picks the lists to use from the pinned lists (at least one; the newest wins) and the bundle's
 * own list (every one already checked against the pinned centre key). Throws on an empty array,
 * and BundleError STAFF_LIST_CONFLICT when two different lists share a number.
 */
export function staffListsToUse(
  pinnedTexts: readonly string[],
  bundleText: string,
): StaffListsUsed {
  const first = pinnedTexts[0];
  if (first === undefined) throw new Error('staffListsToUse: no pinned list');
  const pinnedLists = pinnedTexts.map((text, i) => ({
    text,
    parsed: parsePinnedList(text),
    source: `pinned (${i + 1} of ${pinnedTexts.length})`,
  }));
  const bundleList = { text: bundleText, parsed: parsePinnedList(bundleText), source: "bundle's" };
  assertNoNumberConflict([...pinnedLists, bundleList]);
  let best = pinnedLists[0] as (typeof pinnedLists)[number];
  for (const list of pinnedLists.slice(1)) if (isNewer(list.parsed, best.parsed)) best = list;
  const pinned: StaffListCandidate = { source: 'pinned', text: best.text };
  return isNewer(bundleList.parsed, best.parsed)
    ? { pinned, newer: { source: 'bundle', text: bundleText } }
    : { pinned };
}

/** How a list is named in the report (`identityList*` facts). */
function listFact(source: StaffListCandidate['source'], list: PinnedList): Fact {
  if (source === 'bundle')
    return fact('identityListBundle', {
      issuedAt: list.issuedAt ?? '?',
      number: list.number !== undefined ? String(list.number) : '?',
    });
  if (list.issuedAt === undefined) return fact('identityList');
  return list.number === undefined
    ? fact('identityListIssued', { issuedAt: list.issuedAt })
    : fact('identityListNumbered', { issuedAt: list.issuedAt, number: String(list.number) });
}

/** The fact naming the staff lists identity was checked against (`identityListUsed*`). */
export function staffListUsedFact(used: StaffListsUsed): Fact {
  const pinned = listFact('pinned', parsePinnedList(used.pinned.text));
  return used.newer === undefined
    ? fact('identityListUsed', { list: pinned })
    : fact('identityListUsedNewer', {
        list: pinned,
        newer: listFact('bundle', parsePinnedList(used.newer.text)),
      });
}

/** Why a key is not on the list, as far as the dates tell (a nested fact `identityWhy.*`). */
function whyNotOnList(pinnedAt: string | undefined, issuedAt: string, signedAt?: string): Fact {
  if (pinnedAt !== undefined && issuedAt > pinnedAt) return fact('identityWhy.certifiedAfter');
  if (signedAt !== undefined && pinnedAt !== undefined && signedAt <= pinnedAt)
    return fact('identityWhy.withdrawnBefore');
  return fact('identityWhy.unknown');
}

/**
 * The NOT PROVEN facts for `signers` against the staff lists used (`staffListsToUse`; their
 * minisigs already checked): one per signer whose key is not on the list
 * (`identityNotOnList`), or is on it under another role or user name (`identityOtherName`).
 * Each names the key (`key`: nested `identityKey` fact), the list (`list`: `identityList` or
 * `identityListIssued`) and what to do. Empty when every signer is on the list as certified.
 */
export function identityNotProven(used: StaffListsUsed, signers: BundleSigner[]): Fact[] {
  const pinned = parsePinnedList(used.pinned.text);
  const list = listFact('pinned', pinned);
  const newer = used.newer === undefined ? undefined : parsePinnedList(used.newer.text);
  const out: Fact[] = [];
  const seen = new Set<string>();
  for (const { what, cert, signedAt } of signers) {
    const { publicKey, username, role, issuedAt } = cert.statement;
    if (seen.has(`${what} ${publicKey}`)) continue;
    seen.add(`${what} ${publicKey}`);
    const key = fact(signedAt !== undefined ? 'identityKeySigned' : 'identityKey', {
      what: fact(`what.${what}`),
      username: visibleText(username),
      role: fact(`roles.${role}`, undefined, visibleText(role)),
      fingerprint: publicKeyFingerprint(publicKey),
      issuedAt,
      ...(signedAt !== undefined ? { signedAt } : {}),
    });
    const entry = pinned.keys.get(publicKey);
    if (entry === undefined)
      out.push(
        fact(IDENTITY_NOT_ON_LIST, {
          key,
          list,
          why: whyNotOnList(pinned.issuedAt, issuedAt, signedAt),
        }),
      );
    else if (newer !== undefined && !newer.keys.has(publicKey))
      out.push(
        fact(IDENTITY_NOT_ON_LIST, {
          key,
          list: listFact('bundle', newer),
          why: fact('identityWhy.withdrawnSincePinned'),
        }),
      );
    else if (entry.role !== role || entry.username !== username)
      out.push(
        fact(IDENTITY_OTHER_NAME, {
          key,
          list,
          listedRole: fact(`roles.${entry.role}`, undefined, visibleText(entry.role)),
          listedUsername: visibleText(entry.username),
        }),
      );
  }
  return out;
}
