// Who signed a bundle, against the staff list a prosecutor pinned (red team round 4, M2/M3). The
// certificates inside a bundle are the exporter's choice: an admin (who holds the centre key) can
// certify a fresh key for anyone's name outside the vault, and a removed staff member's
// re-export carries their old certificate without its withdrawal. Both verify as content. Only
// a staff list obtained from the centre and pinned (`hearth verify --staff FILE`, checked against
// centre.pub by the caller) proves who signed: a signer not on it, or on it under another role or
// name, leaves the identity NOT PROVEN, a verdict of its own (not valid, exit 1), with what to do.
// Without a pinned list the report says plainly that identity was not checked.
// The sentences are the verify report's own lines (English, like the rest of `proven` and
// `notProven`); each is a new entry, none rewrites an existing one.
import { parsePublicKey } from '../crypto';
import { toHex } from './encoding';
import { publicKeyFingerprint, visibleText, type Certificate } from '../vault';

/** The `notProven` line of a verdict checked without a pinned staff list. */
export const IDENTITY_NOT_CHECKED =
  "IDENTITY NOT PROVEN: who signed was checked only against the certificates inside the bundle, which its exporter chose, not against a staff list you pinned. Any admin of the centre can certify a key for any name, and a removed staff member's re-export carries their old certificate without its withdrawal. To prove who signed, verify again with the centre's staff list (hearth verify --staff FILE; the centre writes FILE and FILE.minisig with hearth keys staff --out FILE).";

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

const NEXT =
  "Obtain the centre's current staff list from the centre itself (hearth keys staff --out FILE, its signature checked against centre.pub) and verify again with --staff FILE; if the key is still not on it, do not rely on this bundle and ask the centre who holds that key.";

/**
 * The NOT PROVEN sentences for `signers` against the pinned list text (staff-keys.txt as pinned;
 * its minisig already checked): one per signer whose key is not on the list, or is on it under
 * another role or user name. Empty when every signer is on the list as certified.
 */
export function identityNotProven(pinnedListText: string, signers: BundleSigner[]): string[] {
  const pinned = parsePinnedList(pinnedListText);
  const listed =
    pinned.issuedAt === undefined
      ? 'the staff list you pinned'
      : `the staff list you pinned (issued ${pinned.issuedAt})`;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const { what, cert, signedAt } of signers) {
    const { publicKey, username, role, issuedAt } = cert.statement;
    if (seen.has(`${what} ${publicKey}`)) continue;
    seen.add(`${what} ${publicKey}`);
    const name = visibleText(username);
    const key = `the ${what} key of ${name} (${role}, fingerprint ${publicKeyFingerprint(publicKey)}, certified ${issuedAt}${signedAt !== undefined ? `, signed ${signedAt}` : ''})`;
    const entry = pinned.keys.get(publicKey);
    if (entry === undefined) {
      const why =
        pinned.issuedAt !== undefined && issuedAt > pinned.issuedAt
          ? 'it was certified after that list, so the list cannot vouch for it'
          : signedAt !== undefined && pinned.issuedAt !== undefined && signedAt <= pinned.issuedAt
            ? 'it was withdrawn before that list (a removed staff member), or certified for a name outside the vault'
            : 'it was withdrawn (a removed staff member), certified after that list, or certified for a name outside the vault';
      out.push(`NOT PROVEN: ${key} is not on ${listed}: ${why}. ${NEXT}`);
    } else if (entry.role !== role || entry.username !== username)
      out.push(
        `NOT PROVEN: ${key} is on ${listed} as ${visibleText(entry.role)} ${visibleText(entry.username)}, not as the bundle's certificate says: the certificate was made outside the vault. ${NEXT}`,
      );
  }
  return out;
}
