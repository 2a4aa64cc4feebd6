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
}

function parsePinnedList(listText: string): PinnedList {
  const keys = new Map<string, { role: string; username: string }>();
  let issuedAt: string | undefined;
  for (const line of listText.replace(/\r\n/g, '\n').split('\n')) {
    const issued = /^issued (\S+) by /.exec(line);
    if (issued) issuedAt = issued[1];
    const [keyLine, role, username] = line.split(' ');
    if (!keyLine || !role || !username || line.startsWith('#')) continue;
    try {
      keys.set(toHex(parsePublicKey(keyLine).publicKey), { role, username });
    } catch {
      // not a key line
    }
  }
  return issuedAt === undefined ? { keys } : { keys, issuedAt };
}

/** Why a key is not on the list, as far as the dates tell (a nested fact `identityWhy.*`). */
function whyNotOnList(pinnedAt: string | undefined, issuedAt: string, signedAt?: string): Fact {
  if (pinnedAt !== undefined && issuedAt > pinnedAt) return fact('identityWhy.certifiedAfter');
  if (signedAt !== undefined && pinnedAt !== undefined && signedAt <= pinnedAt)
    return fact('identityWhy.withdrawnBefore');
  return fact('identityWhy.unknown');
}

/**
 * The NOT PROVEN facts for `signers` against the pinned list text (staff-keys.txt as pinned;
 * its minisig already checked): one per signer whose key is not on the list
 * (`identityNotOnList`), or is on it under another role or user name (`identityOtherName`).
 * Each names the key (`key`: nested `identityKey` fact), the list (`list`: `identityList` or
 * `identityListIssued`) and what to do. Empty when every signer is on the list as certified.
 */
export function identityNotProven(pinnedListText: string, signers: BundleSigner[]): Fact[] {
  const pinned = parsePinnedList(pinnedListText);
  const list =
    pinned.issuedAt === undefined
      ? fact('identityList')
      : fact('identityListIssued', { issuedAt: pinned.issuedAt });
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
